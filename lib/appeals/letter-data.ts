import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { councils, countries, places, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { type PlaceKind, type TieKind, isPartnerCountry } from '../places/kinds';
import { localisedPlaceNames } from '../places/localised-place-names';
import { countryIn } from '../places/place-page';
import { type TieStatus, isInGroup } from '../ties/lifecycle';

/**
 * What a letter to a council says about the data: the council, the ties the letter is about
 * (partner names in the letter's language), and the facts that make the case, all read from
 * the data. Nothing here is invented: a fact with no rows behind it is not in the result.
 */

/** How many other councils a fact names before it says "and N others". */
export const FACTS_NAMED_LIMIT = 5;

export type LetterCountry = { code: string; name: string };
export type LetterPlace = { id: number; name: string; country: LetterCountry };

export type LetterTie = {
  id: number;
  status: TieStatus;
  kind: TieKind;
  agreementTitle: string | null;
  signedOn: PartialDate | null;
  signedYear: number | null;
  partner: LetterPlace & { kind: PlaceKind };
  /** For a pledged tie: the council's own latest pledge, from its effective history. */
  pledge: LetterPledge | null;
};

export const PLEDGE_EVENTS = ['promised', 'draft_registered', 'vote_scheduled', 'in_progress'] as const;
export type LetterPledge = { type: (typeof PLEDGE_EVENTS)[number]; occurredOn: PartialDate | null; sessionOn: string | null };

/** Other councils (other places) that severed their tie with this partner. */
export type PartnerFact = { partner: { id: number; name: string }; severedCount: number; named: string[] };

/**
 * Other councils that severed ties with places in this country. `beyondPartnerFacts` counts the
 * ones the partner facts do not already mention; `named` lists only those, so a letter does not
 * repeat itself.
 */
export type CountryFact = { country: LetterCountry; severedCount: number; beyondPartnerFacts: number; named: string[] };

export type LetterData = {
  /** The language the names were read in: the letter's. */
  language: string;
  council: {
    id: number;
    slug: string;
    name: string | null;
    localName: string | null;
    headName: string | null;
    languages: string[];
    contactEmails: string[];
    website: string | null;
    /** Printed under its name on paper and PDF letters; staff keep it right (lib/council-staff). */
    postalAddress?: string | null;
  };
  place: LetterPlace;
  ties: LetterTie[];
  facts: { partners: PartnerFact[]; countries: CountryFact[] };
};

export type LetterDataError = {
  code: 'council_not_found' | 'tie_not_of_council' | 'tie_not_in_force' | 'no_ties_in_force';
  message: string;
  tieIds?: number[];
};
export type LoadLetterDataResult = { ok: true; data: LetterData } | ({ ok: false } & LetterDataError);

export type LoadLetterDataInput = {
  councilId: number;
  /** The ties the letter is about; all the council's ties in force when left out. */
  tieIds?: readonly number[];
  /** The letter's language: names come in it where the data has them. */
  locale: string;
};

/**
 * A letter asks a council to end ties that still stand: a tie that is severed, never signed or
 * under occupation is not something to appeal about.
 */
export async function loadLetterData(db: Queryable, input: LoadLetterDataInput): Promise<LoadLetterDataResult> {
  const { councilId, locale } = input;
  const [council] = await db
    .select({
      id: councils.id,
      slug: councils.slug,
      name: councils.name,
      localName: councils.localName,
      headName: councils.headName,
      languages: councils.languages,
      contactEmails: councils.contactEmails,
      website: councils.website,
      postalAddress: councils.postalAddress,
      placeId: places.id,
      placeName: places.name,
      countryCode: countries.code,
      countryAlpha2: countries.alpha2,
      countryName: countries.name,
    })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .innerJoin(countries, eq(countries.code, places.country))
    .where(eq(councils.id, councilId))
    .limit(1);
  if (!council) return { ok: false, code: 'council_not_found', message: `There is no council ${councilId}.` };

  const partner = alias(places, 'partner');
  const partnerCountry = alias(countries, 'partner_country');
  const ofCouncil = or(eq(ties.placeId, council.placeId), eq(ties.partnerId, council.placeId));
  const tieRows = await db
    .select({
      id: ties.id,
      status: ties.status,
      kind: ties.kind,
      agreementTitle: ties.agreementTitle,
      signedOn: ties.signedOn,
      signedPrecision: ties.signedPrecision,
      partnerId: partner.id,
      partnerName: partner.name,
      partnerKind: partner.kind,
      partnerCountry: partnerCountry.code,
      partnerCountryAlpha2: partnerCountry.alpha2,
      partnerCountryName: partnerCountry.name,
    })
    .from(ties)
    // The council is normally on the tie's place side; a tie between two partner-country
    // places may have it on either (see lib/ties/council-page.ts).
    .innerJoin(
      partner,
      or(
        and(eq(ties.placeId, council.placeId), eq(partner.id, ties.partnerId)),
        and(eq(ties.partnerId, council.placeId), eq(partner.id, ties.placeId)),
      ),
    )
    .innerJoin(partnerCountry, eq(partnerCountry.code, partner.country))
    .where(input.tieIds ? and(ofCouncil, inArray(ties.id, input.tieIds.length ? [...input.tieIds] : [-1])) : ofCouncil)
    .orderBy(asc(ties.id));

  let chosen = tieRows;
  if (input.tieIds) {
    const found = new Set(tieRows.map((t) => t.id));
    const foreign = [...new Set(input.tieIds)].filter((id) => !found.has(id));
    if (foreign.length > 0) {
      return { ok: false, code: 'tie_not_of_council', message: `Ties ${foreign.join(', ')} are not ties of this council.`, tieIds: foreign };
    }
    const ended = tieRows.filter((t) => !isInGroup(t.status, 'inForce')).map((t) => t.id);
    if (ended.length > 0) {
      return { ok: false, code: 'tie_not_in_force', message: `Ties ${ended.join(', ')} are no longer in force.`, tieIds: ended };
    }
  } else {
    chosen = tieRows.filter((t) => isInGroup(t.status, 'inForce'));
  }
  if (chosen.length === 0) return { ok: false, code: 'no_ties_in_force', message: 'The council holds no tie in force to write about.' };

  const facts = await severedFacts(db, {
    councilPlaceId: council.placeId,
    partners: chosen.map((t) => ({ id: t.partnerId, country: t.partnerCountry })),
  });

  const names = await localisedPlaceNames(
    db,
    [council.placeId, ...chosen.map((t) => t.partnerId), ...facts.namedPlaceIds],
    locale,
  );
  const nameOf = (id: number) => names.get(id) ?? facts.englishNames.get(id) ?? '';
  const countryOf = (code: string, alpha2: string, english: string) => countryIn(locale, code, alpha2, english);

  const pledges = await latestPledges(db, chosen.filter((t) => t.status === 'pledged').map((t) => t.id));
  const partnerIds = [...new Set(chosen.map((t) => t.partnerId))];
  const tieList: LetterTie[] = chosen.map((t) => {
    const signedOn = partialDate(t.signedOn, t.signedPrecision);
    return {
      id: t.id,
      status: t.status,
      kind: t.kind,
      agreementTitle: t.agreementTitle,
      signedOn,
      signedYear: signedOn ? Number(signedOn.date.slice(0, 4)) : null,
      partner: {
        id: t.partnerId,
        name: names.get(t.partnerId) ?? t.partnerName,
        kind: t.partnerKind,
        country: countryOf(t.partnerCountry, t.partnerCountryAlpha2, t.partnerCountryName),
      },
      pledge: pledges.get(t.id) ?? null,
    };
  });

  const countryRows = new Map(chosen.map((t) => [t.partnerCountry, countryOf(t.partnerCountry, t.partnerCountryAlpha2, t.partnerCountryName)]));
  return {
    ok: true,
    data: {
      language: locale,
      council: {
        id: council.id,
        slug: council.slug,
        name: council.name,
        localName: council.localName,
        headName: council.headName?.trim() || null,
        languages: council.languages,
        contactEmails: council.contactEmails,
        website: council.website,
        postalAddress: council.postalAddress?.trim() || null,
      },
      place: {
        id: council.placeId,
        name: names.get(council.placeId) ?? council.placeName,
        country: countryOf(council.countryCode, council.countryAlpha2, council.countryName),
      },
      ties: tieList,
      facts: {
        partners: partnerIds.flatMap((id) => {
          const fact = facts.byPartner.get(id);
          const tie = tieList.find((t) => t.partner.id === id)!;
          return fact && fact.count > 0 ? [{ partner: { id, name: tie.partner.name }, severedCount: fact.count, named: fact.named.map(nameOf) }] : [];
        }),
        countries: [...countryRows].flatMap(([code, country]) => {
          const fact = facts.byCountry.get(code);
          return fact && fact.count > 0
            ? [{ country, severedCount: fact.count, beyondPartnerFacts: fact.beyond, named: fact.named.map(nameOf) }]
            : [];
        }),
      },
    },
  };
}

type SeveredFacts = {
  byPartner: Map<number, { count: number; named: number[] }>;
  byCountry: Map<string, { count: number; beyond: number; named: number[] }>;
  namedPlaceIds: number[];
  englishNames: Map<number, string>;
};

/**
 * Which other places severed a tie with the same partner, and with any place in the same
 * partner country; the most recently severed first. The other end of such a tie must be on the
 * campaigns' side: a Russian town that left a Belarusian partner is not what a letter means.
 */
async function severedFacts(
  db: Queryable,
  input: { councilPlaceId: number; partners: { id: number; country: string }[] },
): Promise<SeveredFacts> {
  const codes = [...new Set(input.partners.map((p) => p.country))];
  const a = alias(places, 'a');
  const b = alias(places, 'b');
  const rows = await db
    .select({
      placeId: ties.placeId,
      partnerId: ties.partnerId,
      aCountry: a.country,
      aName: a.name,
      bCountry: b.country,
      bName: b.name,
    })
    .from(ties)
    .innerJoin(a, eq(a.id, ties.placeId))
    .innerJoin(b, eq(b.id, ties.partnerId))
    .where(and(eq(ties.status, 'severed'), or(inArray(a.country, codes), inArray(b.country, codes))))
    .orderBy(desc(ties.statusChangedAt), desc(ties.id));

  const englishNames = new Map<number, string>();
  // Per partner and per country: the other places in the order met (most recent first).
  const partnerOthers = new Map<number, number[]>(input.partners.map((p) => [p.id, []]));
  const countryOthers = new Map<string, number[]>(codes.map((c) => [c, []]));
  const push = (list: number[] | undefined, id: number) => {
    if (list && id !== input.councilPlaceId && !list.includes(id)) list.push(id);
  };
  for (const row of rows) {
    englishNames.set(row.placeId, row.aName);
    englishNames.set(row.partnerId, row.bName);
    for (const [end, other, endCountry, otherCountry] of [
      [row.placeId, row.partnerId, row.aCountry, row.bCountry],
      [row.partnerId, row.placeId, row.bCountry, row.aCountry],
    ] as const) {
      if (isPartnerCountry(otherCountry)) continue;
      push(partnerOthers.get(end), other);
      push(countryOthers.get(endCountry), other);
    }
  }

  const byPartner = new Map<number, { count: number; named: number[] }>();
  const mentioned = new Map<string, Set<number>>(codes.map((c) => [c, new Set()]));
  for (const p of input.partners) {
    const others = partnerOthers.get(p.id) ?? [];
    byPartner.set(p.id, { count: others.length, named: others.slice(0, FACTS_NAMED_LIMIT) });
    for (const id of others) mentioned.get(p.country)!.add(id);
  }
  const byCountry = new Map<string, { count: number; beyond: number; named: number[] }>();
  for (const code of codes) {
    const others = countryOthers.get(code) ?? [];
    const beyond = others.filter((id) => !mentioned.get(code)!.has(id));
    byCountry.set(code, { count: others.length, beyond: beyond.length, named: beyond.slice(0, FACTS_NAMED_LIMIT) });
  }
  const namedPlaceIds = [...byPartner.values(), ...byCountry.values()].flatMap((f) => f.named);
  return { byPartner, byCountry, namedPlaceIds, englishNames };
}

/** The latest pledge that still counts, per tie (the effective history decides what counts). */
async function latestPledges(db: Queryable, tieIds: readonly number[]): Promise<Map<number, LetterPledge>> {
  const out = new Map<number, LetterPledge>();
  if (tieIds.length === 0) return out;
  const rows = await db
    .select({
      tieId: tieEvents.tieId,
      type: tieEvents.type,
      sessionOn: tieEvents.sessionOn,
      occurredOn: tieEventEffects.occurredOn,
      occurredPrecision: tieEventEffects.occurredPrecision,
    })
    .from(tieEvents)
    .innerJoin(tieEventEffects, eq(tieEventEffects.eventId, tieEvents.id))
    .where(and(inArray(tieEvents.tieId, [...tieIds]), eq(tieEventEffects.counts, true), inArray(tieEvents.type, [...PLEDGE_EVENTS])))
    .orderBy(desc(tieEventEffects.position));
  for (const r of rows) {
    if (out.has(r.tieId)) continue;
    out.set(r.tieId, { type: r.type as LetterPledge['type'], occurredOn: partialDate(r.occurredOn, r.occurredPrecision), sessionOn: r.sessionOn });
  }
  return out;
}
