// `npm run bench`: every benchmark in turn. Prints figures; asserts nothing.
//   npm run bench                       seed/import timings, tracker queries, HTTP, mail outage, letters
//   npm run bench -- --only http        one part (or several: --only queries,http)
//   npm run bench -- --skip seed        all but some
// Options of the parts pass through: --ties N --calls N --fresh (queries), --start --install
// --skip-lighthouse (http), --messages N --rate N (mail), --letters N --pdfs N (letters),
// --messages N --rates 2,10 --engine pglite (drain). See each
// file's header for what it needs.
import { benchHttp } from './http';
import { benchLetters } from './letters';
import { benchMailOutage } from './mail-outage';
import { benchOutboxDrain } from './outbox-drain';
import { benchTrackerQueries } from './tracker-queries';

const PARTS = ['seed', 'queries', 'http', 'mail', 'letters', 'drain'] as const;
type Part = (typeof PARTS)[number];

function listArg(name: string): Part[] | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const given = (process.argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = given.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0 || given.length === 0) throw new Error(`${name} takes some of ${PARTS.join(', ')}`);
  return given as Part[];
}

const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const runs = (part: Part) => (only ? only.includes(part) : true) && !skip.includes(part);

if (runs('seed')) {
  console.log('== seed and import');
  await import('./seed-and-import');
}
if (runs('queries')) {
  console.log('\n== tracker queries');
  await benchTrackerQueries(process.argv);
}
if (runs('http')) {
  console.log('\n== HTTP');
  await benchHttp(process.argv);
}
if (runs('mail')) {
  console.log('\n== mail through an outage and a killed worker');
  await benchMailOutage(process.argv);
}
if (runs('letters')) {
  console.log('\n== personalised letters');
  await benchLetters(process.argv);
}
if (runs('drain')) {
  console.log('\n== outbox drain rate (appeal letters)');
  await benchOutboxDrain(process.argv);
}
