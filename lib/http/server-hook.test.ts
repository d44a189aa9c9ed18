import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER } from './client-ip';
import { setResponseStatus } from './response-status';
import { installServerHook } from './server-hook';

/**
 * The hook against a real Node.js HTTP server (what `next start` runs on): a handler stands in
 * for Next.js, echoing the headers it is given and, for /missing, rendering a page that asks
 * for 404 a little later, as an async server component would.
 */
describe('the server hook', () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    installServerHook();
    installServerHook(); // idempotent: instrumentation may run twice in dev
    server = http.createServer((req, res) => {
      void (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (req.url === '/missing') setResponseStatus(404);
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER] ?? null, forwarded: req.headers['x-forwarded-for'] ?? null }));
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives the handler the socket address, over whatever the client sent under that name', async () => {
    const response = await fetch(`${origin}/`, { headers: { [SOCKET_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '198.51.100.1' } });
    expect(await response.json()).toEqual({ socket: '127.0.0.1', forwarded: '198.51.100.1' });
  });

  it('answers a document with the status its page asked for, and keeps its body', async () => {
    const response = await fetch(`${origin}/missing`);
    expect(response.status).toBe(404);
    expect((await response.json()).socket).toBe('127.0.0.1');
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });

  it('leaves the client router’s payload requests and server actions with the status they had', async () => {
    expect((await fetch(`${origin}/missing`, { headers: { rsc: '1' } })).status).toBe(200);
    expect((await fetch(`${origin}/missing`, { method: 'POST', headers: { 'next-action': 'abc' }, body: 'x' })).status).toBe(200);
  });
});
