import { isWebAddress } from '../sources/web-address';
import { NAME_MESSAGE, hasControlCharacter } from '../text/name';
import { type CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parsePartialDate } from '../dates/partial-date';
import { countryFromCell } from '../places/country-codes';
import { TIE_KINDS } from '../places/kinds';
import { SOURCE_KINDS } from '../../db/schema/sources';
import { TIE_EVENT_TYPES, TIE_STATUSES, TRANSITIONS } from '../ties/lifecycle';
import { type Dataset, type EventRecord, type SourceRef, type TieRecord, emptyDataset, sourceKey } from './dataset';
import { type LineError, type ParseResult, parsePlaceText } from './wikipedia-list';

/**
 * Organisers' spreadsheets: CSV (comma-separated, UTF-8, RFC 4180 quoting), one tie per row,
 * a header row first. Column names are case-insensitive; columns may come in any order; empty
 * cells mean "not given". Several rows may name the same pair of places: each adds its event.
 *
 * | column           | required | meaning                                                                                 |
 * |------------------|----------|-----------------------------------------------------------------------------------------|
 * | place            | yes      | the place on the campaign's side, e.g. `Kharkiv`; `Leninsky (Minsk)` is a district of Minsk |
 * | place_country    | yes      | its country: ISO 3166-1 alpha-3 (`UKR`) or English name (`Ukraine`)                     |
 * | place_aliases    |          | other spellings of the place, separated by `;` (`Kharkov; Харків`)                      |
 * | partner          | yes      | the Russian or Belarusian place                                                          |
 * | partner_country  | yes      | `RUS` or `BLR` (or the English name)                                                     |
 * | partner_aliases  |          | other spellings of the partner, separated by `;`                                         |
 * | kind             |          | `twin_town`, `partner_city`, `cooperation_agreement`, `memorandum`, `protocol_of_intent`, `joint_statement`, `other_agreement` or `unknown` (default) |
 * | agreement        |          | the agreement's own title                                                                |
 * | signed           |          | when it was signed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`                                    |
 * | status           |          | the tie's status after this row's event; default `active` for `recorded`, else where the event leads from `active` |
 * | event            |          | `recorded` (default: the source documents the tie) or a lifecycle event (`appealed`, `promised`, `severed`...) for a tie already known (in the database or on an earlier row) |
 * | event_date       |          | when the event happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`                               |
 * | source_url       | one of   | the source's address                                                                     |
 * | source_seed      | these two| or the seed document's file name (`001_6f1cc70905dcdfcc.txt`); both may be left empty when the import is given a default source (`--source-url`) |
 * | source_title     |          | the source's title (default: its URL or file name)                                       |
 * | source_publisher |          | who published it                                                                         |
 * | source_kind      |          | `official` (the council's own page or decision), `council_answer`, `news` (default for a new source), `report` or `list` |
 * | session_on       |          | for `vote_scheduled`: the date of the session that will vote, `YYYY-MM-DD`               |
 * | quote            |          | the source's words that carry the fact                                                   |
 * | note             |          | anything else worth keeping                                                              |
 * | reason           |          | why, for a `corrected` event (required there)                                            |
 * | campaign         |          | campaign slugs to add the tie to, separated by `;` (`ukraine-2022`)                      |
 */
