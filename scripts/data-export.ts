// npm run data:export -- --out FILE
// Writes the whole database as an Untwin dataset (JSON; the format `data:import` reads back).
// Without --out the dataset goes to standard output.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configuredDatabase, openDatabase } from '../db/client';
import { runCli } from './run-cli';
import { exportDataset, serialiseDataset } from '../lib/import/export-dataset';

const USAGE = 'Usage: npm run data:export -- [--out FILE]';

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
  } finally {
    await handle.close();
  }
}

await runCli(main, { usage: USAGE, label: 'Export' });
