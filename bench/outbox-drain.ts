// The outbox drain rate: N appeal letters through the real mail worker, with the real Resend SDK
// against the fake Resend server, at MAIL_RATE_PER_SECOND. Target: at least 95% of the
// configured rate, no message lost, none sent twice.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/outbox-drain.ts [--messages 200] [--rates 2,10] [--engine pglite]
//   (or npm run bench -- --only drain)
//
// Each letter is a real appeal: N activists each write to their own council through the
// sendAppeal action (trusted, so no moderation; the council cap raised above N, so no digest),
// which renders the letter and writes it to the outbox. Only then is the worker started, so it
// drains a full outbox. On a scratch PostgreSQL database (untwin_bench_drain, made afresh), or
// with --engine pglite on an in-memory PGlite. Prints figures; asserts nothing.
import { pathToFileURL } from 'node:url';
import { and, count, eq, inArray } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { appeals, councils, mailMessages } from '../db/schema';
import { sendAppeal } from '../lib/appeals/send-appeal';
import { runAction } from '../lib/auth/action';
import { resetEnvCache } from '../lib/env';
import { createResendProvider } from '../lib/mail/providers';
import { startQueue } from '../lib/mail/queue';
import { startMailWorker } from '../lib/mail/worker';
import { createPerson } from '../lib/people/test-people';
import { createTie } from '../lib/testing/factories';
import { type FakeResend, startFakeResend } from '../lib/testing/fake-resend';
import { loadAverage, printTable } from './measure';
import { benchPostgresUrl, dropScratchPostgres, openScratchPostgres } from './scratch-postgres';

