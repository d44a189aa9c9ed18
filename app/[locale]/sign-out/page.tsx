import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/i18n/routing';
import { getCurrentUser } from '@/lib/auth/current-user';
import { signOutAction } from './actions';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth.SignOut' });
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function SignOutPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [user, query, t] = await Promise.all([getCurrentUser(), searchParams, getTranslations({ locale, namespace: 'Auth.SignOut' })]);

  if (!user) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('signedOutTitle')}</h1>
        <p className="mt-4 max-w-prose text-lg">{t('signedOutBody')}</p>
        <p className="mt-6">
          <a href={`/${locale}/sign-in`}>{t('signIn')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      {query.error ? (
        <p role="alert" className="mt-6 max-w-prose border-l-4 border-[#d4351c] pl-4 font-bold">
          {t('failed')}
        </p>
      ) : null}
      <p className="mt-4 text-lg">{t('signedInAs')}</p>
      <p className="mt-1 text-xl font-bold break-all" data-testid="signed-in-address">
        {user.email}
      </p>
      <form action={signOutAction} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          {t('submit')}
        </button>
      </form>
    </>
  );
}
