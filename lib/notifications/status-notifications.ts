import crypto from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createTranslator } from 'next-intl';
import type { Database, Queryable, Transaction } from '../../db/client';
import {
  appeals,
  councilSubscriptions,
  councils,
  notificationScans,
  places,
  statusChangeNotices,
  tieEventEffects,
  tieEvents,
  ties,
  users,
} from '../../db/schema';
import { mailTranslator } from '../../emails/i18n';
import { catalogues } from '../../messages';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import { localisedPlaceNames } from '../places/localised-place-names';
import { councilNameIn } from '../ties/council-page';
import type { TieStatus } from '../ties/lifecycle';
import { noticeLocale, renderNotice, siteUrl } from './notice-mail';

/**
 * Telling people when a council's ties change status. The write path (fireTieEvent) knows
 * nothing of this: a periodic job reads what it wrote. Two steps, each in its own transactions:
 *
 * 1. scan: the events recorded since the last scan (with an overlap, so an event whose
 *    transaction committed late is not missed) that still count and moved a tie from one status
 *    to another become one notice per subscriber of the tie's council. Writers (the activists
 *    whose letter reached the council) get a subscription row the first time; followers have
 *    one since they confirmed. A notice exists once per subscriber and event (primary key), so
 *    overlapping scans add nothing twice.
 * 2. send: a subscriber whose oldest waiting notice is NOTIFY_GROUP_SECONDS old gets ONE mail
 *    with every waiting notice, in their language, with a one-click unsubscribe (RFC 8058), and
 *    the notices are marked with that mail in the same transaction as the outbox row.
 */
export const SCAN_NAME = 'status_changes';
/** Events are read back this far behind the last scan: a transaction may commit after a scan that
 * began after its recorded_at. */
const OVERLAP_MS = 5 * 60 * 1000;

export type ScanResult = { events: number; notices: number };

export async function scanStatusChanges(db: Database, now = new Date()): Promise<ScanResult> {
  return db.transaction(async (tx) => {
    // One scan at a time, whichever process runs it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('notifications:scan'))`);
    const [state] = await tx.select().from(notificationScans).where(eq(notificationScans.name, SCAN_NAME));
    if (!state) {
      // The first scan starts the record: what happened before notifications existed is not news.
      await tx.insert(notificationScans).values({ name: SCAN_NAME, scannedUntil: now });
      return { events: 0, notices: 0 };
    }
    const from = new Date(state.scannedUntil.getTime() - OVERLAP_MS);
    const changes = await tx
      .select({ eventId: tieEvents.id, recordedAt: tieEvents.recordedAt, councilId: councils.id })
      .from(tieEvents)
      .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
      .innerJoin(ties, eq(ties.id, tieEvents.tieId))
      .innerJoin(councils, eq(councils.placeId, ties.placeId))
      .where(
        and(
          gt(tieEvents.recordedAt, from),
          lte(tieEvents.recordedAt, now),
          eq(tieEventEffects.counts, true),
          isNotNull(tieEventEffects.fromStatus),
          ne(tieEventEffects.fromStatus, tieEventEffects.toStatus),
          ne(tieEvents.type, 'recorded'),
        ),
      );
    let notices = 0;
    const councilIds = [...new Set(changes.map((c) => c.councilId))];
    for (const councilId of councilIds) {
      await ensureWriterSubscriptions(tx, councilId, now);
      const subscribers = await tx
        .select({ id: councilSubscriptions.id, since: councilSubscriptions.confirmedAt })
        .from(councilSubscriptions)
        .where(and(eq(councilSubscriptions.councilId, councilId), isNotNull(councilSubscriptions.confirmedAt), isNull(councilSubscriptions.unsubscribedAt)));
      const events = changes.filter((c) => c.councilId === councilId);
      // A subscriber hears of what happened since they wrote or confirmed, not before.
      const rows = subscribers.flatMap((s) =>
        events.filter((e) => s.since && e.recordedAt >= s.since).map((e) => ({ subscriptionId: s.id, eventId: e.eventId, createdAt: now })),
      );
      if (rows.length > 0) {
        const inserted = await tx.insert(statusChangeNotices).values(rows).onConflictDoNothing().returning({ eventId: statusChangeNotices.eventId });
        notices += inserted.length;
      }
    }
    await tx.update(notificationScans).set({ scannedUntil: now }).where(eq(notificationScans.name, SCAN_NAME));
    return { events: changes.length, notices };
  });
}

