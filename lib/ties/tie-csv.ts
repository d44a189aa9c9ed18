import { stringify } from 'csv-stringify/sync';
import { formatPartialDate } from '../dates/partial-date';
import type { TieRow } from './search-ties';

/**
 * The tracker's rows as CSV (RFC 4180, UTF-8, a header row), one tie per row: the CSV of
 * /api/v1/ties.csv. Names are the English ones (a partner the source does not name is written as
 * such, and `partner_named` says no); dates keep their precision ("2022", "2022-05",
 * "2022-05-25"). The last event is the latest that still counts (withdrawn events never are),
 * with who stands behind it; `confirmed` says whether a dated event confirms where the tie
 * stands (no: "listed, not confirmed", and `listed_by` names the source that lists it). A cell that a spreadsheet would run as a formula (one starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe: names and source titles come from
 * imports and from the public, and must stay text.
 */
export const TIE_CSV_COLUMNS = [
  'id',
  'council',
  'council_name',
  'place',
  'place_slug',
  'place_country',
  'partner',
  'partner_slug',
  'partner_country',
  'partner_named',
  'kind',
  'signed',
  'status',
  'confirmed',
  'confirmed_on',
  'confirmed_by',
  'confirmed_source_title',
  'listed_by',
  'country_claims',
  'last_event',
  'last_event_date',
  'last_event_on_or_before',
  'last_event_attribution_kind',
  'last_event_attribution',
  'source_title',
  'source_publisher',
  'source_url',
  'source_seed_document',
] as const;

type CsvRecord = Record<(typeof TIE_CSV_COLUMNS)[number], string | number>;

function csvRecord(row: TieRow): CsvRecord {
  const event = row.lastEvent;
  const source = event?.source;
  const confirmation = row.confirmation;
  return {
    id: row.id,
    council: row.council?.slug ?? '',
    council_name: row.council?.name ?? '',
    place: row.place.name,
    place_slug: row.place.slug,
    place_country: row.place.country.code,
    partner: row.partner.name,
    partner_slug: row.partner.slug,
    partner_country: row.partner.country.code,
    partner_named: row.partner.unnamed ? 'no' : 'yes',
    kind: row.kind,
    signed: row.signedOn ? formatPartialDate(row.signedOn.date, row.signedOn.precision) : '',
    status: row.status,
    confirmed: confirmation.confirmed ? 'yes' : 'no',
    confirmed_on: confirmation.confirmed ? formatPartialDate(confirmation.on.date, confirmation.on.precision) : '',
    confirmed_by: confirmation.confirmed ? confirmation.basis : '',
    confirmed_source_title: confirmation.confirmed ? (confirmation.source?.title ?? '') : '',
    listed_by: confirmation.confirmed ? '' : (confirmation.listedBy?.title ?? ''),
    country_claims: row.countryClaims
      .map((c) => `${c.kind}${c.occurredOn ? ` ${formatPartialDate(c.occurredOn.date, c.occurredOn.precision)}` : ''}: ${c.source.title}`)
      .join('; '),
    last_event: event?.type ?? '',
    last_event_date: event?.on ? formatPartialDate(event.on.date, event.on.precision) : '',
    last_event_on_or_before: event?.on ? (event.onOrBefore ? 'yes' : 'no') : '',
    last_event_attribution_kind: event?.attribution.kind ?? '',
    last_event_attribution: event?.attributionText ?? '',
    source_title: source?.title ?? '',
    source_publisher: source?.publisher ?? '',
    source_url: source?.url ?? '',
    source_seed_document: source?.seedDocument ?? '',
  };
}

export function tiesToCsv(rows: readonly TieRow[]): string {
  return stringify(rows.map(csvRecord), {
    header: true,
    columns: [...TIE_CSV_COLUMNS],
    escape_formulas: true,
    record_delimiter: 'windows', // RFC 4180 says CRLF, and spreadsheets expect it
  });
}
