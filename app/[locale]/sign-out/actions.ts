'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/auth';
import { isLocale } from '@/lib/auth/callback-path';
import { env } from '@/lib/env';
import { isSameOriginRequest } from '@/lib/http/same-origin';

/** Ends the session: Auth.js deletes its row, so the cookie is refused even if replayed. */
export async function signOutAction(form: FormData): Promise<void> {
  const locale = form.get('locale');
  const page = `/${isLocale(locale) ? locale : 'uk'}/sign-out`;
  // Next.js refuses cross-site action calls itself; this is the app's own rule, kept in case.
  if (!isSameOriginRequest(await headers(), env().APP_URL)) redirect(`${page}?error=foreign_origin`);
  await signOut({ redirect: false });
  redirect(page);
}
