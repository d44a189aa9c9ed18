import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { places, reviewItems, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { createPlace, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { namePartner } from './name-partner';

/** A council's tie with a Belarusian partner its source did not name, appealed to. */
async function unnamedTie(db: Database) {
  const tie = await createTie(db, { status: 'appealed', partnerCountry: 'BLR', partnerName: 'Unnamed Belarusian partner' });
  await db.update(places).set({ kind: 'unnamed' }).where(eq(places.id, tie.partner.id));
  await db.insert(reviewItems).values({ key: `which-partner-${tie.tieId}`, kind: 'ambiguous_claim', summary: 'Which partner?', tieId: tie.tieId, otherPlaceId: tie.partner.id });
  return tie;
}

async function snapshot(db: Database) {
  return {
    places: await db.$count(places),
    events: await db.$count(tieEvents),
    ties: JSON.stringify(await db.select().from(ties).orderBy(ties.id)),
  };
}

describeEachEngine('namePartner', ({ db }) => {
  it('re-points the tie at the real place, keeps its history, records the naming with its source, and drops the placeholder', async () => {
    const tie = await unnamedTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const before = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tie.tieId)).orderBy(tieEvents.id);

    const result = await runAction(namePartner, { db: db(), user: organiser.user }, {
      tieId: tie.tieId,
      place: { name: 'Hlybokaye', country: 'BLR' },
      sourceUrl: 'https://example.org/council-partners',
      quote: 'Our partner city is Hlybokaye.',
      reason: 'The council’s own page names it.',
    });
    expect(result).toMatchObject({ ok: true, value: { tieId: tie.tieId, created: true, placeholderRemoved: true } });
    if (!result.ok) return;

    const [row] = await db().select().from(ties).where(eq(ties.id, tie.tieId));
    expect(row).toMatchObject({ placeId: tie.place.id, partnerId: result.value.placeId, status: 'appealed' });
    const [named] = await db().select().from(places).where(eq(places.id, result.value.placeId));
    expect(named).toMatchObject({ name: 'Hlybokaye', country: 'BLR', kind: 'settlement' });
    expect(await db().$count(places, eq(places.id, tie.partner.id))).toBe(0);
    // What pointed at the placeholder points at the real place.
    const [item] = await db().select().from(reviewItems).where(eq(reviewItems.tieId, tie.tieId));
    expect(item?.otherPlaceId).toBe(result.value.placeId);

    const events = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tie.tieId)).orderBy(tieEvents.id);
    expect(events.slice(0, before.length)).toEqual(before);
    const naming = events.at(-1)!;
    const [source] = await db().select().from(sources).where(eq(sources.id, naming.sourceId!));
    expect(naming).toMatchObject({ id: result.value.eventId, type: 'noted', toStatus: 'appealed', quote: 'Our partner city is Hlybokaye.', reason: 'The council’s own page names it.', recorderRole: 'organiser' });
    expect(naming.note).toContain('Hlybokaye');
    expect(source?.url).toBe('https://example.org/council-partners');
    expect(await db().$count(tieEventEffects, eq(tieEventEffects.tieId, tie.tieId))).toBe(events.length);
  });

  it('names it with a place already on record, by id or by any spelling', async () => {
    const tie = await unnamedTie(db());
    const other = await unnamedTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }, { role: 'organiser', campaignId: other.campaignId }] });
    const pinsk = await createPlace(db(), { name: 'Pinsk', country: 'BLR' });
    const byId = await runAction(namePartner, { db: db(), user: organiser.user }, { tieId: tie.tieId, place: { placeId: pinsk.id }, sourceUrl: 'https://example.org/a', reason: 'Named' });
    expect(byId).toMatchObject({ ok: true, value: { placeId: pinsk.id, created: false } });
    const byName = await runAction(namePartner, { db: db(), user: organiser.user }, { tieId: other.tieId, place: { name: 'PINSK', country: 'BLR' }, sourceUrl: 'https://example.org/b', reason: 'Named' });
    expect(byName).toMatchObject({ ok: true, value: { placeId: pinsk.id, created: false } });
  });

  it('refuses other roles and campaigns, a partner already named, another country, and a pair already tied; and changes nothing', async () => {
    const tie = await unnamedTie(db());
    const named = await createTie(db(), { campaignId: tie.campaignId });
    const elsewhere = await createTie(db());
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const otherOrganiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: elsewhere.campaignId }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const otherStaff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: elsewhere.council.id }] });
    const activist = await createPerson(db());
    const input = { tieId: tie.tieId, place: { name: 'Lida', country: 'BLR' }, sourceUrl: 'https://example.org/lida', reason: 'Named' };
    const before = await snapshot(db());
    const code = async (user: Awaited<ReturnType<typeof createPerson>>['user'] | null, raw: unknown) => {
      const result = await runAction(namePartner, { db: db(), user }, raw);
      expect(await snapshot(db())).toEqual(before);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code(null, input)).toBe('unauthenticated');
    expect(await code(activist.user, input)).toBe('forbidden');
    // Staff of the tie's own council state what their council decided; naming a partner is the campaign's.
    expect(await code(staff.user, input)).toBe('forbidden');
    expect(await code(otherStaff.user, input)).toBe('forbidden');
    expect(await code(otherOrganiser.user, input)).toBe('forbidden');
    expect(await code(organiser.user, { ...input, tieId: named.tieId })).toBe('conflict');
    expect(await code(organiser.user, { ...input, place: { name: 'Lida', country: 'RUS' } })).toBe('invalid_input');
    expect(await code(organiser.user, { ...input, place: { placeId: named.partner.id } })).toBe('invalid_input'); // a Russian place
    expect(await code(organiser.user, { ...input, sourceUrl: 'javascript:alert(1)' })).toBe('invalid_input');
    expect(await code(organiser.user, { ...input, tieId: 999_999 })).toBe('not_found');
    // The council is already tied to the place the source names: that is another record of one tie.
    const lida = await createPlace(db(), { name: 'Lida', country: 'BLR' });
    const [{ id: existing }] = (await db().insert(ties).values({ placeId: tie.place.id, partnerId: lida.id, status: 'active' }).returning({ id: ties.id })) as [{ id: number }];
    const snap = await snapshot(db());
    const dup = await runAction(namePartner, { db: db(), user: organiser.user }, { ...input, place: { placeId: lida.id } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await snapshot(db())).toEqual(snap);
    expect(existing).toBeGreaterThan(0);
  });
});
