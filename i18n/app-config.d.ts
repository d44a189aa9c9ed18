import type { Messages } from '../messages';
import type { routing } from './routing';

// Type-checks every translation key and locale used with next-intl against the English messages.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
