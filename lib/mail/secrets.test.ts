import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { authTestClient } from '../auth/auth-test-client';
import { isSignInLinkUsable } from '../auth/sign-in-link';
import { resetEnvCache } from '../env';
import { type FakeResend, startFakeResend } from '../testing/fake-resend';
import { describeEachEngine } from '../testing/test-database';
import { createDevMailboxProvider, createResendProvider } from './providers';
import { type MailQueue, startQueue } from './queue';
import { redactExpiredSecrets, withoutLinkTokens } from './secrets';
import type { MailProvider } from './types';
import { type MailWorker, startMailWorker } from './worker';

const APP = 'http://localhost:3000';
const MINUTE = 60_000;
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;
const TOKEN = /token=[0-9a-f]{64}/;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('withoutLinkTokens', () => {
  it('empties the token of every link, in text and in HTML, and nothing else', () => {
    const token = 'a'.repeat(64);
    const text = `Sign in: http://x/en/sign-in/confirm?token=${token}&email=o%40example.org&callbackUrl=%2Fen`;
    expect(withoutLinkTokens(text)).toBe('Sign in: http://x/en/sign-in/confirm?token=removed&email=o%40example.org&callbackUrl=%2Fen');
    const html = `<a href="http://x/confirm?email=o%40example.org&amp;token=${token}">http://x/confirm?email=o%40example.org&amp;token=${token}</a>`;
    expect(withoutLinkTokens(html)).not.toContain(token);
    expect(withoutLinkTokens('No token here; tokens=3')).toBe('No token here; tokens=3');
  });
});

/** Sign-in mail through a worker with `provider`: what the outbox keeps of its link. */
function signInMailWith(name: string, makeProvider: (fake: FakeResend) => MailProvider) {
  describeEachEngine(`a sign-in link at rest, sent by the ${name}`, ({ db, handle }) => {
    let fake: FakeResend;
    let queue: MailQueue;
    let worker: MailWorker;
    let client: ReturnType<typeof authTestClient>;
    beforeAll(async () => {
      process.env.APP_URL = APP;
      process.env.AUTH_SECRET = 'a-test-secret-for-mail-secrets';
      resetEnvCache();
      fake = await startFakeResend();
      queue = await startQueue(handle());
      worker = await startMailWorker({ handle: handle(), queue, provider: makeProvider(fake), pollingIntervalSeconds: 0.5 });
      client = authTestClient(db, APP);
    });
    afterAll(async () => {
      await worker.stop();
      await queue.stop();
      await fake.close();
      delete process.env.APP_URL;
      delete process.env.AUTH_SECRET;
      resetEnvCache();
    });

    const stored = async (email: string) => {
      const [mail] = await client.mailsTo(email);
      return mail!;
    };

    it(name === 'dev mailbox' ? 'stays readable in the dev mailbox until it expires, then is removed' : 'is removed from the outbox once the provider has it; the mailed link still works', async () => {
      const email = address('secret');
      await client.requestLink(email);
      const link = await client.latestLink(email);
      const token = link.searchParams.get('token')!;
      const sent = await until('the sign-in mail to be sent', async () => {
        const mail = await stored(email);
        return mail.state === 'sent' ? mail : null;
      });
      if (name === 'dev mailbox') {
        expect(sent.text).toMatch(TOKEN);
        expect(sent.secretExpiresAt).toBeInstanceOf(Date);
        expect(await redactExpiredSecrets(db(), new Date(Date.now() + 9 * MINUTE))).toBe(0);
        expect((await stored(email)).text).toMatch(TOKEN);
        expect(await redactExpiredSecrets(db(), new Date(Date.now() + 11 * MINUTE))).toBeGreaterThanOrEqual(1);
      } else {
        // The recipient's copy has the link, and it works.
        expect(fake.messages().find((m) => m.to.includes(email))?.text).toContain(token);
        expect(await isSignInLinkUsable(db(), { email, token })).toBe(true);
      }
      const kept = await stored(email);
      expect(`${kept.subject}${kept.html}${kept.text}`).not.toContain(token);
      expect(kept.text).toContain('token=removed');
      expect(kept.secretExpiresAt).toBeNull();
    });
  });
}

signInMailWith('Resend SDK', (fake) => createResendProvider({ apiKey: 're_test', baseUrl: fake.url }));
signInMailWith('dev mailbox', () => createDevMailboxProvider());

describeEachEngine('a sign-in link that was never sent', ({ db, handle }) => {
  let queue: MailQueue;
  let client: ReturnType<typeof authTestClient>;
  beforeAll(async () => {
    process.env.APP_URL = APP;
    process.env.AUTH_SECRET = 'a-test-secret-for-mail-secrets';
    resetEnvCache();
    queue = await startQueue(handle());
    client = authTestClient(db, APP);
  });
  afterAll(async () => {
    await queue.stop();
    delete process.env.APP_URL;
    delete process.env.AUTH_SECRET;
    resetEnvCache();
  });

  it('is removed from the outbox when it expires, queued or failed, and other mail is left alone', async () => {
    const queued = address('queued');
    const failed = address('failed');
    await client.requestLink(queued);
    await client.requestLink(failed);
    const [failedRow] = await client.mailsTo(failed);
    await db().update(mailMessages).set({ state: 'failed', failedAt: new Date() }).where(eq(mailMessages.id, failedRow!.id));
    const [other] = await db()
      .insert(mailMessages)
      .values({ kind: 'notification', fromAddress: 'a@example.org', to: ['x@example.org'], subject: 's', html: '<a href="http://x/?token=keep">', text: 'http://x/?token=keep' })
      .returning();

    expect(await redactExpiredSecrets(db(), new Date(Date.now() + 11 * MINUTE))).toBe(2);
    for (const email of [queued, failed]) {
      const [mail] = await client.mailsTo(email);
      expect(mail!.text).not.toMatch(TOKEN);
      expect(mail!.html).not.toMatch(TOKEN);
    }
    const [untouched] = await db().select().from(mailMessages).where(eq(mailMessages.id, other!.id));
    expect(untouched!.text).toBe('http://x/?token=keep');
  });
});
