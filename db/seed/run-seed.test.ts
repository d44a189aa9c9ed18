import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../client';
import { campaignFigures, campaignTies, campaigns, placeNames, places, reviewItems, sources, tieEvents, ties } from '../schema';
import { normaliseName } from '../../lib/places/normalise-name';
import { describeEachEngine } from '../../lib/testing/test-database';
import { Q as EUROPE } from './europe-2025';
import { gazetteerSlug } from './gazetteer';
import { type SeedSummary, isDatabaseEmpty, seedDatabase } from './run-seed';
import { SEED_FILES } from './sources';
import { Q as UKRAINE } from './ukraine-2022';

/**
 * Seeds a fresh database once per engine, reads a sample of the seed documents' facts back,
 * then seeds again and checks that nothing was added.
 */
const slugOf = (name: string, country: string) => gazetteerSlug(name, country);

async function tieBetween(db: Database, a: string, b: string) {
  const rows = await db.select({ id: places.id, slug: places.slug }).from(places).where(inArray(places.slug, [a, b]));
  const ids = rows.map((r) => r.id);
  expect(ids, `${a} and ${b} are places`).toHaveLength(2);
  const [tie] = await db
    .select()
    .from(ties)
    .where(and(inArray(ties.placeId, ids), inArray(ties.partnerId, ids)));
  if (!tie) return null;
  const events = await db
    .select({
      type: tieEvents.type,
      toStatus: tieEvents.toStatus,
      occurredOn: tieEvents.occurredOn,
      occurredPrecision: tieEvents.occurredPrecision,
      occurredByDate: tieEvents.occurredByDate,
      quote: tieEvents.quote,
      seed: sources.seedDocument,
    })
    .from(tieEvents)
    .leftJoin(sources, eq(sources.id, tieEvents.sourceId))
    .where(eq(tieEvents.tieId, tie.id))
    .orderBy(tieEvents.revision);
  return { ...tie, events };
}

async function statusOf(db: Database, a: string, b: string) {
  return (await tieBetween(db, a, b))?.status ?? null;
}

