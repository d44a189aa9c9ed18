import type { Dataset, TieRecord } from '../../lib/import/dataset';
import type { TieKind } from '../../lib/places/kinds';
import { at, emptySeedDataset, event } from './build';
import { gazetteerSlug } from './gazetteer';
import { SOURCES, seedSources } from './sources';

/**
 * Kaliningrad's own list of partner cities (seed 002). The copy lost its country headings
 * (only "The Netherlands" survived) but kept the numbering, which restarts at 1 for each
 * country; so each block of numbered lines is one country, and the country is inferred from
 * the city names through the table below. A block whose cities disagree on their country, a
 * surviving heading that disagrees with its block, or a line the table does not know stops the
 * seed instead of guessing.
 */
const SRC = SOURCES.kaliningrad;

type Inferred = { name: string; country: string; because?: string };

/** The city as the page writes it -> the gazetteer's place and its country. */
export const KALININGRAD_PARTNERS: Readonly<Record<string, Inferred>> = {
  Krasnoyarsk: { name: 'Krasnoyarsk', country: 'RUS' },
  Omsk: { name: 'Omsk', country: 'RUS' },
  Samara: { name: 'Samara', country: 'RUS' },
  Severodvinsk: { name: 'Severodvinsk', country: 'RUS' },
  Yaroslavl: { name: 'Yaroslavl', country: 'RUS' },
  Erevan: { name: 'Yerevan', country: 'ARM' },
  Brest: { name: 'Brest', country: 'BLR' },
  Gomel: { name: 'Gomel', country: 'BLR' },
  Grodno: { name: 'Grodno', country: 'BLR' },
  Minsk: { name: 'Minsk', country: 'BLR' },
  Baranovichi: { name: 'Baranavichy', country: 'BLR' },
  'Berlin-Lichtenberg': { name: 'Lichtenberg', country: 'DEU' },
  Bodenwerder: { name: 'Bodenwerder', country: 'DEU' },
  Bremerhaven: { name: 'Bremerhaven', country: 'DEU' },
  Hamburg: { name: 'Hamburg', country: 'DEU' },
  Kiel: { name: 'Kiel', country: 'DEU' },
  Potsdam: { name: 'Potsdam', country: 'DEU' },
  Rostock: { name: 'Rostock', country: 'DEU' },
  Zeitz: { name: 'Zeitz', country: 'DEU' },
  Mühlhausen: { name: 'Mühlhausen', country: 'DEU' },
  Fyn: { name: 'Fyn', country: 'DNK' },
  Cagliari: { name: 'Cagliari', country: 'ITA' },
  Forli: { name: 'Forlì', country: 'ITA' },
  Catania: { name: 'Catania', country: 'ITA' },
  Cork: { name: 'Cork', country: 'IRL' },
  Dalian: { name: 'Dalian', country: 'CHN' },
  'Guyuan Ningxia': { name: 'Guyuan', country: 'CHN' },
  Vilnius: { name: 'Vilnius', country: 'LTU' },
  Kaunas: { name: 'Kaunas', country: 'LTU' },
  Klaipeda: { name: 'Klaipėda', country: 'LTU' },
  Panevezys: { name: 'Panevėžys', country: 'LTU' },
  Siauliai: { name: 'Šiauliai', country: 'LTU' },
  Groningen: { name: 'Groningen', country: 'NLD' },
  Bialystok: { name: 'Białystok', country: 'POL' },
  Gdansk: { name: 'Gdańsk', country: 'POL' },
  Gdynia: { name: 'Gdynia', country: 'POL' },
  Zabrze: { name: 'Zabrze', country: 'POL' },
  Lodz: { name: 'Łódź', country: 'POL' },
  Olsztyn: { name: 'Olsztyn', country: 'POL' },
  PowiatKetrzynski: { name: 'Kętrzyn County', country: 'POL' },
  Raciborz: { name: 'Racibórz', country: 'POL' },
  Torun: { name: 'Toruń', country: 'POL' },
  Elblag: { name: 'Elbląg', country: 'POL' },
  // A Norfolk could be in England too; the Wikipedia list names "Norfolk, United States" among Kaliningrad's partners.
  Norfolk: { name: 'Norfolk', country: 'USA', because: 'the Wikipedia list (seed 001), which names Norfolk, United States, among Kaliningrad’s partners' },
  Kherson: { name: 'Kherson', country: 'UKR' },
  Turku: { name: 'Turku', country: 'FIN' },
  Cherbourg: { name: 'Cherbourg', country: 'FRA' },
  Kalmar: { name: 'Kalmar', country: 'SWE' },
  Malmo: { name: 'Malmö', country: 'SWE' },
};

/** Surviving headings, as written, and the country they name. */
const HEADINGS: Readonly<Record<string, string>> = { 'The Netherlands': 'NLD' };

/**
 * What kind of document each title is. "the first" before a title (as in "Samara the first
 * Agreement on cooperation") qualifies the document, not its kind. A "Cooperation protocol" is
 * not said to be a protocol of intent, so it is another agreement.
 */
