import { useFormatter, useTranslations } from 'next-intl';
import { partialDateValues } from '@/components/partial-date-text';
import { StatusLabel } from '@/components/ties/status-label';
import type { StatusChange } from '@/lib/ties/status-changes';

/** The newest status changes, each linking to the council (or place) it concerns. */
export function LatestChanges({ changes, locale }: { changes: StatusChange[]; locale: string }) {
  const t = useTranslations('Home');
  const format = useFormatter();
  if (changes.length === 0) return null;
  return (
    <ol className="mt-4 divide-y divide-rule border-y border-rule">
      {changes.map((c) => {
        const href = c.council ? `/${locale}/councils/${c.council.slug}` : `/${locale}/places/${c.place.slug}`;
        return (
          <li key={c.eventId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
            <a href={href} className="font-bold underline underline-offset-2">
              {c.place.name} – {c.partner.name}
            </a>
            <StatusLabel status={c.toStatus} />
            <span className="text-muted">
              {c.occurredOn
                ? t.rich(c.occurredByDate ? 'changedBy' : 'changedOn', partialDateValues(format, c.occurredOn))
                : t('changedUndated')}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