describeEachEngine('the seed', ({ db }) => {
  let first: SeedSummary;
  const ua = (n: string) => slugOf(n, 'UKR');
  const by = (n: string) => slugOf(n, 'BLR');
  const ru = (n: string) => slugOf(n, 'RUS');

  beforeAll(async () => {
    expect(await isDatabaseEmpty(db())).toBe(true);
    first = await seedDatabase(db());
  }, 300_000);

  it('fills an empty database with every seed', async () => {
    expect(await isDatabaseEmpty(db())).toBe(false);
    expect(first.ties).toBeGreaterThan(900);
    expect(first.councils).toBeGreaterThanOrEqual(29);
    expect(first.events).toBeGreaterThan(first.ties);
    expect(Object.keys(first.tiesPerCampaign).sort()).toEqual(['europe-2025', 'ukraine-2022', 'us-mayors-2022']);
    expect(first.tiesPerCampaign['ukraine-2022']).toBe(39);
    // Every seeded event has its source and the words that carry it.
    expect(await db().$count(tieEvents, isNull(tieEvents.sourceId))).toBe(0);
    expect(await db().$count(tieEvents, isNull(tieEvents.quote))).toBe(0);
    expect(await db().$count(tieEvents, ne(tieEvents.recordedByLabel, 'seed'))).toBe(0);
  });

  it('records what the Transparent Cities article says, with its dates', async () => {
    const chernihiv = await tieBetween(db(), ua('Chernihiv'), by('Gomel'));
    expect(chernihiv?.status).toBe('severed');
    expect(chernihiv?.events.map((e) => e.type)).toEqual(['recorded', 'appealed', 'vote_scheduled', 'severed']);
    expect(chernihiv?.events.at(-1)).toMatchObject({
      type: 'severed',
      occurredOn: '2022-06-27',
      occurredPrecision: 'day',
      seed: SEED_FILES.transparentCities,
      quote: UKRAINE.respectively,
    });
    expect(chernihiv?.events.every((e) => e.seed === SEED_FILES.transparentCities && e.quote)).toBe(true);

    expect(await statusOf(db(), ua('Izmail'), ru('Kursk'))).toBe('severed');
    expect(await statusOf(db(), ua('Izmail'), slugOf('Lefortovo District', 'RUS'))).toBe('severed');
    expect(await statusOf(db(), ua('Kovel'), by('Shchuchyn'))).toBe('not_signed');
    expect(await statusOf(db(), ua('Kovel'), by('Pinsk'))).toBe('severed');
    const zhytomyr = await tieBetween(db(), ua('Zhytomyr'), by('Gomel'));
    expect(zhytomyr?.events.map((e) => [e.type, e.toStatus, e.occurredOn, e.occurredByDate])).toEqual([
      ['recorded', 'active', '2022-06-27', true],
      ['found_not_signed', 'not_signed', '2022-06-27', true],
    ]);
    expect(await statusOf(db(), ua('Kyiv'), by('Minsk'))).toBe('pledged');
    expect(await statusOf(db(), ua('Kamianka'), by('Babruysk'))).toBe('pledged');
    expect(await statusOf(db(), ua('Ternopil'), by('Grodno'))).toBe('appealed');
    for (const partner of [ru('Yeysk'), ru('Zheleznogorsk'), ru('Barnaul')]) {
      expect(await statusOf(db(), ua('Mariupol'), partner)).toBe('occupied');
    }
    // Occupied councils' ties that other seeds document.
    expect(await statusOf(db(), ua('Sievierodonetsk'), ru('Serpukhov'))).toBe('occupied');
    expect(await statusOf(db(), ua('Kherson'), ru('Kaliningrad'))).toBe('occupied');
    // The "respectively" sentence invents no tie for Lutsk, Mykolaiv or Poltava.
    for (const council of ['Lutsk', 'Mykolaiv', 'Poltava']) {
      const [place] = await db().select({ id: places.id }).from(places).where(eq(places.slug, ua(council)));
      expect(await db().$count(ties, eq(ties.placeId, place!.id))).toBe(0);
    }
  });

  it('files what the article leaves open as review items with their quotes', async () => {
    const respectively = await db().select().from(reviewItems).where(eq(reviewItems.quote, UKRAINE.respectively));
    expect(respectively.map((r) => r.kind)).toEqual(['ambiguous_claim', 'ambiguous_claim', 'ambiguous_claim']);
    expect(respectively.every((r) => r.councilId !== null && r.sourceId !== null)).toBe(true);
    const [kamianske] = await db().select().from(reviewItems).where(eq(reviewItems.key, 'seed-000-kamianka-kamianske'));
    expect(kamianske?.quote).toBe(UKRAINE.notYetVoted);
  });

  it('keeps the survey figures', async () => {
    const figures = await db()
      .select({ key: campaignFigures.key, value: campaignFigures.value })
      .from(campaignFigures)
      .innerJoin(campaigns, eq(campaigns.id, campaignFigures.campaignId))
      .where(eq(campaigns.slug, 'ukraine-2022'));
    const value = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    expect(value).toMatchObject({
      'cities-analysed': 100,
      'cities-with-ties': 25,
      'cities-without-ties': 41,
      'cities-no-information': 31,
      'cities-information-unavailable': 21,
      'council-websites-down': 10,
    });
  });

  it('records the US mayors appeal of 4 June 2022', async () => {
    const portland = await tieBetween(db(), slugOf('Portland', 'USA'), ru('Khabarovsk'));
    expect(portland?.status).toBe('appealed');
    expect(portland?.events.find((e) => e.type === 'appealed')).toMatchObject({ occurredOn: '2022-06-04', seed: SEED_FILES.zelenskyUsMayors });
    // The Wikipedia list had it first; the news item is a second source for it.
    expect(portland?.events.map((e) => [e.type, e.seed])).toEqual([
      ['recorded', SEED_FILES.wikipediaRussia],
      ['noted', SEED_FILES.zelenskyUsMayors],
      ['appealed', SEED_FILES.zelenskyUsMayors],
    ]);
    const chicago = await tieBetween(db(), slugOf('Chicago', 'USA'), ru('Moscow'));
    expect(chicago?.events[0]).toMatchObject({ type: 'recorded', seed: SEED_FILES.zelenskyUsMayors });
    expect(chicago?.status).toBe('appealed');
  });

  it('keeps both claims about Cologne, and the 2025 Omsk–Vitebsk agreement', async () => {
    const stPetersburg = await tieBetween(db(), slugOf('Cologne', 'DEU'), ru('Saint Petersburg'));
    expect(stPetersburg?.status).toBe('severed');
    expect(stPetersburg?.events).toMatchObject([{ type: 'recorded', occurredOn: '2025-03-01', occurredPrecision: 'month', quote: EUROPE.cologne }]);
    const volgograd = await tieBetween(db(), slugOf('Cologne', 'DEU'), ru('Volgograd'));
    expect(volgograd?.status).toBe('active');
    expect(volgograd?.events.map((e) => e.seed)).toEqual([SEED_FILES.wikipediaRussia]);
    const [conflict] = await db().select().from(reviewItems).where(eq(reviewItems.key, 'seed-004-cologne-saint-petersburg'));
    expect(conflict).toMatchObject({ kind: 'conflicting_claims', tieId: stPetersburg!.id, otherTieId: volgograd!.id, quote: EUROPE.cologne });

    const omsk = await tieBetween(db(), by('Vitebsk'), ru('Omsk'));
    expect(omsk).toMatchObject({ status: 'active', kind: 'twin_town', signedOn: '2025-06-19', signedPrecision: 'day' });
    const europe = await db()
      .select({ tieId: campaignTies.tieId })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(eq(campaigns.slug, 'europe-2025'));
    expect(europe.map((m) => m.tieId)).toEqual(expect.arrayContaining([stPetersburg!.id, volgograd!.id]));
    expect(europe.map((m) => m.tieId)).not.toContain(omsk!.id);
  });

  it('makes one place of every spelling', async () => {
    const gomel = await db()
      .selectDistinct({ placeId: placeNames.placeId })
      .from(placeNames)
      .innerJoin(places, eq(places.id, placeNames.placeId))
      .where(and(eq(places.country, 'BLR'), inArray(placeNames.key, ['Gomel', 'Homiel', 'Гомель'].map(normaliseName))));
    expect(gomel).toHaveLength(1);
    const homielNames = await db().select({ name: placeNames.name }).from(placeNames).where(eq(placeNames.placeId, gomel[0]!.placeId));
    expect(homielNames.map((n) => n.name)).toEqual(expect.arrayContaining(['Gomel', 'Homiel', 'Гомель']));
    // Kaliningrad's list says Gomel, the Wikipedia list Gomel, the article Homiel: one place, one tie each.
    const kaliningrad = await tieBetween(db(), ru('Kaliningrad'), by('Gomel'));
    expect(kaliningrad?.events.map((e) => e.seed)).toEqual([SEED_FILES.wikipediaRussia, SEED_FILES.kaliningrad]);
    expect(kaliningrad?.signedOn).toBe('2010-01-01');
  });

  it('adds nothing when seeded again', async () => {
    const again = await seedDatabase(db());
    expect(again.steps.map((s) => [s.name, s.addedTies, s.addedEvents, s.addedReviewItems])).toEqual(
      again.steps.map((s) => [s.name, 0, 0, 0]),
    );
    expect({ ...again, steps: [], seconds: 0 }).toEqual({ ...first, steps: [], seconds: 0 });
  }, 300_000);
});
