import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { campaigns, councils, placeNames, places, sources } from '../../db/schema';
import { describeEachEngine } from '../testing/test-database';
import type { PartialDate } from '../dates/partial-date';
import { fireTieEvent } from './fire-tie-event';
import type { Actor, TieEventType, TieStatus } from './lifecycle';
import { getHeadlineNumbers, listCampaigns, listCouncilsHoldingTies } from './queries';
import { recordTie } from './record-tie';

const system: Actor = { kind: 'system', label: 'queries test' };
const day = (date: string): PartialDate => ({ date, precision: 'day' });

/**
 * A small world: Ukrainian councils in the ukraine-2022 campaign, Chicago in both campaigns,
 * a tie no campaign targets (Harbin–Khabarovsk) and a tie in a draft campaign (Kyiv–Moscow).
 *
 *   Ternopil–Grodno   appealed    ukraine          (uk names: Тернопіль, Гродно)
 *   Ternopil–Pinsk    severed     ukraine          (Pinsk has no Ukrainian name)
 *   Chernihiv–Homiel  severed     ukraine          (its only tie: not holding any)
 *   Kyiv–Minsk        pledged     ukraine
 *   Kharkiv–Belgorod  suspended   ukraine          (no council row for Kharkiv)
 *   Chicago–Moscow    appealed    ukraine + us-mayors
 *   Harbin–Khabarovsk active      none
 *   Kyiv–Moscow       active      draft campaign
 */
async function buildWorld(db: Database): Promise<void> {
  const [source] = await db
    .insert(sources)
    .values({ key: 'seed:queries-test.txt', seedDocument: 'queries-test.txt', title: 'Queries test' })
    .returning();
  const sourceId = source!.id;

  const placeRows = await db
    .insert(places)
    .values([
      { slug: 'ternopil', name: 'Ternopil', country: 'UKR' },
      { slug: 'chernihiv', name: 'Chernihiv', country: 'UKR' },
      { slug: 'kyiv', name: 'Kyiv', country: 'UKR' },
      { slug: 'kharkiv', name: 'Kharkiv', country: 'UKR' },
      { slug: 'chicago', name: 'Chicago', country: 'USA' },
      { slug: 'harbin', name: 'Harbin', country: 'CHN' },
      { slug: 'grodno', name: 'Grodno', country: 'BLR' },
      { slug: 'pinsk', name: 'Pinsk', country: 'BLR' },
      { slug: 'gomel', name: 'Homiel', country: 'BLR' },
      { slug: 'minsk', name: 'Minsk', country: 'BLR' },
      { slug: 'belgorod', name: 'Belgorod', country: 'RUS' },
      { slug: 'moscow', name: 'Moscow', country: 'RUS' },
      { slug: 'khabarovsk', name: 'Khabarovsk', country: 'RUS' },
    ])
    .returning({ id: places.id, slug: places.slug });
  const id = (slug: string) => placeRows.find((p) => p.slug === slug)!.id;

  // The alias comes first, so the official name must win by kind, not by insertion order.
  await db.insert(placeNames).values([
    { placeId: id('ternopil'), name: 'Тарнопіль', key: 'тарнопіль', lang: 'uk', kind: 'historical' },
    { placeId: id('ternopil'), name: 'Тернопіль', key: 'тернопіль', lang: 'uk', kind: 'official' },
    { placeId: id('ternopil'), name: 'Тернополь', key: 'тернополь', lang: 'ru', kind: 'official' },
    { placeId: id('grodno'), name: 'Гродно', key: 'гродно', lang: 'uk', kind: 'official' },
    { placeId: id('kyiv'), name: 'Київ', key: 'київ', lang: 'uk', kind: 'official' },
    { placeId: id('chicago'), name: 'Чикаго', key: 'чикаго', lang: 'uk', kind: 'official' },
    { placeId: id('moscow'), name: 'Москва', key: 'москва', lang: 'uk', kind: 'official' },
  ]);

  await db.insert(councils).values(
    ['ternopil', 'chernihiv', 'kyiv', 'chicago', 'harbin'].map((slug) => ({ slug: `${slug}-council`, placeId: id(slug) })),
  );

  const campaignRows = await db
    .insert(campaigns)
    .values([
      { slug: 'ukraine-2022', name: 'Ukraine 2022', nameUk: 'Україна 2022', startedOn: '2022-05-26' },
      { slug: 'us-mayors-2022', name: 'US mayors 2022', startedOn: '2022-06-04' },
      { slug: 'draft-campaign', name: 'Not yet public', state: 'draft' },
    ])
    .returning({ id: campaigns.id, slug: campaigns.slug });
  const campaign = (slug: string) => campaignRows.find((c) => c.slug === slug)!.id;

  async function tie(
    place: string,
    partner: string,
    campaignSlugs: string[],
    recorded: { status: TieStatus; on: PartialDate },
    events: { type: TieEventType; on: PartialDate }[] = [],
  ): Promise<void> {
    const made = await recordTie(db, system, {
      placeId: id(place),
      partnerId: id(partner),
      status: recorded.status,
      campaignIds: campaignSlugs.map(campaign),
      sourceId,
      occurred: recorded.on,
    });
    if (!made.ok) throw new Error(made.message);
    for (const e of events) {
      const fired = await fireTieEvent(db, system, { tieId: made.tieId, type: e.type, occurred: e.on, sourceId });
      if (!fired.ok) throw new Error(fired.message);
    }
  }

  await tie('ternopil', 'grodno', ['ukraine-2022'], { status: 'active', on: day('2022-05-02') }, [
    { type: 'appealed', on: day('2022-05-25') },
  ]);
  await tie('ternopil', 'pinsk', ['ukraine-2022'], { status: 'active', on: day('2022-05-02') }, [
    { type: 'appealed', on: day('2022-05-25') },
    { type: 'severed', on: day('2022-06-27') },
  ]);
  await tie('chernihiv', 'gomel', ['ukraine-2022'], { status: 'appealed', on: day('2022-05-25') }, [
    { type: 'severed', on: day('2022-06-20') },
  ]);
  await tie('kyiv', 'minsk', ['ukraine-2022'], { status: 'active', on: day('2022-05-02') }, [
    { type: 'draft_registered', on: day('2022-05-26') },
  ]);
  await tie('kharkiv', 'belgorod', ['ukraine-2022'], { status: 'active', on: day('2022-05-02') }, [
    { type: 'suspended', on: day('2022-03-01') },
  ]);
  await tie('chicago', 'moscow', ['ukraine-2022', 'us-mayors-2022'], { status: 'active', on: { date: '1997-01-01', precision: 'year' } }, [
    { type: 'appealed', on: day('2022-06-04') },
  ]);
  await tie('harbin', 'khabarovsk', [], { status: 'active', on: day('2023-01-01') });
  await tie('kyiv', 'moscow', ['draft-campaign'], { status: 'active', on: { date: '2022-07-01', precision: 'month' } });
}

