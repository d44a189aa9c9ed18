import type { Database } from '../../db/client';
import { campaignTies, councils, type DecisionEvidence, tieEvents, ties } from '../../db/schema';
import { eq } from 'drizzle-orm';
import type { PartialDate } from '../dates/partial-date';
import type { TieKind } from '../places/kinds';
import { isUniqueViolation } from '../../db/errors';
import { actorLabel, recorderRoleOf } from './fire-tie-event';
import { type Actor, type TieStatus, canFire, eventProblems } from './lifecycle';
import { storeTieHistories } from './tie-history-store';

/**
 * Creates a tie with the event that records it: a source documents the tie, in whatever status
 * the source reports (a tie first heard of through its severance is recorded as severed).
 * Later changes go through fireTieEvent.
 */
export type RecordTieInput = {
  placeId: number;
  partnerId: number;
  status: TieStatus;
  kind?: TieKind;
  agreementTitle?: string | null;
  signed?: PartialDate | null;
  campaignIds?: number[];
  sourceId: number | null;
  evidence?: DecisionEvidence | null;
  occurred?: PartialDate | null;
  occurredByDate?: boolean;
  quote?: string | null;
  note?: string | null;
  recordedAt?: Date;
  /** Leave the derived history to the caller's storeTieHistories before its transaction ends
   * (a bulk import stores every tie it touched once). */
  deferHistory?: boolean;
};

export type RecordTieResult =
  | { ok: true; tieId: number }
  | { ok: false; code: 'forbidden' | 'missing_requirement' | 'duplicate' | 'invalid'; message: string };

export async function recordTie(db: Database, actor: Actor, input: RecordTieInput): Promise<RecordTieResult> {
  if (input.placeId === input.partnerId) return { ok: false, code: 'invalid', message: 'A place cannot be tied to itself.' };
  const [council] = await db.select({ id: councils.id }).from(councils).where(eq(councils.placeId, input.placeId));
  if (!canFire(actor, 'recorded', { councilId: council?.id ?? null, campaignIds: input.campaignIds ?? [] })) {
    return { ok: false, code: 'forbidden', message: 'You may not record ties in these campaigns.' };
  }
  const target = { councilId: council?.id ?? null, campaignIds: input.campaignIds ?? [] };
  const problems = eventProblems({
    type: 'recorded',
    sourceId: input.sourceId,
    hasEvidence: Boolean(input.evidence),
    targetStatus: input.status,
    occurredOn: input.occurred?.date ?? null,
    occurredPrecision: input.occurred?.precision ?? null,
    signed: input.signed ?? null,
  });
  if (problems.length > 0) return { ok: false, code: 'missing_requirement', message: problems.map((p) => p.message).join(' ') };
  try {
    return await db.transaction(async (tx) => {
      const [tie] = await tx
        .insert(ties)
        .values({
          placeId: input.placeId,
          partnerId: input.partnerId,
          status: input.status,
          revision: 1,
          kind: input.kind ?? 'unknown',
          agreementTitle: input.agreementTitle ?? null,
          signedOn: input.signed?.date ?? null,
          signedPrecision: input.signed?.precision ?? null,
          ...(input.recordedAt ? { statusChangedAt: input.recordedAt, createdAt: input.recordedAt } : {}),
        })
        .returning({ id: ties.id });
      await tx.insert(tieEvents).values({
        tieId: tie!.id,
        type: 'recorded',
        fromStatus: null,
        toStatus: input.status,
        revision: 1,
        occurredOn: input.occurred?.date ?? null,
        occurredPrecision: input.occurred?.precision ?? null,
        occurredByDate: input.occurredByDate ?? false,
        ...(input.recordedAt ? { recordedAt: input.recordedAt } : {}),
        ...actorLabel(actor),
        recorderRole: recorderRoleOf(actor, target),
        sourceId: input.sourceId,
        evidence: input.evidence ?? null,
        quote: input.quote ?? null,
        note: input.note ?? null,
      });
      if (input.campaignIds?.length) {
        await tx
          .insert(campaignTies)
          .values(input.campaignIds.map((campaignId) => ({ campaignId, tieId: tie!.id })))
          .onConflictDoNothing();
      }
      if (!input.deferHistory) await storeTieHistories(tx, [tie!.id], input.recordedAt);
      return { ok: true, tieId: tie!.id } as const;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, code: 'duplicate', message: 'These two places are already tied.' };
    throw e;
  }
}
