import { useLocale, useTranslations } from 'next-intl';
import type { Attribution } from '@/lib/ties/attribution';

/**
 * The genitive of a Ukrainian council's name ("Київська міська рада" -> "Київської міської ради"),
 * for "Заява працівників …"; null when the name is not of that usual shape.
 */
export function ukrainianCouncilGenitive(name: string): string | null {
  const m = /^(.+?)(ськ|цьк|зьк)а (міська|селищна|сільська) рада$/.exec(name.trim());
  if (!m) return null;
  const kind = { міська: 'міської', селищна: 'селищної', сільська: 'сільської' }[m[3] as 'міська' | 'селищна' | 'сільська'];
  return `${m[1]}${m[2]}ої ${kind} ради`;
}

/**
 * Who stands behind an event, in words (lib/ties/attribution.ts decides the kind): the council's
 * own staff (marked as the council's statement, so it never looks like an organiser's entry), the
 * campaign, the letter's writer, or a letter Untwin delivered. An event that rests on a source is
 * attributed by its source citation, which the caller shows; this renders nothing for it.
 */
export function AttributionLine({ attribution, className }: { attribution: Attribution; className?: string }) {
  const t = useTranslations('Attribution');
  const locale = useLocale();
  if (attribution.kind === 'source') return null;
  const text = (() => {
    switch (attribution.kind) {
      case 'council_staff': {
        const council = attribution.council;
        if (!council) return t('councilStaffUnknown');
        if (locale !== 'uk') return t('councilStaff', { council });
        const genitive = ukrainianCouncilGenitive(council);
        return genitive ? t('councilStaff', { council: genitive }) : t('councilStaffNamed', { council });
      }
      case 'writer':
        return t('writer');
      case 'untwin_letter':
        return t('untwinLetter');
      case 'campaign':
        return t('campaign');
    }
  })();
  return (
    <p className={className ?? 'mt-1 text-sm'} data-attribution={attribution.kind}>
      {attribution.kind === 'council_staff' ? (
        <>
          <span className="mr-2 inline-block bg-[#1d70b8] px-1.5 text-sm font-bold leading-6 text-white">{t('councilBadge')}</span>
          <span className="font-bold">{text}</span>
        </>
      ) : (
        text
      )}
    </p>
  );
}
