import { handlers } from '@/lib/auth/auth';
import { authRoute } from '@/lib/auth/auth-route';

// Auth.js behind the app's CSRF check and the rule that only a POST redeems a sign-in link.
export const { GET, POST } = authRoute(handlers);
