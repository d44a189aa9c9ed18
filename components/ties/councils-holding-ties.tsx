import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { CouncilHoldingTies } from '@/lib/ties/queries';
import { sentenceStart } from '@/lib/places/unnamed-place';
import { partialDateValues } from '../partial-date-text';
import { StatusLabel } from './status-label';

/**
 * Councils grouped under their country, each with its partners and each tie's status in words.
 * The list arrives sorted (lib/ties/queries.ts), so grouping keeps its order. Each council links
 * to its page (the ties' histories) and each partner to its place page (all its partners), but a
 * partner the source does not name, which has no page worth reading. A tie in force that no dated
 * source confirms says so.
 */
export function CouncilsHoldingTiesList({ councils }: { councils: CouncilHoldingTies[] }) {
  const t = useTranslations('Home');
  const format = useFormatter();
  const locale = useLocale();
  const byCountry: { country: string; councils: CouncilHoldingTies[] }[] = [];
  for (const council of councils) {
    const last = byCountry.at(-1);
    if (last && last.country === council.place.country.name) last.councils.push(council);
    else byCountry.push({ country: council.place.country.name, councils: [council] });
  }
  return (
    <div className="space-y-10">
      {byCountry.map((group) => (
        <section key={group.country} aria-labelledby={`country-${group.councils[0]!.place.country.code}`}>
          <h3 id={`country-${group.councils[0]!.place.country.code}`} className="mb-2 text-2xl font-bold">
            {group.country}
          </h3>
          <dl className="divide-y divide-rule border-y border-rule">
            {group.councils.map((council) => (
              <div key={council.id} className="grid gap-x-6 gap-y-1 py-3 sm:grid-cols-[12rem_1fr]" data-council={council.slug}>
                <dt className="text-lg font-bold">
                  <a href={`/${locale}/councils/${council.slug}`}>{council.place.name}</a>
                </dt>
                <dd>
                  <ul aria-label={t('partnersOf', { place: council.place.name })} className="space-y-1.5">
                    {council.ties.map((tie) => (
                      <li key={tie.id} className="flex flex-wrap items-baseline gap-x-2" data-confirmed={tie.confirmed ? 'true' : 'false'}>
                        <span className={tie.inForce ? undefined : 'text-muted'}>
                          {tie.partner.unnamed ? (
                            <span className="italic">{sentenceStart(tie.partner.name)}</span>
                          ) : (
                            <>
                              <a href={`/${locale}/places/${tie.partner.slug}`}>{tie.partner.name}</a>, {tie.partner.country.name}
                            </>
                          )}
                        </span>
                        <StatusLabel status={tie.status} />
                        {tie.inForce && !tie.confirmed ? <span className="text-sm font-bold">{t('notConfirmedShort')}</span> : null}
                        {tie.lastEventOn ? (
                          <span className="text-sm text-muted">
                            {t.rich('asOf', partialDateValues(format, tie.lastEventOn))}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
