import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../places/normalise-name';
import type { TiePlace, TieRecord } from './dataset';
import { datasetSchema } from './dataset';
import { parsePlaceText, parseWikipediaList } from './wikipedia-list';

const SEED = '001_6f1cc70905dcdfcc.txt';
const seedText = fs.readFileSync(path.join(process.cwd(), 'db', 'seed', 'documents', SEED), 'utf8');
const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'wikipedia-list-with-errors.txt'), 'utf8');

const side = (p: TiePlace) => `${p.name}, ${p.country}${p.parent ? ` (in ${p.parent.name})` : ''}`;
const find = (ties: TieRecord[], place: string, partner: string) => ties.findIndex((t) => t.place.name === place && t.partner.name === partner);

describe('the Wikipedia list of Russia (seed 001)', () => {
  const { dataset, errors, tieLines } = parseWikipediaList(seedText, { source: { seed: SEED } });
  const lines = seedText.split('\n');

  it('parses with no errors into a valid dataset', () => {
    expect(errors).toEqual([]);
    expect(datasetSchema.safeParse(dataset).success).toBe(true);
    expect(dataset.sources).toEqual([{ seed: SEED, title: 'List of twin towns and sister cities in Russia', publisher: 'Wikipedia', language: 'en', kind: 'list' }]);
  });

  it('reads every place heading and partner line: 140 places, 895 partner lines, 888 ties', () => {
    const headings = new Set(dataset.ties.flatMap((t) => [...t.events[0]!.note!.matchAll(/under (.+?) \(line \d+\)/g)].map((m) => m[1])));
    expect(headings.size).toBe(140);
    expect(tieLines.flat()).toHaveLength(lines.filter((l) => l.startsWith('- ')).length);
    expect(tieLines.flat()).toHaveLength(895);
    expect(dataset.ties).toHaveLength(888);
    const sides = dataset.ties.flatMap((t) => [t.place, t.partner]);
    const cities = sides.flatMap((p) => (p.parent ? [{ ...p.parent, aliases: [] }] : []));
    const places = new Set([...sides, ...cities].map((p) => `${p.country}|${'parent' in p && p.parent ? normaliseName(p.parent.name) : ''}|${normaliseName(p.name)}`));
    expect(places.size).toBe(849); // Berlin, Belgrade, Tallinn, Sønderborg and Shenzhen only as the city of a district
  });

  it('keeps a tie listed under both its places as one tie with both line numbers', () => {
    const twice = tieLines.map((l, i) => ({ l, t: dataset.ties[i]! })).filter(({ l }) => l.length > 1);
    expect(twice.map(({ t, l }) => `${t.place.name}–${t.partner.name} ${l.join('+')}`)).toEqual([
      'Serpukhov–Aleksin 10+928',
      'Cherepovets–Balakovo 63+129',
      'Ulan-Ude–Chita 146+1142',
      'Ulan-Ude–Elista 197+1145',
      'Serpukhov–Maloyaroslavets 532+931',
      'Vologda–Smolensk 972+1274',
      'Vladivostok–Vladikavkaz 1193+1238',
    ]);
  });

  it('records each tie as active, a twin town, with the line as its quote', () => {
    const i = find(dataset.ties, 'Emden', 'Arkhangelsk');
    expect(dataset.ties[i]).toEqual({
      place: { name: 'Emden', country: 'DEU', aliases: [] },
      partner: { name: 'Arkhangelsk', country: 'RUS', aliases: [] },
      kind: 'twin_town',
      status: 'active',
      campaigns: [],
      events: [
        { type: 'recorded', status: 'active', date: null, dateIsUpperBound: false, source: { seed: SEED }, quote: 'GER Emden, Germany', note: 'Listed under Arkhangelsk (line 18)' },
      ],
    });
    expect(lines[tieLines[i]![0]! - 1]).toBe('- GER Emden, Germany');
  });

  it('maps sports codes and country names to ISO codes', () => {
    const country = (name: string) => dataset.ties.flatMap((t) => [t.place, t.partner]).find((p) => p.name === name)?.country;
    expect(country('Comrat')).toBe('MDA'); // "Moldavia"
    expect(country('London')).toBe('GBR'); // "ENG ... England, United Kingdom"
    expect(country('Mariehamn')).toBe('ALA'); // "ALA ... Åland Islands, Finland"
    expect(country('Pernik')).toBe('BGR'); // BUL
    expect(country('Hanoi')).toBe('VNM'); // VIE
    expect(country('Cape Town')).toBe('ZAF'); // RSA
    expect(country('Dubai')).toBe('ARE'); // UAE
    expect(country('Évora')).toBe('PRT'); // POR
    expect(country('Harare')).toBe('ZWE'); // ZIM
    expect(country('Biskra')).toBe('DZA'); // ALG
    expect(country('Groningen')).toBe('NLD'); // NED
    // Every place listed is Russian, so every tie has a Russian partner.
    expect(new Set(dataset.ties.map((t) => t.partner.country))).toEqual(new Set(['RUS']));
  });

  it('puts the Russian or Belarusian side as partner, and the listed place when both are', () => {
    expect(find(dataset.ties, 'Nyasvizh', 'Gatchinsky District')).toBeGreaterThanOrEqual(0); // BLR listed under a Russian place
    expect(find(dataset.ties, 'Gomel', 'Armavir')).toBeGreaterThanOrEqual(0);
    expect(find(dataset.ties, 'Serpukhov', 'Aleksin')).toBeGreaterThanOrEqual(0); // listed first under Aleksin
  });

  it('reads districts with their city, and "(district)" as a kind', () => {
    const sides = dataset.ties.flatMap((t) => [t.place, t.partner]).filter((p) => p.kind === 'district');
    expect(sides.filter((p) => p.parent).map(side)).toEqual([
      'Hailar, CHN (in Hulunbuir)',
      'Mladenovac, SRB (in Belgrade)',
      'Nordborg, DNK (in Sønderborg)',
      'Põhja-Tallinn, EST (in Tallinn)',
      'Neukölln, DEU (in Berlin)',
      'Maskowski, BLR (in Minsk)',
      'Futian, CHN (in Shenzhen)',
      'Leninsky, BLR (in Minsk)',
      'Kastrychnitski, BLR (in Minsk)',
    ]);
    expect(sides.filter((p) => !p.parent).map((p) => p.name)).toEqual(
      expect.arrayContaining(['Rems-Murr (district)', 'Düren (district)', 'Wesermarsch (district)', 'Gatchinsky District', 'Spassky District', 'Orhei District']),
    );
  });
});

