import crypto from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../../db/client';
import { env } from '../env';
import type { MailQueue } from '../mail/queue';
import { scanStatusChanges, sendDueNotices } from './status-notifications';

/**
 * The notification scan as a chain of pg-boss jobs, like the appeals' digest
 * (lib/appeals/digest.ts): each job scans, sends what is due, then schedules the next one
 * NOTIFY_SCAN_SECONDS later. Job ids are derived from their time slot, so every process that
 * starts may schedule "the next scan" and only one exists.
 */
export const NOTIFY_QUEUE = 'notifications.scan';
type ScanJobData = { at: string };

export function scanJobId(at: Date): string {
  const hex = crypto.createHash('sha256').update(`${NOTIFY_QUEUE}:${at.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The next slot boundary after `now`. */
export function nextScanAt(now: Date, intervalSeconds = env().NOTIFY_SCAN_SECONDS): Date {
  const ms = intervalSeconds * 1000;
  return new Date((Math.floor(now.getTime() / ms) + 1) * ms);
}

async function scheduleScan(boss: PgBoss, at: Date): Promise<void> {
  await boss.send(NOTIFY_QUEUE, { at: at.toISOString() } satisfies ScanJobData, { id: scanJobId(at), startAfter: at, retentionSeconds: 24 * 3600 });
}

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(NOTIFY_QUEUE)) return;
  try {
    await boss.createQueue(NOTIFY_QUEUE, { retryLimit: 3, retryDelay: 30, expireInSeconds: 10 * 60, deleteAfterSeconds: 3600 });
  } catch (e) {
    if (!(await boss.getQueue(NOTIFY_QUEUE))) throw e;
  }
}

export async function startNotificationWorker(options: { handle: DatabaseHandle; queue: MailQueue }): Promise<{ stop(): Promise<void> }> {
  const { handle, queue } = options;
  const { boss } = queue;
  await ensureQueue(boss);
  const interval = env().NOTIFY_SCAN_SECONDS;
  await boss.work<ScanJobData>(NOTIFY_QUEUE, { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, Math.min(30, interval / 2)) }, async ([job]) => {
    if (!job) return;
    const scanned = await scanStatusChanges(handle.db);
    const sent = await sendDueNotices(handle.db);
    if (scanned.notices > 0 || sent.mails > 0) console.info(`[notifications] ${scanned.notices} notice(s) from ${scanned.events} change(s); ${sent.mails} mail(s) sent`);
    const after = Math.max(Date.now(), Date.parse(job.data.at) + 1000);
    await scheduleScan(boss, nextScanAt(new Date(after), interval));
  });
  await scheduleScan(boss, nextScanAt(new Date(), interval));
  return { stop: () => boss.offWork(NOTIFY_QUEUE, { wait: true }) };
}
