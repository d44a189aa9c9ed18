import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type CountryClaimKind, countries, countryClaims, sources } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { countryName } from '../i18n/country-name';
import { type SourceSummary, sourceSummaryColumns, toSourceSummary } from '../sources/source-summary';
import { isInForce } from './figures';
import type { TieStatus } from './lifecycle';

/**
 * Claims about every tie of one country's places ("Latvia, Lithuania, Estonia and Finland did so
 * in 2022"; "Poland urged its cities to end such ties"). A claim covers each tie whose place on
 * the campaign's side (ties.place_id) is in that country, and is shown on it as a claim not yet
 * confirmed for that council. It moves no status; it does decide one thing: a council that a
 * source says has already ended such ties is not offered a letter asking it to end them.
 */
export type CountryClaim = {
  id: number;
  key: string;
  country: { code: string; name: string };
  kind: CountryClaimKind;
  occurredOn: PartialDate | null;
  source: SourceSummary;
  quote: string;
  note: string | null;
};

/** The claims about these countries, by country code, oldest first. */
export async function loadCountryClaims(db: Queryable, countryCodes: readonly string[], locale: string): Promise<Map<string, CountryClaim[]>> {
  const byCountry = new Map<string, CountryClaim[]>();
  const codes = [...new Set(countryCodes)];
  if (codes.length === 0) return byCountry;
  const rows = await db
    .select({
      id: countryClaims.id,
      key: countryClaims.key,
      country: countryClaims.country,
      alpha2: countries.alpha2,
      countryName: countries.name,
      kind: countryClaims.kind,
      occurredOn: countryClaims.occurredOn,
      occurredPrecision: countryClaims.occurredPrecision,
      quote: countryClaims.quote,
      note: countryClaims.note,
      ...sourceSummaryColumns,
    })
    .from(countryClaims)
    .innerJoin(countries, eq(countries.code, countryClaims.country))
    .innerJoin(sources, eq(sources.id, countryClaims.sourceId))
    .where(inArray(countryClaims.country, codes))
    .orderBy(asc(countryClaims.occurredOn), asc(countryClaims.id));
  for (const r of rows) {
    const claim: CountryClaim = {
      id: r.id,
      key: r.key,
      country: { code: r.country, name: locale === 'en' ? r.countryName : countryName(r.alpha2, locale, r.countryName) },
      kind: r.kind,
      occurredOn: partialDate(r.occurredOn, r.occurredPrecision),
      // The inner join guarantees the source.
      source: toSourceSummary(r)!,
      quote: r.quote,
      note: r.note,
    };
    byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), claim]);
  }
  return byCountry;
}

/** A source says the council's country ended such ties: a letter asking it to end one is not offered. */
export function endedByCountryClaim(claims: readonly Pick<CountryClaim, 'kind'>[]): boolean {
  return claims.some((c) => c.kind === 'ended');
}

/**
 * May an activist be offered a letter asking the council to end this tie? Only when it is in force
 * (confirmed or only listed: a letter can ask to end a listed tie) and no source says the
 * council's country already ended such ties.
 */
export function canAskToEnd(tie: { status: TieStatus }, claims: readonly Pick<CountryClaim, 'kind'>[]): boolean {
  return isInForce(tie) && !endedByCountryClaim(claims);
}
