import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { type CheckResult, campaignTies, councils, type DecisionEvidence, type RecorderRole, tieEvents, ties } from '../../db/schema';
import { type PartialDate, partialDate } from '../dates/partial-date';
import { type HistoryEvent, effectiveHistory } from './effective-history';
import { loadHistoryEvents, storeTieHistories } from './tie-history-store';
import { type Actor, type PlanError, type TieEventType, type TieStatus, type TieTarget, planTieEvent } from './lifecycle';

/**
 * The one write path for a tie's status. It checks the lifecycle's rules, then in one
 * transaction moves the tie only if it is still at the revision (and status) it was read at,
 * and appends the event. A concurrent second event on the same tie gets `conflict` and
 * leaves nothing behind. Emails and cache invalidation belong after commit, to the caller.
 */
export type FireTieEventInput = {
  tieId: number;
  type: TieEventType;
  /** What the actor saw; the event is refused if the tie has moved on since. */
  expectedStatus?: TieStatus;
  expectedRevision?: number;
  occurred?: PartialDate | null;
  occurredByDate?: boolean;
  sourceId?: number | null;
  quote?: string | null;
  evidence?: DecisionEvidence | null;
  note?: string | null;
  reason?: string | null;
  targetStatus?: TieStatus | null; // for corrections
  /** For `withdrawn` and `amended`: the earlier event of this tie they correct. */
  targetEventId?: number | null;
  /** For `checked`: what the person found. */
  checkResult?: CheckResult | null;
  /** For a scheduled vote: the session's date (may be in the future). */
  sessionOn?: string | null;
  /** The appeal flow, for a letter that reached the council. */
  viaAppeal?: boolean;
  /** Who stands behind it, when the actor alone does not say (the appeal flow, a letter's writer). */
  recorderRole?: RecorderRole;
  /** The person a system process acts for (the writer whose letter reached the council). */
  onBehalfOf?: string;
  recordedAt?: Date; // imports keep the original recording time
  /** Today, for "not in the future" (tests pin it). */
  today?: string;
  /** Leave the derived history (tie_event_effects, confirmation) to the caller, who must call
   * storeTieHistories for this tie before its transaction ends: a bulk import stores every tie it
   * touched once, at the end. The tie's status is still written here. */
  deferHistory?: boolean;
};

export type TieEventRow = typeof tieEvents.$inferSelect;
export type FireTieEventError = PlanError | { code: 'not_found'; message: string } | { code: 'conflict'; message: string };
export type FireTieEventResult = { ok: true; event: TieEventRow; status: TieStatus; revision: number } | ({ ok: false } & FireTieEventError);

class Conflict extends Error {}

/** The council that governs the tie's place and the campaigns the tie belongs to. */
export async function loadTieTarget(db: Queryable, tie: { placeId: number; id: number }): Promise<TieTarget> {
  const [council] = await db.select({ id: councils.id }).from(councils).where(eq(councils.placeId, tie.placeId));
  const campaigns = await db.select({ id: campaignTies.campaignId }).from(campaignTies).where(eq(campaignTies.tieId, tie.id));
  return { councilId: council?.id ?? null, campaignIds: campaigns.map((c) => c.id) };
}

export function actorLabel(actor: Actor): { recordedBy: string | null; recordedByLabel: string | null } {
  if (actor.kind === 'user') return { recordedBy: actor.userId, recordedByLabel: null };
  return { recordedBy: null, recordedByLabel: actor.kind === 'system' ? actor.label : null };
}

/** In what capacity the actor records an event on this tie: staff of its council speak for the
 * council (their statement is labelled as the council's), organisers for the campaign. */
export function recorderRoleOf(actor: Actor, target: TieTarget): RecorderRole {
  if (actor.kind !== 'user') return 'import';
  const grants = actor.grants;
  if (grants.some((g) => g.role === 'council_staff' && g.councilId === target.councilId)) return 'council_staff';
  if (grants.some((g) => g.role === 'organiser' && target.campaignIds.includes(g.campaignId))) return 'organiser';
  if (grants.some((g) => g.role === 'admin')) return 'admin';
  return 'writer';
}

/** A candidate event's id before it has one: after every real id, so it sorts last among equals. */
const CANDIDATE_ID = Number.MAX_SAFE_INTEGER;

