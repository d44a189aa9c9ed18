import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { campaignTies, councils, type DecisionEvidence, tieEvents, ties } from '../../db/schema';
import type { PartialDate } from '../dates/partial-date';
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
  recordedAt?: Date; // imports keep the original recording time
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

export async function fireTieEvent(db: Database, actor: Actor, input: FireTieEventInput): Promise<FireTieEventResult> {
  try {
    return await db.transaction(async (tx) => {
      const [tie] = await tx
        .select({ id: ties.id, placeId: ties.placeId, status: ties.status, revision: ties.revision })
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
      const plan = planTieEvent(
        actor,
        tie.status,
        {
          type: input.type,
          occurredOn: input.occurred?.date,
          sourceId: input.sourceId,
          hasEvidence: Boolean(input.evidence && Object.values(input.evidence).some(Boolean)),
          reason: input.reason,
          targetStatus: input.targetStatus,
        },
        target,
      );
      if (!plan.ok) return plan;

      const revision = tie.revision + 1;
      const moved = await tx
        .update(ties)
        .set({
          status: plan.to,
          revision,
          ...(plan.to !== plan.from ? { statusChangedAt: input.recordedAt ?? new Date() } : {}),
        })
        .where(and(eq(ties.id, tie.id), eq(ties.revision, tie.revision)))
        .returning({ id: ties.id });
      // Another transaction moved the tie between our read and our update.
      if (moved.length === 0) throw new Conflict();

      const [event] = await tx
        .insert(tieEvents)
        .values({
          tieId: tie.id,
          type: input.type,
          fromStatus: plan.from,
          toStatus: plan.to,
          revision,
          occurredOn: input.occurred?.date ?? null,
          occurredPrecision: input.occurred?.precision ?? null,
          occurredByDate: input.occurredByDate ?? false,
          ...(input.recordedAt ? { recordedAt: input.recordedAt } : {}),
          ...actorLabel(actor),
          sourceId: input.sourceId ?? null,
          quote: input.quote ?? null,
          evidence: input.evidence ?? null,
          note: input.note ?? null,
          reason: input.reason ?? null,
        })
        .returning();
      return { ok: true, event: event!, status: plan.to, revision } as const;
    });
  } catch (e) {
    if (e instanceof Conflict || isUniqueViolation(e)) {
      return { ok: false, code: 'conflict', message: 'Someone else changed this tie at the same moment; reload and try again.' };
    }
    throw e;
  }
}

