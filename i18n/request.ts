import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { catalogues } from '../messages';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // Timestamps (when something was recorded) read best in the readers' time; calendar dates
    // from sources are formatted in UTC wherever they are shown (lib/i18n/partial-date-format.ts).
    timeZone: locale === 'uk' ? 'Europe/Kyiv' : 'UTC',
    messages: catalogues[locale],
  };
});
