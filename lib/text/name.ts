import { z } from 'zod';

/**
 * Names people type or import (a person's name and city, a place, a council): one line of
 * visible text. Refused, never cleaned, when they hold a control character: the C0 and C1
 * controls (line breaks, tabs, NUL, escape sequences), DEL, the Unicode line and paragraph
 * separators, and the bidirectional embedding, override and isolate marks, which make a name
 * display as something else than it is ("Kyiv" that reads "viyK", a forged address).
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

export const NAME_MESSAGE = 'must be one line of text, without control characters';

/** A name: trimmed, inner runs of spaces made one, at most `max` characters. */
export const nameInput = (max: number) =>
  z
    .string()
    .refine((s) => !hasControlCharacter(s), { message: NAME_MESSAGE })
    .transform((s) => s.replace(/ {2,}/g, ' ').trim())
    .pipe(z.string().min(1).max(max));

/** An optional name from a form: blank (or absent) is null. */
export const optionalNameInput = (max: number) =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || !hasControlCharacter(s), { message: NAME_MESSAGE })
    .transform((s) => s?.replace(/ {2,}/g, ' ').trim() || null)
    .pipe(z.string().max(max).nullable());
