import { useTranslations } from 'next-intl';
import type { TieFilterError, TieFilterParam } from '@/lib/ties/tie-filters';

/** Where each parameter can be set again in the form; the others are not form fields. */
const FIELD_ID: Partial<Record<TieFilterParam, string>> = {
  q: 'q',
  campaign: 'campaign',
  country: 'country',
  region: 'region',
  partnerCountry: 'partnerCountry',
  status: 'status-active',
  group: 'group',
  closed: 'closed',
};

/** The GOV.UK error summary: what in the address was not understood, linked to its field. */
export function FilterErrorSummary({ errors }: { errors: TieFilterError[] }) {
  const t = useTranslations('Tracker');
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="error-summary-title" className="mt-6 border-4 border-[#d4351c] p-4">
      <h2 id="error-summary-title" className="text-xl font-bold">
        {t('errorSummaryTitle')}
      </h2>
      <p className="mt-1">{t('errorSummaryBody')}</p>
      <ul className="mt-2 list-disc pl-6">
        {errors.map((e) => {
          const id = FIELD_ID[e.param];
          const text = `${t(e.param)}: ${t('errorInvalid')}`;
          return (
            <li key={e.param} data-param={e.param}>
              {id ? (
                <a href={`#${id}`} className="font-bold text-[#d4351c] visited:text-[#d4351c]">
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
