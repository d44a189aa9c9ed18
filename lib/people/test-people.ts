import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships, sessions, users } from '../../db/schema';
import { type CurrentUser, loadSession } from '../auth/session';
import { createUser } from '../testing/factories';

/**
 * People for tests, signed in the way the app signs them in: a session row read back by
 * loadSession, so their grants are the ones the database gives them.
 */
export type RoleSpec =
  | { role: 'admin' }
  | { role: 'organiser'; campaignId: number }
  | { role: 'council_staff'; councilId: number; state?: 'pending' | 'active' | 'revoked' };

export async function grantRole(db: Database, userId: string, spec: RoleSpec): Promise<number> {
  const [row] = await db
    .insert(memberships)
    .values({
      userId,
      role: spec.role,
      campaignId: spec.role === 'organiser' ? spec.campaignId : null,
      councilId: spec.role === 'council_staff' ? spec.councilId : null,
      state: spec.role === 'council_staff' ? (spec.state ?? 'active') : 'active',
    })
    .returning({ id: memberships.id });
  return row!.id;
}

export async function signIn(db: Database, userId: string): Promise<CurrentUser> {
  const token = crypto.randomBytes(16).toString('hex');
  await db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 24 * 3600 * 1000) });
  const user = await loadSession(db, token);
  if (!user) throw new Error('the session did not load');
  return user;
}

/** A person with a confirmed address (so an activist) and the given roles, signed in. */
export async function createPerson(db: Database, init: { email?: string; roles?: RoleSpec[]; verified?: boolean } = {}) {
  const row = await createUser(db, init.email ? { email: init.email } : {});
  if (init.verified === false) {
    await db.update(users).set({ emailVerified: null }).where(eq(users.id, row.id));
  }
  const membershipIds: number[] = [];
  for (const spec of init.roles ?? []) membershipIds.push(await grantRole(db, row.id, spec));
  return { row, membershipIds, user: await signIn(db, row.id) };
}
