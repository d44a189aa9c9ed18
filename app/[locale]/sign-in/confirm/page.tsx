import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { defaultCallbackPath, safeCallbackPath } from '@/lib/auth/callback-path';
import { callbackActionPath, isSignInLinkUsable } from '@/lib/auth/sign-in-link';
import { env } from '@/lib/env';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Auth.Confirm' });
  // The address holds the token: never pass it on to another site in a Referer. Not
  // 'no-referrer': that would make the button's POST say `Origin: null`, which the CSRF check refuses.
  return { title: t('metaTitle'), robots: { index: false }, referrer: 'same-origin' };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/**
 * Where a sign-in link lands. Opening it changes nothing (mail scanners open every link they see):
 * only the button's POST to Auth.js's callback uses the token.
 */
export default async function ConfirmSignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const token = one(query.token);
  const email = one(query.email);
  const callbackPath = safeCallbackPath(query.callbackUrl, [env().APP_URL]) ?? defaultCallbackPath(locale);
  const usable = token !== '' && email !== '' && (await isSignInLinkUsable(await getDb(), { email, token }));
  const t = await getTranslations({ locale, namespace: 'Auth' });

  if (!usable) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('Confirm.unusableTitle')}</h1>
        <p className="mt-4 max-w-prose text-lg">{t('Confirm.unusableBody')}</p>
        <p className="mt-6">
          <a href={`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}`}>{t('askForNewLink')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('Confirm.title')}</h1>
      <p className="mt-4 text-lg">{t('Confirm.signingInAs')}</p>
      <p className="mt-1 text-xl font-bold break-all" data-testid="sign-in-address">
        {email}
      </p>
      <form method="post" action={callbackActionPath({ token, email, callbackPath })} className="mt-6">
        <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          {t('Confirm.submit')}
        </button>
      </form>
      <p className="mt-6 max-w-prose text-muted">{t('Confirm.why')}</p>
    </>
  );
}
