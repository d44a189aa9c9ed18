import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { memberships, sessions, users } from '../../db/schema';
import { type Actor, type Grant, isPrivileged } from './permissions';

/**
 * The session rules, in one place. Auth.js creates and deletes database sessions; reading one
 * (who is this request?) happens here, so the stricter lifetime of staff and organisers
 * applies to every page and action the same way.
 */
export const SESSION_POLICY = {
  /** Everyone: a database session lives this long after its last refresh (Auth.js `maxAge`). */
  maxAgeSeconds: 30 * 24 * 60 * 60,
  /** Auth.js pushes `expires` forward at most this often (`updateAge`). */
  updateAgeSeconds: 24 * 60 * 60,
  /** Staff, organisers and admins: signed out after this long without a request… */
  privilegedIdleSeconds: 30 * 60,
  /** …and after this long in total, however active. */
  privilegedAbsoluteSeconds: 12 * 60 * 60,
  /** `last_seen_at` is written at most this often, so reads do not become writes. */
  touchEverySeconds: 60,
} as const;

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  city: string | null;
  locale: string | null;
  emailVerified: Date | null;
  bannedAt: Date | null;
  grants: Grant[];
  sessionToken: string;
};

/** The person's active grants: activist once the address is confirmed, plus memberships. */
export async function loadGrants(db: Queryable, userId: string, emailVerified: Date | null): Promise<Grant[]> {
  const rows = await db
    .select({ role: memberships.role, campaignId: memberships.campaignId, councilId: memberships.councilId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.state, 'active')));
  const grants: Grant[] = emailVerified ? [{ role: 'activist' }] : [];
  for (const r of rows) {
    if (r.role === 'admin') grants.push({ role: 'admin' });
    else if (r.role === 'organiser' && r.campaignId !== null) grants.push({ role: 'organiser', campaignId: r.campaignId });
    else if (r.role === 'council_staff' && r.councilId !== null) grants.push({ role: 'council_staff', councilId: r.councilId });
  }
  return grants;
}

export type SessionEnd = 'expired' | 'idle' | 'too_old';

/** Why this session no longer counts, or null while it does. Pure, so tests can walk the clock. */
export function sessionEndReason(
  s: { expires: Date; createdAt: Date; lastSeenAt: Date },
  privileged: boolean,
  now: Date,
): SessionEnd | null {
  if (s.expires.getTime() <= now.getTime()) return 'expired';
  if (!privileged) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > SESSION_POLICY.privilegedIdleSeconds * 1000) return 'idle';
  if (now.getTime() - s.createdAt.getTime() > SESSION_POLICY.privilegedAbsoluteSeconds * 1000) return 'too_old';
  return null;
}

/**
 * The person behind a session cookie, or null. An ended session is deleted, so the same cookie
 * is refused from then on; a live one has `last_seen_at` moved forward (at most once a minute).
 */
export async function loadSession(db: Queryable, sessionToken: string, now = new Date()): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      expires: sessions.expires,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        city: users.city,
        locale: users.locale,
        emailVerified: users.emailVerified,
        bannedAt: users.bannedAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, sessionToken));
  if (!row) return null;
  const grants = await loadGrants(db, row.user.id, row.user.emailVerified);
  if (sessionEndReason(row, isPrivileged(grants), now)) {
    await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
    return null;
  }
  // Auth.js's own session endpoint is never called (pages read the session here), so the rolling
  // expiry it would do (`updateAge`) happens here too: an active person stays signed in.
  const remaining = row.expires.getTime() - now.getTime();
  const extend = remaining < (SESSION_POLICY.maxAgeSeconds - SESSION_POLICY.updateAgeSeconds) * 1000;
  if (extend || now.getTime() - row.lastSeenAt.getTime() > SESSION_POLICY.touchEverySeconds * 1000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, ...(extend ? { expires: new Date(now.getTime() + SESSION_POLICY.maxAgeSeconds * 1000) } : {}) })
      .where(eq(sessions.sessionToken, sessionToken));
  }
  return { ...row.user, grants, sessionToken };
}

export function actorOf(user: CurrentUser | null): Actor {
  return user ? { kind: 'user', userId: user.id, grants: user.grants } : { kind: 'public' };
}
