import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { CHECK_RESULTS, type DecisionEvidence, sources, ties } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import type { Permission } from '../auth/permissions';
import { parsePartialDate } from '../dates/partial-date';
import { webAddress } from '../sources/web-address';
import { type FireTieEventResult, fireTieEvent, loadTieTarget } from './fire-tie-event';
import { type DateProblem, type EventRequirement, TIE_EVENT_TYPES, TIE_STATUSES, type TieEventType } from './lifecycle';

/**
 * The only way for a person to move a tie: council staff of the tie's council and organisers of
 * its campaigns record what happened, through the action wrapper (session, input, permission
 * against the tie's council and campaigns), then the one write path (fireTieEvent). The
 * permission is the event's own row of the table (`tie.<type>`), the same one the lifecycle
 * asks. A new tie is recorded by import, not here.
 */
export const FIRABLE_EVENT_TYPES = TIE_EVENT_TYPES.filter((t) => t !== 'recorded') as Exclude<TieEventType, 'recorded'>[];

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional()).transform((v) => v ?? null);

const httpAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => webAddress(u) !== null, { message: 'must be a web address starting with http:// or https://' })
  .transform((u) => webAddress(u)!);

const partialDateText = z
  .string()
  .trim()
  .refine((s) => parsePartialDate(s) !== null, { message: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform((s) => parsePartialDate(s)!);

const checkbox = z
  .union([z.boolean(), z.stringbool()])
  .optional()
  .transform((v) => v ?? false);

export const recordTieEventInput = z.strictObject({
  tieId: z.coerce.number().int().positive(),
  type: z.enum(FIRABLE_EVENT_TYPES),
  /** The revision the person saw: if the tie moved since, the event is refused (conflict). */
  expectedRevision: z.preprocess(blankToNull, z.coerce.number().int().nonnegative().nullable().optional()),
  occurredOn: optional(partialDateText),
  occurredByDate: checkbox,
  sourceUrl: optional(httpAddress),
  quote: optional(z.string().trim().max(5000)),
  note: optional(z.string().trim().max(5000)),
  reason: optional(z.string().trim().max(2000)),
  targetStatus: optional(z.enum(TIE_STATUSES)),
  decisionNumber: optional(z.string().trim().max(200)),
  decisionDate: optional(partialDateText),
  decidedBy: optional(z.string().trim().max(300)),
  decisionUrl: optional(httpAddress),
  /** For a scheduled vote: the session's date. */
  sessionOn: optional(partialDateText.refine((d) => d.precision === 'day', { message: 'must be a full date (YYYY-MM-DD)' })),
  /** For `withdrawn` and `amended`: the event they correct. */
  targetEventId: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable().optional()).transform((v) => v ?? null),
  /** For `checked`. */
  checkResult: optional(z.enum(CHECK_RESULTS)),
});
export type RecordTieEventInput = z.input<typeof recordTieEventInput>;

/** Where each requirement of the lifecycle is filled in on the form. */
export const REQUIREMENT_FIELD: Record<EventRequirement | DateProblem, string> = {
  date: 'occurredOn',
  source_or_evidence: 'sourceUrl',
  source_or_document: 'sourceUrl',
  appeal_or_source: 'sourceUrl',
  source: 'sourceUrl',
  reason: 'reason',
  target_status: 'targetStatus',
  target_event: 'targetEventId',
  amendment: 'occurredOn',
  check_result: 'checkResult',
  date_in_future: 'occurredOn',
  date_before_signed: 'occurredOn',
  session_before_event: 'sessionOn',
};

/** A source given by its address: the one already on record, or a new one titled by its address
 * until an import names it (the importer fills in a title that is only the address). */
async function sourceForUrl(db: Queryable, url: string): Promise<number> {
  const [created] = await db.insert(sources).values({ key: url, url, title: url }).onConflictDoNothing({ target: sources.key }).returning({ id: sources.id });
  if (created) return created.id;
  const [existing] = await db.select({ id: sources.id }).from(sources).where(eq(sources.key, url));
  return existing!.id;
}

/**
 * A refusal of the write path as the action's typed error: the one mapping every form that fires
 * tie events uses. Each missing requirement goes on its form field by its code (the form words it
 * in the page's language), all at once, so one correction of the form is enough. What an event
 * that no longer fits means depends on the form, so the caller says.
 */
export function failFromFire(
  result: Extract<FireTieEventResult, { ok: false }>,
  form: { fields: Partial<Record<EventRequirement | DateProblem, string>>; otherField: string; invalidTransition: (message: string) => never },
): never {
  switch (result.code) {
    case 'not_found':
      return fail('not_found', result.message);
    case 'forbidden':
      return fail('forbidden', result.message);
    case 'conflict':
      return fail('conflict', result.message);
    case 'invalid_transition':
      return form.invalidTransition(result.message);
    case 'missing_requirement': {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of result.problems) (fieldErrors[form.fields[p.requirement] ?? form.otherField] ??= []).push(p.requirement);
      return fail('invalid_input', result.message, { fieldErrors });
    }
  }
}

export const recordTieEvent = defineAction({
  name: 'recordTieEvent',
  permission: (input): Permission => `tie.${input.type}`,
  permissions: FIRABLE_EVENT_TYPES.map((t): Permission => `tie.${t}`),
  input: recordTieEventInput,
  target: async (ctx, input) => {
    const [tie] = await ctx.db.select({ id: ties.id, placeId: ties.placeId }).from(ties).where(eq(ties.id, input.tieId));
    return tie ? loadTieTarget(ctx.db, tie) : null;
  },
  run: async (ctx, input) =>
    // One transaction: a source created for an event that is then refused does not stay behind.
    ctx.db.transaction(async (tx) => {
      const sourceId = input.sourceUrl ? await sourceForUrl(tx, input.sourceUrl) : null;
      const evidence: DecisionEvidence | null =
        input.decisionNumber || input.decisionDate || input.decisionUrl || input.decidedBy
          ? {
              ...(input.decisionNumber ? { decisionNumber: input.decisionNumber } : {}),
              ...(input.decisionDate ? { decisionDate: input.decisionDate.date } : {}),
              ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
              ...(input.decisionUrl ? { url: input.decisionUrl } : {}),
            }
          : null;
      const result = await fireTieEvent(tx, ctx.actor, {
        tieId: input.tieId,
        type: input.type,
        ...(input.expectedRevision !== null && input.expectedRevision !== undefined ? { expectedRevision: input.expectedRevision } : {}),
        occurred: input.occurredOn,
        occurredByDate: input.occurredByDate,
        sourceId,
        quote: input.quote,
        evidence,
        note: input.note,
        reason: input.reason,
        targetStatus: input.targetStatus,
        targetEventId: input.targetEventId,
        checkResult: input.checkResult,
        sessionOn: input.sessionOn?.date ?? null,
      });
      if (!result.ok) {
        failFromFire(result, {
          fields: REQUIREMENT_FIELD,
          otherField: 'type',
          // A correction to the status the tie already has is a mistake in the form; any other
          // event that no longer fits means the tie moved on since the page was read.
          invalidTransition: (message) =>
            input.type === 'corrected' ? fail('invalid_input', message, { fieldErrors: { targetStatus: [message] } }) : fail('conflict', message),
        });
      }
      return { eventId: result.event.id, status: result.status, revision: result.revision };
    }),
});
