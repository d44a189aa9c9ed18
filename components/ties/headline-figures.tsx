import { useFormatter, useTranslations } from 'next-intl';
import type { HeadlineNumbers } from '@/lib/ties/queries';
import { SIDE_OUTCOMES } from '@/lib/ties/lifecycle';

/**
 * The headline numbers as a definition list: the figure large, its meaning beneath. Each figure
 * is counted by its one definition (lib/ties/figures.ts): ties in force are split into those a
 * dated source confirms and those only listed, as Transparent Cities counted its unknowns.
 */
export function HeadlineFigures({ numbers, size = 'large' }: { numbers: HeadlineNumbers; size?: 'large' | 'small' }) {
  const t = useTranslations('Figures');
  const status = useTranslations('TieStatus');
  const home = useTranslations('Home');
  const format = useFormatter();
  const main = [
    ['confirmedInForce', numbers.figures.confirmedInForce],
    ['listedNotConfirmed', numbers.figures.listedNotConfirmed],
    ['severed', numbers.figures.severed],
    ['pledged', numbers.byStatus.pledged],
    ['appealed', numbers.byStatus.appealed],
    ['councilsHoldingTies', numbers.councilsHoldingTies],
  ] as const;
  const large = size === 'large';
  return (
    <div>
      <dl className={large ? 'grid grid-cols-2 gap-x-6 gap-y-6 sm:grid-cols-3 lg:grid-cols-6' : 'grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-6'}>
        {main.map(([key, value]) => (
          <div key={key} className="flex flex-col-reverse justify-end border-t-2 border-ink pt-2" data-figure={key}>
            <dt className={large ? 'text-base' : 'text-sm'}>{t(key)}</dt>
            <dd className={large ? 'text-4xl font-bold tabular-nums sm:text-5xl' : 'text-2xl font-bold tabular-nums'}>
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      {large ? (
        <ul className="mt-4 max-w-prose space-y-1 text-sm text-muted">
          <li>
            <span className="font-bold text-ink">{t('confirmedInForce')}</span>: {t('confirmedInForceHint')}
          </li>
          <li>
            <span className="font-bold text-ink">{t('listedNotConfirmed')}</span>: {t('listedNotConfirmedHint')}
          </li>
        </ul>
      ) : null}
      <div className="mt-4 flex flex-wrap items-baseline gap-x-2 text-sm">
        <p className="font-bold">{home('otherOutcomes')}:</p>
        <dl className="flex flex-wrap gap-x-4">
          {SIDE_OUTCOMES.map((s) => (
            <div key={s} className="flex gap-1" data-figure={s}>
              <dt>{status(s)}</dt>
              <dd className="font-bold tabular-nums">{format.number(numbers.byStatus[s])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
