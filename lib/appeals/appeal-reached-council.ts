import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appealTies, ties, users } from '../../db/schema';
import type { Actor } from '../auth/permissions';
import { loadGrants } from '../auth/session';
import { fireTieEvent } from '../ties/fire-tie-event';

/**
 * An appeal reached the council (the app sent it, or the person confirmed they sent it
 * themselves): its ties that nobody had appealed about yet move to `appealed`, through the
 * lifecycle's one write path, recorded as the activist's act on the day it was sent.
 *
 * Only a tie still `active` moves: a tie the council has since answered, promised or ended is
 * simply left where it is (a later appeal changes nothing about where it stands), and so is one
 * that another event moved at the same moment (the write path's conflict).
 */
export async function appealReachedCouncil(tx: Transaction, appeal: { id: number; userId: string; sentAt: Date }, actor?: Actor): Promise<number[]> {
  const rows = await tx
    .select({ tieId: appealTies.tieId, status: ties.status })
    .from(appealTies)
    .innerJoin(ties, eq(ties.id, appealTies.tieId))
    .where(eq(appealTies.appealId, appeal.id));
  const waiting = rows.filter((r) => r.status === 'active');
  if (waiting.length === 0) return [];

  // The worker and the webhook act for the activist: the permission table decides with the
  // activist's own grants, as if they had recorded it themselves.
  const by = actor ?? (await activistActor(tx, appeal.userId));
  const moved: number[] = [];
  for (const { tieId } of waiting) {
    const result = await fireTieEvent(tx, by, {
      tieId,
      type: 'appealed',
      expectedStatus: 'active',
      occurred: { date: appeal.sentAt.toISOString().slice(0, 10), precision: 'day' },
    });
    if (result.ok) moved.push(tieId);
    else if (result.code !== 'conflict') console.warn(`[appeals] appeal ${appeal.id} left tie ${tieId} as it was: ${result.message}`);
  }
  return moved;
}

async function activistActor(tx: Transaction, userId: string): Promise<Actor> {
  const [user] = await tx.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId));
  return { kind: 'user', userId, grants: user ? await loadGrants(tx, userId, user.emailVerified) : [] };
}
