import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database, DatabaseHandle, Transaction } from '../../db/client';
import { appeals, campaigns, councils, users } from '../../db/schema';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import type { MailQueue } from '../mail/queue';
import { campaignNameIn, sendingAddressOf } from './dispatch-appeal';
import { councilRecipients } from './recipients';
import { renderAppealLetter } from './render-letter';
import { lockCouncilLetters, nextDigestAt } from './rules';
import { sendingPhrases } from './sending-phrases';
import { isLetterLanguage } from './templates/phrases';

/**
 * The daily digest: letters held back (the campaign sends digests, or the council had its
 * letters from the app that day: lib/appeals/dispatch-appeal.ts) go to each council as ONE
 * email, "N residents wrote to you today", every letter in it whole, each with its writer's
 * name and address for a reply. Each appeal is linked to that email, so it follows the email's
 * fate (lib/appeals/on-mail-outcome.ts, the webhook) like a letter sent on its own.
 *
 * When: one pg-boss job per day, sent with `startAfter` at the digest hour (rules.ts), whose
 * handler builds the digests and then sends the next day's job. The job id is derived from its
 * time, so every process that starts (the app, `npm run worker`, a restart) may send "the next
 * digest job" and only one exists. pg-boss's cron needs its scheduler running, which this app
 * switches off (lib/mail/queue.ts): a chain of jobs needs nothing more than a worker, and a day
 * missed while no worker ran is caught up as soon as one does (the job is simply overdue).
 */
export const DIGEST_QUEUE = 'appeals.digest';

export type DigestJobData = { at: string };

export type BuiltDigest = { councilId: number; mailMessageId: string; appealIds: number[] };

type HeldLetter = {
  id: number;
  subject: string;
  body: string;
  signerName: string | null;
  signerCity: string | null;
  authorEmail: string;
  campaign: { id: number; name: string; nameUk: string | null; sendingAddress: string | null };
};

/** The digest's subject and plain-text body, in the council's language. */
export function composeDigest(language: string, letters: readonly Pick<HeldLetter, 'subject' | 'body' | 'signerName' | 'signerCity' | 'authorEmail'>[]) {
  const phrases = sendingPhrases(language);
  const n = letters.length;
  const parts = [phrases.digestIntro(n)];
  letters.forEach((letter, i) => {
    const signer = [letter.signerName, letter.signerCity].filter(Boolean).join(', ') || letter.authorEmail;
    parts.push(
      [phrases.digestLetterHeading(i + 1, n), phrases.digestFrom(signer, letter.authorEmail), phrases.digestSubjectLine(letter.subject)].join('\n'),
      letter.body,
    );
  });
  return { subject: phrases.digestSubject(n), body: parts.join('\n\n') };
}

/**
 * Builds and enqueues the digest of every council with letters held for it, one council per
 * transaction (a council whose addresses all bounced keeps its letters for a later day, and
 * does not hold up the others). Safe to run twice: a letter already in a digest is not held.
 */
export async function buildDigests(db: Database): Promise<BuiltDigest[]> {
  const councilIds = await db
    .selectDistinct({ id: appeals.councilId })
    .from(appeals)
    .where(heldForDigest())
    .orderBy(asc(appeals.councilId));
  const built: BuiltDigest[] = [];
  for (const { id } of councilIds) {
    const digest = await db.transaction((tx) => buildCouncilDigest(tx, id));
    if (digest) built.push(digest);
  }
  return built;
}

function heldForDigest() {
  return and(eq(appeals.state, 'queued'), eq(appeals.channel, 'app'), isNull(appeals.mailMessageId));
}

