import { type SQL, sql } from 'drizzle-orm';
import { tieEvents, users } from '../../db/schema';

/**
 * The one rule for what a banned person wrote: the tie events they recorded are left out of
 * every public view (council pages, the status-changes list and its Atom feed, the tracker's
 * latest event, the open-data API). Nothing is deleted: unbanning shows them again, and the
 * tie's status, which such an event may have set, stays until an organiser corrects it (a
 * `corrected` event, which is public). Events recorded by the seed or an import
 * (recorded_by null) are always shown.
 *
 * Used inside a query that reads `tie_events` under its own name (not an alias): the readers of
 * the effective history join `tie_events` to `tie_event_effects` (lib/ties/effective-events.ts),
 * so the rule applies to the event whatever its derived row says.
 */
export function publicEventsCondition(): SQL {
  return sql`not exists (select 1 from ${users} where ${users.id} = ${tieEvents.recordedBy} and ${users.bannedAt} is not null)`;
}
