import { webAddressInput } from '../sources/web-address';
import { nameInput } from '../text/name';
import { z } from 'zod';
import { partialDateSchema } from '../dates/partial-date';
import { PLACE_KINDS, TIE_KINDS } from '../places/kinds';
import { TIE_EVENT_TYPES, TIE_STATUSES } from '../ties/lifecycle';
import { CAMPAIGN_STATES, LETTER_DELIVERY_MODES } from '../../db/schema/campaigns';
import { DATASET_REVIEW_ITEM_KINDS, REVIEW_ITEM_STATES } from '../../db/schema/review-items';
import { SOURCE_KINDS } from '../../db/schema/sources';
import { CHECK_RESULTS, COUNTRY_CLAIM_KINDS } from '../../db/schema/ties';
import { ATTRIBUTION_KINDS } from '../ties/attribution';

/**
 * The Untwin dataset: the JSON export format, and the shape every importer produces
 * (the Wikipedia list and CSV parsers, the seed campaigns) before `applyDataset` writes it.
 * Documented for people in README.md ("The dataset format").
 */

const countryCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as UKR');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and hyphens');
const lang = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$/, 'must be a language code such as uk or en');
/** ISO 3166-2: the country's alpha-2 code, a hyphen, the subdivision (US-ME, UA-30). */
const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as US-ME');

/** A source is identified by its URL or by a seed document's file name. */
export const sourceRefSchema = z
  .object({
    url: webAddressInput.optional(),
    seed: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    published: partialDateSchema.optional(),
    language: lang.optional(),
    /** How sure a fact it carries is: the council's own page, its answer, news, a report, a list. */
    kind: z.enum(SOURCE_KINDS).optional(),
  })
  .refine((s) => Boolean(s.url) !== Boolean(s.seed), { message: 'a source needs exactly one of url or seed' });
export type SourceRef = z.infer<typeof sourceRefSchema>;

export function sourceKey(ref: { url?: string | null; seed?: string | null }): string {
  return ref.url ? ref.url : `seed:${ref.seed}`;
}

export const placeNameSchema = z.object({
  name: nameInput(300),
  lang,
  kind: z.enum(['official', 'english', 'transliteration', 'alias', 'historical']),
});

/** A place in full: every name with its language. */
export const placeSchema = z.object({
  slug,
  name: nameInput(300),
  country: countryCode,
  kind: z.enum(PLACE_KINDS).default('settlement'),
  parent: slug.nullish(),
  /** The place (an oblast) it lies in, by slug. */
  region: slug.nullish(),
  /** Its ISO 3166-2 subdivision: what tells two places of one name and country apart (Portland, US-ME and US-OR). */
  regionCode: regionCode.nullish(),
  names: z.array(placeNameSchema).default([]),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
});
export type PlaceRecord = z.infer<typeof placeSchema>;

/** A place as a tie names it: enough to find it by name, or to create it. */
export const tiePlaceSchema = z.object({
  slug: slug.optional(),
  name: nameInput(300),
  country: countryCode,
  aliases: z.array(nameInput(300)).default([]),
  kind: z.enum(PLACE_KINDS).optional(),
  parent: z.object({ name: nameInput(300), country: countryCode }).optional(),
});
export type TiePlace = z.infer<typeof tiePlaceSchema>;

export const eventSchema = z.object({
  type: z.enum(TIE_EVENT_TYPES),
  status: z.enum(TIE_STATUSES), // where the event left the tie
  date: partialDateSchema.nullable(), // when it happened in the world; null only when the source gives no date
  dateIsUpperBound: z.boolean().default(false), // "as of 25 May": on or before that date
  source: sourceRefSchema.nullable(),
  quote: z.string().min(1).nullish(),
  note: z.string().min(1).nullish(),
  reason: z.string().min(1).nullish(),
  evidence: z
    .object({
      decisionNumber: z.string().optional(),
      decisionDate: z.string().optional(),
      url: webAddressInput.optional(),
      description: z.string().optional(),
    })
    .nullish(),
  /** For a scheduled vote: the date of the session that will vote (it may be after the event). */
  sessionOn: z.iso.date().nullish(),
  /** For `withdrawn` and `amended`: the event of the same tie they correct, by its number in this list (1 = the first). */
  targetEvent: z.number().int().positive().nullish(),
  /** For `checked`: what the person found where they looked. */
  checkResult: z.enum(CHECK_RESULTS).nullish(),
  /** Who stands behind it (lib/ties/attribution.ts): a source, the council's staff, the campaign, a letter's writer,
   * a letter Untwin delivered. Absent: the importer's own standing (a source when it cites one). */
  attribution: z.enum(ATTRIBUTION_KINDS).nullish(),
  recordedAt: z.iso.datetime({ offset: true }).optional(),
  recordedBy: z.string().nullish(), // an email address, or the label of the import that recorded it
});
export type EventRecord = z.infer<typeof eventSchema>;

