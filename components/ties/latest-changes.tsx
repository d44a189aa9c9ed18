import { useFormatter, useTranslations } from 'next-intl';
import { partialDateValues } from '@/components/partial-date-text';
import { StatusLabel } from '@/components/ties/status-label';
import type { PartialDate } from '@/lib/dates/partial-date';
import type { StatusChange } from '@/lib/ties/status-changes';
import { AttributionLine } from '../timeline/attribution-line';

/**
 * The newest status changes, each linking to the council (or place) it concerns and saying who
 * stands behind it. A correction is an entry too: "“The council ended the tie” was withdrawn from
 * the record", with its reason; the change it withdrew is no longer listed (lib/ties/status-changes.ts).
 */
export function LatestChanges({ changes, locale }: { changes: StatusChange[]; locale: string }) {
  const t = useTranslations('Home');
  const events = useTranslations('Event');
  const format = useFormatter();
  if (changes.length === 0) return null;
  const day = (at: Date): PartialDate => ({ date: at.toISOString().slice(0, 10), precision: 'day' });
  return (
    <ol className="mt-4 divide-y divide-rule border-y border-rule">
      {changes.map((c) => {
        const href = c.council ? `/${locale}/councils/${c.council.slug}` : `/${locale}/places/${c.place.slug}`;
        const pair = `${c.place.name} – ${c.partner.name}`;
        if (c.correction) {
          const what = events(c.correction.target.type);
          return (
            <li key={c.eventId} className="py-2" data-change={c.type} data-target-event={c.correction.target.eventId}>
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="inline-block border-2 border-[#d4351c] px-1.5 text-sm font-bold leading-6 text-[#d4351c]">{t('correction')}</span>
                <a href={href} className="font-bold underline underline-offset-2">
                  {pair}
                </a>
                <span>{c.type === 'withdrawn' ? t('withdrawnEntry', { event: what }) : t('amendedEntry', { event: what })}</span>
                <span className="text-muted">{t.rich('changedOn', partialDateValues(format, day(c.recordedAt)))}</span>
              </p>
              {c.correction.reason ? <p className="mt-1 max-w-prose text-sm">{t('reason', { reason: c.correction.reason })}</p> : null}
              <AttributionLine attribution={c.attribution} />
            </li>
          );
        }
        return (
          <li key={c.eventId} className="py-2" data-change={c.type}>
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <a href={href} className="font-bold underline underline-offset-2">
                {pair}
              </a>
              <StatusLabel status={c.toStatus} />
              <span className="text-muted">
                {c.occurredOn
                  ? t.rich(c.occurredByDate ? 'changedBy' : 'changedOn', partialDateValues(format, c.occurredOn))
                  : t('changedUndated')}
              </span>
            </p>
            {c.attribution.kind === 'source' ? (
              <p className="mt-1 text-sm text-muted" data-attribution="source">
                {c.attribution.publisher ? `${c.attribution.title} (${c.attribution.publisher})` : c.attribution.title}
              </p>
            ) : (
              <AttributionLine attribution={c.attribution} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
