import { z } from 'zod';
import { PARTNER_COUNTRIES } from '../places/kinds';
import { normaliseName } from '../places/normalise-name';
import { STATUS_GROUPS, STATUS_GROUP_NAMES, type StatusGroup, TIE_STATUSES, type TieStatus, isInGroup } from './lifecycle';

/**
 * The filters of the public tracker and of /api/v1/ties, read from a URL's query string. One
 * parser for both, so a tracker view and its JSON or CSV are the same rows.
 *
 *   campaign        a campaign slug                           ukraine-2022
 *   country         the council's country, ISO alpha-3        UKR
 *   region          the slug of the council's region          kyiv-oblast-ukr
 *   partnerCountry  RUS or BLR
 *   status          one or more statuses (repeat the parameter, or separate with commas)
 *   group           a status group (lib/ties/lifecycle.ts STATUS_GROUPS)
 *   q               any spelling of the council's place or of the partner (prefix)
 *   closed          1: every status; otherwise only ties in force (unless status or group say)
 *   confirmation    confirmed: a dated event confirms where the tie stands; unconfirmed: known
 *                   only from undated lists ("listed, not confirmed", lib/ties/figures.ts)
 *   sort, dir       place | country | status | updated; asc | desc
 *   page, perPage   from 1; perPage 1..200, default 50
 */