export const CSV_COLUMNS = [
  'place',
  'place_country',
  'place_aliases',
  'partner',
  'partner_country',
  'partner_aliases',
  'kind',
  'agreement',
  'signed',
  'status',
  'event',
  'event_date',
  'source_url',
  'source_seed',
  'source_title',
  'source_publisher',
  'source_kind',
  'session_on',
  'quote',
  'note',
  'reason',
  'campaign',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['place', 'place_country', 'partner', 'partner_country'];

const cell = z.string().trim();
const optionalCell = cell.transform((s) => s || undefined);
const list = cell.transform((s) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean),
);
const country = cell.min(1, 'is required').transform((s, ctx) => {
  const code = countryFromCell(s);
  if (!code) ctx.addIssue({ code: 'custom', message: `"${s}" is not a country: write an ISO alpha-3 code such as UKR, or the English name` });
  return code ?? '';
});
const partialDate = optionalCell.refine((s) => s === undefined || parsePartialDate(s) !== null, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  optionalCell.pipe(z.enum(values, { error: `must be one of: ${values.join(', ')}` }).optional());
const slugList = list.refine((xs) => xs.every((x) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(x)), 'must be campaign slugs such as ukraine-2022, separated by ";"');

const rowSchema = z.object({
  place: cell.min(1, 'is required').refine((s) => !hasControlCharacter(s), NAME_MESSAGE),
  place_country: country,
  place_aliases: list,
  partner: cell.min(1, 'is required').refine((s) => !hasControlCharacter(s), NAME_MESSAGE),
  partner_country: country,
  partner_aliases: list,
  kind: oneOf(TIE_KINDS),
  agreement: optionalCell,
  signed: partialDate,
  status: oneOf(TIE_STATUSES),
  event: oneOf(TIE_EVENT_TYPES),
  event_date: partialDate,
  source_url: optionalCell.refine((s) => s === undefined || isWebAddress(s), 'must be a full address such as https://example.org/page'),
  source_seed: optionalCell,
  source_title: optionalCell,
  source_publisher: optionalCell,
  source_kind: oneOf(SOURCE_KINDS),
  session_on: optionalCell.pipe(z.iso.date('must be a full date as YYYY-MM-DD').optional()),
  quote: optionalCell,
  note: optionalCell,
  reason: optionalCell,
  campaign: slugList,
});

function headerName(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function parseTiesCsv(text: string, options: { source?: SourceRef } = {}): ParseResult {
  const errors: LineError[] = [];
  const dataset = emptyDataset();
  const tieLines: number[][] = [];
  // csv-parse miscounts lines after a quoted CRLF; one kind of line break keeps numbers right.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sourceLines = normalised.split('\n');
  const lineText = (n: number) => sourceLines[n - 1] ?? '';

  const records = readRecords(sourceLines, (line, message) => errors.push({ line, text: lineText(line), message: `Not valid CSV: ${message}` }));
  const [head, ...rows] = records;
  if (!head || head.line !== 1) {
    errors.push({ line: 1, text: lineText(1), message: `The file has no header row; the first row must name the columns: ${CSV_COLUMNS.join(', ')}.` });
    return { dataset, errors: sortErrors(errors), tieLines };
  }
  const columns = head.record.map(headerName);
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  const headerProblems = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}` : null,
    missing.length ? `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : null,
    repeated.length ? `repeated column${repeated.length > 1 ? 's' : ''} ${repeated.join(', ')}` : null,
  ].filter(Boolean);
  if (headerProblems.length) {
    errors.push({ line: 1, text: lineText(1), message: `Header row: ${headerProblems.join('; ')}. The columns are: ${CSV_COLUMNS.join(', ')}.` });
    return { dataset, errors: sortErrors(errors), tieLines };
  }

  const sources = new Map<string, Dataset['sources'][number]>();
  for (const { record, line } of rows) {
    const text = lineText(line);
    if (record.every((v) => !v.trim())) continue;
    if (record.length !== columns.length) {
      errors.push({ line, text, message: `This row has ${record.length} cells but the header has ${columns.length}.` });
      continue;
    }
    const raw = Object.fromEntries(CSV_COLUMNS.map((c) => [c, record[columns.indexOf(c)] ?? '']));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ line, text, message: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') });
      continue;
    }
    const row = parsed.data;
    const problems: string[] = [];
    const given = row.source_url ? { url: row.source_url } : row.source_seed ? { seed: row.source_seed } : null;
    if (row.source_url && row.source_seed) problems.push('give source_url or source_seed, not both');
    const fallback = options.source ? (options.source.url ? { url: options.source.url } : { seed: options.source.seed }) : null;
    const source: SourceRef | null = given ?? fallback;
    if (!source) problems.push('source_url or source_seed is required (or import with a default source)');
    const event = row.event ?? 'recorded';
    const status = row.status ?? (event === 'recorded' || event === 'noted' ? 'active' : TRANSITIONS.active[event]);
    if (!status) problems.push(`status is required for the event "${event}"`);
    if (event === 'corrected' && !row.reason) problems.push('reason is required for a correction');
    if (problems.length || !source || !status) {
      errors.push({ line, text, message: problems.join('; ') });
      continue;
    }

    const key = sourceKey(source);
    if (!sources.has(key)) {
      const defaults = given ? null : options.source;
      sources.set(key, {
        ...source,
        title: row.source_title ?? defaults?.title ?? source.url ?? source.seed!,
        publisher: row.source_publisher ?? defaults?.publisher,
        published: defaults?.published,
        language: defaults?.language,
        kind: row.source_kind ?? defaults?.kind,
      });
    }
    const eventRecord: EventRecord = {
      type: event,
      status,
      date: row.event_date ?? null,
      dateIsUpperBound: false,
      source,
      quote: row.quote,
      note: row.note,
      reason: row.reason,
      sessionOn: row.session_on,
    };
    const place = { ...parsePlaceText(row.place, row.place_country), aliases: row.place_aliases };
    const partner = { ...parsePlaceText(row.partner, row.partner_country), aliases: row.partner_aliases };
    const tie: TieRecord = {
      place,
      partner,
      kind: row.kind ?? 'unknown',
      agreementTitle: row.agreement,
      signed: row.signed,
      status,
      campaigns: row.campaign,
      events: [eventRecord],
    };
    dataset.ties.push(tie);
    tieLines.push([line]);
  }
  dataset.sources = [...sources.values()];
  return { dataset, errors: sortErrors(errors), tieLines };
}

