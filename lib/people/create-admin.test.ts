import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { memberships, users } from '../../db/schema';
import { loadGrants } from '../auth/session';
import { describeEachEngine } from '../testing/test-database';
import { createAdmin, signInInstructions } from './create-admin';
import { acceptPendingInvitations } from './invitations';

describeEachEngine('createAdmin', ({ db }) => {
  const adminsOf = async (userId: string) => db().select().from(memberships).where(eq(memberships.userId, userId));

  it('creates the account, unconfirmed, with an active admin role, and is idempotent', async () => {
    const first = await createAdmin(db(), '  Founder@Example.ORG ');
    expect(first).toMatchObject({ email: 'founder@example.org', createdUser: true, grantedAdmin: true });
    const [user] = await db().select().from(users).where(eq(users.id, first.userId));
    expect(user).toMatchObject({ email: 'founder@example.org', emailVerified: null });
    expect(await adminsOf(first.userId)).toMatchObject([{ role: 'admin', state: 'active' }]);
    // Until the first sign-in confirms the address, the grant is the admin role alone.
    expect(await loadGrants(db(), first.userId, null)).toEqual([{ role: 'admin' }]);

    const again = await createAdmin(db(), 'founder@example.org');
    expect(again).toEqual({ email: 'founder@example.org', userId: first.userId, createdUser: false, grantedAdmin: false });
    expect(await adminsOf(first.userId)).toHaveLength(1);
    expect(await db().select().from(users).where(eq(users.email, 'founder@example.org'))).toHaveLength(1);
  });

  it('makes an existing person admin, and gives a revoked admin the role back', async () => {
    const [existing] = await db().insert(users).values({ email: 'member@example.org', emailVerified: new Date(), name: 'Member' }).returning();
    const result = await createAdmin(db(), 'member@example.org');
    expect(result).toMatchObject({ userId: existing!.id, createdUser: false, grantedAdmin: true });
    await db().update(memberships).set({ state: 'revoked' }).where(eq(memberships.userId, existing!.id));
    expect(await createAdmin(db(), 'member@example.org')).toMatchObject({ grantedAdmin: true });
    expect(await adminsOf(existing!.id)).toMatchObject([{ state: 'active' }]);
    const [kept] = await db().select().from(users).where(eq(users.id, existing!.id));
    expect(kept!.name).toBe('Member');
  });

  it('refuses what is not an address, and creates nothing', async () => {
    const before = (await db().select().from(users)).length;
    await expect(createAdmin(db(), 'not-an-address')).rejects.toThrow('is not an email address');
    await expect(createAdmin(db(), '')).rejects.toThrow();
    expect(await db().select().from(users)).toHaveLength(before);
  });

  it('leaves invitations to the address to be accepted at sign-in as usual', async () => {
    const admin = await createAdmin(db(), 'invited-admin@example.org');
    expect(await acceptPendingInvitations(db(), { userId: admin.userId, email: admin.email })).toBe(0);
  });
});

/** The command as the operator runs it, on a PGlite folder of its own. */
describe('npm run admin:create', { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untwin-admin-'));
  const pglite = path.join(dir, 'pglite');
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: pglite, DATABASE_URL: '', RESEND_API_KEY: '', NODE_ENV: 'test', APP_URL: 'http://localhost:3999' };
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(tsx, [path.join('scripts', 'admin-create.ts'), ...args], { env, cwd: process.cwd(), timeout: 240_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` });
      });
    });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the admin on a fresh PGlite folder and says how to sign in; a second run changes nothing', async () => {
    const first = await run(['--', 'first.admin@example.org']);
    expect(first.out).toContain(`first.admin@example.org is now an admin (a new account: the address is confirmed at the first sign-in), in PGlite in ${pglite}.`);
    expect(first.out).toContain('open http://localhost:3999/en/sign-in (or /uk/sign-in) and enter first.admin@example.org');
    expect(first.out).toContain('dev mailbox at http://localhost:3999/dev/mailbox');
    expect(first.code).toBe(0);
    const second = await run(['first.admin@example.org']);
    expect(second.out).toContain('first.admin@example.org was already an admin; nothing changed');
    expect(second.code).toBe(0);
  });

  it('prints the usage for a missing or malformed address', async () => {
    const none = await run([]);
    expect(none.code).toBe(1);
    expect(none.out).toContain('Usage: npm run admin:create -- EMAIL');
    const bad = await run(['nobody']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('"nobody" is not an email address.');
  });

  it('names the process holding the PGlite folder instead of opening it twice', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join('lib', 'testing', 'hold-pglite-lock.ts'), pglite], { env, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
        holder.on('exit', () => reject(new Error('the lock holder exited')));
      });
      const result = await run(['second.admin@example.org']);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`admin:create failed: The embedded database in ${pglite} is in use by process ${holder.pid} `);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('what admin:create says about signing in', () => {
  const say = (e: { RESEND_API_KEY?: string; DEV_MAILBOX?: 'on' | 'off'; APP_URL: string }) =>
    signInInstructions('admin@example.org', { DEV_MAILBOX: 'off', ...e }).join('\n');

  it('never points to a dev mailbox that a production build would not show', () => {
    expect(say({ APP_URL: 'https://untwin.example', DEV_MAILBOX: 'on' })).not.toContain('/dev/mailbox');
    expect(say({ APP_URL: 'https://untwin.example' })).toContain('set it so the link can be emailed');
    expect(say({ APP_URL: 'http://localhost:3000' })).toContain('while the app runs with `npm run dev`');
    expect(say({ APP_URL: 'http://127.0.0.1:3101', DEV_MAILBOX: 'on' })).toContain('it appears in the dev mailbox at http://127.0.0.1:3101/dev/mailbox.');
    expect(say({ APP_URL: 'https://untwin.example', RESEND_API_KEY: 're_live' })).toBe(
      'To sign in, open https://untwin.example/en/sign-in (or /uk/sign-in) and enter admin@example.org; a sign-in link is emailed to it.',
    );
  });
});