/** Every activist whose letter reached the council (sent by Untwin, or reported and counted) hears of it. */
async function ensureWriterSubscriptions(tx: Transaction, councilId: number, now: Date) {
  const writers = await tx
    .select({
      userId: users.id,
      email: users.email,
      locale: users.locale,
      language: sql<string>`min(${appeals.language})`,
      wroteAt: sql<string>`min(${appeals.createdAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(appeals)
    .innerJoin(users, eq(users.id, appeals.userId))
    .where(and(eq(appeals.councilId, councilId), inArray(appeals.state, ['sent', 'delivered']), isNull(users.bannedAt)))
    .groupBy(users.id, users.email, users.locale);
  for (const w of writers) {
    await tx
      .insert(councilSubscriptions)
      .values({
        councilId,
        email: w.email,
        locale: noticeLocale(w.locale ?? w.language),
        kind: 'writer',
        userId: w.userId,
        unsubscribeToken: newToken(),
        // From their first letter on: what changed since they wrote.
        confirmedAt: w.wroteAt < now ? w.wroteAt : now,
      })
      .onConflictDoNothing();
  }
}

export function newToken(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export function unsubscribeUrl(token: string): string {
  return siteUrl(`/api/unsubscribe/${token}`);
}

export type SendResult = { mails: number; notices: number };

/** Sends what is due: one mail per subscriber whose oldest waiting notice is old enough. */
export async function sendDueNotices(db: Database, now = new Date(), groupSeconds = env().NOTIFY_GROUP_SECONDS): Promise<SendResult> {
  const dueBefore = new Date(now.getTime() - groupSeconds * 1000);
  const due = await db
    .select({ subscriptionId: statusChangeNotices.subscriptionId })
    .from(statusChangeNotices)
    .where(isNull(statusChangeNotices.mailMessageId))
    .groupBy(statusChangeNotices.subscriptionId)
    .having(sql`min(${statusChangeNotices.createdAt}) <= ${dueBefore.toISOString()}::timestamptz`);
  let mails = 0;
  let notices = 0;
  for (const { subscriptionId } of due) {
    const sent = await db.transaction((tx) => sendToSubscriber(tx, subscriptionId));
    if (sent > 0) {
      mails++;
      notices += sent;
    }
  }
  return { mails, notices };
}

const partners = alias(places, 'partner');

async function sendToSubscriber(tx: Transaction, subscriptionId: number): Promise<number> {
  const [sub] = await tx.select().from(councilSubscriptions).where(eq(councilSubscriptions.id, subscriptionId)).for('update');
  if (!sub) return 0;
  const pending = await tx
    .select({
      eventId: tieEvents.id,
      tieId: ties.id,
      type: tieEvents.type,
      fromStatus: tieEventEffects.fromStatus,
      toStatus: tieEventEffects.toStatus,
      counts: tieEventEffects.counts,
      sessionOn: tieEvents.sessionOn,
      evidence: tieEvents.evidence,
      recorderRole: tieEvents.recorderRole,
      placeId: ties.placeId,
      partnerId: ties.partnerId,
      placeName: places.name,
      partnerName: partners.name,
    })
    .from(statusChangeNotices)
    .innerJoin(tieEvents, eq(tieEvents.id, statusChangeNotices.eventId))
    .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
    .innerJoin(ties, eq(ties.id, tieEvents.tieId))
    .innerJoin(places, eq(places.id, ties.placeId))
    .innerJoin(partners, eq(partners.id, ties.partnerId))
    .where(and(eq(statusChangeNotices.subscriptionId, sub.id), isNull(statusChangeNotices.mailMessageId)))
    .orderBy(asc(tieEvents.recordedAt), asc(tieEvents.id));
  if (pending.length === 0) return 0;
  // Unsubscribed meanwhile, or a change withdrawn before it was announced: nothing to say.
  const current = pending.filter((p) => p.counts);
  const markIds = pending.map((p) => p.eventId);
  if (sub.unsubscribedAt || current.length === 0) {
    await tx.delete(statusChangeNotices).where(and(eq(statusChangeNotices.subscriptionId, sub.id), inArray(statusChangeNotices.eventId, markIds)));
    return 0;
  }
  const mail = await composeStatusMail(tx, sub, current);
  const { id } = await enqueueMail(tx, {
    kind: 'notification',
    to: [sub.email],
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl(sub.unsubscribeToken)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  await tx
    .update(statusChangeNotices)
    .set({ mailMessageId: id })
    .where(and(eq(statusChangeNotices.subscriptionId, sub.id), inArray(statusChangeNotices.eventId, markIds)));
  await tx.update(councilSubscriptions).set({ lastNotifiedAt: new Date() }).where(eq(councilSubscriptions.id, sub.id));
  return current.length;
}

type PendingChange = {
  tieId: number;
  toStatus: TieStatus;
  fromStatus: TieStatus | null;
  sessionOn: string | null;
  evidence: { decisionNumber?: string; decisionDate?: string; decidedBy?: string } | null;
  recorderRole: string;
  placeId: number;
  partnerId: number;
  placeName: string;
  partnerName: string;
};

/** The mail: one entry per change, in the subscriber's language. */
export async function composeStatusMail(db: Queryable, sub: typeof councilSubscriptions.$inferSelect, changes: readonly PendingChange[]) {
  const locale = noticeLocale(sub.locale);
  const t = mailTranslator(locale);
  const tStatus = createTranslator({ locale, messages: catalogues[locale], namespace: 'TieStatus' });
  const tCouncil = createTranslator({ locale, messages: catalogues[locale], namespace: 'Council' });
  const [council] = await db.select().from(councils).where(eq(councils.id, sub.councilId));
  const names = await localisedPlaceNames(db, [...new Set(changes.flatMap((c) => [c.placeId, c.partnerId]))], locale);
  const placeName = names.get(council!.placeId) ?? changes[0]!.placeName;
  const councilName = councilNameIn(council!, locale)?.text ?? tCouncil('councilOf', { place: placeName });
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const items = changes.map((c) => {
    const details = [
      c.fromStatus ? t('statusChange.from', { status: tStatus(c.fromStatus) }) : null,
      c.sessionOn ? t('statusChange.session', { date: date(c.sessionOn) }) : null,
      c.evidence && (c.evidence.decisionNumber || c.evidence.decidedBy || c.evidence.decisionDate)
        ? t('statusChange.decision', {
            decision: [c.evidence.decisionNumber ? `№ ${c.evidence.decisionNumber}` : null, c.evidence.decisionDate && /^\d{4}-\d{2}-\d{2}$/.test(c.evidence.decisionDate) ? date(c.evidence.decisionDate) : c.evidence.decisionDate, c.evidence.decidedBy].filter(Boolean).join(', '),
          })
        : null,
      c.recorderRole === 'council_staff' ? t('statusChange.byStaff') : null,
    ].filter(Boolean);
    return {
      text: t('statusChange.item', { place: names.get(c.placeId) ?? c.placeName, partner: names.get(c.partnerId) ?? c.partnerName, status: tStatus(c.toStatus) }),
      detail: details.join(' · ') || null,
      href: siteUrl(`/${locale}/councils/${council!.slug}#tie-${c.tieId}`),
    };
  });
  const writer = sub.kind === 'writer';
  return renderNotice({
    locale,
    subject: t('statusChange.subject', { council: councilName, count: changes.length }),
    preview: t('statusChange.subject', { council: councilName, count: changes.length }),
    heading: t('statusChange.heading', { council: councilName }),
    intro: [writer ? t('statusChange.introWriter') : t('statusChange.introFollower')],
    items,
    button: { label: t('statusChange.button'), href: siteUrl(`/${locale}/councils/${council!.slug}`) },
    reason: writer ? t('statusChange.reasonWriter') : t('statusChange.reasonFollower'),
    unsubscribe: { label: t('statusChange.unsubscribe'), href: siteUrl(`/${locale}/unsubscribe/${sub.unsubscribeToken}`) },
  });
}

/** One-click unsubscribe (RFC 8058): the token is the whole authority. Idempotent. */
export async function unsubscribe(db: Queryable, token: string, now = new Date()): Promise<{ councilId: number; locale: string } | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  const [sub] = await db.select().from(councilSubscriptions).where(eq(councilSubscriptions.unsubscribeToken, token));
  if (!sub) return null;
  if (!sub.unsubscribedAt) await db.update(councilSubscriptions).set({ unsubscribedAt: now }).where(eq(councilSubscriptions.id, sub.id));
  return { councilId: sub.councilId, locale: sub.locale };
}