describe('a Wikipedia list with mistakes', () => {
  const { dataset, errors, tieLines } = parseWikipediaList(fixture, { source: { url: 'https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Russia' } });

  it('reports every line it cannot read, with its number and text', () => {
    expect(errors.map((e) => [e.line, e.text, e.message])).toEqual([
      [6, '- GER Emden, Germany', 'A partner line before any place: a place name must come first, alone on its line.'],
      [11, '- XYZ Nowhere, France', 'Unknown country code "XYZ".'],
      [12, '- GER Paris, France', 'The code GER means Germany, but the line says France.'],
      [13, '- GER Emden Germany', 'The partner needs its country after a comma: "- CODE Partner, Country".'],
      [15, 'This line is a sentence that explains something about the list.', 'Not a place name, a "- CODE Partner, Country" line or a letter heading.'],
      [16, '- FRA Lyon, France', 'Belongs to the unreadable place line 15.'],
      [28, 'Tver', '"Tver" has no partner lines under it (expected "- CODE Partner, Country").'],
    ]);
  });

  it('still reads the good lines', () => {
    expect(dataset.ties.map((t) => `${side(t.place)} → ${side(t.partner)}`)).toEqual([
      'Saky, UKR → Aleksin, RUS',
      'Serpukhov, RUS → Aleksin, RUS',
      'Watford, GBR → Serpukhov, RUS',
      'Comrat, MDA → Serpukhov, RUS',
      'Mariehamn, ALA → Serpukhov, RUS',
      'Leninsky, BLR (in Minsk) → Serpukhov, RUS',
      'Düren (district), DEU → Serpukhov, RUS',
    ]);
    expect(tieLines).toEqual([[9], [10, 21], [22], [23], [24], [25], [26]]);
    expect(dataset.ties[1]!.events[0]!.note).toBe('Listed under Aleksin (line 10); also under Serpukhov (line 21)');
    expect(dataset.sources[0]).toMatchObject({ url: 'https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Russia', title: 'List of twin towns and sister cities in Russia' });
  });

  it('needs a title that names the country', () => {
    const { errors: noTitle, dataset: none } = parseWikipediaList('==A==\nAleksin\n- UKR Saky, Ukraine\n', { source: { seed: 'x.txt' } });
    expect(noTitle.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(none.ties).toEqual([]);
    const { errors: withCountry, dataset: some } = parseWikipediaList('==A==\nAleksin\n- UKR Saky, Ukraine\n', { source: { seed: 'x.txt' }, country: 'RUS' });
    expect(withCountry).toEqual([]);
    expect(some.ties).toHaveLength(1);
  });
});

describe('parsePlaceText', () => {
  it('tells a parent city from a kind in brackets', () => {
    expect(parsePlaceText('Leninsky (Minsk)', 'BLR')).toEqual({ name: 'Leninsky', country: 'BLR', aliases: [], kind: 'district', parent: { name: 'Minsk', country: 'BLR' } });
    expect(parsePlaceText('Düren (district)', 'DEU')).toEqual({ name: 'Düren (district)', country: 'DEU', aliases: [], kind: 'district' });
    expect(parsePlaceText('Olsztyn County', 'POL')).toEqual({ name: 'Olsztyn County', country: 'POL', aliases: [], kind: 'county' });
    expect(parsePlaceText('Emden', 'DEU')).toEqual({ name: 'Emden', country: 'DEU', aliases: [] });
  });
});
