import { useFormatter, useTranslations } from 'next-intl';
import type { HeadlineNumbers } from '@/lib/ties/queries';
import { SIDE_OUTCOMES } from '@/lib/ties/lifecycle';


/** The headline numbers as a definition list: the figure large, its meaning beneath. */
export function HeadlineFigures({ numbers, size = 'large' }: { numbers: HeadlineNumbers; size?: 'large' | 'small' }) {
  const t = useTranslations('Figures');
  const status = useTranslations('TieStatus');
  const home = useTranslations('Home');
  const format = useFormatter();
  const main = [
    ['inForce', numbers.groups.inForce],
    ['severed', numbers.byStatus.severed],
    ['pledged', numbers.byStatus.pledged],
    ['appealed', numbers.byStatus.appealed],
    ['councilsHoldingTies', numbers.councilsHoldingTies],
  ] as const;
  const large = size === 'large';
  return (
    <div>
      <dl className={large ? 'grid grid-cols-2 gap-x-6 gap-y-6 sm:grid-cols-3 lg:grid-cols-5' : 'grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-5'}>
        {main.map(([key, value]) => (
          <div key={key} className="flex flex-col-reverse justify-end border-t-2 border-ink pt-2">
            <dt className={large ? 'text-base' : 'text-sm'}>{t(key)}</dt>
            <dd className={large ? 'text-4xl font-bold tabular-nums sm:text-5xl' : 'text-2xl font-bold tabular-nums'}>
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex flex-wrap items-baseline gap-x-2 text-sm">
        <p className="font-bold">{home('otherOutcomes')}:</p>
        <dl className="flex flex-wrap gap-x-4">
          {SIDE_OUTCOMES.map((s) => (
            <div key={s} className="flex gap-1">
              <dt>{status(s)}</dt>
              <dd className="font-bold tabular-nums">{format.number(numbers.byStatus[s])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
