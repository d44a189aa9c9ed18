import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type APPEAL_CHANNELS, appealTies, appeals, councils, places, ties, users } from '../../db/schema';
import type { Actor } from '../auth/permissions';
import { holdsRole } from '../auth/permissions';
import { type CampaignRef, type CouncilRef, campaignRefs } from '../people/queries';
import { localisedPlaceNames } from '../places/localised-place-names';
import { councilNameIn } from '../ties/council-page';
import type { TieStatus } from '../ties/lifecycle';
import { councilRecipients } from './recipients';
import { type AppealState, COUNTED_STATES } from './rules';

/**
 * What pages read about appeals: the public counters, a person's own appeals, the organisers'
 * moderation queue, and one letter for its writer to print or download. Council names come
 * localised, or null with the place's name for "Council of {place}" (lib/people/queries.ts).
 */
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** Appeals per council that count publicly (rules.ts: COUNTED_STATES), optionally within one campaign. */
export async function appealCounts(db: Queryable, options: { campaignId?: number } = {}): Promise<Map<number, number>> {
  const rows = await db
    .select({ councilId: appeals.councilId, n: count() })
    .from(appeals)
    .where(and(inArray(appeals.state, [...COUNTED_STATES]), options.campaignId === undefined ? undefined : eq(appeals.campaignId, options.campaignId)))
    .groupBy(appeals.councilId);
  return new Map(rows.map((r) => [r.councilId, r.n]));
}

/** Appeals per campaign that count publicly. */
export async function campaignAppealCounts(db: Queryable): Promise<Map<number, number>> {
  const rows = await db
    .select({ campaignId: appeals.campaignId, n: count() })
    .from(appeals)
    .where(inArray(appeals.state, [...COUNTED_STATES]))
    .groupBy(appeals.campaignId);
  return new Map(rows.map((r) => [r.campaignId, r.n]));
}

/** As lib/people/queries.ts names councils (its own batch reader is not exported). */
async function councilRefs(db: Queryable, ids: readonly number[], locale: string): Promise<Map<number, CouncilRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: councils.id, slug: councils.slug, name: councils.name, localName: councils.localName, languages: councils.languages, placeId: places.id, placeName: places.name })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .where(inArray(councils.id, unique));
  const names = await localisedPlaceNames(
    db,
    rows.map((r) => r.placeId),
    locale,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: councilNameIn(r, locale)?.text ?? null, place: names.get(r.placeId) ?? r.placeName }]));
}

export type AppealTieView = { id: number; partnerName: string; statusNow: TieStatus };

/** Each appeal's ties, with the partner (the end that is not the council's place) named in the locale. */
async function tiesOfAppeals(db: Queryable, appealIds: readonly number[], locale: string): Promise<Map<number, AppealTieView[]>> {
  const out = new Map<number, AppealTieView[]>();
  if (appealIds.length === 0) return out;
  const rows = await db
    .select({
      appealId: appealTies.appealId,
      tieId: ties.id,
      status: ties.status,
      placeId: ties.placeId,
      partnerId: ties.partnerId,
      councilPlaceId: councils.placeId,
    })
    .from(appealTies)
    .innerJoin(appeals, eq(appeals.id, appealTies.appealId))
    .innerJoin(councils, eq(councils.id, appeals.councilId))
    .innerJoin(ties, eq(ties.id, appealTies.tieId))
    .where(inArray(appealTies.appealId, [...appealIds]))
    .orderBy(asc(appealTies.appealId), asc(ties.id));
  const partnerOf = (r: (typeof rows)[number]) => (r.placeId === r.councilPlaceId ? r.partnerId : r.placeId);
  const partnerIds = [...new Set(rows.map(partnerOf))];
  const english = partnerIds.length
    ? new Map((await db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.id, partnerIds))).map((p) => [p.id, p.name]))
    : new Map<number, string>();
  const localised = await localisedPlaceNames(db, partnerIds, locale);
  for (const r of rows) {
    const id = partnerOf(r);
    const list = out.get(r.appealId) ?? [];
    list.push({ id: r.tieId, partnerName: localised.get(id) ?? english.get(id) ?? '', statusNow: r.status });
    out.set(r.appealId, list);
  }
  return out;
}

export type MyAppeal = {
  id: number;
  council: CouncilRef;
  campaign: CampaignRef;
  ties: AppealTieView[];
  language: string;
  channel: AppealChannel;
  state: AppealState;
  /** Why an organiser rejected it; null otherwise. */
  rejectionReason: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
};

/** "My appeals": what the person wrote, where it stands, and where its ties stand now; latest first. */
export async function listMyAppeals(db: Queryable, userId: string, locale: string): Promise<MyAppeal[]> {
  const rows = await db
    .select({
      id: appeals.id,
      councilId: appeals.councilId,
      campaignId: appeals.campaignId,
      language: appeals.language,
      channel: appeals.channel,
      state: appeals.state,
      rejectionReason: appeals.rejectionReason,
      createdAt: appeals.createdAt,
      sentAt: appeals.sentAt,
      deliveredAt: appeals.deliveredAt,
    })
    .from(appeals)
    .where(eq(appeals.userId, userId))
    .orderBy(desc(appeals.createdAt), desc(appeals.id));
  return withRefs(db, rows, locale, async (row, council, campaign, tieViews) => ({
    id: row.id,
    council,
    campaign,
    ties: tieViews,
    language: row.language,
    channel: row.channel,
    state: row.state,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
  }));
}

