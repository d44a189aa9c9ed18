import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { PARTNER_COUNTRIES } from '@/lib/places/kinds';
import { STATUS_GROUP_NAMES, TIE_STATUSES } from '@/lib/ties/lifecycle';
import type { TieFilterOptions } from '@/lib/ties/search-ties';
import {
  DEFAULT_PER_PAGE,
  DEFAULT_SORT,
  TIE_CONFIRMATIONS,
  type TieFilterError,
  type TieFilterParam,
  type TieFilters,
  defaultDirection,
} from '@/lib/ties/tie-filters';

const FIELD = 'mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5';
const LABEL = 'block font-bold';
/** The filters behind "More filters". */
const MORE_FILTERS: readonly TieFilterParam[] = ['campaign', 'region', 'group', 'status'];

/**
 * The tracker's filters as a plain GET form: the view lives in the address, so it can be shared
 * and works without JavaScript. Sorting and page size are kept across a new search; the page
 * starts again at 1.
 */
export function TrackerFilters({
  action,
  filters,
  errors,
  options,
  partnerCountryNames,
}: {
  action: string;
  filters: TieFilters;
  errors: TieFilterError[];
  options: TieFilterOptions;
  partnerCountryNames: Record<(typeof PARTNER_COUNTRIES)[number], string>;
}) {
  const t = useTranslations('Tracker');
  const statusName = useTranslations('TieStatus');
  const groupName = useTranslations('StatusGroup');
  const moreFiltersSet =
    Boolean(filters.campaign || filters.region || filters.group || filters.status.length > 0) ||
    errors.some((e) => MORE_FILTERS.includes(e.param));
  return (
    <form method="get" action={action} role="search" aria-labelledby="filters-heading" className="border-l-4 border-rule pl-4">
      <h2 id="filters-heading" className="text-2xl font-bold">
        {t('filtersHeading')}
      </h2>

      <div className="mt-4 max-w-xl">
        <label htmlFor="q" className={LABEL}>
          {t('q')}
        </label>
        <p id="q-hint" className="text-muted">
          {t('qHint')}
        </p>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} aria-describedby="q-hint" autoComplete="off" className={FIELD} />
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <Select id="partnerCountry" label={t('partnerCountry')} any={t('any')} value={filters.partnerCountry}>
          {PARTNER_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {partnerCountryNames[code]}
            </option>
          ))}
        </Select>
        <Select id="country" label={t('country')} any={t('any')} value={filters.country}>
          {options.countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select id="confirmation" label={t('confirmation')} any={t('any')} value={filters.confirmation}>
          {TIE_CONFIRMATIONS.map((c) => (
            <option key={c} value={c}>
              {t(c === 'confirmed' ? 'confirmationConfirmed' : 'confirmationUnconfirmed')}
            </option>
          ))}
        </Select>
      </div>

      {/* Open when one of its filters is set, so a shared view shows all it filters on. */}
      <details open={moreFiltersSet} className="mt-4">
        <summary className="cursor-pointer font-bold text-link underline">{t('moreFilters')}</summary>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <Select id="campaign" label={t('campaign')} any={t('any')} value={filters.campaign}>
            {options.campaigns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </Select>
          <Select id="region" label={t('region')} any={t('any')} value={filters.region}>
            {options.regions.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.name}
              </option>
            ))}
          </Select>
          <Select id="group" label={t('group')} any={t('any')} value={filters.group}>
            {STATUS_GROUP_NAMES.map((g) => (
              <option key={g} value={g}>
                {groupName(g)}
              </option>
            ))}
          </Select>
        </div>

        <fieldset className="mt-4" aria-describedby="status-hint">
          <legend className={LABEL}>{t('status')}</legend>
          <p id="status-hint" className="text-muted">
            {t('statusHint')}
          </p>
          <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-3">
            {TIE_STATUSES.map((s) => (
              <div key={s} className="flex items-center gap-2">
                <input
                  id={`status-${s}`}
                  type="checkbox"
                  name="status"
                  value={s}
                  defaultChecked={filters.status.includes(s)}
                  className="size-5 accent-ink"
                />
                <label htmlFor={`status-${s}`}>{statusName(s)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </details>

      <div className="mt-4 flex items-start gap-2">
        <input id="closed" type="checkbox" name="closed" value="1" defaultChecked={filters.closed} className="mt-0.5 size-5 shrink-0 accent-ink" />
        <label htmlFor="closed">{t('closed')}</label>
      </div>

      {filters.sort !== DEFAULT_SORT ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.dir !== defaultDirection(filters.sort) ? <input type="hidden" name="dir" value={filters.dir} /> : null}
      {filters.perPage !== DEFAULT_PER_PAGE ? <input type="hidden" name="perPage" value={filters.perPage} /> : null}

      <div className="mt-6 flex flex-wrap items-baseline gap-x-6 gap-y-3">
        <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          {t('apply')}
        </button>
        <a href={action}>{t('clear')}</a>
      </div>
    </form>
  );
}

function Select({ id, label, any, value, children }: { id: string; label: string; any: string; value: string | undefined; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ''} className={FIELD}>
        <option value="">{any}</option>
        {children}
      </select>
    </div>
  );
}
