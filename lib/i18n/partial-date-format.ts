import type { DatePrecision, PartialDate } from '../dates/partial-date';

/**
 * How to show a partial date: "2009", "March 2025", "27 June 2022", never a day the source
 * did not give. Dates are calendar dates, so they are formatted in UTC, where they are stored.
 */
export type PartialDateFormatOptions = Pick<Intl.DateTimeFormatOptions, 'year' | 'month' | 'day' | 'timeZone'>;

export function partialDateFormat(precision: DatePrecision): PartialDateFormatOptions {
  switch (precision) {
    case 'year':
      return { year: 'numeric', timeZone: 'UTC' };
    case 'month':
      return { year: 'numeric', month: 'long', timeZone: 'UTC' };
    case 'day':
      return { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  }
}

export function partialDateValue(value: PartialDate): Date {
  return new Date(`${value.date.slice(0, 10)}T00:00:00Z`);
}