/** Council, campaign and ties of each row, read once for all rows. */
async function withRefs<R extends { id: number; councilId: number; campaignId: number }, T>(
  db: Queryable,
  rows: readonly R[],
  locale: string,
  build: (row: R, council: CouncilRef, campaign: CampaignRef, ties: AppealTieView[]) => Promise<T> | T,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const [councilById, campaignList, tieViews] = await Promise.all([
    councilRefs(db, [...new Set(rows.map((r) => r.councilId))], locale),
    campaignRefs(db, [...new Set(rows.map((r) => r.campaignId))], locale),
    tiesOfAppeals(
      db,
      rows.map((r) => r.id),
      locale,
    ),
  ]);
  const campaignById = new Map(campaignList.map((c) => [c.id, c]));
  return Promise.all(rows.map((r) => build(r, councilById.get(r.councilId)!, campaignById.get(r.campaignId)!, tieViews.get(r.id) ?? [])));
}

export type ModerationItem = {
  id: number;
  createdAt: Date;
  language: string;
  subject: string;
  body: string;
  signerName: string | null;
  signerCity: string | null;
  author: { id: string; name: string | null; email: string };
  council: CouncilRef;
  campaign: CampaignRef;
  ties: AppealTieView[];
};

/**
 * Appeals waiting for an organiser, oldest first: for an organiser, those written in their
 * campaigns; for an admin, all; for anyone else, none.
 */
export async function moderationQueue(db: Queryable, actor: Actor, locale = 'en'): Promise<ModerationItem[]> {
  if (actor.kind !== 'user') return [];
  const admin = holdsRole(actor.grants, 'admin');
  const campaignIds = actor.grants.flatMap((g) => (g.role === 'organiser' ? [g.campaignId] : []));
  if (!admin && campaignIds.length === 0) return [];
  const rows = await db
    .select({
      id: appeals.id,
      councilId: appeals.councilId,
      campaignId: appeals.campaignId,
      createdAt: appeals.createdAt,
      language: appeals.language,
      subject: appeals.subject,
      body: appeals.body,
      signerName: appeals.signerName,
      signerCity: appeals.signerCity,
      authorId: users.id,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(appeals)
    .innerJoin(users, eq(users.id, appeals.userId))
    .where(and(eq(appeals.state, 'awaiting_moderation'), admin ? undefined : inArray(appeals.campaignId, campaignIds)))
    .orderBy(asc(appeals.createdAt), asc(appeals.id));
  return withRefs(db, rows, locale, (r, council, campaign, tieViews) => ({
    id: r.id,
    createdAt: r.createdAt,
    language: r.language,
    subject: r.subject,
    body: r.body,
    signerName: r.signerName,
    signerCity: r.signerCity,
    author: { id: r.authorId, name: r.authorName, email: r.authorEmail },
    council,
    campaign,
    ties: tieViews,
  }));
}

export type AppealLetter = {
  id: number;
  subject: string;
  body: string;
  language: string;
  channel: AppealChannel;
  state: AppealState;
  createdAt: Date;
  council: CouncilRef;
  /** The council's addresses a letter may go to now (the directory's, less suppressed ones). */
  recipients: string[];
  tieIds: number[];
  /** How the letter was signed (null for letters confirmed from elsewhere before a name was saved). */
  signerName: string | null;
  signerCity: string | null;
};

/** One appeal's letter, for its writer only (print view, PDF); null for anyone else. */
export async function getAppealLetter(db: Queryable, appealId: number, userId: string, locale = 'en'): Promise<AppealLetter | null> {
  const [row] = await db
    .select({ appeal: appeals, contactEmails: councils.contactEmails })
    .from(appeals)
    .innerJoin(councils, eq(councils.id, appeals.councilId))
    .where(and(eq(appeals.id, appealId), eq(appeals.userId, userId)));
  if (!row) return null;
  const { appeal } = row;
  const [council, recipients, tieRows] = await Promise.all([
    councilRefs(db, [appeal.councilId], locale),
    councilRecipients(db, row.contactEmails),
    db.select({ tieId: appealTies.tieId }).from(appealTies).where(eq(appealTies.appealId, appeal.id)).orderBy(asc(appealTies.tieId)),
  ]);
  return {
    id: appeal.id,
    subject: appeal.subject,
    body: appeal.body,
    language: appeal.language,
    channel: appeal.channel,
    state: appeal.state,
    createdAt: appeal.createdAt,
    council: council.get(appeal.councilId)!,
    recipients: recipients.usable,
    tieIds: tieRows.map((t) => t.tieId),
    signerName: appeal.signerName,
    signerCity: appeal.signerCity,
  };
}
