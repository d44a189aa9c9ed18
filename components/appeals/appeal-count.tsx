import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Locale } from '@/i18n/routing';
import { appealCounts, campaignAppealCounts } from '@/lib/appeals/queries';
import { campaignRefs } from '@/lib/people/queries';

/**
 * The public counters: appeals that reached councils (sent from the app, or sent by people
 * themselves and confirmed: lib/appeals/rules.ts, COUNTED_STATES). Server components that read
 * their own figures, so any page can show them with one line.
 */
export async function CouncilAppealCount({ councilId, locale }: { councilId: number; locale: Locale }) {
  const [counts, t] = await Promise.all([getDb().then((db) => appealCounts(db)), getTranslations({ locale, namespace: 'Appeals.Count' })]);
  const count = counts.get(councilId) ?? 0;
  return (
    <p data-testid="council-appeal-count" data-count={count} className="mt-2 max-w-prose text-lg">
      {t('council', { count })}
    </p>
  );
}

/** Appeals per campaign, every campaign listed (none yet says so). */
export async function CampaignAppealCounts({ locale, headingLevel = 2 }: { locale: Locale; headingLevel?: 2 | 3 }) {
  const db = await getDb();
  const [counts, campaigns, t] = await Promise.all([campaignAppealCounts(db), campaignRefs(db, 'all', locale), getTranslations({ locale, namespace: 'Appeals.Count' })]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="campaign-appeal-counts" className="mt-10">
      <Heading id="campaign-appeal-counts" className={headingLevel === 2 ? 'text-2xl font-bold' : 'text-xl font-bold'}>
        {t('heading')}
      </Heading>
      <ul className="mt-2 space-y-1" data-testid="campaign-appeal-counts">
        {campaigns.map((campaign) => {
          const count = counts.get(campaign.id) ?? 0;
          return (
            <li key={campaign.id} data-campaign={campaign.slug} data-count={count}>
              <span className="font-bold">{campaign.name}</span>: {t('campaign', { count })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
