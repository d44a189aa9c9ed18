'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { confirmFollow } from '@/lib/notifications/follow';
import { pageLocale } from '@/lib/people/form-messages';

/** The confirmation link's button: the token is the proof (no session; an exception to the wrapper). */
export async function confirmFollowAction(locale: string, form: FormData): Promise<void> {
  const lang = pageLocale(locale);
  if (!isSameOriginRequest(await headers(), env().APP_URL)) redirect(`/${lang}/follow/confirm?error=1`);
  const token = String(form.get('token') ?? '');
  const done = await confirmFollow(await getDb(), token);
  redirect(done ? `/${lang}/follow/confirm?done=${encodeURIComponent(done.councilSlug)}` : `/${lang}/follow/confirm?error=1`);
}
