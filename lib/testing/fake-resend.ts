import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for Resend's HTTP API (POST /emails), so tests and Playwright send mail
 * through the real Resend SDK without the network. It checks what Resend checks (a bearer key,
 * the required fields, the Idempotency-Key contract), answers with Resend's error shape, and can
 * be told to fail or to be slow. Control endpoints under /_test/ let another process (Playwright)
 * read the mail and inject failures.
 */

export type FakeResendMessage = {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  /** The email's own extra headers (the API's `headers` field), e.g. List-Unsubscribe. */
  emailHeaders: Record<string, string>;
  idempotencyKey: string | null;
  /** The HTTP request headers, without Authorization. */
  headers: Record<string, string>;
  createdAt: string;
};

export type FakeResendRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the raw text (null when empty). */
  body: unknown;
  /** Milliseconds since the epoch, when the request arrived. */
  at: number;
};

export type FailureInjection = {
  status: number;
  /** How many of the next POST /emails fail (default 1). */
  count?: number;
  retryAfterSeconds?: number;
};

export type FakeResend = {
  url: string;
  port: number;
  /** Accepted emails, oldest first. */
  messages(): FakeResendMessage[];
  /** Every API request (not the /_test/ control ones), oldest first. */
  requests(): FakeResendRequest[];
  failNext(failure: FailureInjection): void;
  /** Answer every POST /emails this much later (the message is accepted before the wait). */
  setDelay(ms: number): void;
  reset(): void;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_RECIPIENTS = 50;
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^<>]+)>$/;

const ERROR_NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'invalid_idempotent_request',
  413: 'payload_too_large',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
  503: 'service_unavailable',
};

class ResendError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

function isAddress(value: string): boolean {
  const named = NAMED_ADDRESS.exec(value.trim());
  return ADDRESS.test(named ? (named[1] ?? '').trim() : value.trim());
}

/** Resend takes one address or a list; the record always keeps a list. */
function addressList(body: Record<string, unknown>, field: string, required: boolean): string[] {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw new ResendError(422, 'missing_required_field', `Missing \`${field}\` field.`);
    return [];
  }
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !isAddress(a))) {
    throw new ResendError(
      422,
      'validation_error',
      `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
    );
  }
  if (required && list.length === 0) throw new ResendError(422, 'missing_required_field', `Missing \`${field}\` field.`);
  if (list.length > MAX_RECIPIENTS) {
    throw new ResendError(422, 'validation_error', `Invalid \`${field}\` field. At most ${MAX_RECIPIENTS} recipients.`);
  }
  return list as string[];
}

function optionalString(body: Record<string, unknown>, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ResendError(422, 'validation_error', `Invalid \`${field}\` field. It must be a string.`);
  return value;
}

function validateEmail(body: unknown): Omit<FakeResendMessage, 'id' | 'idempotencyKey' | 'headers' | 'createdAt'> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ResendError(422, 'validation_error', 'The request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const fromList = addressList(fields, 'from', true);
  if (fromList.length !== 1 || typeof fields.from !== 'string') {
    throw new ResendError(422, 'validation_error', 'Invalid `from` field. It must be one address.');
  }
  const to = addressList(fields, 'to', true);
  const subject = optionalString(fields, 'subject');
  if (subject === null || subject.trim() === '') throw new ResendError(422, 'missing_required_field', 'Missing `subject` field.');
  const html = optionalString(fields, 'html');
  const text = optionalString(fields, 'text');
  if (html === null && text === null) throw new ResendError(422, 'missing_required_field', 'Missing `html` or `text` field.');
  return {
    from: fields.from,
    to,
    cc: addressList(fields, 'cc', false),
    bcc: addressList(fields, 'bcc', false),
    reply_to: addressList(fields, 'reply_to', false),
    subject,
    html,
    text,
    emailHeaders: emailHeaders(fields.headers),
  };
}

function emailHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new ResendError(422, 'validation_error', 'Invalid `headers` field. It must be an object of strings.');
  }
  return value as Record<string, string>;
}

