import { useFormatter, useTranslations } from 'next-intl';
import type { TieFigures } from '@/lib/ties/figures';

/**
 * A council's ties in figures, each by its one definition (lib/ties/figures.ts): in force split
 * into confirmed and only listed, then closed (severed, never signed), then those the council
 * cannot act on now. Figures that are zero are left out, but never the two "in force" ones while
 * any tie is in force, so a listed tie is never counted as confirmed by omission.
 */
export function CouncilFigures({ figures, label }: { figures: TieFigures; label?: string }) {
  const t = useTranslations('Figures');
  const council = useTranslations('Council');
  const format = useFormatter();
  const rows = [
    ['confirmedInForce', figures.confirmedInForce, figures.inForce > 0],
    ['listedNotConfirmed', figures.listedNotConfirmed, figures.inForce > 0],
    ['severed', figures.severed, figures.severed > 0],
    ['notSigned', figures.notSigned, figures.notSigned > 0],
    ['blocked', figures.blocked, figures.blocked > 0],
  ] as const;
  return (
    <dl aria-label={label ?? council('figuresLabel')} className="mt-3 flex flex-wrap gap-x-8 gap-y-2">
      {rows
        .filter(([, , shown]) => shown)
        .map(([key, value]) => (
          <div key={key} className="flex flex-col-reverse border-t-2 border-ink pt-1" data-figure={key}>
            <dt className="text-sm">{t(key)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
    </dl>
  );
}
