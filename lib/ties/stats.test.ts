import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { campaigns } from '../../db/schema';
import { seedDatabase } from '../../db/seed/run-seed';
import { Q as UKRAINE } from '../../db/seed/ukraine-2022';
import { createCampaign, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from './fire-tie-event';
import { FUNNEL, type TieEventType } from './lifecycle';
import {
  PROGRESS_STAGES,
  type Progress,
  getFunnel,
  getProgress,
  listCampaignFigures,
  listStatsCampaigns,
  rankByCountry,
  rankByRegion,
} from './stats';

const system = { kind: 'system', label: 'stats test' } as const;

function expectConsistentProgress(progress: Progress): void {
  // Consecutive months, no gaps.
  for (let i = 1; i < progress.months.length; i++) {
    const [y, m] = progress.months[i - 1]!.split('-').map(Number) as [number, number];
    expect(progress.months[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
  }
  for (const stage of PROGRESS_STAGES) {
    const series = progress.cumulative[stage];
    expect(series).toHaveLength(progress.months.length);
    expect(series).toEqual([...series].sort((a, b) => a - b));
    expect(series.at(-1) ?? 0).toBe(progress.dated[stage]);
  }
  progress.months.forEach((_, i) => {
    expect(progress.cumulative.appealed[i]).toBeGreaterThanOrEqual(progress.cumulative.pledged[i]!);
    expect(progress.cumulative.pledged[i]).toBeGreaterThanOrEqual(progress.cumulative.severed[i]!);
  });
}

describeEachEngine('stats on the seed', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
  }, 300_000);

  it('offers the public campaigns, named in the page’s language', async () => {
    expect(await listStatsCampaigns(db(), { locale: 'en' })).toEqual([
      { slug: 'ukraine-2022', name: 'Ukraine 2022' },
      { slug: 'us-mayors-2022', name: 'US mayors 2022' },
      { slug: 'europe-2025', name: 'Europe 2025' },
    ]);
    expect((await listStatsCampaigns(db(), { locale: 'uk' }))[0]).toEqual({ slug: 'ukraine-2022', name: 'Україна 2022' });
  });

  it('counts how far ties got: each stage of the funnel at least the one after it', async () => {
    for (const scope of [{}, { campaignSlug: 'ukraine-2022' }, { campaignSlug: 'europe-2025' }]) {
      const funnel = await getFunnel(db(), scope);
      expect(funnel.stages.map((s) => s.status)).toEqual([...FUNNEL]);
      for (let i = 1; i < funnel.stages.length; i++) expect(funnel.stages[i - 1]!.reached).toBeGreaterThanOrEqual(funnel.stages[i]!.reached);
      for (const stage of funnel.stages) expect(stage.reached).toBeGreaterThanOrEqual(stage.now);
      expect(funnel.stages[0]!.reached).toBeLessThanOrEqual(funnel.total);
      expect(Object.values(funnel.byStatus).reduce((a, b) => a + b, 0)).toBe(funnel.total);
    }
  });

  it('gives the Ukraine 2022 campaign’s outcomes as the article reports them', async () => {
    const funnel = await getFunnel(db(), { campaignSlug: 'ukraine-2022' });
    // Every tie the article names was appealed to or had already ended, but Kyiv–Minsk: a draft
    // registered by one faction's councillors is not the council's pledge, so it stays in force.
    expect(funnel.byStatus.active).toBe(1);
    // Mariupol (3), Melitopol (2), Sievierodonetsk (2) and Kherson (1) "are under occupation".
    expect(funnel.sideOutcomes.find((s) => s.status === 'occupied')).toEqual({ status: 'occupied', now: 8, ever: 8 });
    // Zhytomyr–Homiel and Kovel–Szczuczyn were never signed.
    expect(funnel.sideOutcomes.find((s) => s.status === 'not_signed')).toEqual({ status: 'not_signed', now: 2, ever: 2 });
    const severed = funnel.stages.find((s) => s.status === 'severed')!;
    expect(severed.reached).toBe(funnel.byStatus.severed);
    // Every tie now appealed, pledged or severed got past the appeal stage, Kharkiv's too, which
    // ended "earlier", before any appeal.
    expect(funnel.stages.find((s) => s.status === 'appealed')!.reached).toBeGreaterThanOrEqual(
      funnel.byStatus.appealed + funnel.byStatus.pledged + severed.reached,
    );
  });

  it('ranks partner countries and council countries, counting every tie once', async () => {
    const funnel = await getFunnel(db());
    const partners = await rankByCountry(db(), { side: 'partner', locale: 'en' });
    expect(partners.map((p) => p.code).sort()).toEqual(['BLR', 'RUS']);
    expect(partners[0]).toMatchObject({ code: 'RUS', name: 'Russia' });
    expect(partners.reduce((n, p) => n + p.ties, 0)).toBe(funnel.total);

    const councilsUk = await rankByCountry(db(), { side: 'council', locale: 'uk' });
    expect(councilsUk.reduce((n, c) => n + c.ties, 0)).toBe(funnel.total);
    expect(councilsUk.find((c) => c.code === 'UKR')?.name).toBe('Україна');
    expect(councilsUk.find((c) => c.code === 'DEU')?.name).toBe('Німеччина');
    for (let i = 1; i < councilsUk.length; i++) expect(councilsUk[i - 1]!.ties).toBeGreaterThanOrEqual(councilsUk[i]!.ties);
    for (const c of councilsUk) expect(c.inForce).toBeLessThanOrEqual(c.ties);
    for (const c of councilsUk) expect(c.confirmedInForce + c.listedNotConfirmed).toBe(c.inForce);

    const ukraine = await rankByCountry(db(), { side: 'council', locale: 'en', campaignSlug: 'ukraine-2022' });
    expect(ukraine.map((c) => c.code)).toEqual(['UKR']);
  });

  it('ranks the oblasts: Kyiv Oblast with Bila Tserkva, Boyarka, Brovary and Irpin, in both languages', async () => {
    const en = await rankByRegion(db(), { country: 'UKR', locale: 'en' });
    const kyiv = en.regions.find((r) => r.name === 'Kyiv Oblast');
    expect(kyiv?.places.map((p) => p.name)).toEqual(['Bila Tserkva', 'Boyarka', 'Brovary', 'Irpin']);
    expect(kyiv).toMatchObject({ ties: 4, severed: 3, pledged: 1, inForce: 1 });
    // Lutsk's Belarusian partner is unnamed in the update of 27 June, but the tie is counted.
    expect(en.regions.find((r) => r.name === 'Volyn Oblast')?.places.map((p) => p.name)).toEqual(['Kovel', 'Lutsk', 'Novovolynsk']);
    for (let i = 1; i < en.regions.length; i++) expect(en.regions[i - 1]!.ties).toBeGreaterThanOrEqual(en.regions[i]!.ties);
    for (const r of en.regions) expect(r.places.reduce((n, p) => n + p.ties, 0)).toBe(r.ties);
    // Kyiv is a city with special status, in no oblast; Kamianka's oblast is not known.
    expect(en.tiesWithoutRegion).toBeGreaterThanOrEqual(2);

    const uk = await rankByRegion(db(), { country: 'UKR', locale: 'uk' });
    expect(uk.regions.find((r) => r.name === 'Київська область')?.places.map((p) => p.name)).toEqual(['Біла Церква', 'Боярка', 'Бровари', 'Ірпінь']);

    const europe = await rankByRegion(db(), { country: 'UKR', locale: 'en', campaignSlug: 'europe-2025' });
    expect(europe).toEqual({ regions: [], tiesWithoutRegion: 0 });
  });

  it('keeps the survey figures with their source and quote, in the page’s language', async () => {
    const en = await listCampaignFigures(db(), { locale: 'en' });
    expect(en.map((c) => c.slug)).toEqual(['ukraine-2022']);
    const [ukraine] = en;
    expect(ukraine!.figures.slice(0, 4).map((f) => f.value)).toEqual([100, 25, 41, 31]);
    expect(ukraine!.figures[0]).toMatchObject({
      key: 'cities-analysed',
      label: 'Largest Ukrainian cities analysed (2021 Transparency Ranking)',
      quote: UKRAINE.analysed,
      source: {
        publisher: 'Transparent Cities programme (Transparency International Ukraine)',
        publishedOn: { date: '2022-05-26', precision: 'day' },
        language: 'en',
      },
    });
    const uk = await listCampaignFigures(db(), { locale: 'uk', campaignSlug: 'ukraine-2022' });
    expect(uk[0]).toMatchObject({ name: 'Україна 2022' });
    expect(uk[0]!.figures[1]).toMatchObject({ value: 25, label: 'Міст мають або мали зв’язки з містами росії чи Білорусі' });
    expect(await listCampaignFigures(db(), { locale: 'en', campaignSlug: 'us-mayors-2022' })).toEqual([]);
  });

  it('charts progress by month from the events’ dates', async () => {
    const all = await getProgress(db());
    expectConsistentProgress(all);
    const funnel = await getFunnel(db());
    for (const stage of PROGRESS_STAGES) expect(all.dated[stage]).toBeLessThanOrEqual(funnel.stages.find((s) => s.status === stage)!.reached);
    // The Ukraine 2022 article's results are as of 25 May; its update (27 June) adds the five
    // councils that "officially ceased cooperation": Kovel, Lutsk, Mykolaiv, Poltava and Chernihiv.
    const ukraine = await getProgress(db(), { campaignSlug: 'ukraine-2022' });
    expectConsistentProgress(ukraine);
    expect(ukraine.months.slice(0, 2)).toEqual(['2022-05', '2022-06']);
    expect(ukraine.cumulative.severed[1]! - ukraine.cumulative.severed[0]!).toBe(5);
    // Cologne's severance is dated only "March 2025": it counts from the start of that month.
    expect(all.months.at(-1)).toBe('2025-03');
  });
});

