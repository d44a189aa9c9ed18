import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { appealTies, ties } from '../../db/schema';
import type { Actor } from '../auth/permissions';
import { fireTieEvent } from '../ties/fire-tie-event';

/**
 * A letter sent by Untwin reached the council (the provider accepted it, or reported it
 * delivered): its ties that nobody had appealed about yet move to `appealed`, through the
 * lifecycle's one write path, on the day it was sent. This is the only way an activist's letter
 * moves a tie: a letter the writer reports having sent elsewhere (print, their own mail program)
 * is counted as an appeal but moves nothing (lib/appeals/record-external-appeal.ts), since
 * nobody but the writer can say it reached the council.
 *
 * The appeal flow acts as the system (the permission table reserves `tie.appealed` to organisers
 * for people), and the event is attributed to the delivered letter, not to a person's say-so.
 * Only a tie still `active` moves: a tie the council has since answered, promised or ended is
 * left where it is, and so is one that another event moved at the same moment.
 */
const APPEAL_FLOW: Actor = { kind: 'system', label: 'appeal flow' };

export async function appealReachedCouncil(tx: Transaction, appeal: { id: number; userId: string; sentAt: Date }): Promise<number[]> {
  const rows = await tx
    .select({ tieId: appealTies.tieId, status: ties.status })
    .from(appealTies)
    .innerJoin(ties, eq(ties.id, appealTies.tieId))
    .where(eq(appealTies.appealId, appeal.id));
  const waiting = rows.filter((r) => r.status === 'active');
  const moved: number[] = [];
  for (const { tieId } of waiting) {
    const result = await fireTieEvent(tx, APPEAL_FLOW, {
      tieId,
      type: 'appealed',
      expectedStatus: 'active',
      viaAppeal: true,
      recorderRole: 'appeal_flow',
      onBehalfOf: appeal.userId,
      occurred: { date: appeal.sentAt.toISOString().slice(0, 10), precision: 'day' },
      note: `Appeal ${appeal.id}`,
    });
    if (result.ok) moved.push(tieId);
    else if (result.code !== 'conflict') console.warn(`[appeals] appeal ${appeal.id} left tie ${tieId} as it was: ${result.message}`);
  }
  return moved;
}
