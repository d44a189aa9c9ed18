import { problemResponse } from './problem-response';

/**
 * The most each kind of request may send, in bytes. A body is read into memory, so without a
 * cap one request could take the server's memory (a 200 MB POST to the webhook took it from
 * 534 MB to 1.1 GB). Each is far above what its legitimate senders send.
 */
export const BODY_LIMITS = {
  /** Resend's delivery events: a few kilobytes of JSON. */
  webhook: 256 * 1024,
  /** Auth.js's forms: an address, a CSRF token, a callback path. */
  auth: 16 * 1024,
  /** Server actions and JSON or form routes: a letter is at most 20,000 characters. */
  action: 1024 * 1024,
} as const;

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; response: Response };

/** 413, with the limit named. */
export function bodyTooLargeResponse(maxBytes: number): Response {
  return problemResponse(
    { status: 413, title: 'Request body too large', detail: `This address takes at most ${maxBytes} bytes.` },
    { Connection: 'close' },
  );
}

/**
 * The request's body, refused with 413 past `maxBytes`: by its Content-Length before a byte is
 * read, and, when it has none (chunked) or understates it, by counting while reading, stopping
 * at the first byte too many. Never more than `maxBytes` are held.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes)) {
    return { ok: false, response: bodyTooLargeResponse(maxBytes) };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: bodyTooLargeResponse(maxBytes) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
