import { z } from 'zod';

/** Input pieces the people actions share; forms send strings, so ids are coerced. */
export const idSchema = z.coerce.number().int().positive();

/** An address as typed: trimmed and lower-cased before it is checked and stored. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Why: required wherever a decision about a person is taken, so it can be explained later. */
export const reasonSchema = z.string().trim().min(1).max(2000);

/** An optional line of text from a form: blank means "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : null));
