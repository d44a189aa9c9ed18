import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { councils, type DecisionEvidence, documents, ties } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import type { Permission } from '../auth/permissions';
import { parsePartialDate } from '../dates/partial-date';
import { isDocumentId } from '../documents/documents';
import { idSchema } from '../people/input';
import { councilTarget } from '../people/targets';
import { webAddress } from '../sources/web-address';
import { fireTieEvent } from '../ties/fire-tie-event';
import { failFromFire } from '../ties/tie-event-action';
import type { DateProblem, EventRequirement } from '../ties/lifecycle';

/**
 * A council answers through its staff: it responded, pledged (promised, registered a draft, or
 * scheduled the vote, with the session's date), refused, or ended the tie with its decision
 * (number, date, the body that decided, and the decision as a link or an uploaded PDF). One
 * answer may cover several of the council's ties: each goes through the one write path
 * (fireTieEvent), all in one transaction, so either every tie moves or none does. The staff's
 * statement is the council's (recorder_role council_staff, set by the write path).
 */
export const ANSWER_TYPES = ['responded', 'promised', 'draft_registered', 'vote_scheduled', 'refused', 'severed'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const partialDateText = z
  .string()
  .trim()
  .refine((s) => parsePartialDate(s) !== null, { message: 'date' })
  .transform((s) => parsePartialDate(s)!);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.nullable().optional()).transform((v) => v ?? null);

export const answerInput = z.strictObject({
  councilId: idSchema,
  /** Checkboxes: one value or several. */
  tieIds: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).min(1, 'ties').max(100)),
  type: z.enum(ANSWER_TYPES),
  occurredOn: optional(partialDateText),
  note: optional(z.string().trim().max(5000)),
  sessionOn: optional(partialDateText.refine((d) => d.precision === 'day', { message: 'day' })),
  decisionNumber: optional(z.string().trim().max(200)),
  decidedBy: optional(z.string().trim().max(300)),
  decisionUrl: optional(
    z
      .string()
      .trim()
      .max(2000)
      .refine((u) => webAddress(u) !== null, { message: 'url' })
      .transform((u) => webAddress(u)!),
  ),
  documentId: optional(z.string().trim().refine(isDocumentId, { message: 'document' })),
});

/** Where each requirement the lifecycle names is filled in on the answer form. */
const FIELD: Partial<Record<EventRequirement | DateProblem, string>> = {
  date: 'occurredOn',
  date_in_future: 'occurredOn',
  date_before_signed: 'occurredOn',
  session_before_event: 'sessionOn',
  source_or_document: 'documentId',
  source_or_evidence: 'documentId',
};

export const answerForCouncil = defineAction({
  name: 'answerForCouncil',
  permission: (input): Permission => `tie.${input.type}`,
  permissions: ANSWER_TYPES.map((t): Permission => `tie.${t}`),
  input: answerInput,
  target: (ctx, input) => councilTarget(ctx.db, input.councilId),
  run: async (ctx, input) =>
    ctx.db.transaction(async (tx) => {
      const [council] = await tx.select({ id: councils.id, placeId: councils.placeId }).from(councils).where(eq(councils.id, input.councilId));
      if (!council) fail('not_found', 'No such council.');
      const tieIds = [...new Set(input.tieIds)];
      const own = await tx.select({ id: ties.id }).from(ties).where(and(inArray(ties.id, tieIds), eq(ties.placeId, council.placeId)));
      if (own.length !== tieIds.length) fail('invalid_input', 'Some of these ties are not this council’s.', { fieldErrors: { tieIds: ['not_council'] } });
      if (input.documentId) {
        const [doc] = await tx.select({ id: documents.id }).from(documents).where(and(eq(documents.id, input.documentId), eq(documents.councilId, council.id)));
        if (!doc) fail('invalid_input', 'That document was not uploaded for this council.', { fieldErrors: { documentId: ['document'] } });
      }
      if (input.type === 'vote_scheduled' && !input.sessionOn) fail('invalid_input', 'Give the date of the session that will vote.', { fieldErrors: { sessionOn: ['required'] } });

      const isDecision = input.type === 'severed';
      const evidence: DecisionEvidence | null =
        isDecision && (input.decisionNumber || input.decidedBy || input.decisionUrl || input.documentId)
          ? {
              ...(input.decisionNumber ? { decisionNumber: input.decisionNumber } : {}),
              ...(input.occurredOn ? { decisionDate: input.occurredOn.date } : {}),
              ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
              ...(input.decisionUrl ? { url: input.decisionUrl } : {}),
              ...(input.documentId ? { fileId: input.documentId } : {}),
            }
          : null;

      const events: { tieId: number; eventId: number; status: string }[] = [];
      for (const tieId of tieIds.sort((a, b) => a - b)) {
        const result = await fireTieEvent(tx, ctx.actor, {
          tieId,
          type: input.type,
          occurred: input.occurredOn,
          evidence,
          note: input.note,
          sessionOn: input.sessionOn?.date ?? null,
          today: ctx.now.toISOString().slice(0, 10),
        });
        // One tie refused: nothing of the answer stays (the transaction rolls back).
        if (!result.ok) {
          failFromFire(result, {
            fields: FIELD,
            otherField: 'type',
            invalidTransition: () => fail('invalid_input', result.message, { fieldErrors: { tieIds: [`transition:${tieId}`] } }),
          });
        }
        events.push({ tieId, eventId: result.event.id, status: result.status });
      }
      return { events };
    }),
});

