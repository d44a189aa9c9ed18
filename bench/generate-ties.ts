// A synthetic tracker of N ties (default 100,000) on PostgreSQL, for bench/tracker-queries.ts.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/generate-ties.ts [--ties 100000]
// Writes into the scratch database `untwin_bench_ties_<N>` (dropped and re-created). Deterministic:
// the same N gives the same rows. Bulk inserts through Drizzle's query builder with explicit ids,
// not recordTie, which would take many minutes for 100k ties.
import { pathToFileURL } from 'node:url';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { campaignTies, campaigns, councils, placeNames, places, sources, tieEvents, ties } from '../db/schema';
import type { TieEventType, TieStatus } from '../lib/ties/lifecycle';
import type { TieKind } from '../lib/places/kinds';
import { normaliseName } from '../lib/places/normalise-name';
import { benchPostgresUrl, openScratchPostgres } from './scratch-postgres';

export const DEFAULT_TIE_COUNT = 100_000;
export const scratchName = (tieCount: number) => `untwin_bench_ties_${tieCount}`;

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Latin and Ukrainian spellings of the same syllables, so a search finds a place by either.
const SYLLABLES: readonly (readonly [string, string])[] = [
  ['bo', 'бо'], ['ro', 'ро'], ['vy', 'ви'], ['ka', 'ка'], ['le', 'ле'], ['mi', 'мі'], ['no', 'но'], ['sla', 'сла'],
  ['gor', 'гор'], ['dun', 'дун'], ['pe', 'пе'], ['tri', 'трі'], ['zha', 'жа'], ['ko', 'ко'], ['sta', 'ста'], ['ver', 'вер'],
  ['lu', 'лу'], ['shen', 'шен'], ['ty', 'ти'], ['chi', 'чі'], ['dar', 'дар'], ['myr', 'мир'], ['vol', 'вол'], ['ha', 'га'],
];
const SUFFIXES: readonly (readonly [string, string])[] = [['', ''], ['sk', 'ськ'], ['ov', 'ов'], ['grad', 'град'], ['burg', 'бург'], ['ino', 'іно']];
const SIDE_COUNTRIES = ['DEU', 'POL', 'FRA', 'ITA', 'CZE', 'LTU', 'FIN', 'UKR', 'BGR', 'SVK'] as const;
const REGIONS_PER_COUNTRY = 8;

// Roughly the shape of the real tracker: most ties still active, a fair share severed.
const STATUS_WEIGHTS: readonly (readonly [TieStatus, number])[] = [
  ['active', 50], ['appealed', 14], ['responded', 5], ['pledged', 5], ['severed', 16],
  ['suspended', 3], ['not_signed', 2], ['occupied', 3], ['refused', 2],
];
const EVENT_TO: Record<TieStatus, TieEventType> = {
  active: 'noted', appealed: 'appealed', responded: 'responded', pledged: 'promised', severed: 'severed',
  suspended: 'suspended', not_signed: 'found_not_signed', occupied: 'occupied', refused: 'refused',
};
const TIE_KINDS_USED: readonly TieKind[] = ['twin_town', 'twin_town', 'partner_city', 'cooperation_agreement', 'memorandum', 'unknown'];

export type GeneratedSummary = { ties: number; places: number; placeNames: number; councils: number; events: number; ms: number };

