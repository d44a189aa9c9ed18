import { useLocale, useTranslations } from 'next-intl';

export default function Forbidden() {
  const t = useTranslations('Forbidden');
  const locale = useLocale();
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('body')}</p>
      <p className="mt-4 text-lg">
        <a href={`/${locale}`}>{t('home')}</a>
      </p>
    </main>
  );
}