const SCRATCH = 'untwin_bench_drain';

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function argNumbers(argv: readonly string[], name: string, fallback: number[]): number[] {
  const raw = argValue(argv, name);
  if (raw === undefined) return fallback;
  const list = raw.split(',').map(Number);
  if (list.some((n) => !Number.isFinite(n) || n <= 0 || n > 1000)) throw new Error(`${name} takes positive numbers up to 1000, comma-separated`);
  return list;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type DrainResult = {
  rate: number;
  messages: number;
  enqueueSeconds: number;
  drainSeconds: number;
  achieved: number;
  busiest: number;
  smallestGapMs: number;
  sentRows: number;
  lost: number;
  distinctAtProvider: number;
  duplicates: number;
  appealsSent: number;
};

/** Writes `messages` appeals (one activist, one council each), then drains them at `rate`. */
async function drainOnce(handle: DatabaseHandle, fake: FakeResend, messages: number, rate: number): Promise<DrainResult> {
  const { db } = handle;
  fake.reset();
  const queue = await startQueue(handle);

  const t0 = performance.now();
  const appealIds: number[] = [];
  for (let i = 0; i < messages; i++) {
    const tie = await createTie(db);
    await db.update(councils).set({ contactEmails: [`rada-${rate}-${i}@drain.example`] }).where(eq(councils.id, tie.council.id));
    const writer = await createPerson(db);
    const result = await runAction(
      sendAppeal,
      { db, user: writer.user },
      {
        councilId: tie.council.id,
        campaignId: tie.campaignId,
        tieIds: [tie.tieId],
        language: 'uk',
        subject: `Про розірвання зв’язків (${i})`,
        body: `Шановні депутати!\n\nПрошу розірвати зв’язки з містом держави-агресора. Лист ${i}.\n\nЗ повагою\nАвтор ${i}`,
        signerName: `Автор ${i}`,
        signerCity: 'Житомир',
      },
    );
    if (!result.ok) throw new Error(`appeal ${i} refused: ${result.error.code} ${result.error.message}`);
    appealIds.push(result.value.appealId);
  }
  const enqueueSeconds = (performance.now() - t0) / 1000;
  const mailIds = (await db.select({ id: appeals.mailMessageId }).from(appeals).where(inArray(appeals.id, appealIds))).map((r) => r.id!);

  const provider = createResendProvider({ apiKey: 're_bench_key', baseUrl: fake.url });
  const started = Date.now();
  const worker = await startMailWorker({ handle, queue, provider, ratePerSecond: rate });
  // Generous: twice the time the rate needs, plus a minute.
  const deadline = started + (messages / rate) * 2000 + 60_000;
  let sentRows = 0;
  while (Date.now() < deadline) {
    const [row] = await db
      .select({ n: count() })
      .from(mailMessages)
      .where(and(inArray(mailMessages.id, mailIds), eq(mailMessages.state, 'sent')));
    sentRows = row?.n ?? 0;
    if (sentRows === messages) break;
    await sleep(250);
  }
  const drainSeconds = (Date.now() - started) / 1000;
  await worker.stop();
  await queue.stop();

  const ours = new Set(mailIds);
  const requests = fake.requests().filter((r) => r.path === '/emails' && ours.has(r.headers['idempotency-key'] ?? ''));
  const accepted = fake.messages().filter((m) => ours.has(m.idempotencyKey ?? ''));
  const perKey = new Map<string, number>();
  for (const m of accepted) perKey.set(m.idempotencyKey!, (perKey.get(m.idempotencyKey!) ?? 0) + 1);
  const perRecipient = new Map<string, number>();
  for (const m of accepted) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  const duplicates = [...perKey.values()].filter((n) => n > 1).length + [...perRecipient.values()].filter((n) => n > 1).length;

  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  const achieved = times.length > 1 ? (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000) : Number.NaN;
  let busiest = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const [appealRow] = await db
    .select({ n: count() })
    .from(appeals)
    .where(and(inArray(appeals.id, appealIds), eq(appeals.state, 'sent')));

  return {
    rate,
    messages,
    enqueueSeconds,
    drainSeconds,
    achieved,
    busiest,
    smallestGapMs: gaps.length ? Math.min(...gaps) : Number.NaN,
    sentRows,
    lost: messages - perRecipient.size,
    distinctAtProvider: perKey.size,
    duplicates,
    appealsSent: appealRow?.n ?? 0,
  };
}

export async function benchOutboxDrain(argv: readonly string[]): Promise<void> {
  const messages = Math.round(argNumbers(argv, '--messages', [200])[0]!);
  const rates = argNumbers(argv, '--rates', [2, 10]);
  const url = benchPostgresUrl();
  const engine = argValue(argv, '--engine') ?? (url ? 'postgres' : 'pglite');

  // Every letter goes out on its own, at once: no moderation, no digest.
  const saved = { APPEALS_BEFORE_TRUST: process.env.APPEALS_BEFORE_TRUST, COUNCIL_DAILY_CAP: process.env.COUNCIL_DAILY_CAP };
  process.env.APPEALS_BEFORE_TRUST = '0';
  process.env.COUNCIL_DAILY_CAP = String(messages * rates.length + 1);
  resetEnvCache();

  const handle = engine === 'postgres' && url ? await openScratchPostgres(url, SCRATCH, { fresh: true, max: 6 }) : await openDatabase({ engine: 'pglite', dir: null });
  const fake = await startFakeResend();
  const results: DrainResult[] = [];
  try {
    for (const rate of rates) results.push(await drainOnce(handle, fake, messages, rate));
  } finally {
    await fake.close();
    await handle.close();
    if (engine === 'postgres' && url) await dropScratchPostgres(url, SCRATCH);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  }

  console.log(`\noutbox drain on ${engine}, ${messages} appeal letters per run, real worker + Resend SDK against the fake (load ${loadAverage()})`);
  printTable(
    ['figure', ...results.map((r) => `${r.rate}/s`)],
    [
      ['letters written (sendAppeal, rendered, outbox)', ...results.map((r) => `${r.messages} in ${r.enqueueSeconds.toFixed(1)} s`)],
      ['drained in', ...results.map((r) => `${r.drainSeconds.toFixed(1)} s`)],
      ['achieved rate, first to last request', ...results.map((r) => `${r.achieved.toFixed(2)}/s`)],
      ['  of the configured rate', ...results.map((r) => `${((r.achieved / r.rate) * 100).toFixed(1)} %`)],
      ['most requests in any 1 s window', ...results.map((r) => String(r.busiest))],
      ['smallest gap between two requests', ...results.map((r) => `${r.smallestGapMs.toFixed(0)} ms (1/rate ${(1000 / r.rate).toFixed(0)})`)],
      ['outbox rows sent', ...results.map((r) => String(r.sentRows))],
      ['lost (letters never at the provider)', ...results.map((r) => String(r.lost))],
      ['duplicates (same key or recipient twice)', ...results.map((r) => String(r.duplicates))],
      ['appeals marked sent (needs the worker hook)', ...results.map((r) => String(r.appealsSent))],
    ],
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchOutboxDrain(process.argv);
}