async function buildCouncilDigest(tx: Transaction, councilId: number): Promise<BuiltDigest | null> {
  // Against dispatchAppeal for the same council: a letter is either in this digest or sent alone.
  await lockCouncilLetters(tx, councilId);
  const [council] = await tx.select().from(councils).where(eq(councils.id, councilId));
  if (!council) return null;
  const letters: HeldLetter[] = await tx
    .select({
      id: appeals.id,
      subject: appeals.subject,
      body: appeals.body,
      signerName: appeals.signerName,
      signerCity: appeals.signerCity,
      authorEmail: users.email,
      campaign: { id: campaigns.id, name: campaigns.name, nameUk: campaigns.nameUk, sendingAddress: campaigns.sendingAddress },
    })
    .from(appeals)
    .innerJoin(users, eq(users.id, appeals.userId))
    .innerJoin(campaigns, eq(campaigns.id, appeals.campaignId))
    .where(and(eq(appeals.councilId, councilId), heldForDigest()))
    .orderBy(asc(appeals.createdAt), asc(appeals.id));
  if (letters.length === 0) return null;
  const recipients = await councilRecipients(tx, council.contactEmails);
  if (recipients.usable.length === 0) return null;

  const own = council.languages[0];
  const language = own && isLetterLanguage(own) ? own : 'en';
  const { subject, body } = composeDigest(language, letters);
  const byCampaign = new Map(letters.map((l) => [l.campaign.id, l.campaign]));
  const phrases = sendingPhrases(language);
  const rendered = await renderAppealLetter(
    { language, subject, body },
    { reason: phrases.digestReason([...byCampaign.values()].map((c) => campaignNameIn(c, language)).join(', ')) },
  );
  // From the campaign when every letter is of one campaign; from the app when they are of several.
  const from = byCampaign.size === 1 ? sendingAddressOf([...byCampaign.values()][0]!) : env().MAIL_FROM;
  const { id: mailMessageId } = await enqueueMail(tx, {
    kind: 'appeal_digest',
    from,
    to: recipients.usable,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  });
  const appealIds = letters.map((l) => l.id);
  await tx.update(appeals).set({ mailMessageId }).where(and(inArray(appeals.id, appealIds), heldForDigest()));
  return { councilId, mailMessageId, appealIds };
}

// --- The daily job ---

/** One job per digest time, whoever sends it: a UUID made from the time. */
export function digestJobId(at: Date): string {
  const hex = crypto.createHash('sha256').update(`${DIGEST_QUEUE}:${at.toISOString()}`).digest('hex');
  // Shaped as a version-4, variant-1 UUID, which pg-boss's uuid column takes like any other.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Sends the digest job for `at` unless it exists; outside any transaction (pg-boss's own connection). */
export async function scheduleDigest(boss: PgBoss, at: Date): Promise<void> {
  await boss.send(DIGEST_QUEUE, { at: at.toISOString() } satisfies DigestJobData, { id: digestJobId(at), startAfter: at });
}

async function ensureDigestQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(DIGEST_QUEUE)) return;
  try {
    await boss.createQueue(DIGEST_QUEUE, { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 60 * 60, expireInSeconds: 15 * 60 });
  } catch (e) {
    // Another process created it meanwhile.
    if (!(await boss.getQueue(DIGEST_QUEUE))) throw e;
  }
}

export type DigestWorker = { stop(): Promise<void> };

/**
 * Works the digest jobs on this database and makes sure the next one is scheduled. Run beside
 * the mail worker (the app's inline worker, `npm run worker`).
 */
export async function startDigestWorker(options: { handle: DatabaseHandle; queue: MailQueue; pollingIntervalSeconds?: number }): Promise<DigestWorker> {
  const { handle, queue } = options;
  const { boss } = queue;
  await ensureDigestQueue(boss);
  await boss.work<DigestJobData>(DIGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async ([job]) => {
    if (!job) return;
    const built = await buildDigests(handle.db);
    if (built.length > 0) console.info(`[appeals] daily digest: ${built.length} council(s), ${built.reduce((n, d) => n + d.appealIds.length, 0)} letter(s)`);
    // The next day's, counted from this job's own time: a job run a moment early by a clock
    // that differs from the database's must not schedule itself again.
    const after = Math.max(Date.now(), Date.parse(job.data.at) + 1000);
    await scheduleDigest(boss, nextDigestAt(new Date(after)));
  });
  await scheduleDigest(boss, nextDigestAt(new Date()));
  return { stop: () => boss.offWork(DIGEST_QUEUE, { wait: true }) };
}
