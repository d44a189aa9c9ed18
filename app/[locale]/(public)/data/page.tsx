import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { routing } from '@/i18n/routing';
import { cachedStatsCampaigns, requestReader } from '@/lib/cache/public-queries';
import { env } from '@/lib/env';
import { PARTNER_COUNTRIES } from '@/lib/places/kinds';
import { STATUS_GROUP_NAMES, TIE_STATUSES } from '@/lib/ties/lifecycle';
import { TIE_CSV_COLUMNS } from '@/lib/ties/tie-csv';
import { DEFAULT_PER_PAGE, DEFAULT_SORT, MAX_PER_PAGE, TIE_CONFIRMATIONS, TIE_SORTS } from '@/lib/ties/tie-filters';
import { exampleResponse } from './example-response';

type Props = { params: Promise<{ locale: string }> };

const TH = 'border-b-2 border-ink py-2 pr-4 text-left align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';
const CODE_BLOCK = 'mt-3 overflow-x-auto border-l-4 border-rule bg-surface p-4 text-sm';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'OpenData' });
  return { title: t('title'), description: t('metaDescription') };
}

/** Values written as code, separated by commas. */
function Codes({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((v, i) => (
        <span key={v}>
          {i > 0 ? ', ' : null}
          <code>{v}</code>
        </span>
      ))}
    </>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="mt-12">
      <h2 id={`${id}-heading`} className="text-2xl font-bold sm:text-3xl">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** The request line, as a reader would type it. */
function Endpoint({ path }: { path: string }) {
  return (
    <p className="mt-3 text-lg">
      <code className="bg-surface px-2 py-1 font-bold">GET {path}</code>
    </p>
  );
}

export default async function OpenDataPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // The campaigns' names in the parameter table come from the database.
  await connection();
  const campaigns = await cachedStatsCampaigns(await requestReader(), { locale });
  const t = await getTranslations({ locale, namespace: 'OpenData' });
  const appUrl = env().APP_URL.replace(/\/+$/, '');
  const sample = campaigns[0]?.slug ?? 'ukraine-2022';
  const apiExample = `/api/v1/ties?campaign=${sample}&closed=1&perPage=5`;
  const csvExample = `/api/v1/ties.csv?campaign=${sample}&closed=1`;

  const parameters: { name: string; meaning: ReactNode; values: ReactNode; byDefault?: string }[] = [
    { name: 'campaign', meaning: t('paramCampaign'), values: <Codes values={campaigns.map((c) => c.slug)} /> },
    { name: 'country', meaning: t('paramCountry'), values: <Codes values={['UKR', 'DEU', 'USA', '…']} /> },
    { name: 'region', meaning: t('paramRegion'), values: <Codes values={['kyiv-oblast-ukr', '…']} /> },
    { name: 'partnerCountry', meaning: t('paramPartnerCountry'), values: <Codes values={PARTNER_COUNTRIES} /> },
    { name: 'status', meaning: t('paramStatus'), values: <Codes values={TIE_STATUSES} /> },
    { name: 'group', meaning: t('paramGroup'), values: <Codes values={STATUS_GROUP_NAMES} /> },
    { name: 'q', meaning: t('paramQ'), values: <Codes values={['Homiel', 'Gomel', 'Гомель']} /> },
    { name: 'closed', meaning: t('paramClosed'), values: <Codes values={['1', '0']} />, byDefault: '0' },
    { name: 'confirmation', meaning: t('paramConfirmation'), values: <Codes values={TIE_CONFIRMATIONS} /> },
    { name: 'sort', meaning: t('paramSort'), values: <Codes values={TIE_SORTS} />, byDefault: DEFAULT_SORT },
    { name: 'dir', meaning: t('paramDir'), values: <Codes values={['asc', 'desc']} /> },
    { name: 'page', meaning: t('paramPage'), values: <Codes values={['1', '2', '…']} />, byDefault: '1' },
    {
      name: 'perPage',
      meaning: t('paramPerPage', { count: MAX_PER_PAGE }),
      values: <Codes values={[`1–${MAX_PER_PAGE}`]} />,
      byDefault: String(DEFAULT_PER_PAGE),
    },
  ];

  const sections = [
    ['api', t('apiHeading')],
    ['csv', t('csvHeading')],
    ['feed', t('feedHeading')],
    ['export', t('exportHeading')],
    ['caching', t('cachingHeading')],
    ['licence', t('licenceHeading')],
  ] as const;

  return (
    <>
      <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-prose text-lg">{t('intro')}</p>

      <nav aria-labelledby="contents-heading" className="mt-8 border-l-4 border-rule pl-4">
        <h2 id="contents-heading" className="font-bold">
          {t('contents')}
        </h2>
        <ul className="mt-1 space-y-1">
          {sections.map(([id, heading]) => (
            <li key={id}>
              <a href={`#${id}`}>{heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="api" heading={t('apiHeading')}>
        <Endpoint path="/api/v1/ties" />
        <p className="mt-3 max-w-prose">{t('apiIntro')}</p>
        <div role="region" aria-labelledby="parameters-caption" tabIndex={0} className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption id="parameters-caption" className="mb-2 text-left font-bold">
              {t('parametersCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  {t('parameter')}
                </th>
                <th scope="col" className={TH}>
                  {t('meaning')}
                </th>
                <th scope="col" className={TH}>
                  {t('values')}
                </th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((p) => (
                <tr key={p.name} data-parameter={p.name}>
                  <th scope="row" className={`${TD} text-left`}>
                    <code>{p.name}</code>
                  </th>
                  <td className={TD}>{p.meaning}</td>
                  <td className={TD}>
                    {p.values}
                    {p.byDefault ? (
                      <span className="block text-muted">
                        {t('default')}: <code>{p.byDefault}</code>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-4">
          {t('try')}: <a href={apiExample}>{apiExample}</a>
        </p>

        <h3 className="mt-8 text-xl font-bold">{t('responseHeading')}</h3>
        <p className="mt-2 max-w-prose">{t('responseIntro')}</p>
        <figure className="mt-3">
          <figcaption className="font-bold">{t('exampleCaption')}</figcaption>
          <pre className={CODE_BLOCK} tabIndex={0}>
            <code>{JSON.stringify(exampleResponse(appUrl), null, 2)}</code>
          </pre>
        </figure>
        <p className="mt-4 max-w-prose">{t('errorsIntro')}</p>
      </Section>

      <Section id="csv" heading={t('csvHeading')}>
        <Endpoint path="/api/v1/ties.csv" />
        <p className="mt-3 max-w-prose">{t('csvIntro')}</p>
        <pre className={CODE_BLOCK} tabIndex={0}>
          <code>{TIE_CSV_COLUMNS.join(',')}</code>
        </pre>
        <p className="mt-4">
          {t('try')}:{' '}
          <a href={csvExample} type="text/csv">
            {csvExample}
          </a>
        </p>
      </Section>

      <Section id="feed" heading={t('feedHeading')}>
        <Endpoint path="/feed.xml" />
        <p className="mt-3 max-w-prose">{t('feedIntro')}</p>
        <p className="mt-4">
          {t('try')}:{' '}
          <a href="/feed.xml" type="application/atom+xml">
            {`${appUrl}/feed.xml`}
          </a>
        </p>
      </Section>

      <Section id="export" heading={t('exportHeading')}>
        <p className="mt-3 max-w-prose">{t('exportIntro')}</p>
        <p className="mt-3">{t('exportCommand')}</p>
        <pre className={CODE_BLOCK}>
          <code>npm run data:export -- --out untwin-dataset.json</code>
        </pre>
        <p className="mt-3 max-w-prose">{t('exportNote')}</p>
      </Section>

      <Section id="caching" heading={t('cachingHeading')}>
        <p className="mt-3 max-w-prose">{t('cachingIntro')}</p>
      </Section>

      <Section id="licence" heading={t('licenceHeading')}>
        <dl className="mt-3 max-w-prose space-y-4">
          <div>
            <dt className="font-bold">{t('licenceDataTerm')}</dt>
            <dd>
              <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
                {t('licenceDataName')}
              </a>
              . {t('licenceDataText')}
            </dd>
          </div>
          <div>
            <dt className="font-bold">{t('licenceCodeTerm')}</dt>
            <dd>
              <a href="https://www.gnu.org/licenses/agpl-3.0.html" rel="license">
                {t('licenceCodeName')}
              </a>
              . {t('licenceCodeText')}
            </dd>
          </div>
        </dl>
        <p className="mt-4 max-w-prose">{t('licenceQuotes')}</p>
      </Section>
    </>
  );
}
