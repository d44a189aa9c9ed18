import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { PgliteLockedError, lockPgliteDir } from './pglite-lock';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'untwin-lock-'));
}

/** Another process holding the folder, the way a running `next dev` does. */
async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'testing', 'hold-pglite-lock.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe('the PGlite folder lock', () => {
  it('refuses a second process with an error naming the holder', async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    expect(() => lockPgliteDir(dir)).toThrow(PgliteLockedError);
    expect(() => lockPgliteDir(dir)).toThrow(new RegExp(`in use by process ${holder.pid}`));
  });

  it('makes opening the database fail loudly instead of sharing the folder', async () => {
    const dir = tempDir();
    await holdInAnotherProcess(dir);
    await expect(openDatabase({ engine: 'pglite', dir })).rejects.toThrow(/is in use by process \d+/);
  });

  it('takes over a lock whose process has died', async () => {
    const dir = tempDir();
    const holder = await holdInAnotherProcess(dir);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    const release = lockPgliteDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'untwin.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, 'untwin.lock'))).toBe(false);
  });

  it('keeps data written through one handle for the next one', async () => {
    const dir = tempDir();
    const first = await openDatabase({ engine: 'pglite', dir });
    await first.close();
    const second = await openDatabase({ engine: 'pglite', dir });
    const { countries } = await import('./schema');
    expect((await second.db.select().from(countries)).length).toBeGreaterThan(240);
    await second.close();
  });
});