/** Key order must not make two equal bodies differ. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ResendError(413, 'payload_too_large', 'The request body is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload).toString(),
    ...headers,
  });
  response.end(payload);
}

function sendError(response: ServerResponse, error: ResendError, headers: Record<string, string> = {}): void {
  sendJson(response, error.statusCode, { statusCode: error.statusCode, name: error.errorName, message: error.message }, headers);
}

function parseJson(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFakeResend(options: { port?: number } = {}): Promise<FakeResend> {
  let messages: FakeResendMessage[] = [];
  let requests: FakeResendRequest[] = [];
  let idempotency = new Map<string, { bodyKey: string; id: string; done: boolean }>();
  let failure: Required<Omit<FailureInjection, 'retryAfterSeconds'>> & { retryAfterSeconds?: number } = { status: 0, count: 0 };
  let delayMs = 0;

  const failNext = (next: FailureInjection) => {
    if (!Number.isInteger(next.status) || next.status < 400 || next.status > 599) {
      throw new Error(`failNext needs an HTTP error status (400-599), not ${next.status}`);
    }
    failure = { status: next.status, count: next.count ?? 1, retryAfterSeconds: next.retryAfterSeconds };
  };
  const setDelay = (ms: number) => {
    delayMs = Math.max(0, ms);
  };
  const reset = () => {
    messages = [];
    requests = [];
    idempotency = new Map();
    failure = { status: 0, count: 0 };
    delayMs = 0;
  };

  async function handleSend(response: ServerResponse, headers: Record<string, string>, body: unknown) {
    const authorization = headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!token) {
      throw new ResendError(
        401,
        'missing_api_key',
        'Missing API key in the authorization header. Include the following header in your request: Authorization: Bearer YOUR_API_KEY',
      );
    }

    if (failure.count > 0) {
      failure.count -= 1;
      const retryAfter: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
      if (delayMs > 0) await sleep(delayMs);
      const name = ERROR_NAMES[failure.status] ?? 'application_error';
      sendError(response, new ResendError(failure.status, name, `Injected failure (${failure.status}).`), retryAfter);
      return;
    }

    if (typeof body === 'string') throw new ResendError(400, 'validation_error', 'The request body is not valid JSON.');
    const email = validateEmail(body);

    const idempotencyKey = headers['idempotency-key'] ?? null;
    if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
      throw new ResendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
    }
    const bodyKey = canonicalJson(body);
    if (idempotencyKey !== null) {
      const seen = idempotency.get(idempotencyKey);
      if (seen && seen.bodyKey !== bodyKey) {
        throw new ResendError(
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
        );
      }
      if (seen && !seen.done) {
        throw new ResendError(
          409,
          'concurrent_idempotent_requests',
          'Same idempotency key used while original request is still in progress. Try the request again later.',
        );
      }
      if (seen) {
        if (delayMs > 0) await sleep(delayMs);
        sendJson(response, 200, { id: seen.id });
        return;
      }
    }

    // Accepted before the (optional) slow answer: like the real service, a client that gives up
    // waiting has still sent the mail, and only the idempotency key keeps a retry from repeating it.
    const id = randomUUID();
    const recordedHeaders = { ...headers };
    delete recordedHeaders.authorization;
    messages.push({ id, ...email, idempotencyKey, headers: recordedHeaders, createdAt: new Date().toISOString() });
    const entry = { bodyKey, id, done: false };
    if (idempotencyKey !== null) idempotency.set(idempotencyKey, entry);
    if (delayMs > 0) await sleep(delayMs);
    entry.done = true;
    if (!response.destroyed) sendJson(response, 200, { id });
  }

  async function handleControl(path: string, method: string, url: URL, body: unknown, response: ServerResponse) {
    if (method === 'GET' && path === '/_test/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const list = to ? messages.filter((m) => m.to.some((address) => address.toLowerCase().includes(to))) : messages;
      sendJson(response, 200, list);
      return;
    }
    if (method === 'GET' && path === '/_test/requests') {
      sendJson(response, 200, requests);
      return;
    }
    if (method === 'POST' && path === '/_test/fail') {
      const input = (body ?? {}) as Partial<FailureInjection>;
      try {
        failNext({ status: Number(input.status), count: input.count, retryAfterSeconds: input.retryAfterSeconds });
      } catch (e) {
        sendJson(response, 400, { error: e instanceof Error ? e.message : String(e) });
        return;
      }
      sendJson(response, 200, { ok: true });
      return;
    }
    if (method === 'POST' && path === '/_test/delay') {
      setDelay(Number((body as { ms?: unknown } | null)?.ms ?? 0) || 0);
      sendJson(response, 200, { ok: true });
      return;
    }
    if (method === 'POST' && path === '/_test/reset') {
      reset();
      sendJson(response, 200, { ok: true });
      return;
    }
    sendJson(response, 404, { error: `No control endpoint ${method} ${path}` });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const headers = flatHeaders(request);
    const at = Date.now();
    void (async () => {
      try {
        const body = parseJson(await readBody(request));
        if (url.pathname.startsWith('/_test/')) {
          await handleControl(url.pathname, method, url, body, response);
          return;
        }
        requests.push({ method, path: url.pathname + url.search, headers, body, at });
        if (url.pathname !== '/emails') throw new ResendError(404, 'not_found', 'The requested endpoint does not exist.');
        if (method !== 'POST') throw new ResendError(405, 'method_not_allowed', 'Method is not allowed for the requested path.');
        await handleSend(response, headers, body);
      } catch (e) {
        if (response.headersSent) return;
        if (e instanceof ResendError) sendError(response, e);
        else sendError(response, new ResendError(500, 'internal_server_error', e instanceof Error ? e.message : String(e)));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    messages: () => messages.map((m) => ({ ...m })),
    requests: () => requests.map((r) => ({ ...r })),
    failNext,
    setDelay,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
