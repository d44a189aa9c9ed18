import type { ReactNode } from 'react';
import { useFormatter } from 'next-intl';
import type { PartialDate } from '@/lib/dates/partial-date';
import { formatPartialDate } from '@/lib/dates/partial-date';
import { partialDateFormat, partialDateValue } from '@/lib/i18n/partial-date-format';

type Formatter = ReturnType<typeof useFormatter>;

/**
 * Values for a message that shows a date as `<time>{date}</time>`: the date only as precise as
 * its source ("2009", "March 2025", "27 June 2022"), in a machine-readable <time> element.
 */
export function partialDateValues(format: Formatter, value: PartialDate): { date: string; time: (chunks: ReactNode) => ReactNode } {
  return {
    date: format.dateTime(partialDateValue(value), partialDateFormat(value.precision)),
    time: (chunks) => <time dateTime={formatPartialDate(value.date, value.precision)}>{chunks}</time>,
  };
}
