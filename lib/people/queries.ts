import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, invitations, memberships, places, type RecorderRole, sources, tieEventEffects, tieEvents, ties, users } from '../../db/schema';
import type { Grant } from '../auth/permissions';
import { holdsRole } from '../auth/permissions';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { localisedPlaceNames } from '../places/localised-place-names';
import { councilNameIn } from '../ties/council-page';
import { type TieTarget, type TieEventType, type TieStatus } from '../ties/lifecycle';
import { loadTieTarget } from '../ties/fire-tie-event';
import { emailDomain } from './email-domain';
import { campaignsOfPeople } from './targets';

/**
 * What the account, people and tie pages show. Council names come localised, or null with the
 * place's name for "Council of {place}"; campaign names in the page's language where known.
 */
export type CouncilRef = { id: number; slug: string; name: string | null; place: string };
export type CampaignRef = { id: number; slug: string; name: string };
export type MembershipRole = (typeof memberships.$inferSelect)['role'];
export type MembershipState = (typeof memberships.$inferSelect)['state'];

export type MembershipView = {
  id: number;
  role: MembershipRole;
  state: MembershipState;
  council: CouncilRef | null;
  campaign: CampaignRef | null;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
};

const campaignName = (c: { name: string; nameUk: string | null }, locale: string) => (locale === 'uk' && c.nameUk) || c.name;

async function councilRefs(db: Queryable, ids: readonly number[], locale: string): Promise<Map<number, CouncilRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      localName: councils.localName,
      languages: councils.languages,
      placeId: places.id,
      placeName: places.name,
    })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .where(inArray(councils.id, unique));
  const names = await localisedPlaceNames(
    db,
    rows.map((r) => r.placeId),
    locale,
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: councilNameIn(r, locale)?.text ?? null, place: names.get(r.placeId) ?? r.placeName }]),
  );
}

export async function councilRefById(db: Queryable, councilId: number, locale: string): Promise<CouncilRef | null> {
  return (await councilRefs(db, [councilId], locale)).get(councilId) ?? null;
}

export async function campaignRefs(db: Queryable, ids: readonly number[] | 'all', locale: string): Promise<CampaignRef[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name, nameUk: campaigns.nameUk })
    .from(campaigns)
    .where(ids === 'all' ? undefined : inArray(campaigns.id, [...ids]))
    .orderBy(asc(campaigns.name));
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: campaignName(c, locale) }));
}

async function toMembershipViews(
  db: Queryable,
  rows: readonly (Omit<MembershipView, 'council' | 'campaign'> & { councilId: number | null; campaignId: number | null })[],
  locale: string,
): Promise<MembershipView[]> {
  const councilById = await councilRefs(
    db,
    rows.flatMap((r) => (r.councilId ? [r.councilId] : [])),
    locale,
  );
  const campaignIds = [...new Set(rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])))];
  const campaignById = new Map((await campaignRefs(db, campaignIds, locale)).map((c) => [c.id, c]));
  return rows.map(({ councilId, campaignId, ...r }) => ({
    ...r,
    council: councilId ? (councilById.get(councilId) ?? null) : null,
    campaign: campaignId ? (campaignById.get(campaignId) ?? null) : null,
  }));
}

const membershipColumns = {
  id: memberships.id,
  role: memberships.role,
  state: memberships.state,
  councilId: memberships.councilId,
  campaignId: memberships.campaignId,
  createdAt: memberships.createdAt,
  decidedAt: memberships.decidedAt,
  decisionReason: memberships.decisionReason,
};

// --- The account page -----------------------------------------------------------------------

export type ClaimableCouncil = CouncilRef;
export type ManagedTie = { id: number; status: TieStatus; place: string; partner: string; council: CouncilRef | null };

export type AccountView = {
  /** Every role the person holds or asked for, with its state (pending claims, rejected ones). */
  memberships: MembershipView[];
  /** Councils whose official domains include the person's address and not yet claimed. */
  claimableCouncils: ClaimableCouncil[];
  /** Ties the person may record events on as council staff (organisers find theirs on the people page). */
  staffTies: ManagedTie[];
  /** Why the person is banned, when they are. */
  bannedReason: string | null;
};