describeEachEngine('tie queries', ({ db }) => {
  beforeAll(async () => {
    await buildWorld(db());
  });

  it('counts the ties of every public campaign once, by status and by status group', async () => {
    const n = await getHeadlineNumbers(db());
    // Harbin–Khabarovsk (no campaign) and Kyiv–Moscow (draft campaign) are not counted;
    // Chicago–Moscow is in two campaigns and counts once.
    expect(n.total).toBe(6);
    expect(n.byStatus).toEqual({
      active: 0,
      appealed: 2,
      responded: 0,
      pledged: 1,
      severed: 2,
      suspended: 1,
      not_signed: 0,
      occupied: 0,
      refused: 0,
    });
    expect(n.groups.inForce).toBe(4);
    expect(n.groups.closed).toBe(2);
    expect(n.groups.blocked).toBe(0);
    expect(n.groups.awaitingCouncil).toBe(3);
    expect(n.groups.needsAction).toBe(1);
    // Ternopil, Kyiv and Chicago; Chernihiv's only tie is severed and Kharkiv has no council row.
    expect(n.councilsHoldingTies).toBe(3);
    expect(n.lastEventOn).toEqual(day('2022-06-27'));
  });

  it('narrows the numbers to one campaign, drafts included when named', async () => {
    const us = await getHeadlineNumbers(db(), { campaignSlug: 'us-mayors-2022' });
    expect(us.total).toBe(1);
    expect(us.byStatus.appealed).toBe(1);
    expect(us.groups.inForce).toBe(1);
    expect(us.councilsHoldingTies).toBe(1);
    expect(us.lastEventOn).toEqual(day('2022-06-04'));

    const draft = await getHeadlineNumbers(db(), { campaignSlug: 'draft-campaign' });
    expect(draft.total).toBe(1);
    expect(draft.byStatus.active).toBe(1);
    expect(draft.lastEventOn).toEqual({ date: '2022-07-01', precision: 'month' });

    const none = await getHeadlineNumbers(db(), { campaignSlug: 'no-such-campaign' });
    expect(none.total).toBe(0);
    expect(none.councilsHoldingTies).toBe(0);
    expect(none.lastEventOn).toBeNull();
  });

  it('lists public campaigns with their own numbers, matching the per-campaign headline', async () => {
    const list = await listCampaigns(db());
    expect(list.map((c) => c.slug)).toEqual(['ukraine-2022', 'us-mayors-2022']);
    const [ukraine, us] = list;
    expect(ukraine!.nameUk).toBe('Україна 2022');
    expect(ukraine!.headline).toEqual(await getHeadlineNumbers(db(), { campaignSlug: 'ukraine-2022' }));
    expect(us!.headline).toEqual(await getHeadlineNumbers(db(), { campaignSlug: 'us-mayors-2022' }));
    expect(ukraine!.headline.total).toBe(6);
    expect(ukraine!.headline.councilsHoldingTies).toBe(3);

    const all = await listCampaigns(db(), { includeDrafts: true });
    expect(all.map((c) => c.slug)).toContain('draft-campaign');
    expect(all.find((c) => c.slug === 'draft-campaign')!.headline.total).toBe(1);
  });

  it('lists councils still holding ties, by country then place, with every tie in scope', async () => {
    const list = await listCouncilsHoldingTies(db(), { locale: 'en' });
    expect(list.map((c) => `${c.place.country.name}: ${c.place.name}`)).toEqual([
      'Ukraine: Kyiv',
      'Ukraine: Ternopil',
      'United States: Chicago',
    ]);
    const ternopil = list.find((c) => c.slug === 'ternopil-council')!;
    expect(ternopil.ties.map((t) => [t.partner.name, t.partner.country.name, t.status, t.inForce])).toEqual([
      ['Grodno', 'Belarus', 'appealed', true],
      ['Pinsk', 'Belarus', 'severed', false],
    ]);
    expect(ternopil.ties[0]!.lastEventOn).toEqual(day('2022-05-25'));
    expect(ternopil.ties[1]!.lastEventOn).toEqual(day('2022-06-27'));
    // The draft campaign's Kyiv–Moscow stays out of the public list.
    expect(list.find((c) => c.slug === 'kyiv-council')!.ties.map((t) => [t.partner.name, t.status])).toEqual([['Minsk', 'pledged']]);
  });

  it('uses Ukrainian names and Ukrainian alphabetical order for the uk locale', async () => {
    const list = await listCouncilsHoldingTies(db(), { locale: 'uk' });
    // "Сполучені Штати" sorts before "Україна" in Ukrainian.
    expect(list.map((c) => `${c.place.country.name}: ${c.place.name}`)).toEqual([
      'Сполучені Штати: Чикаго',
      'Україна: Київ',
      'Україна: Тернопіль',
    ]);
    const ternopil = list.find((c) => c.slug === 'ternopil-council')!;
    // Pinsk has no Ukrainian name in the data: its English one stands in.
    expect(ternopil.ties.map((t) => `${t.partner.name}, ${t.partner.country.name}`)).toEqual(['Гродно, Білорусь', 'Pinsk, Білорусь']);
  });

  it('narrows the council list to one campaign', async () => {
    const us = await listCouncilsHoldingTies(db(), { campaignSlug: 'us-mayors-2022', locale: 'en' });
    expect(us.map((c) => [c.place.name, c.ties.map((t) => t.partner.name)])).toEqual([['Chicago', ['Moscow']]]);
    const draft = await listCouncilsHoldingTies(db(), { campaignSlug: 'draft-campaign', locale: 'en' });
    expect(draft.map((c) => [c.place.name, c.ties.map((t) => t.partner.name)])).toEqual([['Kyiv', ['Moscow']]]);
  });
});
