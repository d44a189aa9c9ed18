import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseTiesCsv } from './csv';
import { datasetSchema } from './dataset';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const HEADER = CSV_COLUMNS.join(',');

describe('a CSV of ties', () => {
  const { dataset, errors, tieLines } = parseTiesCsv(fixture('ties.csv'));

  it('reads one tie per row, numbering rows by the line they start on', () => {
    expect(errors).toEqual([]);
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    // CRLF line ends, a quoted cell over two lines (3-4) and a blank line (5) before the last row.
    expect(tieLines).toEqual([[2], [3], [6]]);
  });

  it('reads places with their aliases and districts with their city', () => {
    const [first, , third] = dataset.ties;
    expect(first!.place).toEqual({ name: 'Kharkiv', country: 'UKR', aliases: ['Kharkov', 'Харків'] });
    expect(first!.partner).toEqual({ name: 'Belgorod', country: 'RUS', aliases: [] });
    expect(third!.place).toEqual({ name: 'Leninsky', country: 'BLR', aliases: [], kind: 'district', parent: { name: 'Minsk', country: 'BLR' } });
    expect(third!.partner.country).toBe('RUS'); // "Russia"
  });

  it('turns the row into the tie and its one event, with CSV quoting undone', () => {
    const [first, second, third] = dataset.ties;
    expect(first).toMatchObject({ kind: 'twin_town', agreementTitle: 'Agreement on twinning', signed: '1997', status: 'active' });
    expect(first!.events).toEqual([
      { type: 'recorded', status: 'active', date: null, dateIsUpperBound: false, source: { url: 'https://example.org/kharkiv' }, quote: 'Belgorod, Russia', note: undefined, reason: undefined },
    ]);
    expect(second!.status).toBe('severed');
    expect(second!.events[0]).toMatchObject({ type: 'severed', status: 'severed', date: '2022-03', quote: 'The council ended "all ties" with\nBelgorod' });
    expect(third!.kind).toBe('unknown');
    expect(third!.events[0]).toMatchObject({ type: 'recorded', status: 'active', source: { seed: '001_6f1cc70905dcdfcc.txt' } });
  });

  it('lists each source once, with the title and publisher a row gave', () => {
    expect(dataset.sources).toEqual([
      { url: 'https://example.org/kharkiv', title: 'Kharkiv partners', publisher: 'Kharkiv City Council', published: undefined, language: undefined },
      { url: 'https://example.org/kharkiv-severs', title: 'https://example.org/kharkiv-severs', publisher: undefined, published: undefined, language: undefined },
      { seed: '001_6f1cc70905dcdfcc.txt', title: '001_6f1cc70905dcdfcc.txt', publisher: undefined, published: undefined, language: undefined },
    ]);
  });
});

describe('a malformed CSV', () => {
  const { dataset, errors, tieLines } = parseTiesCsv(fixture('ties-malformed.csv'));

  it('reports each bad row once, at its line, in words a person can act on', () => {
    expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '3: kind must be one of: twin_town, partner_city, cooperation_agreement, memorandum, protocol_of_intent, joint_statement, other_agreement, unknown',
      '4: partner is required',
      '5: place_country "Germny" is not a country: write an ISO alpha-3 code such as UKR, or the English name',
      '6: event_date must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
      '7: source_url must be a full address such as https://example.org/page',
      '8: This row has 9 cells but the header has 10.',
      '9: source_url or source_seed is required (or import with a default source)',
      '10: status is required for the event "resumed"',
      '11: Not valid CSV: a quote is not closed where it should be: a quoted cell ends with " just before a comma or the end of the line, and a quote inside it is written ""',
      '12: Not valid CSV: a quoted cell is never closed (a " is missing)',
    ]);
    expect(errors[1]!.text).toBe('Odesa,UKR,,RUS,,,,,https://example.org/c,no partner');
  });

  it('still reads the good rows', () => {
    expect(dataset.ties.map((t) => `${t.place.name}–${t.partner.name}`)).toEqual(['Kyiv–Moscow']);
    expect(tieLines).toEqual([[2]]);
  });

  it('recovers after a stray quote instead of losing the rows after it', () => {
    const text = `${HEADER}\nA,UKR,,B,RUS,,,,,,,,https://e.org/1,,,,"never closed,,\nC,UKR,,D,RUS,,,,,,,,https://e.org/2,,,,,,,,,\n`;
    const result = parseTiesCsv(text);
    expect(result.errors.map((e) => e.line)).toEqual([2]);
    expect(result.dataset.ties.map((t) => t.place.name)).toEqual(['C']);
  });

  it('uses the import default source for rows without one', () => {
    const text = 'place,place_country,partner,partner_country\nKyiv,UKR,Moscow,RUS\n';
    expect(parseTiesCsv(text).errors.map((e) => e.line)).toEqual([2]);
    const withDefault = parseTiesCsv(text, { source: { url: 'https://example.org/list', title: 'A list' } });
    expect(withDefault.errors).toEqual([]);
    expect(withDefault.dataset.ties[0]!.events[0]!.source).toEqual({ url: 'https://example.org/list' });
    expect(withDefault.dataset.sources).toMatchObject([{ url: 'https://example.org/list', title: 'A list' }]);
  });

  it('reads what kind of source a row cites and the session a scheduled vote names', () => {
    const text =
      'place,place_country,partner,partner_country,event,status,event_date,session_on,source_url,source_kind\n' +
      'Irpin,UKR,Maladzyechna,BLR,recorded,active,2022-05-02,,https://example.org/a,report\n' +
      'Irpin,UKR,Maladzyechna,BLR,vote_scheduled,pledged,2022-05-25,2022-06-15,https://example.org/b,official\n' +
      'Irpin,UKR,Maladzyechna,BLR,noted,pledged,,,https://example.org/c,gossip\n';
    const { dataset, errors } = parseTiesCsv(text);
    expect(errors).toMatchObject([{ line: 4, message: expect.stringContaining('source_kind must be one of: official, council_answer, news, report, list') }]);
    expect(dataset.sources.map((s) => [s.url, s.kind])).toEqual([
      ['https://example.org/a', 'report'],
      ['https://example.org/b', 'official'],
    ]);
    expect(dataset.ties[1]!.events[0]).toMatchObject({ type: 'vote_scheduled', sessionOn: '2022-06-15' });
  });
});

describe('the header row', () => {
  it('is required, names known columns only, and has the four required ones', () => {
    expect(parseTiesCsv('').errors.map((e) => e.line)).toEqual([1]);
    const unknown = parseTiesCsv('place,place_country,partner,partner_country,colour\nKyiv,UKR,Moscow,RUS,red\n');
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('unknown column "colour"') });
    expect(unknown.dataset.ties).toEqual([]);
    const missing = parseTiesCsv('place,partner\nKyiv,Moscow\n');
    expect(missing.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('missing required columns place_country, partner_country') });
  });

  it('takes columns in any order and case', () => {
    const { errors, dataset } = parseTiesCsv('Partner_Country,Partner,Place Country,PLACE,source_url\nBLR,Gomel,DEU,Aachen,https://example.org/x\n');
    expect(errors).toEqual([]);
    expect(dataset.ties[0]).toMatchObject({ place: { name: 'Aachen', country: 'DEU' }, partner: { name: 'Gomel', country: 'BLR' } });
  });
});