async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>, size = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function generateTies(db: Database, tieCount: number, seed = 20250601): Promise<GeneratedSummary> {
  const started = performance.now();
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  const placeName = (): { en: string; uk: string } => {
    const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES));
    const [suffixEn, suffixUk] = pick(SUFFIXES);
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    return { en: cap(parts.map((p) => p[0]).join('') + suffixEn), uk: cap(parts.map((p) => p[1]).join('') + suffixUk) };
  };
  const day = (fromYear: number, years: number): string => new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000).toISOString().slice(0, 10);

  const sourceRows = Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    key: `https://example.org/bench/source-${i + 1}`,
    url: `https://example.org/bench/source-${i + 1}`,
    title: `Synthetic source ${i + 1}`,
    publisher: 'Bench',
  }));
  await db.insert(sources).values(sourceRows);
  await db.insert(campaigns).values([
    { id: 1, slug: 'bench-europe', name: 'Bench Europe', nameUk: 'Тест Європа', state: 'active', countries: SIDE_COUNTRIES.filter((c) => c !== 'UKR') },
    { id: 2, slug: 'bench-ukraine', name: 'Bench Ukraine', nameUk: 'Тест Україна', state: 'active', countries: ['UKR'] },
    { id: 3, slug: 'bench-draft', name: 'Bench draft', state: 'draft', countries: ['DEU'] },
  ]);

  type PlaceRow = typeof places.$inferInsert & { id: number };
  const placeRows: PlaceRow[] = [];
  const nameRows: (typeof placeNames.$inferInsert)[] = [];
  const addPlace = (row: Omit<PlaceRow, 'id' | 'slug' | 'name'>, ukOfficial: boolean): PlaceRow => {
    const id = placeRows.length + 1;
    const name = placeName();
    const created: PlaceRow = { ...row, id, slug: `${normaliseName(name.en).replace(/ /g, '-')}-${id}`, name: name.en };
    placeRows.push(created);
    nameRows.push({ placeId: id, name: name.en, key: normaliseName(name.en), lang: 'en', kind: 'english' });
    nameRows.push({ placeId: id, name: name.uk, key: normaliseName(name.uk), lang: 'uk', kind: ukOfficial ? 'official' : 'transliteration' });
    return created;
  };
  const regions = new Map(SIDE_COUNTRIES.map((c) => [c, Array.from({ length: REGIONS_PER_COUNTRY }, () => addPlace({ country: c, kind: 'region' }, c === 'UKR'))]));
  // About four ties per place on the campaign side, twenty-five per partner place.
  const sideCount = Math.max(10, Math.round(tieCount / 4));
  const partnerCount = Math.max(10, Math.round(tieCount / 25));
  const side = Array.from({ length: sideCount }, () => {
    const country = pick(SIDE_COUNTRIES);
    return addPlace({ country, kind: 'settlement', regionId: pick(regions.get(country)!).id }, country === 'UKR');
  });
  const partners = Array.from({ length: partnerCount }, () => addPlace({ country: random() < 0.8 ? 'RUS' : 'BLR', kind: 'settlement' }, false));
  await insertInBatches(placeRows, (b) => db.insert(places).values(b));
  await insertInBatches(nameRows, (b) => db.insert(placeNames).values(b));
  const councilRows = side.map((p) => ({ id: p.id, slug: `council-${p.slug}`, placeId: p.id, name: `City council of ${p.name}` }));
  await insertInBatches(councilRows, (b) => db.insert(councils).values(b));

  const tieRows: (typeof ties.$inferInsert)[] = [];
  const eventRows: (typeof tieEvents.$inferInsert)[] = [];
  const memberRows: (typeof campaignTies.$inferInsert)[] = [];
  for (let i = 0; i < tieCount; i++) {
    const id = i + 1;
    const place = side[i % sideCount]!;
    const round = Math.floor(i / sideCount);
    // Distinct partners for one place: consecutive offsets from a per-place start.
    const partner = partners[((place.id * 7919) % partnerCount + round) % partnerCount]!;
    const status = weighted(STATUS_WEIGHTS);
    const twoEvents = status !== 'active' ? random() < 0.6 : random() < 0.3;
    const signedOn = day(1960, 60);
    const recordedOn = day(2010, 12);
    const changedOn = twoEvents ? day(2022, 3) : recordedOn;
    tieRows.push({
      id, placeId: place.id, partnerId: partner.id, kind: pick(TIE_KINDS_USED), signedOn, signedPrecision: 'day', status,
      revision: twoEvents ? 2 : 1, statusChangedAt: new Date(`${changedOn}T12:00:00Z`), createdAt: new Date(`${recordedOn}T12:00:00Z`),
    });
    eventRows.push({
      tieId: id, type: 'recorded', fromStatus: null, toStatus: twoEvents ? 'active' : status, revision: 1, occurredOn: recordedOn,
      occurredPrecision: 'day', recordedAt: new Date(`${recordedOn}T12:00:00Z`), recordedByLabel: 'bench', sourceId: pick(sourceRows).id,
    });
    if (twoEvents) {
      eventRows.push({
        tieId: id, type: EVENT_TO[status], fromStatus: 'active', toStatus: status, revision: 2, occurredOn: changedOn, occurredPrecision: 'day',
        recordedAt: new Date(`${changedOn}T12:00:00Z`), recordedByLabel: 'bench', sourceId: pick(sourceRows).id,
      });
    }
    memberRows.push({ campaignId: place.country === 'UKR' ? 2 : 1, tieId: id });
    if (place.country === 'DEU' && random() < 0.2) memberRows.push({ campaignId: 3, tieId: id });
  }
  await insertInBatches(tieRows, (b) => db.insert(ties).values(b));
  await insertInBatches(eventRows, (b) => db.insert(tieEvents).values(b));
  await insertInBatches(memberRows, (b) => db.insert(campaignTies).values(b), 5000);
  // Fresh statistics, or the planner guesses at empty tables for the first minute.
  await db.execute(sql`analyze`);
  return {
    ties: tieRows.length, places: placeRows.length, placeNames: nameRows.length, councils: councilRows.length, events: eventRows.length,
    ms: performance.now() - started,
  };
}

/** The scratch database of `tieCount` ties, generated unless it already holds them (or `fresh`). */
export async function openGeneratedTies(url: string, tieCount: number, options: { fresh?: boolean; max?: number } = {}) {
  let handle = await openScratchPostgres(url, scratchName(tieCount), { fresh: options.fresh ?? false, max: options.max });
  const [row] = await handle.db.select({ n: count() }).from(ties);
  if ((row?.n ?? 0) === tieCount) return { handle, generated: null };
  if ((row?.n ?? 0) !== 0) {
    await handle.close();
    handle = await openScratchPostgres(url, scratchName(tieCount), { fresh: true, max: options.max });
  }
  return { handle, generated: await generateTies(handle.db, tieCount) };
}

export function tieCountArg(argv: readonly string[]): number {
  const i = argv.indexOf('--ties');
  const n = i >= 0 ? Number(argv[i + 1]) : DEFAULT_TIE_COUNT;
  if (!Number.isInteger(n) || n < 10 || n > 1_000_000) throw new Error('--ties must be a whole number from 10 to 1,000,000');
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = benchPostgresUrl();
  if (!url) {
    console.log('generate-ties: set TEST_DATABASE_URL or DATABASE_URL (PostgreSQL) to generate the dataset.');
  } else {
    const tieCount = tieCountArg(process.argv);
    const { handle, generated } = await openGeneratedTies(url, tieCount, { fresh: true });
    await handle.close();
    const s = generated!;
    console.log(
      `generated ${s.ties} ties, ${s.events} events, ${s.places} places (${s.placeNames} names), ${s.councils} councils ` +
        `into ${scratchName(tieCount)} in ${(s.ms / 1000).toFixed(1)} s`,
    );
  }
}
