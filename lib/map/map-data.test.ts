import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { campaigns, placeNames, places } from '../../db/schema';
import { createCampaign, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { getMapData } from './map-data';

async function locate(db: Database, id: number, latitude: number, longitude: number) {
  await db.update(places).set({ latitude, longitude }).where(eq(places.id, id));
}

/**
 *   Ternopil–Grodno   appealed  campaign A   both located
 *   Lviv–Tver         severed   campaign A   both located
 *   Mariupol–Moscow   occupied  campaign B   both located
 *   Kamianka–Omsk     active    campaign B   Kamianka has no coordinates
 *   Kyiv–Minsk        active    draft        both located, never shown
 */
describeEachEngine('getMapData', ({ db }) => {
  let campaignA: { id: number; slug: string };
  beforeAll(async () => {
    campaignA = await createCampaign(db(), { slug: 'map-a' });
    const campaignB = await createCampaign(db(), { slug: 'map-b' });
    const draft = await createCampaign(db(), { slug: 'map-draft' });
    await db().update(campaigns).set({ state: 'draft' }).where(eq(campaigns.id, draft.id));

    const grodno = await createTie(db(), { status: 'appealed', campaignId: campaignA.id, placeName: 'Ternopil', partnerName: 'Grodno', partnerCountry: 'BLR' });
    await locate(db(), grodno.place.id, 49.55, 25.59);
    await locate(db(), grodno.partner.id, 53.68, 23.83);
    await db().insert(placeNames).values({ placeId: grodno.place.id, name: 'Тернопіль', key: 'тернопіль', lang: 'uk', kind: 'official' });
    const tver = await createTie(db(), { status: 'severed', campaignId: campaignA.id, placeName: 'Lviv', partnerName: 'Tver' });
    await locate(db(), tver.place.id, 49.84, 24.03);
    await locate(db(), tver.partner.id, 56.86, 35.9);
    const moscow = await createTie(db(), { status: 'occupied', campaignId: campaignB.id, placeName: 'Mariupol', partnerName: 'Moscow' });
    await locate(db(), moscow.place.id, 47.1, 37.55);
    await locate(db(), moscow.partner.id, 55.76, 37.62);
    const omsk = await createTie(db(), { status: 'active', campaignId: campaignB.id, placeName: 'Kamianka', partnerName: 'Omsk' });
    await locate(db(), omsk.partner.id, 54.99, 73.37);
    const minsk = await createTie(db(), { status: 'active', campaignId: draft.id, placeName: 'Kyiv', partnerName: 'Minsk', partnerCountry: 'BLR' });
    await locate(db(), minsk.place.id, 50.45, 30.52);
    await locate(db(), minsk.partner.id, 53.9, 27.56);
  });

  const pairs = (list: { place: { name: string }; partner: { name: string } }[]) => list.map((t) => `${t.place.name}–${t.partner.name}`);

  it('draws the located ties of public campaigns and lists the others, leaving drafts out', async () => {
    const data = await getMapData(db(), { locale: 'en' });
    expect(pairs(data.drawn)).toEqual(['Lviv–Tver', 'Mariupol–Moscow', 'Ternopil–Grodno']);
    expect(pairs(data.missing)).toEqual(['Kamianka–Omsk']);
    expect(data.missing[0]?.place.at).toBeNull();
    expect(data.missing[0]?.partner.at).toEqual({ latitude: 54.99, longitude: 73.37 });
    expect(data.campaigns.map((c) => c.slug)).toEqual(['map-a', 'map-b']);
  });

  it('gives each tie its coordinates, status, line group and council', async () => {
    const { drawn } = await getMapData(db(), { locale: 'en' });
    const byPair = Object.fromEntries(drawn.map((t) => [`${t.place.name}–${t.partner.name}`, t]));
    expect(byPair['Ternopil–Grodno']).toMatchObject({
      status: 'appealed',
      group: 'inForce',
      place: { country: 'UKR', at: { latitude: 49.55, longitude: 25.59 } },
      partner: { country: 'BLR', at: { latitude: 53.68, longitude: 23.83 } },
    });
    expect(byPair['Ternopil–Grodno']?.councilSlug).toMatch(/^council-/);
    expect(byPair['Lviv–Tver']?.group).toBe('closed');
    expect(byPair['Mariupol–Moscow']?.group).toBe('blocked');
  });

  it('narrows to one campaign by slug, and ignores a draft slug', async () => {
    const a = await getMapData(db(), { locale: 'en', campaignSlug: campaignA.slug });
    expect(pairs(a.drawn)).toEqual(['Lviv–Tver', 'Ternopil–Grodno']);
    expect(a.missing).toEqual([]);
    const draft = await getMapData(db(), { locale: 'en', campaignSlug: 'map-draft' });
    expect(pairs(draft.drawn)).not.toContain('Kyiv–Minsk');
    expect(draft.drawn).toHaveLength(3);
  });

  it('names places in the reader’s language where the data has the name', async () => {
    const { drawn } = await getMapData(db(), { locale: 'uk' });
    expect(pairs(drawn)).toContain('Тернопіль–Grodno');
  });
});
