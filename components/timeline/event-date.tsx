import { useFormatter, useTranslations } from 'next-intl';
import type { PartialDate } from '@/lib/dates/partial-date';
import { partialDateValues } from '../partial-date-text';

/** When an event happened, only as precisely as the source says, and "on or before" when it says "by". */
export function EventDate({ date, byDate }: { date: PartialDate | null; byDate: boolean }) {
  const t = useTranslations('Timeline');
  const format = useFormatter();
  if (!date) return <>{t('undated')}</>;
  return <>{t.rich(byDate ? 'onOrBefore' : 'on', partialDateValues(format, date))}</>;
}
