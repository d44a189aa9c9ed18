'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { followInput, requestFollow } from '@/lib/notifications/follow';
import { pageLocale } from '@/lib/people/form-messages';

/**
 * Follow a council by email: no sign-in, so not through the action wrapper (there is no person
 * to check); the Origin is checked here as the wrapper would, the address and client are
 * rate-limited, and every outcome but a malformed address gets the same answer.
 */
export async function followCouncilAction(locale: string, slug: string, _previous: { error: string | null }, form: FormData): Promise<{ error: string | null }> {
  const lang = pageLocale(locale);
  const h = await headers();
  if (!isSameOriginRequest(h, env().APP_URL)) return { error: 'foreign_origin' };
  const parsed = followInput.safeParse({ email: form.get('email') ?? '' });
  if (!parsed.success) return { error: 'email' };
  const outcome = await requestFollow(await getDb(), { councilSlug: slug, email: parsed.data.email, locale: lang, ip: clientIp(h) });
  if (outcome === 'no_council') return { error: 'no_council' };
  redirect(`/${lang}/follow/${slug}?sent=1`);
}
