// npm run data:import -- FILE [--format wikipedia|csv|json] [--campaign SLUG] [--dry-run] [--source-url URL]
// Imports a Wikipedia list (.txt), an organisers' spreadsheet (.csv) or an Untwin dataset
// (.json) into the configured database. All or nothing: when a line cannot be read or anything
// is rejected, it reports everything, changes nothing and exits with 1.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { configuredDatabase, openDatabase } from '../db/client';
import { UsageError, runCli } from './run-cli';
import { sources } from '../db/schema';
import { type Counts, type ImportReport, applyDataset } from '../lib/import/apply-dataset';
import { parseTiesCsv } from '../lib/import/csv';
import type { DatasetInput, SourceRef } from '../lib/import/dataset';
import { type LineError, parseWikipediaList } from '../lib/import/wikipedia-list';
import { WEB_ADDRESS_MESSAGE, webAddressInput } from '../lib/sources/web-address';

const USAGE = `Usage: npm run data:import -- FILE [--format wikipedia|csv|json] [--campaign SLUG] [--dry-run] [--source-url URL] [--source-title TITLE]

  FILE             a Wikipedia list (.txt), a CSV of ties (.csv) or an Untwin dataset (.json)
  --format         wikipedia, csv or json (default: from the file's extension)
  --campaign SLUG  also add every tie to this campaign
  --dry-run        report what would change, then change nothing
  --source-url     where the file comes from: required for a Wikipedia list that is not a seed
                   document, and the default source of CSV rows that name none
  --source-title   that source's title`;

const FORMATS = ['wikipedia', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { '.txt': 'wikipedia', '.csv': 'csv', '.json': 'json' };

/** The seed documents: imported from them, a fact's source is the document, not a URL. */
const SEED_DIRS = [path.join(process.cwd(), 'db', 'seed', 'documents'), path.resolve(process.cwd(), '..', 'shared', 'seeds')];

type Parsed = { dataset: DatasetInput; errors: LineError[]; tieLines: number[][] };

function parseFile(file: string, format: Format, source: SourceRef | undefined): Parsed {
  const text = fs.readFileSync(file, 'utf8');
  if (format === 'wikipedia') {
    const name = path.basename(file);
    const isSeed = SEED_DIRS.some((dir) => fs.existsSync(path.join(dir, name)));
    const ref = isSeed ? { seed: name, ...(source?.title ? { title: source.title } : {}) } : source;
    if (!ref) throw new UsageError(`${name} is not a seed document: say where the list comes from with --source-url URL.`);
    return parseWikipediaList(text, { source: ref });
  }
  if (format === 'csv') return parseTiesCsv(text, source ? { source } : {});
  try {
    return { dataset: JSON.parse(text) as DatasetInput, errors: [], tieLines: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    return { dataset: { format: 'untwin-dataset', version: 1 }, errors: [{ line, text: text.split('\n')[line - 1] ?? '', message: `Not valid JSON: ${message}` }], tieLines: [] };
  }
}

const ROWS: [keyof Counts, string][] = [
  ['sources', 'sources'],
  ['places', 'places'],
  ['placeNames', 'place names'],
  ['councils', 'councils'],
  ['campaigns', 'campaigns'],
  ['ties', 'ties'],
  ['events', 'events'],
  ['reviewItems', 'review items'],
];

function printSummary(report: ImportReport, parsed: Parsed, changedNothing: boolean): void {
  const cell = (n: number) => String(n).padStart(9);
  console.log(`\n${''.padEnd(14)}${'added'.padStart(9)}${'changed'.padStart(9)}${'unchanged'.padStart(11)}`);
  for (const [key, label] of ROWS) {
    console.log(`${label.padEnd(14)}${cell(report.added[key])}${cell(report.changed[key])}${String(report.unchanged[key]).padStart(11)}`);
  }
  if (report.rejected.length) {
    console.log(`\nRejected (${report.rejected.length}):`);
    for (const r of report.rejected) {
      const lines = r.tie !== undefined ? parsed.tieLines[r.tie] : undefined;
      console.log(`  ${lines ? `line ${lines.join(', ')}: ` : ''}${r.item}: ${r.message}`);
    }
  }
  if (report.review.length) {
    console.log(`\nFiled for review (${report.review.length}):`);
    for (const r of report.review) console.log(`  ${r.kind}: ${r.summary}`);
  }
  console.log(`\n${changedNothing ? 'Nothing was changed.' : 'Imported.'} (${(report.durationMs / 1000).toFixed(1)} s)`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      campaign: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'source-url': { type: 'string' },
      'source-title': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(positionals.length > 1 ? 'Give one file.' : 'Which file?');
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const format = (values.format ?? BY_EXTENSION[path.extname(file).toLowerCase()]) as Format | undefined;
  if (!format || !FORMATS.includes(format)) {
    throw new UsageError(values.format ? `Unknown format "${values.format}": use wikipedia, csv or json.` : `Cannot tell the format of ${file}: pass --format.`);
  }
  const givenUrl = values['source-url'];
  const checkedUrl = givenUrl === undefined ? undefined : webAddressInput.safeParse(givenUrl);
  if (checkedUrl && !checkedUrl.success) throw new UsageError(`--source-url ${WEB_ADDRESS_MESSAGE}, such as https://example.org/page.`);
  const sourceUrl = checkedUrl?.data;
  const source = sourceUrl ? { url: sourceUrl, ...(values['source-title'] ? { title: values['source-title'] } : {}) } : undefined;

  const parsed = parseFile(file, format, source);
  for (const e of parsed.errors) console.log(`line ${e.line}: ${e.message}\n    ${e.text.trim()}`);
  if (parsed.errors.length) console.log(`\n${parsed.errors.length} line${parsed.errors.length > 1 ? 's' : ''} could not be read; checking the rest without saving anything.`);

  const options = configuredDatabase();
  const handle = await openDatabase(options);
  try {
    await handle.db.select({ id: sources.id }).from(sources).limit(1); // no tables: runCli says to migrate
    const ties = Array.isArray(parsed.dataset.ties) ? parsed.dataset.ties.length : 0;
    const bar = process.stdout.isTTY && ties > 200 ? new cliProgress.SingleBar({ format: 'ties {bar} {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    bar?.start(ties, 0);
    const dryRun = values['dry-run'] || parsed.errors.length > 0;
    let report: ImportReport;
    try {
      report = await applyDataset(handle.db, parsed.dataset, {
        actor: { kind: 'system', label: `data:import ${path.basename(file)}` },
        ...(values.campaign ? { campaign: values.campaign } : {}),
        dryRun,
        onProgress: (done) => bar?.update(done),
      });
    } finally {
      bar?.stop();
    }
    const failed = parsed.errors.length > 0 || report.rejected.length > 0;
    printSummary(report, parsed, dryRun || failed);
    return failed ? 1 : 0;
  } finally {
    await handle.close();
  }
}

await runCli(main, { usage: USAGE, label: 'Import' });
