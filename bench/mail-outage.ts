// Mail through a provider outage and a killed worker: no message lost, none sent twice.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/mail-outage.ts [--messages 200] [--rate 10]
//   (or npm run bench -- --only mail)
//
// On a scratch PostgreSQL database (untwin_bench_mail, made afresh), it enqueues N messages, then
// runs `scripts/worker.ts` as a child process with the real Resend SDK pointed at the fake Resend
// server, which answers 500 for the first 10 s, then 429 with Retry-After: 2 for 5 s, then
// recovers (each accepted request is answered 150 ms late, so a kill finds sends in flight). A
// third of the way through the sending, the worker is killed with SIGKILL and a second one
// started; its pg-boss notices the dead worker's jobs by their missing heartbeat and retries
// them. Prints figures; asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { count, eq, max, sum } from 'drizzle-orm';
import { mailMessages } from '../db/schema';
import { enqueueMail } from '../lib/mail/outbox';
import { startQueue } from '../lib/mail/queue';
import { startFakeResend } from '../lib/testing/fake-resend';
import { withDatabase } from '../lib/testing/test-database';
import { loadAverage, printTable } from './measure';
import { benchPostgresUrl, dropScratchPostgres, openScratchPostgres } from './scratch-postgres';

const SCRATCH = 'untwin_bench_mail';
const OUTAGE_500_MS = 10_000;
const OUTAGE_429_MS = 5_000;
const RETRY_AFTER_S = 2;
const ANSWER_DELAY_MS = 150;
/** Past this, the run stops waiting and reports what it has. */
const MAX_RUN_MS = 10 * 60_000;

function argNumber(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0 || n > 100_000) throw new Error(`${name} must be a positive number up to 100,000`);
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWorker(label: string, env: NodeJS.ProcessEnv): ChildProcess {
  // node itself, not npx: the SIGKILL must reach the process that holds the jobs.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((l) => l.trim() && !l.includes('[mail] message'))
      .forEach((l) => console.log(`  [${label}] ${l}`));
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  return child;
}

