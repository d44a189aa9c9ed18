import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';
import { env } from '@/lib/env';
import { currentPathname } from '@/lib/i18n/current-pathname';
import '../globals.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// Only the known locales exist: any other first segment is an unmatched URL (app/not-found.tsx).
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const path = await currentPathname();
  return {
    metadataBase: new URL(env().APP_URL),
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: t('description'),
    // One address per language; x-default lets the proxy choose by Accept-Language.
    alternates: {
      canonical: `/${locale}${path}`,
      languages: {
        ...Object.fromEntries(routing.locales.map((l) => [l, `/${l}${path}`])),
        'x-default': path || '/',
      },
    },
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only bg-focus px-4 py-3 text-ink underline focus:not-sr-only focus:block"
        >
          {t('skipLink')}
        </a>
        {children}
      </body>
    </html>
  );
}
