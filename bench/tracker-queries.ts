// p50/p95 of the tracker's queries (searchTies) and of the /api/v1/ties serialisation path, on the
// synthetic dataset of bench/generate-ties.ts, at 20 concurrent callers: as the first request after
// a change to the data runs them (uncached), then as every later one gets them (through the public
// cache of lib/cache: one read of the data version, then the kept result).
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/tracker-queries.ts [--ties 100000] [--calls 400]
// Generates the dataset on first use (kept as untwin_bench_ties_<N> for the next run; --fresh re-creates it).
import { pathToFileURL } from 'node:url';
import { publicReader } from '../lib/cache/public-cache';
import { cachedSearchTies } from '../lib/cache/public-queries';
import { publicTieRecords } from '../lib/ties/public-tie-records';
import { searchTies } from '../lib/ties/search-ties';
import { parseTieFilters } from '../lib/ties/tie-filters';
import { openGeneratedTies, scratchName, tieCountArg } from './generate-ties';
import { loadAverage, ms, percentile, printTable, timedPool } from './measure';
import { benchPostgresUrl } from './scratch-postgres';

const CONCURRENCY = 20;
/** A case stops starting calls after this long, so a slow query cannot hold the run for an hour. */
const MAX_SECONDS_PER_CASE = 60;

type Case = { name: string; query: string; locale: string; api?: boolean };

// What visitors do most: the default view, a filter or two, a search by a spelling's prefix.
const CASES: readonly Case[] = [
  { name: 'default view (en)', query: '', locale: 'en' },
  { name: 'default view (uk)', query: '', locale: 'uk' },
  { name: 'filter country=DEU group=inForce', query: 'country=DEU&group=inForce', locale: 'en' },
  { name: 'filter partner=BLR status=severed', query: 'partnerCountry=BLR&status=severed&closed=1', locale: 'en' },
  { name: 'filter campaign, sort updated', query: 'campaign=bench-ukraine&sort=updated', locale: 'uk' },
  { name: 'filter page 40', query: 'country=POL&page=40', locale: 'en' },
  { name: 'search q=bor', query: 'q=bor', locale: 'en' },
  { name: 'search q=Вол (uk)', query: 'q=%D0%92%D0%BE%D0%BB', locale: 'uk' },
  { name: 'search q=kaleno + closed', query: 'q=kaleno&closed=1', locale: 'en' },
  { name: 'api /api/v1/ties', query: '', locale: 'en', api: true },
  { name: 'api ?country=FRA&perPage=200', query: 'country=FRA&perPage=200', locale: 'en', api: true },
];

function argNumber(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`${name} must be a whole number from 1 to 100,000`);
  return n;
}

export async function benchTrackerQueries(argv: readonly string[]): Promise<void> {
  const url = benchPostgresUrl();
  if (!url) {
    console.log('tracker queries: skipped (set TEST_DATABASE_URL or DATABASE_URL to a PostgreSQL server).');
    return;
  }
  const tieCount = tieCountArg(argv);
  const calls = argNumber(argv, '--calls', 400);
  const { handle, generated } = await openGeneratedTies(url, tieCount, { fresh: argv.includes('--fresh'), max: CONCURRENCY });
  if (generated) console.log(`generated ${generated.ties} ties (${generated.events} events, ${generated.places} places) in ${(generated.ms / 1000).toFixed(1)} s`);
  try {
    const rows: string[][] = [];
    const cachedRows: string[][] = [];
    for (const c of CASES) {
      const { filters, errors } = parseTieFilters(new URLSearchParams(c.query));
      if (errors.length > 0) throw new Error(`${c.name}: ${JSON.stringify(errors)}`);
      let found = 0;
      const call = async () => {
        const result = await searchTies(handle.db, filters, { locale: c.locale });
        found = result.total;
        if (c.api) {
          // The route's work after the query: the records and their JSON (links left out: a few µs).
          const data = await publicTieRecords(handle.db, result.rows.map((r) => r.id));
          JSON.stringify({ data, page: result.page, perPage: result.perPage, total: result.total });
        }
      };
      await timedPool(CONCURRENCY, CONCURRENCY, call); // warm the plans and the cache
      const t = performance.now();
      const durations = await timedPool(calls, CONCURRENCY, call, MAX_SECONDS_PER_CASE);
      const seconds = (performance.now() - t) / 1000;
      const row = [c.name, String(found), String(durations.length), ms(percentile(durations, 50)), ms(percentile(durations, 95)), (durations.length / seconds).toFixed(1)];
      rows.push(row);
      console.log(row.join(' | ')); // as it goes: a slow run still shows what it measured

      if (!c.api) {
        const served = () => publicReader(handle.db).then((reader) => cachedSearchTies(reader, filters, { locale: c.locale }));
        await served();
        const t2 = performance.now();
        const cached = await timedPool(calls, CONCURRENCY, served, MAX_SECONDS_PER_CASE);
        const s2 = (performance.now() - t2) / 1000;
        cachedRows.push([c.name, String(cached.length), ms(percentile(cached, 50)), ms(percentile(cached, 95)), (cached.length / s2).toFixed(1)]);
      }
    }
    console.log(`\ntracker queries on PostgreSQL, ${scratchName(tieCount)}, up to ${calls} calls (or ${MAX_SECONDS_PER_CASE} s) per row at ${CONCURRENCY} concurrent callers (load average ${loadAverage()})`);
    printTable(['case', 'matches', 'calls', 'p50', 'p95', 'calls/s'], rows);
    console.log(`\nthe same views through the public cache (a read of the data version, then the kept result), at ${CONCURRENCY} concurrent callers (load average ${loadAverage()})`);
    printTable(['case', 'calls', 'p50', 'p95', 'calls/s'], cachedRows);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchTrackerQueries(process.argv);
