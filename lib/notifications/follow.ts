import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/client';
import { councilSubscriptions, councils, places } from '../../db/schema';
import { mailTranslator } from '../../emails/i18n';
import { catalogues } from '../../messages';
import { createTranslator } from 'next-intl';
import { authSecret } from '../auth/auth-secret';
import { env } from '../env';
import { consumeAll } from '../limits/rate-limit';
import { rateLimitRules } from '../limits/rules';
import { enqueueMail } from '../mail/outbox';
import { localisedPlaceNames } from '../places/localised-place-names';
import { councilNameIn } from '../ties/council-page';
import { newToken } from './status-notifications';
import { noticeLocale, renderNotice, siteUrl } from './notice-mail';

/**
 * Anyone may follow a council by email, without an account: the address gets a confirmation
 * link, and nothing else until it is used. Limited per address and per client address
 * (lib/limits/rules.ts); every request gets the same answer, whether the address already
 * follows, is new, or was refused by a limit, so the form tells nobody who follows what.
 * Not an action of the wrapper: no person is signed in; the confirmation link is the proof
 * (lib/actions/mutations-through-wrapper.test.ts lists it as an exception).
 */
export const followInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
});

const hash = (token: string) => crypto.createHmac('sha256', authSecret()).update(`follow:${token}`).digest('base64url');

export type FollowOutcome = 'sent' | 'limited' | 'no_council';

export async function requestFollow(
  db: Database,
  input: { councilSlug: string; email: string; locale: string; ip: string | null; now?: Date },
): Promise<FollowOutcome> {
  const now = input.now ?? new Date();
  const locale = noticeLocale(input.locale);
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [council] = await tx.select().from(councils).where(eq(councils.slug, input.councilSlug));
    if (!council) return 'no_council';
    const rules = rateLimitRules();
    const limit = await consumeAll(
      tx,
      [{ rule: rules.followPerAddress, key: email }, ...(input.ip ? [{ rule: rules.followPerIp, key: input.ip }] : [])],
      now,
    );
    if (!limit.allowed) return 'limited';
    const [existing] = await tx
      .select()
      .from(councilSubscriptions)
      .where(and(eq(councilSubscriptions.councilId, council.id), eq(sql`lower(${councilSubscriptions.email})`, email)));
    // Already hearing from this council: nothing to confirm, and the same answer as anyone else.
    if (existing?.confirmedAt && !existing.unsubscribedAt) return 'sent';
    const token = newToken();
    if (existing) {
      await tx.update(councilSubscriptions).set({ confirmTokenHash: hash(token), locale }).where(eq(councilSubscriptions.id, existing.id));
    } else {
      await tx.insert(councilSubscriptions).values({ councilId: council.id, email, locale, kind: 'follower', confirmTokenHash: hash(token), unsubscribeToken: newToken() });
    }
    const name = await councilDisplayName(tx, council, locale);
    const t = mailTranslator(locale);
    const mail = await renderNotice({
      locale,
      subject: t('followConfirm.subject', { council: name }),
      preview: t('followConfirm.subject', { council: name }),
      heading: t('followConfirm.heading', { council: name }),
      intro: [t('followConfirm.intro')],
      button: { label: t('followConfirm.button'), href: siteUrl(`/${locale}/follow/confirm?${new URLSearchParams({ token })}`) },
      outro: [t('followConfirm.ignore')],
      reason: t('followConfirm.reason', { host: new URL(env().APP_URL).host }),
    });
    await enqueueMail(tx, { kind: 'notification', to: [email], subject: mail.subject, html: mail.html, text: mail.text });
    return 'sent';
  });
}

/** The confirmation link, used (by a POST from its page, so a mail scanner opening it changes nothing). */
export async function confirmFollow(db: Queryable, token: string, now = new Date()): Promise<{ councilSlug: string } | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const [sub] = await db
    .select({ id: councilSubscriptions.id, slug: councils.slug })
    .from(councilSubscriptions)
    .innerJoin(councils, eq(councils.id, councilSubscriptions.councilId))
    .where(eq(councilSubscriptions.confirmTokenHash, hash(token)));
  if (!sub) return null;
  await db.update(councilSubscriptions).set({ confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null }).where(eq(councilSubscriptions.id, sub.id));
  return { councilSlug: sub.slug };
}

export async function councilDisplayName(db: Queryable, council: typeof councils.$inferSelect, locale: string): Promise<string> {
  const own = councilNameIn(council, locale)?.text;
  if (own) return own;
  const [place] = await db.select({ name: places.name }).from(places).where(eq(places.id, council.placeId));
  const names = await localisedPlaceNames(db, [council.placeId], locale);
  const lang = noticeLocale(locale);
  const tCouncil = createTranslator({ locale: lang, messages: catalogues[lang], namespace: 'Council' });
  return tCouncil('councilOf', { place: names.get(council.placeId) ?? place?.name ?? council.slug });
}

/** A subscription by its unsubscribe token, for the unsubscribe page. */
export async function subscriptionByToken(db: Queryable, token: string, locale: string) {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const [row] = await db
    .select({ sub: councilSubscriptions, council: councils })
    .from(councilSubscriptions)
    .innerJoin(councils, eq(councils.id, councilSubscriptions.councilId))
    .where(eq(councilSubscriptions.unsubscribeToken, token));
  if (!row) return null;
  return { unsubscribed: row.sub.unsubscribedAt !== null, councilName: await councilDisplayName(db, row.council, locale), councilSlug: row.council.slug };
}
