import http from 'node:http';
import https from 'node:https';
import { SOCKET_ADDRESS_HEADER } from './client-ip';
import { type StatusSlot, statusStorage } from './response-status';

/**
 * What the app needs from each request before Next.js sees it, and Next.js gives no hook for:
 * installed once per process by instrumentation.ts, on the Node.js HTTP(S) servers `next start`
 * and `next dev` create.
 *
 * - The socket address, as SOCKET_ADDRESS_HEADER (lib/http/client-ip.ts), over whatever a client
 *   sent under that name: the one fact about a request's origin a client cannot forge.
 * - A status slot (lib/http/response-status.ts) for the page to fill, applied when the head of a
 *   document response is written: a page's own 404 or 403 with its content rendered.
 *
 * Next.js runs instrumentation when the first request arrives, so that request (and any that
 * arrive with it) goes unhooked: no socket address (lib/limits treats them as one unknown
 * client) and no status but Next's own. Every later one is hooked.
 */
type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Hookable = { emit: Emit; [INSTALLED]?: true };

const INSTALLED = Symbol.for('untwin.server-hook');

export function installServerHook(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Hookable;
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function hookedEmit(event, ...args) {
      if (event !== 'request') return emit.call(this, event, ...args);
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      return statusStorage().run(hookRequest(request, response), () => emit.call(this, event, ...args));
    };
    proto[INSTALLED] = true;
  }
}

/** Stamps the socket address and wraps writeHead; returns the request's status slot. */
export function hookRequest(request: http.IncomingMessage, response: http.ServerResponse): StatusSlot {
  const socketAddress = request.socket.remoteAddress;
  if (socketAddress) request.headers[SOCKET_ADDRESS_HEADER] = socketAddress;
  else delete request.headers[SOCKET_ADDRESS_HEADER];

  const slot: StatusSlot = { status: null, committed: () => response.headersSent };
  // Only a page as a document: the client router's payload requests and server actions keep
  // Next's status (a non-200 payload would make the router reload the whole page).
  const isDocument = (request.method === 'GET' || request.method === 'HEAD') && !request.headers.rsc && !request.headers['next-action'];
  if (isDocument) {
    const writeHead = response.writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
    response.writeHead = function statusWriteHead(this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
      if (slot.status === null || statusCode !== 200) return writeHead.call(this, statusCode, ...rest);
      // A reason phrase given for the 200 ("OK") would not fit the new status: Node picks its own.
      return writeHead.call(this, slot.status, ...(typeof rest[0] === 'string' ? rest.slice(1) : rest));
    } as typeof response.writeHead;
  }
  return slot;
}
