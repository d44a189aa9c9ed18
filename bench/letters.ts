// Time to personalise letters: compose (template + data + the activist's words) and render the
// email (HTML and plain text) for N letters, one after another; then N PDFs. Prints figures;
// asserts nothing. Needs no database: the letter data are built here, shaped like the seed's.
//   npx tsx bench/letters.ts [--letters 1000] [--pdfs 100]
import { pathToFileURL } from 'node:url';
import { europe2025Campaign } from '../db/seed/europe-2025';
import { ukraine2022Campaign } from '../db/seed/ukraine-2022';
import { usMayors2022Campaign } from '../db/seed/us-mayors-2022';
import { type LetterCampaign, addressBlock, composeLetter, letterLanguages } from '../lib/appeals/letter';
import type { LetterData } from '../lib/appeals/letter-data';
import { letterPdf } from '../lib/appeals/letter-pdf';
import { renderAppealLetter } from '../lib/appeals/render-letter';
import { loadAverage, ms, percentile, printTable } from './measure';

type Case = { campaign: LetterCampaign; data: LetterData; signerCity: string };

const country = (code: string, name: string) => ({ code, name });
const tie = (id: number, partner: string, partnerCountry: { code: string; name: string }, signedYear: number | null) => ({
  id,
  status: 'active' as const,
  kind: 'twin_town' as const,
  agreementTitle: null,
  signedOn: signedYear ? { date: `${signedYear}-01-01`, precision: 'year' as const } : null,
  signedYear,
  pledge: null,
  partner: { id: 1000 + id, name: partner, kind: 'settlement' as const, country: partnerCountry },
});

// One council of each seed campaign, each in its own language, facts as the seed would give them.
const CASES: readonly Case[] = [
  {
    campaign: ukraine2022Campaign(),
    signerCity: 'Житомир',
    data: {
      language: 'uk',
      council: { id: 1, slug: 'cherkasy-ukr', name: 'Cherkasy City Council', localName: 'Черкаська міська рада', headName: null, languages: ['uk'], contactEmails: ['rada@chmr.gov.ua'], website: null },
      place: { id: 1, name: 'Черкаси', country: country('UKR', 'Україна') },
      ties: [tie(1, 'Орша', country('BLR', 'Білорусь'), 1996), tie(2, 'Мозирський район', country('BLR', 'Білорусь'), null)],
      facts: {
        partners: [{ partner: { id: 1002, name: 'Мозирський район' }, severedCount: 2, named: ['Коростень', 'Олександрія'] }],
        countries: [{ country: country('BLR', 'Білорусь'), severedCount: 14, beyondPartnerFacts: 12, named: ['Новововолинськ', 'Біла Церква', 'Боярка', 'Ковель', 'Чернігів'] }],
      },
    },
  },
  {
    campaign: usMayors2022Campaign(),
    signerCity: 'Chicago',
    data: {
      language: 'en',
      council: { id: 2, slug: 'chicago-usa', name: 'Chicago City Council', localName: null, headName: 'Brandon Johnson', languages: ['en'], contactEmails: ['council@cityofchicago.example'], website: null },
      place: { id: 2, name: 'Chicago', country: country('USA', 'United States') },
      ties: [tie(3, 'Moscow', country('RUS', 'Russia'), 1997)],
      facts: { partners: [], countries: [{ country: country('RUS', 'Russia'), severedCount: 31, beyondPartnerFacts: 31, named: ['Kharkiv', 'Izmail', 'Korosten', 'Tallinn', 'Cologne'] }] },
    },
  },
  {
    campaign: europe2025Campaign(),
    signerCity: 'Köln',
    data: {
      language: 'de',
      council: { id: 3, slug: 'cologne-deu', name: 'Cologne City Council', localName: 'Rat der Stadt Köln', headName: 'Henriette Reker', languages: ['de'], contactEmails: ['rat@stadt-koeln.example'], website: null },
      place: { id: 3, name: 'Köln', country: country('DEU', 'Deutschland') },
      ties: [tie(4, 'Wolgograd', country('RUS', 'Russland'), 1988)],
      facts: { partners: [{ partner: { id: 1004, name: 'Wolgograd' }, severedCount: 1, named: ['Coventry'] }], countries: [] },
    },
  },
  {
    campaign: europe2025Campaign(),
    signerCity: 'Kraków',
    data: {
      language: 'pl',
      council: { id: 4, slug: 'krakow-pol', name: 'Kraków City Council', localName: 'Rada Miasta Krakowa', headName: null, languages: ['pl'], contactEmails: ['rada@um.krakow.example'], website: null },
      place: { id: 4, name: 'Kraków', country: country('POL', 'Polska') },
      ties: [tie(5, 'Sankt Petersburg', country('RUS', 'Rosja'), 1993)],
      facts: { partners: [], countries: [{ country: country('RUS', 'Rosja'), severedCount: 6, beyondPartnerFacts: 6, named: ['Gdańsk', 'Poznań', 'Lublin', 'Kolonia', 'Tallinn'] }] },
    },
  },
];

