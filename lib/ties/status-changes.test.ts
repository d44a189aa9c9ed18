import { eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { campaignTies, campaigns } from '../../db/schema';
import { seedDatabase } from '../../db/seed/run-seed';
import { Q as UKRAINE } from '../../db/seed/ukraine-2022';
import { createCampaign, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from './fire-tie-event';
import { type StatusChange, listStatusChanges } from './status-changes';

const system = { kind: 'system', label: 'status changes test' } as const;

/** Dates never go up down the list, and undated events come last. */
function expectNewestFirst(changes: StatusChange[]): void {
  const dates = changes.map((c) => c.occurredOn?.date ?? null);
  const firstUndated = dates.indexOf(null);
  if (firstUndated >= 0) expect(dates.slice(firstUndated).every((d) => d === null)).toBe(true);
  const dated = dates.filter((d): d is string => d !== null);
  expect(dated).toEqual([...dated].sort().reverse());
}

describeEachEngine('latest status changes on the seed', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
  }, 300_000);

  it('lists 50 changes by default, newest first, each one a move or a first record', async () => {
    const changes = await listStatusChanges(db());
    expect(changes).toHaveLength(50);
    expectNewestFirst(changes);
    for (const c of changes) expect(c.type === 'recorded' ? c.fromStatus === null : c.fromStatus !== c.toStatus).toBe(true);
    // A further appeal, or a second source for a tie that stays put, is not a change.
    expect(changes.some((c) => c.type === 'noted')).toBe(false);
  });

  it('starts with the newest dated change in the record: Cologne severed Saint Petersburg in March 2025', async () => {
    const [first] = await listStatusChanges(db(), { limit: 1 });
    expect(first).toMatchObject({
      type: 'recorded',
      fromStatus: null,
      toStatus: 'severed',
      occurredOn: { date: '2025-03-01', precision: 'month' },
      place: { name: 'Cologne', country: { code: 'DEU', name: 'Germany' } },
      partner: { name: 'Saint Petersburg', country: { code: 'RUS', name: 'Russia' } },
      council: { slug: 'cologne-deu' },
    });
    expect(first?.source?.publisher).toBe('vkurier.news');
  });

  it('gives Chernihiv’s severance with its date, council and source', async () => {
    const changes = await listStatusChanges(db(), { limit: 200 });
    const chernihiv = changes.filter((c) => c.place.name === 'Chernihiv' && c.partner.country.code === 'BLR');
    expect(chernihiv.map((c) => [c.type, c.fromStatus, c.toStatus])).toEqual([
      ['severed', 'pledged', 'severed'],
      ['vote_scheduled', 'appealed', 'pledged'],
      ['appealed', 'active', 'appealed'],
      ['recorded', null, 'active'],
    ]);
    expect(chernihiv[0]).toMatchObject({
      occurredOn: { date: '2022-06-27', precision: 'day' },
      occurredByDate: true,
      council: { slug: 'chernihiv-ukr', name: 'Chernihiv City Council' },
      quote: UKRAINE.respectively,
      source: { title: 'Twin municipalities of Ukrainian cities in russia and Belarus — who has already severed the ties?', url: null },
    });
    expect(chernihiv[0]?.source?.seedDocument).toMatch(/^000_/);
  });

  it('names places in Ukrainian where the data has them', async () => {
    const changes = await listStatusChanges(db(), { locale: 'uk', limit: 200 });
    const chernihiv = changes.find((c) => c.place.name === 'Чернігів' && c.toStatus === 'severed');
    expect(chernihiv?.partner).toMatchObject({ name: 'Гомель', country: { code: 'BLR', name: 'Білорусь' } });
  });

  it('shows only ties of public campaigns, or of the one asked for', async () => {
    const all = await listStatusChanges(db(), { limit: 5000 });
    const publicTies = await db()
      .selectDistinct({ id: campaignTies.tieId })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(ne(campaigns.state, 'draft'));
    const inScope = new Set(publicTies.map((t) => t.id));
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((c) => inScope.has(c.tieId))).toBe(true);
    expectNewestFirst(all);

    const us = await listStatusChanges(db(), { campaignSlug: 'us-mayors-2022', limit: 5000 });
    expect(us.length).toBeGreaterThan(0);
    expect(new Set(us.map((c) => c.place.country.code))).toEqual(new Set(['USA']));
    const usTies = await db()
      .select({ id: campaignTies.tieId })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(inArray(campaigns.slug, ['us-mayors-2022']));
    expect(new Set(us.map((c) => c.tieId)).size).toBe(new Set(usTies.map((t) => t.id)).size);
  });
});

describeEachEngine('latest status changes: order and scope', ({ db }) => {
  it('orders by the date things happened, then by when they were recorded, undated last', async () => {
    const campaign = await createCampaign(db());
    const a = await createTie(db(), { campaignId: campaign.id, placeName: 'Alpha' });
    const b = await createTie(db(), { campaignId: campaign.id, placeName: 'Bravo' });
    const fire = async (tieId: number, type: 'appealed' | 'severed' | 'noted', date: string | null, recordedAt: string) => {
      const result = await fireTieEvent(db(), system, {
        tieId,
        type,
        sourceId: a.source.id,
        occurred: date ? { date, precision: 'day' } : null,
        recordedAt: new Date(recordedAt),
      });
      if (!result.ok) throw new Error(result.message);
      return result.event.id;
    };
    const alphaAppealed = await fire(a.tieId, 'appealed', '2024-03-01', '2024-03-05T10:00:00Z');
    // Recorded later, happened on the same day: comes first.
    const bravoAppealed = await fire(b.tieId, 'appealed', '2024-03-01', '2024-03-06T10:00:00Z');
    const alphaSevered = await fire(a.tieId, 'severed', '2024-04-10', '2024-04-11T10:00:00Z');
    await fire(b.tieId, 'noted', '2024-05-01', '2024-05-02T10:00:00Z'); // not a change

    const draft = await createCampaign(db());
    await db().update(campaigns).set({ state: 'draft' }).where(eq(campaigns.id, draft.id));
    const hidden = await createTie(db(), { campaignId: draft.id, status: 'appealed' });

    const changes = await listStatusChanges(db(), { campaignSlug: campaign.slug });
    // The factory records both ties without a date, so their `recorded` events come last.
    expect(changes.map((c) => c.eventId).slice(0, 3)).toEqual([alphaSevered, bravoAppealed, alphaAppealed]);
    expect(changes.slice(3).map((c) => [c.type, c.occurredOn])).toEqual([
      ['recorded', null],
      ['recorded', null],
    ]);
    expect(changes[0]).toMatchObject({ place: { name: 'Alpha' }, fromStatus: 'appealed', toStatus: 'severed', council: { slug: a.council.slug } });

    const everything = await listStatusChanges(db(), { limit: 1000 });
    expect(everything.some((c) => c.tieId === hidden.tieId)).toBe(false);
    expect((await listStatusChanges(db(), { campaignSlug: campaign.slug, limit: 2 })).map((c) => c.eventId)).toEqual([alphaSevered, bravoAppealed]);
  });
});
