import { useFormatter, useTranslations } from 'next-intl';
import { partialDateValues } from '@/components/partial-date-text';
import { ConfirmationShort } from '@/components/ties/confirmation-note';
import { CountryClaimShort } from '@/components/ties/country-claim-note';
import { StatusLabel } from '@/components/ties/status-label';
import { sentenceStart } from '@/lib/places/unnamed-place';
import type { TieRow } from '@/lib/ties/search-ties';
import { type TieFilters, type TieSort, defaultDirection, tieFiltersHref } from '@/lib/ties/tie-filters';

const TH = 'border-b-2 border-ink py-2 pr-4 align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

/**
 * One row per tie. Column headings that sort are links (so sorting works without JavaScript);
 * the sorted column says so with aria-sort, and its link turns the order round. The status cell
 * says how sure the status is: confirmed on a date, or only listed (never plainly "in force"),
 * and any claim about the whole country. "Since" is the signing date, or "not known".
 */
export function TrackerTable({ rows, filters, path, locale }: { rows: TieRow[]; filters: TieFilters; path: string; locale: string }) {
  const t = useTranslations('Tracker');
  const format = useFormatter();

  const sortHeader = (sort: TieSort, label: string) => {
    const current = filters.sort === sort;
    const dir = current ? (filters.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
    return (
      <th scope="col" className={TH} aria-sort={current ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={tieFiltersHref(path, filters, { sort, dir, page: 1 })} data-sort={sort}>
          {label}
          <span className="sr-only"> {dir === 'asc' ? t('sortAscending') : t('sortDescending')}</span>
        </a>
        {current ? (
          <span aria-hidden="true" className="ml-1">
            {filters.dir === 'asc' ? '▲' : '▼'}
          </span>
        ) : null}
      </th>
    );
  };

  return (
    // Wide tables scroll sideways on a phone; the region can be scrolled with the keyboard.
    <div role="region" aria-labelledby="ties-caption" tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[52rem] border-collapse text-left">
        <caption id="ties-caption" className="sr-only">
          {t('caption')}
        </caption>
        <thead>
          <tr>
            {sortHeader('place', t('colCouncil'))}
            {sortHeader('country', t('colCountry'))}
            <th scope="col" className={TH}>
              {t('colPartner')}
            </th>
            <th scope="col" className={TH}>
              {t('colPartnerCountry')}
            </th>
            <th scope="col" className={TH}>
              {t('colSince')}
            </th>
            {sortHeader('status', t('colStatus'))}
            {sortHeader('updated', t('colUpdated'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-tie={row.id}
              data-council={row.council?.slug}
              data-confirmed={row.confirmation.confirmed ? 'true' : 'false'}
              data-unnamed-partner={row.partner.unnamed ? 'true' : undefined}
            >
              <th scope="row" className={`${TD} font-bold`}>
                {row.council ? <a href={`/${locale}/councils/${row.council.slug}`}>{row.place.name}</a> : row.place.name}
              </th>
              <td className={TD}>{row.place.country.name}</td>
              <td className={TD}>{row.partner.unnamed ? <span className="italic">{sentenceStart(row.partner.name)}</span> : row.partner.name}</td>
              <td className={TD}>{row.partner.country.name}</td>
              <td className={`${TD} whitespace-nowrap`}>
                {row.signedOn ? <DateOnly values={partialDateValues(format, row.signedOn)} /> : <span className="text-muted">{t('sinceUnknown')}</span>}
              </td>
              <td className={TD}>
                <StatusLabel status={row.status} />
                <span className="block whitespace-nowrap">
                  <ConfirmationShort confirmation={row.confirmation} />
                </span>
                <CountryClaimShort claims={row.countryClaims} />
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                {row.lastEvent?.on ? (
                  row.lastEvent.onOrBefore ? (
                    t.rich('onOrBefore', partialDateValues(format, row.lastEvent.on))
                  ) : (
                    <DateOnly values={partialDateValues(format, row.lastEvent.on)} />
                  )
                ) : (
                  <span className="text-muted">{t('noDate')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DateOnly({ values }: { values: ReturnType<typeof partialDateValues> }) {
  return values.time(values.date);
}