export const tieSchema = z.object({
  place: tiePlaceSchema, // the campaign's side
  partner: tiePlaceSchema, // the Russian or Belarusian side
  kind: z.enum(TIE_KINDS).default('unknown'),
  agreementTitle: z.string().min(1).nullish(),
  signed: partialDateSchema.nullish(),
  status: z.enum(TIE_STATUSES),
  campaigns: z.array(slug).default([]),
  events: z.array(eventSchema).min(1, 'a tie needs at least the event that records it'),
});
export type TieRecord = z.infer<typeof tieSchema>;

export const councilSchema = z.object({
  slug,
  place: slug,
  name: nameInput(300).nullish(),
  localName: nameInput(300).nullish(),
  headName: nameInput(300).nullish(),
  website: webAddressInput.nullish(),
  contactEmails: z.array(z.email()).default([]),
  emailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as kyivcity.gov.ua')).default([]),
  languages: z.array(lang).default([]),
});
export type CouncilRecord = z.infer<typeof councilSchema>;

export const campaignFigureSchema = z.object({
  key: slug,
  value: z.number().int(),
  label: z.string().min(1),
  labelUk: z.string().min(1).nullish(),
  source: sourceRefSchema,
  quote: z.string().min(1).nullish(),
});

export const campaignSchema = z.object({
  slug,
  name: z.string().min(1),
  nameUk: z.string().min(1).nullish(),
  description: z.string().min(1).nullish(),
  descriptionUk: z.string().min(1).nullish(),
  state: z.enum(CAMPAIGN_STATES).default('active'),
  countries: z.array(countryCode).default([]),
  languages: z.array(lang).default([]),
  startedOn: z.iso.date().nullish(),
  letterDelivery: z.enum(LETTER_DELIVERY_MODES).default('individual'),
  figures: z.array(campaignFigureSchema).default([]),
});
export type CampaignRecord = z.infer<typeof campaignSchema>;

export const reviewItemSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(DATASET_REVIEW_ITEM_KINDS),
  summary: z.string().min(1),
  quote: z.string().min(1).nullish(),
  source: sourceRefSchema.nullish(),
  campaign: slug.nullish(),
  council: slug.nullish(),
  place: slug.nullish(),
  otherPlace: slug.nullish(),
  tie: z.object({ place: slug, partner: slug }).nullish(),
  otherTie: z.object({ place: slug, partner: slug }).nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  state: z.enum(REVIEW_ITEM_STATES).optional(), // default open; an export keeps what a person decided
  resolution: z.string().min(1).nullish(),
});
export type ReviewItemRecord = z.infer<typeof reviewItemSchema>;

/**
 * A claim about every tie of one country's places ("Latvia, Lithuania, Estonia and Finland did so
 * in 2022"): kept as a claim, shown on each tie it covers; it moves no status.
 */
export const countryClaimSchema = z.object({
  key: z.string().min(1),
  country: countryCode,
  kind: z.enum(COUNTRY_CLAIM_KINDS),
  date: partialDateSchema.nullish(),
  source: sourceRefSchema,
  quote: z.string().min(1),
  note: z.string().min(1).nullish(),
});
export type CountryClaimRecord = z.infer<typeof countryClaimSchema>;

export const fullSourceSchema = z
  .object({
    url: webAddressInput.nullish(),
    seed: z.string().min(1).nullish(),
    title: z.string().min(1),
    publisher: z.string().min(1).nullish(),
    published: partialDateSchema.nullish(),
    language: lang.nullish(),
    kind: z.enum(SOURCE_KINDS).nullish(),
  })
  .refine((s) => Boolean(s.url) !== Boolean(s.seed), { message: 'a source needs exactly one of url or seed' });

export const DATASET_FORMAT = 'untwin-dataset';
export const DATASET_VERSION = 1;

export const datasetSchema = z.object({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  sources: z.array(fullSourceSchema).default([]),
  places: z.array(placeSchema).default([]),
  councils: z.array(councilSchema).default([]),
  campaigns: z.array(campaignSchema).default([]),
  ties: z.array(tieSchema).default([]),
  countryClaims: z.array(countryClaimSchema).default([]),
  reviewItems: z.array(reviewItemSchema).default([]),
});
export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;

export function emptyDataset(): Dataset {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, sources: [], places: [], councils: [], campaigns: [], ties: [], countryClaims: [], reviewItems: [] };
}
