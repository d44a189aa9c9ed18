import { useTranslations } from 'next-intl';
import { type Locale, routing } from '@/i18n/routing';

/** Plain links to this page (with its query: filters, the letter being written) in the other languages: they work without JavaScript. */
export function LanguageSwitcher({ locale, pathname, search = '' }: { locale: Locale; pathname: string; search?: string }) {
  const t = useTranslations('Layout');
  const names = useTranslations('LanguageName');
  const others = routing.locales.filter((l) => l !== locale);
  return (
    <nav aria-label={t('languageNav')}>
      <ul className="flex gap-4">
        {others.map((other) => (
          <li key={other}>
            <a href={`/${other}${pathname}${search}`} hrefLang={other} lang={other} className="text-white visited:text-white hover:text-white">
              {names(other)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
