import { useLocale, useTranslations } from 'next-intl';
import { languageName } from '@/lib/i18n/language-name';
import type { PlaceSpelling } from '@/lib/places/place-page';

/** Every name of a place the record holds, with its language and kind: search finds it by any of them. */
export function PlaceSpellingsTable({ spellings, caption }: { spellings: PlaceSpelling[]; caption: string }) {
  const t = useTranslations('Place');
  const kinds = useTranslations('PlaceNameKind');
  const locale = useLocale();
  return (
    <table className="mt-4 border-collapse text-left">
      <caption className="mb-2 text-left text-muted">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-6">
            {t('spellingName')}
          </th>
          <th scope="col" className="py-2 pr-6">
            {t('spellingLanguage')}
          </th>
          <th scope="col" className="py-2">
            {t('spellingKind')}
          </th>
        </tr>
      </thead>
      <tbody>
        {spellings.map((s) => (
          <tr key={`${s.lang}-${s.kind}-${s.name}`} className="border-b border-rule">
            <td className="py-1.5 pr-6" lang={s.lang}>
              {s.name}
            </td>
            <td className="py-1.5 pr-6">{languageName(s.lang, locale)}</td>
            <td className="py-1.5">{kinds(s.kind)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
