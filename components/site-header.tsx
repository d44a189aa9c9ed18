import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { LanguageSwitcher } from './language-switcher';

export function SiteHeader({ locale, pathname, search = '' }: { locale: Locale; pathname: string; search?: string }) {
  const t = useTranslations('Layout');
  const tracker = useTranslations('Tracker');
  const stats = useTranslations('Stats');
  const openData = useTranslations('OpenData');
  const map = useTranslations('Map');
  const auth = useTranslations('Auth');
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <a
          href={`/${locale}`}
          aria-label={t('homeLink')}
          className="text-2xl font-bold tracking-tight text-white no-underline visited:text-white hover:text-white hover:underline"
        >
          Untwin
        </a>
        <a
          href={`/${locale}/tracker`}
          aria-current={pathname === '/tracker' ? 'page' : undefined}
          className="font-bold text-white visited:text-white hover:text-white sm:ml-auto"
        >
          {tracker('navLink')}
        </a>
        <a
          href={`/${locale}/stats`}
          aria-current={pathname === '/stats' ? 'page' : undefined}
          className="font-bold text-white visited:text-white hover:text-white"
        >
          {stats('navLink')}
        </a>
        <a
          href={`/${locale}/map`}
          aria-current={pathname === '/map' ? 'page' : undefined}
          className="font-bold text-white visited:text-white hover:text-white"
        >
          {map('navLink')}
        </a>
        <a
          href={`/${locale}/data`}
          aria-current={pathname === '/data' ? 'page' : undefined}
          className="font-bold text-white visited:text-white hover:text-white"
        >
          {openData('navLink')}
        </a>
        {/* One link for everyone: the header never reads the session, so public pages stay cacheable. */}
        <a
          href={`/${locale}/account`}
          aria-current={pathname === '/account' ? 'page' : undefined}
          className="font-bold text-white visited:text-white hover:text-white"
        >
          {auth('accountLink')}
        </a>
        <LanguageSwitcher locale={locale} pathname={pathname} search={search} />
      </div>
    </header>
  );
}
