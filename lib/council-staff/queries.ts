import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { appealTies, appeals, councils, countries, documents, places, ties } from '../../db/schema';
import type { Grant, Target } from '../auth/permissions';
import { countryName } from '../i18n/country-name';
import { localisedPlaceNames } from '../places/localised-place-names';
import { displayPlaceName } from '../places/unnamed-place';
import { campaignsOfCouncil } from '../people/targets';
import { councilNameIn } from '../ties/council-page';
import type { TieStatus } from '../ties/lifecycle';

/**
 * What a council's staff work with (the workspace at /{locale}/council): their councils, and
 * for one council its ties as they stand, the letters residents sent it through Untwin (as the
 * council received them: subject, text, the writer's name and city, never their address), the
 * documents uploaded for it, and its directory entry.
 */
export type StaffCouncilRef = { id: number; slug: string; name: string | null; place: string };

/** The councils a person is staff of (active memberships are the grants). */
export async function staffCouncils(db: Queryable, grants: readonly Grant[], locale: string): Promise<StaffCouncilRef[]> {
  const ids = grants.flatMap((g) => (g.role === 'council_staff' ? [g.councilId] : []));
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: councils.id, slug: councils.slug, name: councils.name, localName: councils.localName, languages: councils.languages, placeId: places.id, placeName: places.name })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .where(inArray(councils.id, ids))
    .orderBy(asc(councils.slug));
  const names = await localisedPlaceNames(db, rows.map((r) => r.placeId), locale);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: councilNameIn(r, locale)?.text ?? null, place: names.get(r.placeId) ?? r.placeName }));
}

export type DirectoryEntry = {
  name: string | null;
  localName: string | null;
  headName: string | null;
  website: string | null;
  postalAddress: string | null;
  contactEmails: string[];
  emailDomains: string[];
  languages: string[];
};

export type WorkspaceTie = { id: number; status: TieStatus; revision: number; partner: string; country: string };
export type WorkspaceDocument = { id: string; filename: string | null; size: number; createdAt: Date };
export type WorkspaceLetter = {
  id: number;
  subject: string;
  body: string;
  language: string;
  state: 'sent' | 'delivered';
  sentAt: Date | null;
  deliveredAt: Date | null;
  signerName: string | null;
  signerCity: string | null;
  tieIds: number[];
};

export type StaffWorkspace = {
  council: { id: number; slug: string; placeId: number; name: string | null; place: string } & DirectoryEntry;
  target: Target;
  ties: WorkspaceTie[];
  documents: WorkspaceDocument[];
  letters: WorkspaceLetter[];
};

export async function getStaffWorkspace(db: Queryable, slug: string, locale: string): Promise<StaffWorkspace | null> {
  const [c] = await db
    .select({ council: councils, placeName: places.name })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .where(eq(councils.slug, slug));
  if (!c) return null;
  const council = c.council;
  const tieRows = await db
    .select({ id: ties.id, status: ties.status, revision: ties.revision, partnerId: ties.partnerId, partnerName: places.name, partnerKind: places.kind, country: countries.code, alpha2: countries.alpha2, countryEnglish: countries.name })
    .from(ties)
    .innerJoin(places, eq(places.id, ties.partnerId))
    .innerJoin(countries, eq(countries.code, places.country))
    .where(eq(ties.placeId, council.placeId));
  const names = await localisedPlaceNames(db, [council.placeId, ...tieRows.map((t) => t.partnerId)], locale);
  const tiesOut = tieRows
    .map((t) => ({
      id: t.id,
      status: t.status,
      revision: t.revision,
      partner: displayPlaceName({ kind: t.partnerKind, country: t.country, alpha2: t.alpha2, countryName: t.countryEnglish }, names.get(t.partnerId) ?? t.partnerName, locale),
      country: locale === 'en' ? t.countryEnglish : countryName(t.alpha2, locale, t.countryEnglish),
    }))
    .sort((a, b) => a.partner.localeCompare(b.partner, locale));

  const docs = await db
    .select({ id: documents.id, filename: documents.filename, size: documents.size, createdAt: documents.createdAt })
    .from(documents)
    .where(eq(documents.councilId, council.id))
    .orderBy(desc(documents.createdAt));

  const letterRows = await db
    .select({
      id: appeals.id,
      subject: appeals.subject,
      body: appeals.body,
      language: appeals.language,
      state: appeals.state,
      sentAt: appeals.sentAt,
      deliveredAt: appeals.deliveredAt,
      signerName: appeals.signerName,
      signerCity: appeals.signerCity,
    })
    .from(appeals)
    .where(and(eq(appeals.councilId, council.id), eq(appeals.channel, 'app'), inArray(appeals.state, ['sent', 'delivered'])))
    .orderBy(desc(appeals.sentAt), desc(appeals.id))
    .limit(200);
  const letterTies = letterRows.length
    ? await db.select().from(appealTies).where(inArray(appealTies.appealId, letterRows.map((l) => l.id)))
    : [];

  return {
    council: {
      id: council.id,
      slug: council.slug,
      placeId: council.placeId,
      name: councilNameIn(council, locale)?.text ?? null,
      place: names.get(council.placeId) ?? c.placeName,
      localName: council.localName,
      headName: council.headName,
      website: council.website,
      postalAddress: council.postalAddress,
      contactEmails: council.contactEmails,
      emailDomains: council.emailDomains,
      languages: council.languages,
    },
    target: { councilId: council.id, campaignIds: await campaignsOfCouncil(db, council.placeId) },
    ties: tiesOut,
    documents: docs,
    letters: letterRows.map((l) => ({
      ...l,
      state: l.state as 'sent' | 'delivered',
      tieIds: letterTies.filter((t) => t.appealId === l.id).map((t) => t.tieId),
    })),
  };
}

/** The council a form names by its slug, or null (route handlers take slugs from the URL). */
export async function councilIdBySlug(db: Queryable, slug: string): Promise<number | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const [row] = await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, slug));
  return row?.id ?? null;
}
