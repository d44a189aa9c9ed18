import { z } from 'zod';

/**
 * Sources often give only a year ("since 2009") or a month ("in March 2025"), or say that
 * something happened by a date ("as of May 25"). A partial date keeps that precision instead
 * of inventing a day. Written as ISO 8601 reduced precision: "2009", "2025-03", "2022-05-25".
 */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export type PartialDate = { date: string; precision: DatePrecision };

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(text: string): PartialDate | null {
  const m = PARTIAL_DATE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12) return null;
  const probe = new Date(Date.UTC(Number(y), month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return {
    date: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    precision: d ? 'day' : mo ? 'month' : 'year',
  };
}

/** Back to the reduced-precision text: the stored date is the first day of its period. */
export function formatPartialDate(date: string, precision: DatePrecision): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

/** A date column and its precision column, read back as one value (null when the date is unknown). */
export function partialDate(date: string | null, precision: DatePrecision | null): PartialDate | null {
  return date && precision ? { date, precision } : null;
}

export const partialDateSchema = z
  .string()
  .refine((s) => parsePartialDate(s) !== null, { message: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' });
