// npm run data:export -- --out FILE
// Writes the whole database as an Untwin dataset (JSON; the format `data:import` reads back).
// Without --out the dataset goes to standard output.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configuredDatabase, openDatabase } from '../db/client';
import { exportDataset, serialiseDataset } from '../lib/import/export-dataset';

const USAGE = 'Usage: npm run data:export -- [--out FILE]';

function isMissingTable(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '42P01') return true;
  }
  return false;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const handle = await openDatabase(configuredDatabase());
  try {
    // One transaction: a consistent snapshot even while the app keeps writing.
    const dataset = await handle.db.transaction((tx) => exportDataset(tx));
    const text = serialiseDataset(dataset);
    if (values.out) {
      fs.writeFileSync(values.out, text);
      console.error(`Wrote ${dataset.ties.length} ties, ${dataset.places.length} places, ${dataset.sources.length} sources to ${values.out}.`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } catch (e) {
    if (isMissingTable(e)) {
      console.error('The database has no Untwin tables yet: run `npm run db:migrate` first.');
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  const parseArgsError = String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
  console.error(parseArgsError ? `${(e as Error).message}\n\n${USAGE}` : `Export failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
