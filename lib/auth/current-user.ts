import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db/client';
import { type CurrentUser, loadSession } from './session';

/** Auth.js's session cookie: `__Secure-` prefixed when the app is served over HTTPS. */
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/**
 * The signed-in person of this request, or null. Once per request (React `cache`), whatever
 * number of components and actions ask.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!token) return null;
  return loadSession(await getDb(), token);
});

/**
 * The signed-in person, or a redirect to the sign-in page that comes back to `returnTo` (a path
 * on this site, with its locale) afterwards: the gate of every page that needs a session.
 */
export async function requireUser(locale: string, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