export async function fireTieEvent(db: Database, actor: Actor, input: FireTieEventInput): Promise<FireTieEventResult> {
  try {
    return await db.transaction(async (tx) => {
      const [tie] = await tx
        .select({ id: ties.id, placeId: ties.placeId, status: ties.status, revision: ties.revision, signedOn: ties.signedOn, signedPrecision: ties.signedPrecision })
        .from(ties)
        .where(eq(ties.id, input.tieId));
      if (!tie) return { ok: false, code: 'not_found', message: `No tie ${input.tieId}.` } as const;
      if (
        (input.expectedStatus !== undefined && tie.status !== input.expectedStatus) ||
        (input.expectedRevision !== undefined && tie.revision !== input.expectedRevision)
      ) {
        return { ok: false, code: 'conflict', message: `The tie changed meanwhile: it is now ${tie.status}.` } as const;
      }
      const target = await loadTieTarget(tx, tie);
      const recordedAt = input.recordedAt ?? new Date();
      const events = (await loadHistoryEvents(tx, [tie.id])).get(tie.id) ?? [];

      const correctionError = checkCorrectionTarget(events, input);
      if (correctionError) return correctionError;

      const candidate: HistoryEvent = {
        id: CANDIDATE_ID,
        type: input.type,
        recordedAt,
        occurred: input.occurred ?? null,
        occurredByDate: input.occurredByDate ?? false,
        sourceId: input.sourceId ?? null,
        toStatus: input.targetStatus ?? tie.status,
        targetEventId: input.targetEventId ?? null,
        checkResult: input.checkResult ?? null,
      };
      const before = effectiveHistory(events);
      const after = effectiveHistory([...events, candidate]);
      const placed = after.events.find((e) => e.event.id === CANDIDATE_ID)!;
      const from = placed.fromStatus ?? tie.status;

      const evidence = input.evidence ?? null;
      const plan = planTieEvent(
        actor,
        from,
        {
          type: input.type,
          occurredOn: input.occurred?.date,
          occurredPrecision: input.occurred?.precision,
          sourceId: input.sourceId,
          hasEvidence: Boolean(evidence && Object.values(evidence).some(Boolean)),
          hasDocument: Boolean(evidence?.url || evidence?.fileId),
          viaAppeal: input.viaAppeal,
          reason: input.reason,
          targetStatus: input.targetStatus,
          targetEventId: input.targetEventId,
          amendsSomething: Boolean(input.occurred || input.sourceId),
          checkResult: input.checkResult,
          sessionOn: input.sessionOn,
          signed: partialDate(tie.signedOn, tie.signedPrecision),
          ...(input.today ? { today: input.today } : {}),
        },
        target,
      );
      if (!plan.ok) return plan;

      // An ordinary event must fit where the tie stood when it happened, and must not leave a
      // later event stranded. A withdrawal may (that is what it is for): the history says which.
      if (!isCorrectionType(input.type)) {
        if (!placed.counts) {
          return { ok: false, code: 'invalid_transition', message: `"${input.type}" cannot happen to a tie that is ${from} at that date.` } as const;
        }
        const stranded = after.events.filter((e) => e.event.id !== CANDIDATE_ID && !e.counts && before.events.find((b) => b.event.id === e.event.id)?.counts);
        if (stranded.length > 0) {
          const names = stranded.map((e) => `"${e.event.type}"${e.occurred ? ` of ${e.occurred.date}` : ''}`).join(', ');
          return { ok: false, code: 'invalid_transition', message: `"${input.type}" at that date would leave later events that no longer fit: ${names}.` } as const;
        }
      }

      const revision = tie.revision + 1;
      const moved = await tx
        .update(ties)
        .set({ revision, ...(input.deferHistory && after.status !== tie.status ? { status: after.status, statusChangedAt: recordedAt } : {}) })
        .where(and(eq(ties.id, tie.id), eq(ties.revision, tie.revision)))
        .returning({ id: ties.id });
      // Another transaction moved the tie between our read and our update.
      if (moved.length === 0) throw new Conflict();

      const [event] = await tx
        .insert(tieEvents)
        .values({
          tieId: tie.id,
          type: input.type,
          fromStatus: from,
          toStatus: isCorrectionType(input.type) ? from : placed.toStatus,
          revision,
          occurredOn: input.occurred?.date ?? null,
          occurredPrecision: input.occurred?.precision ?? null,
          occurredByDate: input.occurredByDate ?? false,
          recordedAt,
          ...actorLabel(actor),
          ...(input.onBehalfOf ? { recordedBy: input.onBehalfOf } : {}),
          recorderRole: input.recorderRole ?? recorderRoleOf(actor, target),
          sourceId: input.sourceId ?? null,
          quote: input.quote ?? null,
          evidence,
          note: input.note ?? null,
          reason: input.reason ?? null,
          targetEventId: input.targetEventId ?? null,
          checkResult: input.checkResult ?? null,
          sessionOn: input.sessionOn ?? null,
        })
        .returning();
      if (input.deferHistory) return { ok: true, event: event!, status: after.status, revision } as const;
      const stored = await storeTieHistories(tx, [tie.id], recordedAt);
      return { ok: true, event: event!, status: stored.get(tie.id)!.status, revision } as const;
    });
  } catch (e) {
    if (e instanceof Conflict || isUniqueViolation(e)) {
      return { ok: false, code: 'conflict', message: 'Someone else changed this tie at the same moment; reload and try again.' };
    }
    throw e;
  }
}

const isCorrectionType = (type: TieEventType) => type === 'withdrawn' || type === 'amended';

/** A withdrawal or amendment names an event of the same tie that is not itself a correction; the
 * event that recorded the tie cannot be withdrawn (the tie would rest on nothing), and an event
 * is withdrawn once. */
function checkCorrectionTarget(events: readonly HistoryEvent[], input: FireTieEventInput): FireTieEventError & { ok: false } | null {
  if (!isCorrectionType(input.type) || !input.targetEventId) return null;
  const targetEvent = events.find((e) => e.id === input.targetEventId);
  const refuse = (message: string) => ({ ok: false, code: 'invalid_transition', message }) as const;
  if (!targetEvent) return refuse(`Event ${input.targetEventId} is not an event of this tie.`);
  if (isCorrectionType(targetEvent.type)) return refuse('A correction cannot itself be corrected; withdraw or amend the original event.');
  if (input.type === 'withdrawn' && targetEvent.type === 'recorded') return refuse('The event that records the tie cannot be withdrawn; correct the tie’s status instead.');
  if (events.some((e) => e.type === 'withdrawn' && e.targetEventId === targetEvent.id)) return refuse('That event has already been withdrawn.');
  return null;
}
