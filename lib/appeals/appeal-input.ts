import { z } from 'zod';
import { APPEAL_CHANNELS } from '../../db/schema';
import { idSchema } from '../people/input';
import { nameInput, optionalNameInput } from '../text/name';
import { hasHeaderBreak } from './header-safety';

/**
 * The input of the appeal actions. Forms send strings and a repeated `tieIds` field (one tie
 * comes as a single string), JSON sends numbers and arrays: both parse the same.
 *
 * A field that reaches a mail header (the subject; the signer's name and city, which a mail
 * program may show as the sender) is refused outright when it holds a line break or another
 * control character, before any trimming: cleaning it silently would send something the person
 * did not write.
 */
const oneLine = (max: number, min: number) =>
  z
    .string()
    .refine((s) => !hasHeaderBreak(s), { message: 'must be one line, without line breaks' })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(min).max(max));

const tieIdList = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).min(1).max(50));

const letterFields = {
  councilId: idSchema,
  campaignId: idSchema,
  tieIds: tieIdList,
  language: z.string().trim().min(2).max(8),
  subject: oneLine(300, 1),
  /** The whole letter as the person left it, edits included: plain text, escaped when rendered. */
  body: z.string().trim().min(1).max(20_000),
};

export const sendAppealInput = z.strictObject({
  ...letterFields,
  // Names: the one rule for them (lib/text/name.ts), stricter than a header's (no tab either).
  signerName: nameInput(200),
  signerCity: optionalNameInput(200).transform((s) => s ?? ''),
});
export type SendAppealInput = z.input<typeof sendAppealInput>;

/** How a person took the letter elsewhere (every channel but the app's own sending). */
export const EXTERNAL_CHANNELS = APPEAL_CHANNELS.filter((c) => c !== 'app') as Exclude<(typeof APPEAL_CHANNELS)[number], 'app'>[];

export const recordExternalAppealInput = z.strictObject({
  ...letterFields,
  channel: z.enum(EXTERNAL_CHANNELS),
});
export type RecordExternalAppealInput = z.input<typeof recordExternalAppealInput>;
