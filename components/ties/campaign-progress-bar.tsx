import { useFormatter, useTranslations } from 'next-intl';
import type { HeadlineNumbers } from '@/lib/ties/queries';

/**
 * How far a campaign has come: one bar of its ties, closed first (severed or never signed: what
 * "closed" means in lib/ties/figures.ts, and the sentence says which is which), then those a
 * council has the next move on, then those still waiting for the campaign, then those no one can
 * act on now (occupation: not closed). The bar is decoration; the sentences beside it say the same
 * in words (status is never colour alone).
 */
export function CampaignProgressBar({ numbers }: { numbers: HeadlineNumbers }) {
  const t = useTranslations('Home');
  const format = useFormatter();
  const total = numbers.total;
  if (total === 0) return null;
  const { figures } = numbers;
  const segments = [
    { key: 'closed', value: figures.closed, className: 'bg-ink' },
    { key: 'awaitingCouncil', value: numbers.groups.awaitingCouncil, className: 'bg-[#505a5f]' },
    { key: 'needsAction', value: numbers.groups.needsAction, className: 'bg-[repeating-linear-gradient(45deg,#b1b4b6_0_4px,#ffffff_4px_8px)]' },
    { key: 'blocked', value: figures.blocked, className: 'bg-[#f3f2f1]' },
  ] as const;
  return (
    <div className="mb-4">
      <p className="mb-1 font-bold" data-progress={figures.closed}>
        {t('progress', { count: figures.closed, percent: format.number(figures.closed / total, { style: 'percent' }) })}
      </p>
      <p className="mb-1 text-sm">{t('progressDetail', { severed: figures.severed, notSigned: figures.notSigned, blocked: figures.blocked })}</p>
      <div aria-hidden="true" className="flex h-4 w-full overflow-hidden border-2 border-ink">
        {segments.map((s) =>
          s.value > 0 ? <div key={s.key} className={s.className} style={{ width: `${(100 * s.value) / total}%` }} /> : null,
        )}
      </div>
    </div>
  );
}