export async function getAccountView(db: Queryable, user: { id: string; email: string }, locale: string): Promise<AccountView> {
  const rows = await db.select(membershipColumns).from(memberships).where(eq(memberships.userId, user.id)).orderBy(asc(memberships.id));
  const views = await toMembershipViews(db, rows, locale);

  const domain = emailDomain(user.email);
  const claimed = new Set(rows.filter((r) => r.role === 'council_staff').map((r) => r.councilId));
  const matching = domain
    ? await db
        .select({ id: councils.id })
        .from(councils)
        .where(sql`exists (select 1 from unnest(${councils.emailDomains}) as d(domain) where lower(trim(leading '@' from d.domain)) = ${domain})`)
    : [];
  const claimableIds = matching.map((c) => c.id).filter((id) => !claimed.has(id));
  const claimableById = await councilRefs(db, claimableIds, locale);

  const [ban] = await db.select({ reason: users.bannedReason }).from(users).where(eq(users.id, user.id));
  const staffCouncils = rows.filter((r) => r.role === 'council_staff' && r.state === 'active' && r.councilId !== null).map((r) => r.councilId!);
  return {
    memberships: views,
    claimableCouncils: claimableIds.flatMap((id) => claimableById.get(id) ?? []).sort((a, b) => a.place.localeCompare(b.place, locale)),
    staffTies: await tiesOfCouncils(db, staffCouncils, locale),
    bannedReason: ban?.reason ?? null,
  };
}

async function tiesOfCouncils(db: Queryable, councilIds: readonly number[], locale: string): Promise<ManagedTie[]> {
  if (councilIds.length === 0) return [];
  const partner = alias(places, 'partner');
  const rows = await db
    .select({ id: ties.id, status: ties.status, placeId: ties.placeId, partnerId: ties.partnerId, councilId: councils.id, partnerName: partner.name })
    .from(ties)
    .innerJoin(councils, eq(councils.placeId, ties.placeId))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .where(inArray(councils.id, [...councilIds]))
    .orderBy(asc(partner.name));
  return withTieNames(db, rows, locale);
}

async function withTieNames(
  db: Queryable,
  rows: readonly { id: number; status: TieStatus; placeId: number; partnerId: number; councilId: number | null }[],
  locale: string,
): Promise<ManagedTie[]> {
  const placeIds = rows.flatMap((r) => [r.placeId, r.partnerId]);
  const [english, localised, councilById] = await Promise.all([
    placeIds.length ? db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.id, placeIds)) : [],
    localisedPlaceNames(db, placeIds, locale),
    councilRefs(
      db,
      rows.flatMap((r) => (r.councilId ? [r.councilId] : [])),
      locale,
    ),
  ]);
  const englishById = new Map(english.map((p) => [p.id, p.name]));
  const name = (id: number) => localised.get(id) ?? englishById.get(id) ?? '';
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    place: name(r.placeId),
    partner: name(r.partnerId),
    council: r.councilId ? (councilById.get(r.councilId) ?? null) : null,
  }));
}

// --- The people page -------------------------------------------------------------------------

/** The campaigns an organiser runs (every campaign for an admin) and the councils in them. */
export type OrganiserScope = {
  isAdmin: boolean;
  campaigns: CampaignRef[];
  councils: CouncilRef[];
};

export function organisedCampaignIds(grants: readonly Grant[]): number[] | 'all' {
  if (holdsRole(grants, 'admin')) return 'all';
  return [...new Set(grants.flatMap((g) => (g.role === 'organiser' ? [g.campaignId] : [])))];
}

export async function getOrganiserScope(db: Queryable, grants: readonly Grant[], locale: string): Promise<OrganiserScope> {
  const campaignIds = organisedCampaignIds(grants);
  const campaignList = await campaignRefs(db, campaignIds, locale);
  const ids = campaignList.map((c) => c.id);
  const councilRows = ids.length
    ? await db
        .selectDistinct({ id: councils.id })
        .from(councils)
        .innerJoin(ties, eq(ties.placeId, councils.placeId))
        .innerJoin(campaignTies, eq(campaignTies.tieId, ties.id))
        .where(inArray(campaignTies.campaignId, ids))
    : [];
  const councilById = await councilRefs(
    db,
    councilRows.map((c) => c.id),
    locale,
  );
  return {
    isAdmin: campaignIds === 'all',
    campaigns: campaignList,
    councils: [...councilById.values()].sort((a, b) => a.place.localeCompare(b.place, locale)),
  };
}

