import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type EventRecord, type SourceRef, type TiePlace } from '../../lib/import/dataset';
import type { TieEventType, TieStatus } from '../../lib/ties/lifecycle';
import { normaliseName } from '../../lib/places/normalise-name';
import { gazetteerPlace } from './gazetteer';

/** Small builders shared by the seed campaigns, so each campaign file reads as its facts. */

export function emptySeedDataset(): Dataset {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, sources: [], places: [], councils: [], campaigns: [], ties: [], countryClaims: [], reviewItems: [] };
}

/**
 * A partner a source mentions without naming it ("their Belarusian partners"): a place of its own,
 * of kind `unnamed`, in the country the source gives, one per tie, so the tie is counted and
 * shown ("a Belarusian partner the source does not name"). Naming it later re-points the tie at
 * the real place and keeps its history (lib/places/name-partner.ts).
 */
export function unnamedPartner(country: 'BLR' | 'RUS', of: string): TiePlace {
  const place = gazetteerPlace(of);
  const adjective = country === 'BLR' ? 'Belarusian' : 'Russian';
  return { slug: `unnamed-${country.toLowerCase()}-partner-of-${place.slug}`, name: `Unnamed ${adjective} partner of ${place.name}`, country, aliases: [], kind: 'unnamed' };
}

/** A gazetteer place as a tie names it, with the spelling the document uses when it differs. */
export function at(slug: string, ...spellings: string[]): TiePlace {
  const p = gazetteerPlace(slug);
  // Only spellings the gazetteer does not know already: "kursk" is Kursk, "Homiel" is listed.
  const known = new Set(p.names.map((n) => normaliseName(n.name)));
  const aliases = [...new Set(spellings.filter((s) => !known.has(normaliseName(s))))];
  return { slug: p.slug, name: p.name, country: p.country, aliases };
}

export type EventSpec = {
  date: string | null;
  /** The source says "as of" this date: it happened on or before it. */
  byDate?: boolean;
  quote: string;
  note?: string;
};

export function event(source: SourceRef, type: TieEventType, status: TieStatus, spec: EventSpec): EventRecord {
  return {
    type,
    status,
    date: spec.date,
    dateIsUpperBound: spec.byDate ?? false,
    source: { ...source },
    quote: spec.quote,
    note: spec.note ?? null,
  };
}
