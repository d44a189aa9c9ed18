import { stringify } from 'csv-stringify/sync';
import { formatPartialDate } from '../dates/partial-date';
import type { TieRow } from './search-ties';

/**
 * The tracker's rows as CSV (RFC 4180, UTF-8, a header row), one tie per row: the CSV of
 * /api/v1/ties.csv. Names are the English ones; dates keep their precision ("2022", "2022-05",
 * "2022-05-25"). A cell that a spreadsheet would run as a formula (one starting with = + - @,
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
  'kind',
  'status',
  'last_event',
  'last_event_date',
  'last_event_on_or_before',
  'source_title',
  'source_publisher',
  'source_url',
  'source_seed_document',
] as const;

type CsvRecord = Record<(typeof TIE_CSV_COLUMNS)[number], string | number>;

function csvRecord(row: TieRow): CsvRecord {
  const event = row.lastEvent;
  const source = event?.source;
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
    kind: row.kind,
    status: row.status,
    last_event: event?.type ?? '',
    last_event_date: event?.on ? formatPartialDate(event.on.date, event.on.precision) : '',
    last_event_on_or_before: event?.on ? (event.onOrBefore ? 'yes' : 'no') : '',
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
