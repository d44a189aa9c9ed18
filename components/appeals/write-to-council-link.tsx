import { useTranslations } from 'next-intl';

/**
 * "Write to the council": the way into the appeal flow from a council's page (or a tie's row:
 * `tieId` starts the letter about that tie alone).
 */
export function WriteToCouncilLink({ locale, councilSlug, tieId }: { locale: string; councilSlug: string; tieId?: number }) {
  const t = useTranslations('Appeals.WriteLink');
  const query = new URLSearchParams({ council: councilSlug });
  if (tieId !== undefined) query.set('tie', String(tieId));
  return (
    <a
      href={`/${locale}/appeals/new?${query}`}
      className="inline-block bg-[#00703c] px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18] visited:text-white hover:bg-[#005a30] hover:text-white"
    >
      {t('label')}
    </a>
  );
}