describeEachEngine('stats on a small world', ({ db }) => {
  it('counts a tie at every stage it got past, and places it in time by its first dated step', async () => {
    const campaign = await createCampaign(db());
    const source = (await createTie(db(), { campaignId: campaign.id, placeName: 'Quiet' })).source; // stays active
    await createTie(db(), { campaignId: campaign.id, status: 'severed', partnerCountry: 'BLR' }); // appealed, promised, severed on 2022-05-25
    await createTie(db(), { campaignId: campaign.id, status: 'pledged' }); // appealed, promised on 2022-05-25
    const fire = async (tieId: number, type: TieEventType, date: string, precision: 'day' | 'month' = 'day') => {
      const r = await fireTieEvent(db(), system, { tieId, type, sourceId: source.id, occurred: { date, precision } });
      if (!r.ok) throw new Error(r.message);
    };
    // Severed without an appeal, known only to the month.
    const direct = await createTie(db(), { campaignId: campaign.id });
    await fire(direct.tieId, 'severed', '2023-02-01', 'month');
    // Occupied, then liberated: in force again.
    const occupied = await createTie(db(), { campaignId: campaign.id, status: 'occupied' });
    await fire(occupied.tieId, 'resumed', '2022-11-11');
    // A draft campaign's tie counts nowhere unless asked for.
    const draft = await createCampaign(db());
    await db().update(campaigns).set({ state: 'draft' }).where(eq(campaigns.id, draft.id));
    await createTie(db(), { campaignId: draft.id, status: 'severed' });

    const funnel = await getFunnel(db(), { campaignSlug: campaign.slug });
    expect(funnel.total).toBe(5);
    expect(funnel.stages.map((s) => [s.status, s.reached, s.now])).toEqual([
      ['active', 5, 2],
      ['appealed', 3, 0],
      ['responded', 3, 0],
      ['pledged', 3, 1],
      ['severed', 2, 2],
    ]);
    expect(funnel.sideOutcomes).toEqual([
      { status: 'suspended', now: 0, ever: 0 },
      { status: 'not_signed', now: 0, ever: 0 },
      { status: 'occupied', now: 0, ever: 1 },
      { status: 'refused', now: 0, ever: 0 },
    ]);
    expect((await getFunnel(db())).total).toBe(5);
    expect((await listStatsCampaigns(db(), { locale: 'en' })).map((c) => c.slug)).toEqual([campaign.slug]);
    expect((await getFunnel(db(), { campaignSlug: draft.slug })).byStatus.severed).toBe(1);

    const partners = await rankByCountry(db(), { side: 'partner', locale: 'en', campaignSlug: campaign.slug });
    expect(partners.map((p) => [p.code, p.ties, p.inForce, p.pledged, p.severed])).toEqual([
      ['RUS', 4, 3, 1, 1],
      ['BLR', 1, 0, 0, 1],
    ]);
    // Quiet is known only from its undated record; the pledge and the liberation are dated.
    expect(partners.map((p) => [p.code, p.confirmedInForce, p.listedNotConfirmed])).toEqual([
      ['RUS', 2, 1],
      ['BLR', 0, 0],
    ]);
    expect(funnel.figures).toMatchObject({ inForce: 3, confirmedInForce: 2, listedNotConfirmed: 1, severed: 2, closed: 2 });

    const progress = await getProgress(db(), { campaignSlug: campaign.slug });
    expectConsistentProgress(progress);
    expect(progress.months[0]).toBe('2022-05');
    expect(progress.months.at(-1)).toBe('2023-02');
    expect(progress.months).toHaveLength(10);
    expect(progress.cumulative.appealed.at(0)).toBe(2);
    expect(progress.cumulative.severed.at(0)).toBe(1);
    expect(progress.cumulative.severed.at(-2)).toBe(1);
    expect(progress.cumulative.severed.at(-1)).toBe(2);
    expect(progress.dated).toEqual({ appealed: 3, pledged: 3, severed: 2 });
  });
});
