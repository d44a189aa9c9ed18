import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatabaseHandle } from '../../db/client';
import { mailMessages } from '../../db/schema';
import { resetEnvCache } from '../env';
import { enqueueMail } from './outbox';
import { getQueue } from './queue';
import { startAppMail } from './worker';

/**
 * What instrumentation.ts does when the server starts, on the app's own database (a PGlite
 * folder of its own here): the queue and, with MAIL_WORKER=inline, the worker, sending through
 * the dev mailbox provider when no Resend key is set.
 */
describe('the app process sends its own mail', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untwin-app-mail-'));
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, { PGLITE_DIR: dir, MAIL_WORKER: 'inline', RESEND_API_KEY: '', DATABASE_URL: '' });
    resetEnvCache();
  });
  afterAll(async () => {
    await (await getQueue()).stop();
    await (await getDatabaseHandle()).close();
    process.env = saved;
    resetEnvCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts once, and a message enqueued afterwards is sent', async () => {
    await Promise.all([startAppMail(), startAppMail()]);
    const { db } = await getDatabaseHandle();
    const { id } = await db.transaction((tx) => enqueueMail(tx, { kind: 'sign_in', to: ['app@example.org'], subject: 'Sign in', html: 'x', text: 'x' }));
    const deadline = Date.now() + 20_000;
    let row: typeof mailMessages.$inferSelect | undefined;
    while (Date.now() < deadline) {
      [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
      if (row?.state === 'sent') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row).toMatchObject({ state: 'sent', provider: 'dev_mailbox', providerMessageId: `dev-${id}`, attempts: 1 });
  });
});
