import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { tieEventEffects, tieEvents, ties } from '../../db/schema';
import { partialDate } from '../dates/partial-date';
import { type EffectiveHistory, type HistoryEvent, effectiveHistory } from './effective-history';

/**
 * Stores what `effectiveHistory` makes of ties' events: each event's derived row in
 * `tie_event_effects`, and the tie's status and confirmation. Called by the write path in the
 * transaction that appends events, so the derived data can never disagree with the events.
 */

/** A tie's events as the history function reads them, in the order they were recorded. */
export async function loadHistoryEvents(db: Queryable, tieIds: readonly number[]): Promise<Map<number, HistoryEvent[]>> {
  const byTie = new Map<number, HistoryEvent[]>();
  for (let i = 0; i < tieIds.length; i += CHUNK) {
    const rows = await db
      .select({
        tieId: tieEvents.tieId,
        id: tieEvents.id,
        type: tieEvents.type,
        recordedAt: tieEvents.recordedAt,
        occurredOn: tieEvents.occurredOn,
        occurredPrecision: tieEvents.occurredPrecision,
        occurredByDate: tieEvents.occurredByDate,
        sourceId: tieEvents.sourceId,
        toStatus: tieEvents.toStatus,
        targetEventId: tieEvents.targetEventId,
        checkResult: tieEvents.checkResult,
      })
      .from(tieEvents)
      .where(inArray(tieEvents.tieId, tieIds.slice(i, i + CHUNK)))
      .orderBy(asc(tieEvents.tieId), asc(tieEvents.id));
    for (const r of rows) {
      const list = byTie.get(r.tieId) ?? [];
      list.push({
        id: r.id,
        type: r.type,
        recordedAt: r.recordedAt,
        occurred: partialDate(r.occurredOn, r.occurredPrecision),
        occurredByDate: r.occurredByDate,
        sourceId: r.sourceId,
        toStatus: r.toStatus,
        targetEventId: r.targetEventId,
        checkResult: r.checkResult,
      });
      byTie.set(r.tieId, list);
    }
  }
  return byTie;
}

const CHUNK = 500;

/** Recomputes and stores the effective history of these ties. Returns each tie's history. */
export async function storeTieHistories(db: Queryable, tieIds: readonly number[], changedAt: Date = new Date()): Promise<Map<number, EffectiveHistory>> {
  const ids = [...new Set(tieIds)];
  const histories = new Map<number, EffectiveHistory>();
  if (ids.length === 0) return histories;
  const events = await loadHistoryEvents(db, ids);
  const current = new Map<number, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.select({ id: ties.id, status: ties.status }).from(ties).where(inArray(ties.id, ids.slice(i, i + CHUNK)));
    for (const r of rows) current.set(r.id, r.status);
  }

  const effectRows: (typeof tieEventEffects.$inferInsert)[] = [];
  for (const id of ids) {
    const history = effectiveHistory(events.get(id) ?? []);
    histories.set(id, history);
    for (const e of history.events) {
      effectRows.push({
        eventId: e.event.id,
        tieId: id,
        position: e.position,
        counts: e.counts,
        withdrawnBy: e.withdrawnBy,
        amendedBy: e.amendedBy,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        occurredOn: e.occurred?.date ?? null,
        occurredPrecision: e.occurred?.precision ?? null,
        occurredByDate: e.occurredByDate,
        sourceId: e.sourceId,
      });
    }
  }

  for (let i = 0; i < ids.length; i += CHUNK) await db.delete(tieEventEffects).where(inArray(tieEventEffects.tieId, ids.slice(i, i + CHUNK)));
  for (let i = 0; i < effectRows.length; i += CHUNK) await db.insert(tieEventEffects).values(effectRows.slice(i, i + CHUNK));

  // One statement per distinct outcome would be faster for big imports; a tie's own update keeps
  // statusChangedAt exact (it moves only when the status does).
  for (const id of ids) {
    const h = histories.get(id)!;
    if (!current.has(id)) continue;
    await db
      .update(ties)
      .set({
        status: h.status,
        confirmedEventId: h.confirmation?.eventId ?? null,
        confirmedOn: h.confirmation?.on.date ?? null,
        confirmedPrecision: h.confirmation?.on.precision ?? null,
        ...(current.get(id) !== h.status ? { statusChangedAt: changedAt } : {}),
      })
      .where(eq(ties.id, id));
  }
  return histories;
}
