/** What sort of place a record is. A settlement is a city, town or village. */
export const PLACE_KINDS = ['settlement', 'district', 'county', 'region', 'other', 'unnamed'] as const;
/** `unnamed`: a partner a source mentions without naming it ("its Belarusian partners"): a record
 * of its own, in a known country, so the tie is counted and shown; naming it later re-points the
 * tie at the real place and keeps its history (lib/places/name-partner.ts). */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** What kind of agreement holds a tie together, as far as a source tells. */
export const TIE_KINDS = [
  'twin_town', // "twin town", "sister city", "побратим": a twinning agreement
  'partner_city', // a partnership agreement
  'cooperation_agreement', // an agreement on cooperation
  'memorandum', // a memorandum of cooperation or understanding
  'protocol_of_intent', // a cooperation intent protocol
  'joint_statement',
  'other_agreement',
  'unknown', // listed as a tie, kind not stated
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** The countries whose municipalities the campaigns are about. */
export const PARTNER_COUNTRIES = ['RUS', 'BLR'] as const;
export function isPartnerCountry(code: string): boolean {
  return (PARTNER_COUNTRIES as readonly string[]).includes(code);
}

/** Names that say what kind of place they are ("Gatchinsky District", "Olsztyn County"). */
export function placeKindFromName(name: string): PlaceKind {
  if (/\b(district|raion|rayon|borough)\b/i.test(name) || /\(district\)/i.test(name)) return 'district';
  if (/\b(county|powiat)\b/i.test(name)) return 'county';
  if (/\b(region|oblast|province|krai|voivodeship)\b/i.test(name)) return 'region';
  return 'settlement';
}