export type PersonMembership = MembershipView & { person: { id: string; email: string; name: string | null; bannedAt: Date | null } };

const personColumns = { personId: users.id, email: users.email, personName: users.name, bannedAt: users.bannedAt };

async function withPeople(
  db: Queryable,
  rows: readonly (Parameters<typeof toMembershipViews>[1][number] & { personId: string; email: string; personName: string | null; bannedAt: Date | null })[],
  locale: string,
): Promise<PersonMembership[]> {
  const views = await toMembershipViews(db, rows, locale);
  return views.map((v, i) => {
    const r = rows[i]!;
    return { ...v, person: { id: r.personId, email: r.email, name: r.personName, bannedAt: r.bannedAt } };
  });
}

/** Staff claims waiting for a decision, for councils in the scope. */
export async function listPendingStaffClaims(db: Queryable, scope: OrganiserScope, locale: string): Promise<PersonMembership[]> {
  const councilIds = scope.councils.map((c) => c.id);
  if (councilIds.length === 0) return [];
  const rows = await db
    .select({ ...membershipColumns, ...personColumns })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'council_staff'), eq(memberships.state, 'pending'), inArray(memberships.councilId, councilIds)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  return withPeople(db, rows, locale);
}

/** Active staff of the scope's councils, organisers of its campaigns and, for admins, the admins. */
export async function listMembers(db: Queryable, scope: OrganiserScope, locale: string): Promise<PersonMembership[]> {
  const councilIds = scope.councils.map((c) => c.id);
  const campaignIds = scope.campaigns.map((c) => c.id);
  const inScope = or(
    councilIds.length ? and(eq(memberships.role, 'council_staff'), inArray(memberships.councilId, councilIds)) : undefined,
    campaignIds.length ? and(eq(memberships.role, 'organiser'), inArray(memberships.campaignId, campaignIds)) : undefined,
    scope.isAdmin ? eq(memberships.role, 'admin') : undefined,
  );
  if (!inScope) return [];
  const rows = await db
    .select({ ...membershipColumns, ...personColumns })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.state, 'active'), inScope))
    .orderBy(asc(memberships.role), asc(users.email), asc(memberships.id));
  return withPeople(db, rows, locale);
}

export type OpenInvitation = {
  id: number;
  email: string;
  role: MembershipRole;
  council: CouncilRef | null;
  campaign: CampaignRef | null;
  createdAt: Date;
};

/** Invitations not yet accepted, within the scope. */
export async function listOpenInvitations(db: Queryable, scope: OrganiserScope, locale: string): Promise<OpenInvitation[]> {
  const councilIds = scope.councils.map((c) => c.id);
  const campaignIds = scope.campaigns.map((c) => c.id);
  const inScope = or(
    councilIds.length ? inArray(invitations.councilId, councilIds) : undefined,
    campaignIds.length ? inArray(invitations.campaignId, campaignIds) : undefined,
    scope.isAdmin ? eq(invitations.role, 'admin') : undefined,
  );
  if (!inScope) return [];
  const rows = await db
    .select()
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), inScope))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  const councilById = await councilRefs(
    db,
    rows.flatMap((r) => (r.councilId ? [r.councilId] : [])),
    locale,
  );
  const campaignById = new Map(
    (
      await campaignRefs(
        db,
        rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])),
        locale,
      )
    ).map((c) => [c.id, c]),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    council: r.councilId ? (councilById.get(r.councilId) ?? null) : null,
    campaign: r.campaignId ? (campaignById.get(r.campaignId) ?? null) : null,
    createdAt: r.createdAt,
  }));
}

export type BannedPerson = { email: string; name: string | null; bannedAt: Date; reason: string | null };

/** The banned people within the scope's campaigns (everyone, for an admin), latest first. */
export async function listBannedPeople(db: Queryable, scope: OrganiserScope): Promise<BannedPerson[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, bannedAt: users.bannedAt, reason: users.bannedReason })
    .from(users)
    .where(isNotNull(users.bannedAt))
    .orderBy(desc(users.bannedAt));
  const mine = new Set(scope.campaigns.map((c) => c.id));
  const campaignsOf = scope.isAdmin ? null : await campaignsOfPeople(db, rows.map((r) => r.id));
  return rows
    .filter((r) => !campaignsOf || (campaignsOf.get(r.id) ?? []).some((id) => mine.has(id)))
    .map((r) => ({ email: r.email, name: r.name, bannedAt: r.bannedAt!, reason: r.reason }));
}