const PERSONAL = [
  '',
  'I have lived here for twenty years & I want the council to act.',
  'Мої батьки живуть у Харкові. Кожного тижня місто обстрілюють <ракетами>.',
  'Ich bitte Sie herzlich, diese Entscheidung bald zu treffen.\n\nMit Dank im Voraus.',
];

function argNumber(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`${name} must be a whole number from 1 to 100,000`);
  return n;
}

function letterFor(i: number) {
  const c = CASES[i % CASES.length]!;
  const signer = { name: `Signer ${i}`, city: c.signerCity };
  const language = letterLanguages(c.campaign, c.data.council)[0]!;
  const letter = composeLetter({ data: c.data, campaign: c.campaign, language, signer, personal: PERSONAL[i % PERSONAL.length]! });
  return { c, signer, letter };
}

export async function benchLetters(argv: readonly string[]): Promise<void> {
  const letters = argNumber(argv, '--letters', 1000);
  const pdfs = argNumber(argv, '--pdfs', 100);
  console.log(`load average ${loadAverage()}; ${letters} letters, ${pdfs} PDFs, in ${CASES.map((c) => c.data.language).join(', ')} by turns`);

  // Warm-up: the first render loads React Email, the first PDF loads the fonts.
  await renderAppealLetter(letterFor(0).letter);
  await letterPdf({ letter: letterFor(0).letter, addressBlock: ['x'], sender: { name: 'x', city: 'x' }, date: new Date(), councilCountry: 'UKR' });

  const composeTimes: number[] = [];
  const renderTimes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < letters; i++) {
    const t0 = performance.now();
    const { letter } = letterFor(i);
    const t1 = performance.now();
    await renderAppealLetter(letter);
    const t2 = performance.now();
    composeTimes.push(t1 - t0);
    renderTimes.push(t2 - t1);
  }
  const total = performance.now() - started;

  const pdfTimes: number[] = [];
  let bytes = 0;
  const pdfStarted = performance.now();
  for (let i = 0; i < pdfs; i++) {
    const { c, signer, letter } = letterFor(i);
    const t = performance.now();
    const pdf = await letterPdf({ letter, addressBlock: addressBlock(c.data, letter.language), sender: signer, date: new Date(), councilCountry: c.data.place.country.code });
    pdfTimes.push(performance.now() - t);
    bytes += pdf.length;
  }
  const pdfTotal = performance.now() - pdfStarted;

  const row = (name: string, times: number[]) => [name, ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times.reduce((a, b) => a + b, 0))];
  printTable(['step', 'p50', 'p95', 'total'], [row('compose', composeTimes), row('render HTML + text', renderTimes), row('PDF', pdfTimes)]);
  console.log(`${letters} personalised letters (compose + render): ${total.toFixed(0)} ms in all, ${(total / letters).toFixed(2)} ms per letter`);
  console.log(`${pdfs} PDFs: ${pdfTotal.toFixed(0)} ms, ${((pdfs * 1000) / pdfTotal).toFixed(1)} PDFs per second, ${(bytes / pdfs / 1024).toFixed(0)} KiB each on average`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLetters(process.argv);
