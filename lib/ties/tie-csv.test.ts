import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TieRow } from './search-ties';
import { TIE_CSV_COLUMNS, tiesToCsv } from './tie-csv';

function row(overrides: Partial<TieRow> = {}): TieRow {
  return {
    id: 7,
    status: 'pledged',
    kind: 'twin_town',
    signedOn: { date: '1997-01-01', precision: 'year' },
    council: { slug: 'kyiv-city-council', name: 'Kyiv City Council' },
    place: { id: 1, slug: 'kyiv-ukr', name: 'Kyiv', country: { code: 'UKR', name: 'Ukraine' } },
    partner: { id: 2, slug: 'minsk-blr', name: 'Minsk', country: { code: 'BLR', name: 'Belarus' } },
    lastEvent: {
      type: 'draft_registered',
      on: { date: '2022-05-01', precision: 'month' },
      onOrBefore: true,
      source: TC,
      attribution: { kind: 'source', title: TC.title, publisher: TC.publisher },
      attributionText: 'Which councils broke ties (Transparent Cities)',
    },
    confirmation: { confirmed: true, on: { date: '2022-05-01', precision: 'month' }, byDate: true, eventId: 70, eventType: 'draft_registered', basis: 'report', source: null },
    countryClaims: [],
    canAskToEnd: true,
    ...overrides,
  };
}

const TC = { title: 'Which councils broke ties', url: 'https://tc.transparency.org.ua/ties', seedDocument: null, publisher: 'Transparent Cities' };

const read = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe('tiesToCsv', () => {
  it('writes a header and one row per tie, dates as precise as their source', () => {
    const csv = tiesToCsv([row(), row({ id: 8, council: null, lastEvent: null, status: 'active', kind: 'unknown' })]);
    expect(csv.split('\r\n')[0]).toBe(TIE_CSV_COLUMNS.join(','));
    expect(read(csv)).toEqual([
      {
        id: '7',
        council: 'kyiv-city-council',
        council_name: 'Kyiv City Council',
        place: 'Kyiv',
        place_slug: 'kyiv-ukr',
        place_country: 'UKR',
        partner: 'Minsk',
        partner_slug: 'minsk-blr',
        partner_country: 'BLR',
        partner_named: 'yes',
        kind: 'twin_town',
        signed: '1997',
        status: 'pledged',
        confirmed: 'yes',
        confirmed_on: '2022-05',
        confirmed_by: 'report',
        confirmed_source_title: '',
        listed_by: '',
        country_claims: '',
        last_event: 'draft_registered',
        last_event_date: '2022-05',
        last_event_on_or_before: 'yes',
        last_event_attribution_kind: 'source',
        last_event_attribution: 'Which councils broke ties (Transparent Cities)',
        source_title: 'Which councils broke ties',
        source_publisher: 'Transparent Cities',
        source_url: 'https://tc.transparency.org.ua/ties',
        source_seed_document: '',
      },
      expect.objectContaining({ id: '8', council: '', status: 'active', last_event: '', last_event_date: '', source_title: '' }),
    ]);
  });

  it('ends records with CRLF and quotes what needs quoting', () => {
    const csv = tiesToCsv([row({ place: { id: 1, slug: 'x', name: 'Kam’yanets, "Podilskyi"', country: { code: 'UKR', name: 'Ukraine' } } })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Kam’yanets, ""Podilskyi"""');
    expect(read(csv)[0]!.place).toBe('Kam’yanets, "Podilskyi"');
  });

  it.each(['=HYPERLINK("http://evil.example","Kyiv")', '+7 495', '-1+1', '@SUM(A1)', '\tKyiv', '\rKyiv'])(
    'keeps %j as text a spreadsheet will not run',
    (name) => {
      const csv = tiesToCsv([row({ place: { id: 1, slug: 'x', name, country: { code: 'UKR', name: 'Ukraine' } } })]);
      expect(read(csv)[0]!.place).toBe(`'${name}`);
    },
  );

  it('escapes formulas in every text column, and leaves ordinary text and numbers alone', () => {
    const source = { title: '=cmd|"/c calc"!A1', url: null, seedDocument: '001_list.txt', publisher: '@publisher' };
    const csv = tiesToCsv([
      row({ lastEvent: { type: 'noted', on: null, onOrBefore: false, source, attribution: { kind: 'campaign' }, attributionText: 'Recorded by the campaign' } }),
    ]);
    const [record] = read(csv);
    expect(record!.source_title).toBe(`'${source.title}`);
    expect(record!.source_publisher).toBe("'@publisher");
    expect(record!.source_seed_document).toBe('001_list.txt');
    expect(record!.id).toBe('7');
    expect(record!.place).toBe('Kyiv');
  });

  it('says who stands behind the last event, whether the status is confirmed, and which claims cover the tie', () => {
    const listed = { title: 'List of twin towns and sister cities in Russia', url: null, seedDocument: '001_list.txt', publisher: 'Wikipedia', id: 3, publishedOn: null, language: 'en' };
    const claimSource = { id: 4, title: 'Omsk and Vitebsk', url: null, seedDocument: '004.txt', publisher: 'vkurier.news', publishedOn: null, language: 'ru' };
    const csv = tiesToCsv([
      row({
        status: 'active',
        place: { id: 1, slug: 'vilnius-ltu', name: 'Vilnius', country: { code: 'LTU', name: 'Lithuania' } },
        partner: { id: 2, slug: 'unnamed-rus', name: 'a Russian partner the source does not name', country: { code: 'RUS', name: 'Russia' }, unnamed: true },
        signedOn: null,
        lastEvent: {
          type: 'responded',
          on: { date: '2022-07-01', precision: 'day' },
          onOrBefore: false,
          source: null,
          attribution: { kind: 'council_staff', council: 'Vilnius City Council' },
          attributionText: 'Stated by Vilnius City Council staff',
        },
        confirmation: { confirmed: false, listedBy: listed },
        countryClaims: [
          {
            id: 1,
            key: 'ltu-ended-2022',
            country: { code: 'LTU', name: 'Lithuania' },
            kind: 'ended',
            occurredOn: { date: '2022-01-01', precision: 'year' },
            source: claimSource,
            quote: 'Латвия, Литва…',
            note: null,
          },
        ],
      }),
    ]);
    expect(read(csv)[0]).toMatchObject({
      partner: 'a Russian partner the source does not name',
      partner_named: 'no',
      signed: '',
      confirmed: 'no',
      confirmed_on: '',
      listed_by: 'List of twin towns and sister cities in Russia',
      country_claims: 'ended 2022: Omsk and Vitebsk',
      last_event_attribution_kind: 'council_staff',
      last_event_attribution: 'Stated by Vilnius City Council staff',
    });
  });

  it('writes only the header for no ties', () => {
    expect(tiesToCsv([])).toBe(`${TIE_CSV_COLUMNS.join(',')}\r\n`);
  });
});