export async function benchMailOutage(argv: readonly string[]): Promise<void> {
  const url = benchPostgresUrl();
  if (!url) {
    console.log('mail outage: skipped (set TEST_DATABASE_URL or DATABASE_URL to a PostgreSQL server).');
    return;
  }
  const messages = Math.round(argNumber(argv, '--messages', 200));
  const rate = argNumber(argv, '--rate', 10);

  const handle = await openScratchPostgres(url, SCRATCH, { fresh: true, max: 4 });
  const queue = await startQueue(handle);
  const fake = await startFakeResend();
  const workers: ChildProcess[] = [];
  try {
    // Each message has its own recipient, so a second email for one of them shows up whatever key it came with.
    for (let i = 0; i < messages; i += 20) {
      await handle.db.transaction(async (tx) => {
        for (let j = i; j < Math.min(i + 20, messages); j++) {
          await enqueueMail(tx, { kind: 'notification', to: [`reader${j}@example.org`], subject: `Bench ${j}`, html: `<p>${j}</p>`, text: `${j}` });
        }
      });
    }

    const workerEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: withDatabase(url, SCRATCH),
      RESEND_API_KEY: 're_bench_key',
      RESEND_BASE_URL: fake.url,
      MAIL_RATE_PER_SECOND: String(rate),
    };
    fake.setDelay(ANSWER_DELAY_MS);
    fake.failNext({ status: 500, count: 1_000_000 });
    const t0 = Date.now();
    const phase429 = setTimeout(() => fake.failNext({ status: 429, count: 1_000_000, retryAfterSeconds: RETRY_AFTER_S }), OUTAGE_500_MS);
    const recovered = setTimeout(() => fake.failNext({ status: 500, count: 0 }), OUTAGE_500_MS + OUTAGE_429_MS);
    workers.push(startWorker('worker 1', workerEnv));

    // Kill the first worker a third of the way into the sending after the outage.
    let killedAt: number | null = null;
    let sendingAtKill = 0;
    while (killedAt === null && Date.now() - t0 < MAX_RUN_MS) {
      await sleep(50);
      if (fake.messages().length >= messages / 3) {
        workers[0]!.kill('SIGKILL');
        killedAt = Date.now() - t0;
        const [row] = await handle.db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.state, 'sending'));
        sendingAtKill = row?.n ?? 0;
        workers.push(startWorker('worker 2', workerEnv));
      }
    }

    let states: Record<string, number> = {};
    while (Date.now() - t0 < MAX_RUN_MS) {
      const rows = await handle.db.select({ state: mailMessages.state, n: count() }).from(mailMessages).groupBy(mailMessages.state);
      states = Object.fromEntries(rows.map((r) => [r.state, r.n]));
      if ((states.sent ?? 0) + (states.failed ?? 0) + (states.cancelled ?? 0) === messages) break;
      await sleep(500);
    }
    const finishedAt = Date.now() - t0;
    clearTimeout(phase429);
    clearTimeout(recovered);
    workers.at(-1)?.kill('SIGTERM');
    await new Promise((r) => workers.at(-1)?.once('exit', r));

    const accepted = fake.messages();
    const requests = fake.requests().filter((r) => r.path === '/emails');
    const keys = new Set(accepted.map((m) => m.idempotencyKey));
    const perRecipient = new Map<string, number>();
    for (const m of accepted) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const twice = [...perRecipient.values()].filter((n) => n > 1).length;
    // Sent again after the provider had already accepted it (the killed worker's sends): the
    // idempotency key made the provider answer with the first send instead of mailing again.
    const acceptedAt = new Map(accepted.map((m) => [m.idempotencyKey, Date.parse(m.createdAt)]));
    const resentAfterAcceptance = new Set(
      requests.filter((r) => r.at > (acceptedAt.get(r.headers['idempotency-key'] ?? null) ?? Infinity)).map((r) => r.headers['idempotency-key']),
    ).size;
    const [totals] = await handle.db.select({ attempts: sum(mailMessages.attempts), most: max(mailMessages.attempts) }).from(mailMessages);
    const notSent = messages - (states.sent ?? 0);
    const missingAtProvider = messages - perRecipient.size;

    // The rate: over the steady stretch from the recovery to the kill, and in the busiest second.
    const recoveryAt = t0 + OUTAGE_500_MS + OUTAGE_429_MS;
    const times = requests.map((r) => r.at).sort((a, b) => a - b);
    const steady = times.filter((t) => t >= recoveryAt && (killedAt === null || t < t0 + killedAt));
    const steadyRate = steady.length > 1 ? (steady.length - 1) / ((steady.at(-1)! - steady[0]!) / 1000) : Number.NaN;
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const phase = (from: number, to: number) => requests.filter((r) => r.at - t0 >= from && r.at - t0 < to).length;

    console.log(`\nmail outage on PostgreSQL, ${messages} messages, MAIL_RATE_PER_SECOND=${rate} (load ${loadAverage()})`);
    printTable(
      ['figure', 'value'],
      [
        ['enqueued', String(messages)],
        ['sent (rows)', String(states.sent ?? 0)],
        ['failed / cancelled / still queued (rows)', `${states.failed ?? 0} / ${states.cancelled ?? 0} / ${(states.queued ?? 0) + (states.sending ?? 0)}`],
        ['lost (rows not sent)', String(notSent)],
        ['distinct messages at the provider', String(accepted.length)],
        ['distinct idempotency keys at the provider', String(keys.size)],
        ['recipients mailed twice (duplicates)', String(twice)],
        ['recipients never mailed', String(missingAtProvider)],
        ['provider requests, total', String(requests.length)],
        [`  during the 500s (0–${OUTAGE_500_MS / 1000} s)`, String(phase(0, OUTAGE_500_MS))],
        [`  during the 429s (Retry-After ${RETRY_AFTER_S} s)`, String(phase(OUTAGE_500_MS, OUTAGE_500_MS + OUTAGE_429_MS))],
        ['  after the recovery', String(phase(OUTAGE_500_MS + OUTAGE_429_MS, Infinity))],
        ['sent again after the provider had it (answered from the key)', String(resentAfterAcceptance)],
        ['attempts recorded (sum / most for one message)', `${totals?.attempts ?? 0} / ${totals?.most ?? 0}`],
        ['worker 1 killed (SIGKILL) at', killedAt === null ? 'never' : `${(killedAt / 1000).toFixed(1)} s, ${sendingAtKill} message(s) mid-send`],
        ['all settled at', `${(finishedAt / 1000).toFixed(1)} s`],
        ['achieved rate, recovery to kill', `${steadyRate.toFixed(2)} requests/s (configured ${rate})`],
        ['most requests in any 1 s window', String(busiest)],
        ['smallest gap between two requests', `${gaps.length ? Math.min(...gaps).toFixed(0) : '–'} ms (1/rate = ${(1000 / rate).toFixed(0)} ms)`],
        ['requests closer than 1/rate to the one before', `${gaps.filter((g) => g < 1000 / rate - 5).length} of ${requests.length}`],
      ],
    );
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await queue.stop();
    await handle.close();
    await fake.close();
    await dropScratchPostgres(url, SCRATCH);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchMailOutage(process.argv);
}