export const TIE_SORTS = ['place', 'country', 'status', 'updated'] as const;
export type TieSort = (typeof TIE_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const TIE_CONFIRMATIONS = ['confirmed', 'unconfirmed'] as const;
export type TieConfirmationFilter = (typeof TIE_CONFIRMATIONS)[number];

export const DEFAULT_SORT: TieSort = 'country';
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;
/** Beyond this a crawler is walking pages nobody reads; the API has the CSV for bulk. */
export const MAX_PAGE = 100_000;
export const MAX_QUERY_LENGTH = 100;

/** The direction a sort takes when none is asked for: the newest change first. */
export function defaultDirection(sort: TieSort): SortDirection {
  return sort === 'updated' ? 'desc' : 'asc';
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const list = (values: readonly string[]) => values.join(', ');

const slug = (what: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(SLUG, `must be the slug of a ${what}: lowercase letters, digits and hyphens`);

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'].includes(v), { message: 'must be 1 or 0' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const positive = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, 'must be at least 1')
        .max(max, `must be at most ${max}`),
    );

const STATUS_LIST_MESSAGE = `each value must be one of ${list(TIE_STATUSES)}`;
const GROUP_NAMES = STATUS_GROUP_NAMES as [StatusGroup, ...StatusGroup[]];

/** One schema per parameter, so the page can keep the good ones when one is wrong. */
const fields = {
  campaign: slug('campaign'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 country code such as UKR'),
  region: slug('region'),
  partnerCountry: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(PARTNER_COUNTRIES, { error: `must be one of ${list(PARTNER_COUNTRIES)}` })),
  status: z.array(z.enum(TIE_STATUSES, { error: STATUS_LIST_MESSAGE })).transform((s) => TIE_STATUSES.filter((x) => s.includes(x))),
  group: z.enum(GROUP_NAMES, { error: `must be one of ${list(GROUP_NAMES)}` }),
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .refine((q) => normaliseName(q) !== '', { message: 'must contain a letter or a digit' }),
  closed: flag,
  confirmation: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(TIE_CONFIRMATIONS, { error: `must be one of ${list(TIE_CONFIRMATIONS)}` })),
  sort: z.enum(TIE_SORTS, { error: `must be one of ${list(TIE_SORTS)}` }),
  dir: z.enum(SORT_DIRECTIONS, { error: `must be asc or desc` }),
  page: positive(MAX_PAGE),
  perPage: positive(MAX_PER_PAGE),
} as const;

export type TieFilterParam = keyof typeof fields;
export const TIE_FILTER_PARAMS = Object.keys(fields) as TieFilterParam[];

export type TieFilters = {
  campaign?: string;
  country?: string;
  region?: string;
  partnerCountry?: (typeof PARTNER_COUNTRIES)[number];
  status: TieStatus[];
  group?: StatusGroup;
  q?: string;
  closed: boolean;
  confirmation?: TieConfirmationFilter;
  sort: TieSort;
  dir: SortDirection;
  page: number;
  perPage: number;
};

export const DEFAULT_TIE_FILTERS: TieFilters = {
  status: [],
  closed: false,
  sort: DEFAULT_SORT,
  dir: defaultDirection(DEFAULT_SORT),
  page: 1,
  perPage: DEFAULT_PER_PAGE,
};

export type TieFilterError = { param: TieFilterParam; message: string };

export type ParsedTieFilters = {
  /** The filters, with every parameter that was wrong left at its default. */
  filters: TieFilters;
  errors: TieFilterError[];
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function values(params: Params, name: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
  return raw.filter((v) => v.trim() !== '');
}

/**
 * Reads the filters. A GET form sends empty fields for "any", so blank values count as not
 * given; unknown parameters are ignored (links get tracking parameters appended).
 */
export function parseTieFilters(params: Params): ParsedTieFilters {
  const filters: TieFilters = { ...DEFAULT_TIE_FILTERS, status: [] };
  const errors: TieFilterError[] = [];
  const out = filters as Record<TieFilterParam, unknown>;

  for (const param of TIE_FILTER_PARAMS) {
    const given = values(params, param);
    if (given.length === 0) continue;
    // Statuses come from checkboxes (repeated) or from people typing a comma-separated list.
    const input =
      param === 'status'
        ? given
            .flatMap((v) => v.split(','))
            .map((v) => v.trim().toLowerCase())
            .filter(Boolean)
        : given[0];
    const parsed = fields[param].safeParse(input);
    if (parsed.success) out[param] = parsed.data;
    else errors.push({ param, message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
  if (values(params, 'dir').length === 0 || errors.some((e) => e.param === 'dir')) filters.dir = defaultDirection(filters.sort);
  return { filters, errors };
}

/**
 * The statuses a view shows: the ones asked for, narrowed to the group; without either, the
 * ties in force, or every status when `closed` asks for the councils that cut theirs too.
 */
export function selectedStatuses(filters: Pick<TieFilters, 'status' | 'group' | 'closed'>): TieStatus[] {
  const { group } = filters;
  if (filters.status.length > 0) return group ? filters.status.filter((s) => isInGroup(s, group)) : [...filters.status];
  if (group) return [...STATUS_GROUPS[group]];
  return filters.closed ? [...TIE_STATUSES] : [...STATUS_GROUPS.inForce];
}

/**
 * The query string of a view, without the values that are defaults, in a fixed order so that
 * one view has one address (and caches see one URL).
 */
export function tieFiltersToSearchParams(filters: TieFilters, changes: Partial<TieFilters> = {}): URLSearchParams {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.campaign) params.set('campaign', f.campaign);
  if (f.country) params.set('country', f.country);
  if (f.region) params.set('region', f.region);
  if (f.partnerCountry) params.set('partnerCountry', f.partnerCountry);
  for (const s of f.status) params.append('status', s);
  if (f.group) params.set('group', f.group);
  if (f.closed) params.set('closed', '1');
  if (f.confirmation) params.set('confirmation', f.confirmation);
  if (f.sort !== DEFAULT_SORT) params.set('sort', f.sort);
  if (f.dir !== defaultDirection(f.sort)) params.set('dir', f.dir);
  if (f.page !== 1) params.set('page', String(f.page));
  if (f.perPage !== DEFAULT_PER_PAGE) params.set('perPage', String(f.perPage));
  return params;
}

/** `path?query`, or the bare path when the view has no filters. */
export function tieFiltersHref(path: string, filters: TieFilters, changes: Partial<TieFilters> = {}): string {
  const query = tieFiltersToSearchParams(filters, changes).toString();
  return query ? `${path}?${query}` : path;
}
