import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { tieEventEffects, tieEvents } from '../../db/schema';
import { publicEventsCondition } from '../people/public-content';

/**
 * SQL pieces for readers of a tie's effective history (tie_event_effects, written by
 * lib/ties/tie-history-store.ts): which of a tie's events is its latest that still counts, and
 * which events may be shown to the public. Every reader joins `tie_events` under its own name
 * (the ban rule, publicEventsCondition, refers to it so) and `tie_event_effects` on event_id.
 */

/**
 * Joins `tie_event_effects` to the tie's latest event that still counts (the last in the order
 * things happened): what the tie's status stands on. A withdrawn event, or a correction, is never
 * it. `tieId` is the tie's id column in the outer query.
 */
export function latestCountingEffect(tieId: AnyPgColumn): SQL {
  return and(
    eq(tieEventEffects.tieId, tieId),
    eq(
      tieEventEffects.position,
      sql`(select max(e.position) from ${tieEventEffects} e where e.tie_id = ${tieId} and e.counts)`,
    ),
  )!;
}

/** Joins `tie_events` to the effect row, only when the event is public (its recorder is not banned). */
export function publicEventOfEffect(): SQL {
  return and(eq(tieEvents.id, tieEventEffects.eventId), publicEventsCondition())!;
}

/** A date on which something happened that is not after today: records made before the write
 * path refused future dates must not become "the latest dated event". */
export function notInFuture(column: AnyPgColumn): SQL {
  return sql`${column} <= current_date`;
}
