import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Two processes on one PGlite folder silently lose data, so the folder is locked by a file
 * naming its holder. A lock left by a dead process is taken over; a live holder is an error
 * that says who it is. A pid-file is used rather than an mtime lock library so the error can
 * name the holder.
 */
export type LockHolder = { pid: number; host: string; command: string; since: string };

export class PgliteLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} on ${holder.host} ` +
        `(${holder.command}, since ${holder.since}). Stop that process, or set PGLITE_DIR to another folder, ` +
        `or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = 'PgliteLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Map<string, () => void>();

/** Takes the lock for `dir` (created if missing); returns a release function. Re-entrant in one process. */
export function lockPgliteDir(dir: string): () => void {
  const abs = path.resolve(dir);
  const existing = held.get(abs);
  if (existing) return existing;
  fs.mkdirSync(abs, { recursive: true });
  const lockFile = path.join(abs, 'untwin.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1, 3).map((a) => path.basename(a)).join(' ') || 'node',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        held.delete(abs);
        try {
          const current = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockHolder;
          if (current.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      held.set(abs, release);
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockHolder;
      } catch {
        holder = null; // half-written or unreadable: treat as stale
      }
      const sameHost = holder?.host === os.hostname();
      if (holder && holder.pid === process.pid && sameHost) {
        // Our own lock from a module that was reloaded (next dev): keep it.
        const release = () => fs.rmSync(lockFile, { force: true });
        held.set(abs, release);
        return release;
      }
      if (holder && (!sameHost || isAlive(holder.pid))) throw new PgliteLockedError(abs, holder);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock on ${abs}`);
}
