import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A page's HTTP status, chosen by the page while it renders: 404 for an unknown council, 403 for
 * a page the person may not see. Next.js's own `notFound()` and `forbidden()` answer with the
 * right status but, thrown while a page renders, with an empty body in a production build (the
 * content only arrives in the flight data, for JavaScript to draw: measured on 16.4.6, and
 * vercel/next.js#98295, #98954). That breaks the app's rule that every page works without
 * JavaScript, and the page cache would keep the blank page. So the page renders its own "not
 * found" or "not allowed" view, and says which status goes with it here.
 *
 * Each request gets a slot (lib/http/server-hook.ts opens it when the request arrives, and
 * applies it when the response head is written). A page renders before its head is written as
 * long as no Suspense boundary or loading.tsx above it sends the shell first (none does); a
 * status set too late is reported, not silently lost.
 *
 * The slot lives on globalThis: instrumentation and the pages are bundled apart, and each
 * bundle would otherwise have its own copy of this module.
 */
export type StatusSlot = {
  status: number | null;
  /** Whether the response head is already on its way (then a status comes too late). */
  committed: () => boolean;
};

const KEY = Symbol.for('untwin.response-status');
const holder = globalThis as unknown as Record<typeof KEY, AsyncLocalStorage<StatusSlot> | undefined>;

export function statusStorage(): AsyncLocalStorage<StatusSlot> {
  holder[KEY] ??= new AsyncLocalStorage<StatusSlot>();
  return holder[KEY];
}

/**
 * Answer this request with `status` instead of 200. Outside a request the hook opened (tests,
 * `next build`, a request that arrived before the hook was installed) it does nothing: the page
 * still renders, with 200.
 */
export function setResponseStatus(status: 403 | 404): void {
  const slot = statusStorage().getStore();
  if (!slot) return;
  if (slot.committed()) console.warn(`[http] a page asked for status ${status} after its response head was sent; it went out as sent`);
  slot.status = status;
}
