import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '../../env';
import { type FakeResend, startFakeResend } from '../../testing/fake-resend';
import { devMailboxEnabled, mailProvider } from './index';

const KEYS = ['RESEND_API_KEY', 'RESEND_BASE_URL', 'NODE_ENV', 'DEV_MAILBOX', 'APP_URL'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const key of KEYS) {
    const value = values[key];
    // process.env.NODE_ENV is typed read-only; tests change it on purpose.
    if (value === undefined) delete (process.env as Record<string, string | undefined>)[key];
    else (process.env as Record<string, string | undefined>)[key] = value;
  }
  resetEnvCache();
}

afterEach(() => {
  setEnv(saved as Partial<Record<(typeof KEYS)[number], string>>);
});

describe('devMailboxEnabled', () => {
  it.each([
    { env: { NODE_ENV: 'development' }, enabled: true },
    { env: { NODE_ENV: 'test' }, enabled: true },
    { env: { NODE_ENV: 'development', DEV_MAILBOX: 'off' }, enabled: true },
    { env: { NODE_ENV: 'production' }, enabled: false },
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'off' }, enabled: false },
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on' }, enabled: true }, // APP_URL's default is http://localhost:3000
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on', APP_URL: 'http://127.0.0.1:3101' }, enabled: true },
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on', APP_URL: 'http://[::1]:3000' }, enabled: true },
    // A production build at a public address never shows everyone's sign-in links.
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on', APP_URL: 'https://untwin.example' }, enabled: false },
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on', APP_URL: 'http://192.0.2.10:3000' }, enabled: false },
    { env: { NODE_ENV: 'production', DEV_MAILBOX: 'on', APP_URL: 'http://localhost.evil.example' }, enabled: false },
    { env: { NODE_ENV: 'development', RESEND_API_KEY: 're_live' }, enabled: false },
    { env: { NODE_ENV: 'production', RESEND_API_KEY: 're_live', DEV_MAILBOX: 'on' }, enabled: false },
    { env: { NODE_ENV: 'production', RESEND_API_KEY: '  ', DEV_MAILBOX: 'on' }, enabled: true },
  ])('is $enabled with $env', ({ env, enabled }) => {
    setEnv(env);
    expect(devMailboxEnabled()).toBe(enabled);
  });
});

describe('mailProvider', () => {
  let fake: FakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('keeps mail in the dev mailbox without a Resend key', async () => {
    setEnv({ NODE_ENV: 'test' });
    const provider = mailProvider();
    expect(provider.name).toBe('dev_mailbox');
    const outcome = await provider.send({
      idempotencyKey: 'c1b7f3a0-0000-4000-8000-000000000001',
      from: 'Untwin <no-reply@untwin.test>',
      to: ['olena@example.org'],
      cc: [],
      replyTo: null,
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
    });
    expect(outcome).toEqual({ ok: true, providerMessageId: 'dev-c1b7f3a0-0000-4000-8000-000000000001' });
    expect(fake.requests()).toEqual([]);
  });

  it('sends through Resend at RESEND_BASE_URL when the key is set', async () => {
    setEnv({ NODE_ENV: 'test', RESEND_API_KEY: 're_from_env', RESEND_BASE_URL: fake.url });
    const provider = mailProvider();
    expect(provider.name).toBe('resend');
    const outcome = await provider.send({
      idempotencyKey: 'c1b7f3a0-0000-4000-8000-000000000002',
      from: 'Untwin <no-reply@untwin.test>',
      to: ['olena@example.org'],
      cc: [],
      replyTo: null,
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
    });
    expect(outcome).toEqual({ ok: true, providerMessageId: fake.messages()[0]?.id });
    expect(fake.requests()[0]?.headers.authorization).toBe('Bearer re_from_env');
    // Changing the configuration is seen on the next call.
    setEnv({ NODE_ENV: 'test' });
    expect(mailProvider().name).toBe('dev_mailbox');
  });
});
