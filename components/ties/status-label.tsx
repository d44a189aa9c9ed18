import { useTranslations } from 'next-intl';
import { type TieStatus, isInGroup } from '@/lib/ties/lifecycle';

/** A tie's status as a word; the border only echoes it (closed ties are dashed and grey). */
export function StatusLabel({ status }: { status: TieStatus }) {
  const t = useTranslations('TieStatus');
  const inForce = isInGroup(status, 'inForce');
  return (
    <span
      data-status={status}
      className={
        inForce
          ? 'inline-block border-2 border-ink px-1.5 text-sm font-bold leading-6 text-ink'
          : 'inline-block border-2 border-dashed border-muted px-1.5 text-sm leading-6 text-muted'
      }
    >
      {t(status)}
    </span>
  );
}
