import { Resend } from 'resend';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResendProvider, parseRetryAfter } from '../mail/providers/resend';
import type { ProviderMessage } from '../mail/types';
import { type FakeResend, startFakeResend } from './fake-resend';

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

function message(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return {
    idempotencyKey: '3f1d2b1e-6a55-4a55-9f0e-0c3c5b7f0a11',
    from: 'Untwin <no-reply@untwin.test>',
    to: ['olena@example.org'],
    cc: [],
    replyTo: null,
    subject: 'Your sign-in link',
    html: '<p>Open <a href="https://untwin.test/x">the link</a></p>',
    text: 'Open the link: https://untwin.test/x',
    ...overrides,
  };
}

describe('the fake Resend server, through the real Resend SDK', () => {
  it('accepts a message and records what was sent', async () => {
    const resend = new Resend('re_test_key', { baseUrl: fake.url });
    const { data, error } = await resend.emails.send({
      from: 'Untwin <no-reply@untwin.test>',
      to: 'olena@example.org',
      cc: ['team@example.org'],
      replyTo: 'organiser@example.org',
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
    });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    const [sent, ...others] = fake.messages();
    expect(others).toEqual([]);
    expect(sent).toMatchObject({
      id: data?.id,
      from: 'Untwin <no-reply@untwin.test>',
      to: ['olena@example.org'],
      cc: ['team@example.org'],
      reply_to: ['organiser@example.org'],
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
    });
    expect(sent?.headers.authorization).toBeUndefined();
  });

  it('sends through createResendProvider with the outbox id as the Idempotency-Key', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    const outcome = await provider.send(message({ cc: ['team@example.org'], replyTo: 'organiser@example.org' }));
    expect(outcome.ok).toBe(true);
    const [request] = fake.requests();
    expect(request?.headers['idempotency-key']).toBe('3f1d2b1e-6a55-4a55-9f0e-0c3c5b7f0a11');
    expect(request?.headers.authorization).toBe('Bearer re_test_key');
    const [sent] = fake.messages();
    expect(sent).toMatchObject({ to: ['olena@example.org'], subject: 'Your sign-in link', text: 'Open the link: https://untwin.test/x' });
    expect(sent?.idempotencyKey).toBe('3f1d2b1e-6a55-4a55-9f0e-0c3c5b7f0a11');
    expect(outcome).toEqual({ ok: true, providerMessageId: sent?.id });
  });

  it('does not send a retried message twice: the same key answers with the same id', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    const first = await provider.send(message());
    const second = await provider.send(message());
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
    expect(fake.messages()).toHaveLength(1);
    expect(fake.requests()).toHaveLength(2);
  });

  it('refuses the same key with a different body (409), and that is not retryable', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    await provider.send(message());
    const changed = await provider.send(message({ subject: 'Something else' }));
    expect(changed).toMatchObject({ ok: false, retryable: false, status: 409 });
    expect(changed.ok === false && changed.message).toContain('invalid_idempotent_request');
    expect(fake.messages()).toHaveLength(1);
  });

  it('answers a send of a key still in progress with 409 concurrent_idempotent_requests, retryable, and one message in the end', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    fake.setDelay(300);
    const first = provider.send(message());
    await new Promise((r) => setTimeout(r, 100)); // the first is accepted and still in flight
    const concurrent = await provider.send(message());
    expect(concurrent).toMatchObject({ ok: false, retryable: true, status: 409 });
    expect(concurrent.ok === false && concurrent.message).toContain('concurrent_idempotent_requests');
    expect(await first).toMatchObject({ ok: true });
    fake.setDelay(0);
    expect(await provider.send(message())).toEqual(await first);
    expect(fake.messages()).toHaveLength(1);
  });

  it('reports an injected 500 as retryable', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    fake.failNext({ status: 500 });
    expect(await provider.send(message())).toMatchObject({ ok: false, retryable: true, status: 500, retryAfterSeconds: null });
    expect(fake.messages()).toHaveLength(0);
    // Only the next one failed: the retry goes through.
    expect(await provider.send(message())).toMatchObject({ ok: true });
    expect(fake.messages()).toHaveLength(1);
  });

  it('reports a 429 as retryable with the seconds Retry-After gave', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    fake.failNext({ status: 429, count: 2, retryAfterSeconds: 3 });
    const outcome = await provider.send(message());
    expect(outcome).toMatchObject({ ok: false, retryable: true, status: 429, retryAfterSeconds: 3 });
    expect(outcome.ok === false && outcome.message).toContain('rate_limit_exceeded');
    expect(await provider.send(message())).toMatchObject({ ok: false, status: 429 });
    expect(await provider.send(message())).toMatchObject({ ok: true });
  });

  it('reports a 422 as not retryable, whether injected or for a wrong address', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    fake.failNext({ status: 422 });
    expect(await provider.send(message())).toMatchObject({ ok: false, retryable: false, status: 422 });
    const wrong = await provider.send(message({ idempotencyKey: 'another-key', to: ['not an address'] }));
    expect(wrong).toMatchObject({ ok: false, retryable: false, status: 422 });
    expect(wrong.ok === false && wrong.message).toContain('Invalid `to` field');
    expect(fake.messages()).toHaveLength(0);
  });

  it('answers like Resend when fields or the key are missing', async () => {
    const unauthorised = await fetch(`${fake.url}/emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'a@b.test', to: 'c@d.test', subject: 's', text: 't' }),
    });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toMatchObject({ statusCode: 401, name: 'missing_api_key' });

    const resend = new Resend('re_test_key', { baseUrl: fake.url });
    const noBody = await resend.emails.send({ from: 'a@b.test', to: 'c@d.test', subject: 's' } as unknown as Parameters<
      typeof resend.emails.send
    >[0]);
    expect(noBody.error).toMatchObject({ statusCode: 422, name: 'missing_required_field', message: 'Missing `html` or `text` field.' });
    const noSubject = await resend.emails.send({ from: 'a@b.test', to: 'c@d.test', subject: '', text: 't' });
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: 'missing_required_field' });
    expect(fake.messages()).toHaveLength(0);
  });

  it('counts a provider that does not answer in time as a network failure, and the retry is still one message', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url, timeoutMs: 100 });
    fake.setDelay(400);
    const timedOut = await provider.send(message());
    expect(timedOut).toMatchObject({ ok: false, retryable: true, status: null, retryAfterSeconds: null });
    // The fake accepted the message before its slow answer, as a real service may.
    expect(fake.messages()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    fake.setDelay(0);
    const retried = await provider.send(message());
    expect(retried).toEqual({ ok: true, providerMessageId: fake.messages()[0]?.id });
    expect(fake.messages()).toHaveLength(1);
  });

  it('reports an unreachable provider as retryable with no status', async () => {
    const gone = await startFakeResend();
    await gone.close();
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: gone.url });
    const outcome = await provider.send(message());
    expect(outcome).toMatchObject({ ok: false, retryable: true, status: null, retryAfterSeconds: null });
    expect(outcome.ok === false && outcome.message).toContain('could not be reached');
    expect(outcome.ok === false && outcome.message).not.toContain('re_test_key');
  });

  it('is controlled over HTTP by another process: fail, list, reset', async () => {
    const fail = await fetch(`${fake.url}/_test/fail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 1, retryAfterSeconds: 7 }),
    });
    expect(fail.status).toBe(200);
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    expect(await provider.send(message())).toMatchObject({ ok: false, retryable: true, status: 503, retryAfterSeconds: 7 });
    await provider.send(message());
    await provider.send(message({ idempotencyKey: 'second', to: ['taras@example.org'] }));

    const listed = (await (await fetch(`${fake.url}/_test/messages`)).json()) as { to: string[]; idempotencyKey: string }[];
    expect(listed.map((m) => m.to[0])).toEqual(['olena@example.org', 'taras@example.org']);
    expect(listed.map((m) => m.idempotencyKey)).toEqual(['3f1d2b1e-6a55-4a55-9f0e-0c3c5b7f0a11', 'second']);
    const toTaras = (await (await fetch(`${fake.url}/_test/messages?to=TARAS@example.org`)).json()) as unknown[];
    expect(toTaras).toHaveLength(1);

    expect((await fetch(`${fake.url}/_test/reset`, { method: 'POST' })).status).toBe(200);
    expect(await (await fetch(`${fake.url}/_test/messages`)).json()).toEqual([]);
    expect(fake.requests()).toEqual([]);
  });

  it('records when each request arrived, for rate measurements', async () => {
    const provider = createResendProvider({ apiKey: 're_test_key', baseUrl: fake.url });
    const before = Date.now();
    await provider.send(message({ idempotencyKey: 'a' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await provider.send(message({ idempotencyKey: 'b' }));
    const [first, second] = fake.requests();
    expect(first?.at).toBeGreaterThanOrEqual(before);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(45);
    expect(first).toMatchObject({ method: 'POST', path: '/emails' });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter(' 1.2 ', now)).toBe(2);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