/**
 * The ties a person may record events on: those of the councils they are staff of and of the
 * campaigns they organise (every tie, for an admin). By place, then partner.
 */
export async function listTiesToUpdate(db: Queryable, grants: readonly Grant[], locale: string): Promise<ManagedTie[]> {
  const campaignIds = organisedCampaignIds(grants);
  const councilIds = grants.flatMap((g) => (g.role === 'council_staff' ? [g.councilId] : []));
  const scope =
    campaignIds === 'all'
      ? undefined
      : or(
          campaignIds.length ? inArray(ties.id, db.select({ id: campaignTies.tieId }).from(campaignTies).where(inArray(campaignTies.campaignId, campaignIds))) : undefined,
          councilIds.length ? inArray(councils.id, councilIds) : undefined,
        );
  if (campaignIds !== 'all' && !scope) return [];
  const rows = await db
    .select({ id: ties.id, status: ties.status, placeId: ties.placeId, partnerId: ties.partnerId, councilId: councils.id })
    .from(ties)
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .where(scope)
    .orderBy(asc(ties.id));
  const named = await withTieNames(db, rows, locale);
  return named.sort((a, b) => a.place.localeCompare(b.place, locale) || a.partner.localeCompare(b.partner, locale));
}

// --- The tie page ----------------------------------------------------------------------------

/** An event as the organiser's page shows it: its effective place in the history (after
 * withdrawals and amendments) and what can still be corrected. */
export type TieEventSummary = {
  id: number;
  type: TieEventType;
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  occurredOn: PartialDate | null;
  occurredByDate: boolean;
  recordedAt: Date;
  recorderRole: RecorderRole;
  counts: boolean;
  withdrawnBy: number | null;
  amendedBy: number | null;
  targetEventId: number | null;
  reason: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sessionOn: string | null;
};

export type TieForOrganising = ManagedTie & {
  revision: number;
  target: TieTarget;
  campaigns: CampaignRef[];
  /** Newest first: what the person records next follows from these. */
  events: TieEventSummary[];
};

export async function getTieForOrganising(db: Queryable, tieId: number, locale: string): Promise<TieForOrganising | null> {
  const [tie] = await db
    .select({ id: ties.id, status: ties.status, revision: ties.revision, placeId: ties.placeId, partnerId: ties.partnerId, councilId: councils.id })
    .from(ties)
    .leftJoin(councils, eq(councils.placeId, ties.placeId))
    .where(eq(ties.id, tieId));
  if (!tie) return null;
  const [[named], target, events] = await Promise.all([
    withTieNames(db, [tie], locale),
    loadTieTarget(db, tie),
    db
      .select({
        id: tieEvents.id,
        type: tieEvents.type,
        fromStatus: tieEventEffects.fromStatus,
        toStatus: tieEventEffects.toStatus,
        occurredOn: tieEventEffects.occurredOn,
        occurredPrecision: tieEventEffects.occurredPrecision,
        occurredByDate: tieEventEffects.occurredByDate,
        recordedAt: tieEvents.recordedAt,
        recorderRole: tieEvents.recorderRole,
        counts: tieEventEffects.counts,
        withdrawnBy: tieEventEffects.withdrawnBy,
        amendedBy: tieEventEffects.amendedBy,
        targetEventId: tieEvents.targetEventId,
        reason: tieEvents.reason,
        sourceUrl: sources.url,
        sourceTitle: sources.title,
        sessionOn: tieEvents.sessionOn,
      })
      .from(tieEvents)
      .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
      .leftJoin(sources, eq(sources.id, tieEventEffects.sourceId))
      .where(eq(tieEvents.tieId, tieId))
      // Newest in the world first: the history as it happened, read backwards.
      .orderBy(desc(tieEventEffects.position)),
  ]);
  return {
    ...named!,
    revision: tie.revision,
    target,
    campaigns: await campaignRefs(db, target.campaignIds, locale),
    events: events.map(({ occurredOn, occurredPrecision, ...e }) => ({ ...e, occurredOn: partialDate(occurredOn, occurredPrecision) })),
  };
}
