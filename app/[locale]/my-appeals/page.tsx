import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatusLabel } from '@/components/ties/status-label';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { listMyAppeals } from '@/lib/appeals/queries';
import { requireUser } from '@/lib/auth/current-user';
import { councilLabel } from '@/lib/people/labels';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Appeals.Mine' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const TH = 'border-b-2 border-ink py-2 pr-4 text-left align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

/** What the person wrote, how it went, where each letter stands and where its ties stand now. */
export default async function MyAppealsPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  await connection();
  const user = await requireUser(locale, `/${locale}/my-appeals`);
  const [appeals, t, tState, tChannel, tCouncil, format] = await Promise.all([
    listMyAppeals(await getDb(), user.id, locale),
    getTranslations({ locale, namespace: 'Appeals.Mine' }),
    getTranslations({ locale, namespace: 'Appeals.States' }),
    getTranslations({ locale, namespace: 'Appeals.Channels' }),
    getTranslations({ locale, namespace: 'Council' }),
    getFormatter({ locale }),
  ]);

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{t('title')}</h1>
      {appeals.length === 0 ? (
        <>
          <p className="mt-4 max-w-prose text-lg">{t('none')}</p>
          <p className="mt-4 text-lg">
            <a href={`/${locale}/appeals`}>{t('start')}</a>
          </p>
        </>
      ) : (
        <div role="region" aria-labelledby="my-appeals-caption" tabIndex={0} className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse" data-testid="my-appeals">
            <caption id="my-appeals-caption" className="sr-only">
              {t('caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  {t('council')}
                </th>
                <th scope="col" className={TH}>
                  {t('ties')}
                </th>
                <th scope="col" className={TH}>
                  {t('written')}
                </th>
                <th scope="col" className={TH}>
                  {t('channel')}
                </th>
                <th scope="col" className={TH}>
                  {t('state')}
                </th>
              </tr>
            </thead>
            <tbody>
              {appeals.map((appeal) => (
                <tr key={appeal.id} data-appeal={appeal.id} data-state={appeal.state} data-council={appeal.council.slug}>
                  <th scope="row" className={`${TD} text-left font-bold`}>
                    <a href={`/${locale}/appeals/${appeal.id}`}>{councilLabel(appeal.council, tCouncil)}</a>
                  </th>
                  <td className={TD}>
                    <ul className="space-y-1">
                      {appeal.ties.map((tie) => (
                        <li key={tie.id}>
                          {tie.partnerName} <StatusLabel status={tie.statusNow} />
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>{format.dateTime(appeal.createdAt, { dateStyle: 'medium' })}</td>
                  <td className={TD}>{tChannel(appeal.channel)}</td>
                  <td className={TD}>{tState(appeal.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
