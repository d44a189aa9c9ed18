import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { campaigns } from '../../db/schema';
import { createCampaign } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { campaignLetterDelivery } from './campaign-delivery';

describeEachEngine('campaignLetterDelivery', ({ db }) => {
  it('gives each asked-for campaign its delivery mode and its name in the page’s language', async () => {
    const europe = await createCampaign(db(), { slug: 'delivery-europe', name: 'Delivery Europe' });
    const ukraine = await createCampaign(db(), { slug: 'delivery-ukraine', name: 'Delivery Ukraine' });
    await createCampaign(db(), { slug: 'delivery-other', name: 'Delivery Other' });
    await db().update(campaigns).set({ letterDelivery: 'digest', nameUk: 'Доставка Україна' }).where(eq(campaigns.id, ukraine.id));

    expect(await campaignLetterDelivery(db(), [ukraine.id, europe.id], 'uk')).toEqual([
      { id: europe.id, slug: 'delivery-europe', name: 'Delivery Europe', letterDelivery: 'individual' },
      { id: ukraine.id, slug: 'delivery-ukraine', name: 'Доставка Україна', letterDelivery: 'digest' },
    ]);
    expect((await campaignLetterDelivery(db(), 'all', 'en')).map((c) => c.slug)).toEqual(expect.arrayContaining(['delivery-europe', 'delivery-ukraine', 'delivery-other']));
    expect(await campaignLetterDelivery(db(), [], 'en')).toEqual([]);
  });
});