type CsvRecord = { record: string[]; line: number };

/**
 * The records of the file, each with the line it starts on. After a syntax error csv-parse
 * loses its footing (a stray quote swallows the rows after it), so reading starts again on the
 * line after the broken row: one mistake costs one row, and is reported once, at its row.
 */
function readRecords(lines: readonly string[], onError: (line: number, message: string) => void): CsvRecord[] {
  const out: CsvRecord[] = [];
  let offset = 0; // lines before the part being read
  while (offset < lines.length) {
    let failure: CsvError | undefined;
    const records = parse(lines.slice(offset).join('\n'), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        failure ??= err;
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    let lastEnd = offset;
    for (const { record, info } of records) {
      // A record ends on info.lines; quoted line breaks inside it put its start earlier.
      const start = offset + info.lines - record.reduce((sum, v) => sum + (v.match(/\n/g)?.length ?? 0), 0);
      // Rows the parser produced after its error are debris of the broken row.
      if (failure && offset + info.lines >= offset + (typeof failure.lines === 'number' ? failure.lines : 0)) break;
      out.push({ record, line: start });
      lastEnd = offset + info.lines;
    }
    if (!failure) break;
    const broken = failureStart(lines, lastEnd);
    onError(broken, csvMessage(failure));
    offset = broken;
  }
  return out;
}

/** The line a broken row starts on: the first non-empty line after the last good row. */
function failureStart(lines: readonly string[], lastGoodEnd: number): number {
  let n = lastGoodEnd + 1;
  while (n <= lines.length && !lines[n - 1]!.trim()) n++;
  return n;
}

function csvMessage(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote is not closed where it should be: a quoted cell ends with " just before a comma or the end of the line, and a quote inside it is written ""';
    case 'INVALID_OPENING_QUOTE':
      return 'a " inside an unquoted cell (quote the whole cell and write "" for the quote)';
    default:
      return err.message;
  }
}

function sortErrors(errors: LineError[]): LineError[] {
  return errors.sort((a, b) => a.line - b.line);
}