const KINDS: [RegExp, TieKind][] = [
  [/^agreement on (the main areas of )?cooperation$/i, 'cooperation_agreement'],
  [/^memorandum on cooperation$/i, 'memorandum'],
  [/^cooperation intent protocol$/i, 'protocol_of_intent'],
  [/^(partnership|partner) agreement$/i, 'partner_city'],
  [/^joint statement\b/i, 'joint_statement'],
  [/^agreement on the establishment of twin cities relations$/i, 'twin_town'],
  [/^(cooperation protocol|resolution on cooperation|preliminary cooperation agreement)$/i, 'other_agreement'],
];

export function kindOfTitle(title: string | null): TieKind {
  if (!title) return 'unknown';
  const bare = title.replace(/^the first\s+/i, '');
  const found = KINDS.find(([re]) => re.test(bare));
  if (!found) throw new Error(`Kaliningrad's list: no kind for the document title "${title}"`);
  return found[1];
}

export type KaliningradEntry = {
  line: number;
  text: string;
  block: number;
  number: number;
  written: string;
  place: Inferred;
  title: string | null;
  year: string | null;
};

const START = 'Nowadays Kaliningrad has the memorandums and agreements with the following cities:';
const END = 'The City County "Kaliningrad City " is a member of the following unions::';
const NUMBERED = /^(\d+)\.\s*(.*)$/;

/** The numbered partner lines of the page, in blocks by numbering restart, each with its inferred country. */
export function parseKaliningradList(text: string): KaliningradEntry[] {
  const lines = text.split(/\r\n|\n|\r/);
  const start = lines.findIndex((l) => l.trim() === START);
  const end = lines.findIndex((l) => l.trim() === END);
  if (start < 0 || end < start) throw new Error("Kaliningrad's list: the partner section was not found");
  const names = Object.keys(KALININGRAD_PARTNERS).sort((a, b) => b.length - a.length);
  const entries: KaliningradEntry[] = [];
  let block = 0;
  let expected = 1;
  let heading: string | null = null;
  for (let i = start + 1; i < end; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    // The copy has no-break spaces in places ("2. Gomel  Agreement..."): any run of space is one.
    const m = NUMBERED.exec(t.replace(/\s+/g, ' '));
    if (!m) {
      const country = HEADINGS[t.replace(/\s+/g, ' ')];
      if (!country) throw new Error(`Kaliningrad's list, line ${i + 1}: not a numbered partner or a known heading: "${t}"`);
      heading = country;
      continue;
    }
    const number = Number(m[1]);
    if (number === 1) {
      block++;
      expected = 1;
    }
    if (number !== expected) throw new Error(`Kaliningrad's list, line ${i + 1}: expected number ${expected}, found ${number}`);
    expected++;
    const rest = m[2]!;
    const written = names.find((n) => rest === n || rest.startsWith(`${n} `));
    if (!written) throw new Error(`Kaliningrad's list, line ${i + 1}: no country known for "${rest}"`);
    const place = KALININGRAD_PARTNERS[written]!;
    if (heading && number === 1 && heading !== place.country) {
      throw new Error(`Kaliningrad's list, line ${i + 1}: the heading says ${heading} but ${written} is in ${place.country}`);
    }
    if (number === 1) heading = null;
    // "Baranovichi - Agreement on cooperation, 2007", "Yaroslavl the first Agreement on cooperation ,1995"
    const after = rest.slice(written.length).replace(/^[\s-]+/, '');
    const year = /,?\s*,?\s*(\d{4})\s*$/.exec(after);
    const title = (year ? after.slice(0, year.index) : after).replace(/[\s,]+$/, '').trim() || null;
    entries.push({ line: i + 1, text: t, block, number, written, place, title, year: year ? year[1]! : null });
  }
  for (let b = 1; b <= block; b++) {
    const countries = new Set(entries.filter((e) => e.block === b).map((e) => e.place.country));
    if (countries.size !== 1) throw new Error(`Kaliningrad's list: block ${b} mixes countries ${[...countries].join(', ')}`);
  }
  return entries;
}

export function kaliningradTies(text: string): TieRecord[] {
  const kaliningrad = gazetteerSlug('Kaliningrad', 'RUS');
  return parseKaliningradList(text).map((e) => ({
    place: at(gazetteerSlug(e.place.name, e.place.country), e.written),
    partner: at(kaliningrad),
    kind: kindOfTitle(e.title),
    agreementTitle: e.title,
    signed: e.year,
    status: 'active',
    campaigns: [],
    events: [
      event(SRC, 'recorded', 'active', {
        date: null,
        quote: e.text,
        note: `The page gives no date. Its country headings were lost; the country (${e.place.country}) is inferred from ${e.place.because ?? 'the city name'} and agrees with the other cities numbered in the same block.`,
      }),
    ],
  }));
}

export function kaliningradDataset(text: string): Dataset {
  const dataset = emptySeedDataset();
  dataset.sources = seedSources().filter((s) => s.seed === SRC.seed);
  dataset.ties = kaliningradTies(text);
  return dataset;
}
