import type { PublicDataVersion } from './public-data-version';

/**
 * The latest public data version this process has seen, for code that must not open the
 * database itself: the page cache in proxy.ts, which Next bundles apart from the pages (so it
 * shares nothing with them but the process: the slot lives on globalThis; no database code here
 * either). Every request that reads the version publishes it, and a watcher reads it once a
 * second, so a commit from any process is known here within about a second even while every
 * page is served from the cache.
 */
export type VersionSignal = { tag: string; version: PublicDataVersion; seenAt: number };

const SLOT = Symbol.for('untwin.publicDataVersion');
const WATCHER = Symbol.for('untwin.publicDataVersionWatcher');
type Slots = { [SLOT]?: VersionSignal; [WATCHER]?: ReturnType<typeof setInterval> };
const slots = globalThis as Slots;

/** Older than this, the signal is not trusted: the watcher has stopped, or never started. */
export const SIGNAL_MAX_AGE_MS = 5000;
export const WATCH_INTERVAL_MS = 1000;

export function publishVersion(version: PublicDataVersion, now = Date.now()): void {
  const current = slots[SLOT];
  // An older reader (a commit landed meanwhile) does not take the signal back.
  if (current && current.version.epoch === version.epoch && current.version.counter > version.counter) return;
  slots[SLOT] = { tag: `${version.epoch}.${version.counter}`, version, seenAt: now };
}

/** The version last seen, if it was seen recently enough to serve cached pages by. */
export function currentSignal(now = Date.now()): VersionSignal | null {
  const signal = slots[SLOT];
  return signal && now - signal.seenAt <= SIGNAL_MAX_AGE_MS ? signal : null;
}

/**
 * Calls `read` once a second for the rest of the process's life (the timer does not keep the
 * process alive), once per process however often it is asked. A failed read leaves the signal
 * to age, and the page cache then steps aside until the database answers again.
 */
export function watchVersion(read: () => Promise<PublicDataVersion>): void {
  if (slots[WATCHER]) return;
  const timer = setInterval(() => {
    read()
      .then((v) => publishVersion(v))
      .catch(() => {});
  }, WATCH_INTERVAL_MS);
  timer.unref?.();
  slots[WATCHER] = timer;
}

/** For tests: forget the signal and stop the watcher. */
export function resetVersionSignal(): void {
  clearInterval(slots[WATCHER]);
  delete slots[WATCHER];
  delete slots[SLOT];
}
