import type { PartialDate } from '../dates/partial-date';
import { type TieEventType, type TieStatus, TRANSITIONS } from './lifecycle';

/**
 * A tie's effective history: the one function that turns a tie's events, as recorded, into what
 * still counts, in the order things happened. The write path stores its result (status,
 * confirmation, and one derived row per event in `tie_event_effects`), and every reader (pages,
 * stats, feed, API, CSV) reads that, so a withdrawn or amended event changes all of them at once.
 *
 * Pure: no database. The rules:
 * - Order: the event that recorded the tie first; then by when it happened in the world (an "on
 *   or before" date by its bound, which is the date stored; an undated event by the day it was
 *   recorded); then by when it was recorded.
 * - A `withdrawn` event takes its target out: it stays in the history, marked, and stops counting.
 * - An `amended` event gives its target a new date and/or source (the latest amendment wins).
 * - The status is replayed through the lifecycle's transitions from the status the tie was
 *   recorded in. An event that no longer fits where the tie then stands (after a withdrawal)
 *   stops counting too, and says so.
 * - Confirmation: the latest counting event with a date that tells where the tie stands (not an
 *   appeal: asking says nothing about the tie). A check that found the tie no longer listed
 *   takes the confirmation away. Undated events confirm nothing: a tie known only from undated
 *   lists is "listed, not confirmed".
 */

export type HistoryEvent = {
  id: number;
  type: TieEventType;
  recordedAt: Date;
  occurred: PartialDate | null;
  occurredByDate: boolean;
  sourceId: number | null;
  /** As recorded: for `recorded` and `corrected`, the status the event sets. */
  toStatus: TieStatus;
  targetEventId: number | null;
  checkResult: 'listed' | 'not_listed' | null;
};

export type EffectiveEvent = {
  event: HistoryEvent;
  position: number;
  counts: boolean;
  /** The event that withdrew this one. */
  withdrawnBy: number | null;
  /** The latest event that amended this one. */
  amendedBy: number | null;
  /** Counts no more because, after a withdrawal, it does not follow from where the tie stood. */
  noLongerFits: boolean;
  fromStatus: TieStatus | null;
  toStatus: TieStatus;
  occurred: PartialDate | null;
  occurredByDate: boolean;
  sourceId: number | null;
};

export type Confirmation = { eventId: number; on: PartialDate };

export type EffectiveHistory = {
  events: EffectiveEvent[];
  status: TieStatus;
  confirmation: Confirmation | null;
};

/** Events that correct another event: they never count themselves. */
export const CORRECTION_EVENT_TYPES = ['withdrawn', 'amended'] as const satisfies readonly TieEventType[];
const isCorrection = (type: TieEventType) => (CORRECTION_EVENT_TYPES as readonly string[]).includes(type);

/** Events that say nothing about whether the tie stands. */
const CONFIRMS_NOTHING: readonly TieEventType[] = ['appealed', ...CORRECTION_EVENT_TYPES];

export function effectiveHistory(input: readonly HistoryEvent[]): EffectiveHistory {
  const withdrawnBy = new Map<number, number>();
  const amendments = new Map<number, HistoryEvent[]>();
  for (const e of [...input].sort(byRecording)) {
    if (e.targetEventId === null) continue;
    if (e.type === 'withdrawn' && !withdrawnBy.has(e.targetEventId)) withdrawnBy.set(e.targetEventId, e.id);
    if (e.type === 'amended') amendments.set(e.targetEventId, [...(amendments.get(e.targetEventId) ?? []), e]);
  }

  const shaped = input.map((e) => {
    let occurred = e.occurred;
    let occurredByDate = e.occurredByDate;
    let sourceId = e.sourceId;
    let amendedBy: number | null = null;
    for (const a of amendments.get(e.id) ?? []) {
      amendedBy = a.id;
      if (a.occurred) {
        occurred = a.occurred;
        occurredByDate = a.occurredByDate;
      }
      if (a.sourceId !== null) sourceId = a.sourceId;
    }
    // A correction's own place in time is when it was made: its date fields describe its target.
    if (isCorrection(e.type)) {
      occurred = null;
      occurredByDate = false;
      sourceId = e.sourceId;
    }
    return { event: e, occurred, occurredByDate, sourceId, amendedBy };
  });
  shaped.sort((a, b) => compareInTime(a.event, a.occurred, b.event, b.occurred));

  let status: TieStatus | null = null;
  let confirmation: Confirmation | null = null;
  const events: EffectiveEvent[] = shaped.map((s, position) => {
    const e = s.event;
    const withdrawer = withdrawnBy.get(e.id) ?? null;
    const base = { event: e, position, withdrawnBy: withdrawer, amendedBy: s.amendedBy, occurred: s.occurred, occurredByDate: s.occurredByDate, sourceId: s.sourceId };
    const from = status;
    if (withdrawer !== null || isCorrection(e.type)) {
      return { ...base, counts: false, noLongerFits: false, fromStatus: from, toStatus: from ?? e.toStatus };
    }
    const to = from === null ? e.toStatus : stepFrom(from, e);
    if (to === null) return { ...base, counts: false, noLongerFits: true, fromStatus: from, toStatus: from! };
    status = to;
    if (s.occurred && !CONFIRMS_NOTHING.includes(e.type)) {
      confirmation = e.type === 'checked' && e.checkResult === 'not_listed' ? null : { eventId: e.id, on: s.occurred };
    }
    return { ...base, counts: true, noLongerFits: false, fromStatus: from, toStatus: to };
  });
  // A tie always has its recording event, which cannot be withdrawn (lib/ties/correct-tie-event.ts).
  return { events, status: status ?? input[0]?.toStatus ?? 'active', confirmation };
}

/** Where one counting event takes the tie, replayed: the lifecycle's transitions. */
function stepFrom(from: TieStatus, e: HistoryEvent): TieStatus | null {
  if (e.type === 'recorded') return e.toStatus === from ? from : null;
  if (e.type === 'corrected') return e.toStatus;
  if (e.type === 'checked') return from;
  return TRANSITIONS[from][e.type] ?? null;
}

function byRecording(a: HistoryEvent, b: HistoryEvent): number {
  return a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id;
}

/** The day an event sorts by: when it happened, or, undated, the day it was recorded. */
function sortDay(e: HistoryEvent, occurred: PartialDate | null): string {
  return occurred?.date ?? e.recordedAt.toISOString().slice(0, 10);
}

export function compareInTime(a: HistoryEvent, aOccurred: PartialDate | null, b: HistoryEvent, bOccurred: PartialDate | null): number {
  const aFirst = a.type === 'recorded' ? 0 : 1;
  const bFirst = b.type === 'recorded' ? 0 : 1;
  if (aFirst !== bFirst) return aFirst - bFirst;
  const day = sortDay(a, aOccurred).localeCompare(sortDay(b, bOccurred));
  return day || byRecording(a, b);
}
