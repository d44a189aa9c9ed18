import { useTranslations } from 'next-intl';
import type { StatsCampaign } from '@/lib/ties/stats';

/** Narrows the page to one campaign: a plain GET form, so the view has its own address and works without JavaScript. */
export function CampaignFilter({ action, campaigns, selected }: { action: string; campaigns: readonly StatsCampaign[]; selected: string | undefined }) {
  const t = useTranslations('Stats');
  return (
    <form method="get" action={action} className="mt-6 flex flex-wrap items-end gap-3 border-l-4 border-rule pl-4">
      <div>
        <label htmlFor="campaign" className="block font-bold">
          {t('filterLabel')}
        </label>
        <select id="campaign" name="campaign" defaultValue={selected ?? ''} className="mt-1 block border-2 border-ink bg-white px-2 py-1.5">
          <option value="">{t('allCampaigns')}</option>
          {campaigns.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
        {t('filterSubmit')}
      </button>
    </form>
  );
}
