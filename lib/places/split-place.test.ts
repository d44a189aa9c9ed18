import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { councils, placeNames, places, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { createCampaign, createCouncil, createPlace, createSource } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from '../ties/fire-tie-event';
import { recordTie } from '../ties/record-tie';
import { splitPlace } from './split-place';

const system = { kind: 'system', label: 'test' } as const;

/** One "Portland" that is really two: tied to Arkhangelsk (Maine's) and to Khabarovsk (Oregon's). */
async function mergedPortland(db: Database) {
  const campaign = await createCampaign(db);
  const portland = await createPlace(db, { name: 'Portland', country: 'USA' });
  await db.insert(placeNames).values([
    { placeId: portland.id, name: 'Портленд', key: 'портленд', lang: 'ru', kind: 'official' },
    { placeId: portland.id, name: 'Portland, Maine', key: 'portland maine', lang: 'en', kind: 'alias' },
  ]);
  const council = await createCouncil(db, portland.id, { name: 'Portland City Council' });
  await db.update(councils).set({ contactEmails: ['council@portlandmaine.gov'], emailDomains: ['portlandmaine.gov'], headName: 'The Mayor' }).where(eq(councils.id, council.id));
  const source = await createSource(db);
  const tieWith = async (name: string) => {
    const partner = await createPlace(db, { name, country: 'RUS' });
    const recorded = await recordTie(db, system, { placeId: portland.id, partnerId: partner.id, status: 'active', campaignIds: [campaign.id], sourceId: source.id });
    if (!recorded.ok) throw new Error(recorded.message);
    const fired = await fireTieEvent(db, system, { tieId: recorded.tieId, type: 'appealed', sourceId: source.id, occurred: { date: '2022-06-04', precision: 'day' } });
    if (!fired.ok) throw new Error(fired.message);
    return { tieId: recorded.tieId, partner };
  };
  const arkhangelsk = await tieWith('Arkhangelsk');
  const khabarovsk = await tieWith('Khabarovsk');
  return { campaign, portland, council, arkhangelsk, khabarovsk };
}

async function counts(db: Database) {
  return { places: await db.$count(places), names: await db.$count(placeNames), councils: await db.$count(councils), ties: JSON.stringify(await db.select().from(ties).orderBy(ties.id)) };
}

describeEachEngine('splitPlace', ({ db }) => {
  it('makes the second place with its names and its own council, and moves the chosen ties with their history', async () => {
    const w = await mergedPortland(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: w.campaign.id }] });
    const eventsBefore = await db().select().from(tieEvents).where(eq(tieEvents.tieId, w.khabarovsk.tieId)).orderBy(tieEvents.id);

    const result = await runAction(splitPlace, { db: db(), user: organiser.user }, {
      placeId: w.portland.id,
      newName: 'Portland',
      newRegionCode: 'us-or',
      placeRegionCode: 'US-ME',
      tieIds: [w.khabarovsk.tieId],
      reason: 'Khabarovsk’s sister city is Portland, Oregon; Arkhangelsk’s is Portland, Maine.',
    });
    expect(result).toMatchObject({ ok: true, value: { placeId: w.portland.id, newSlug: 'portland-us-or-usa', movedTieIds: [w.khabarovsk.tieId] } });
    if (!result.ok) return;
    const { newPlaceId, newCouncilId } = result.value;

    const [oregon] = await db().select().from(places).where(eq(places.id, newPlaceId));
    expect(oregon).toMatchObject({ name: 'Portland', country: 'USA', kind: 'settlement', regionCode: 'US-OR', latitude: null });
    const [maine] = await db().select().from(places).where(eq(places.id, w.portland.id));
    expect(maine?.regionCode).toBe('US-ME');
    const names = await db().select({ name: placeNames.name, lang: placeNames.lang }).from(placeNames).where(eq(placeNames.placeId, newPlaceId)).orderBy(placeNames.name);
    // Its name in every language, not the other place's alias.
    expect(names).toEqual([
      { name: 'Portland', lang: 'en' },
      { name: 'Портленд', lang: 'ru' },
    ]);

    const [council] = await db().select().from(councils).where(eq(councils.id, newCouncilId!));
    expect(council).toMatchObject({ placeId: newPlaceId, name: null, headName: null, contactEmails: [], emailDomains: [], languages: ['uk'] });

    const [moved] = await db().select().from(ties).where(eq(ties.id, w.khabarovsk.tieId));
    expect(moved).toMatchObject({ placeId: newPlaceId, partnerId: w.khabarovsk.partner.id, status: 'appealed' });
    expect(await db().select().from(tieEvents).where(eq(tieEvents.tieId, w.khabarovsk.tieId)).orderBy(tieEvents.id)).toEqual(eventsBefore);
    expect(await db().$count(tieEventEffects, eq(tieEventEffects.tieId, w.khabarovsk.tieId))).toBe(2);
    const [stayed] = await db().select().from(ties).where(eq(ties.id, w.arkhangelsk.tieId));
    expect(stayed?.placeId).toBe(w.portland.id);
  });

  it('refuses other roles, other campaigns, a tie that does not involve the place, and the same region; and changes nothing', async () => {
    const w = await mergedPortland(db());
    const elsewhere = await mergedPortland(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: w.campaign.id }] });
    const otherOrganiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: elsewhere.campaign.id }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: w.council.id }] });
    const activist = await createPerson(db());
    const input = { placeId: w.portland.id, newName: 'Portland', newRegionCode: 'US-OR', tieIds: [w.khabarovsk.tieId], reason: 'Two cities' };
    const before = await counts(db());
    const refused = async (user: Awaited<ReturnType<typeof createPerson>>['user'] | null, raw: unknown) => {
      const result = await runAction(splitPlace, { db: db(), user }, raw);
      expect(await counts(db())).toEqual(before);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await refused(null, input)).toBe('unauthenticated');
    expect(await refused(activist.user, input)).toBe('forbidden');
    expect(await refused(staff.user, input)).toBe('forbidden');
    expect(await refused(otherOrganiser.user, input)).toBe('forbidden');
    // One of the chosen ties is in a campaign the organiser does not run.
    expect(await refused(organiser.user, { ...input, tieIds: [w.khabarovsk.tieId, elsewhere.khabarovsk.tieId] })).toBe('forbidden');
    // A tie of another place.
    const otherTie = await refused(organiser.user, { ...input, placeId: w.khabarovsk.partner.id, tieIds: [w.khabarovsk.tieId, w.arkhangelsk.tieId] });
    expect(otherTie).toBe('invalid_input');
    expect(await refused(organiser.user, { ...input, placeRegionCode: 'US-OR' })).toBe('invalid_input');
    expect(await refused(organiser.user, { ...input, tieIds: [] })).toBe('invalid_input');
    expect(await refused(organiser.user, { ...input, tieIds: [999_999] })).toBe('not_found');
    const placeholder = await createPlace(db(), { name: 'Unnamed partner', country: 'BLR' });
    await db().update(places).set({ kind: 'unnamed' }).where(eq(places.id, placeholder.id));
    const stillBefore = await counts(db());
    const split = await runAction(splitPlace, { db: db(), user: organiser.user }, { ...input, placeId: placeholder.id });
    expect(split.ok ? 'ok' : split.error.code).toBe('invalid_input');
    expect(await counts(db())).toEqual(stillBefore);
    expect((await db().select({ id: ties.id }).from(ties).where(inArray(ties.placeId, [w.portland.id]))).length).toBe(2);
  });
});
