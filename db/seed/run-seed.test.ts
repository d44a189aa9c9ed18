import { and, asc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../client';
import { campaignFigures, campaignTies, campaigns, councils, countryClaims, placeNames, places, reviewItems, sources, tieEventEffects, tieEvents, ties } from '../schema';
import { STATUS_GROUPS } from '../../lib/ties/lifecycle';
import { normaliseName } from '../../lib/places/normalise-name';
import { describeEachEngine } from '../../lib/testing/test-database';
import { Q as EUROPE } from './europe-2025';
import { gazetteerSlug } from './gazetteer';
import { type SeedSummary, isDatabaseEmpty, readSeedDocument, seedDatabase } from './run-seed';
import { SEED_FILES, type SeedFile } from './sources';
import { Q as UKRAINE, unnamedBelarusianPartner } from './ukraine-2022';
import { Q as US } from './us-mayors-2022';

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
      id: tieEvents.id,
      type: tieEvents.type,
      toStatus: tieEvents.toStatus,
      occurredOn: tieEvents.occurredOn,
      occurredPrecision: tieEvents.occurredPrecision,
      occurredByDate: tieEvents.occurredByDate,
      quote: tieEvents.quote,
      note: tieEvents.note,
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

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

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
    // 39 named ties, and 4 with a Belarusian partner the article does not name (Lutsk, Mykolaiv, Poltava, Shostka).
    expect(first.tiesPerCampaign['ukraine-2022']).toBe(43);
    // Every seeded event has its source and the words that carry it.
    expect(await db().$count(tieEvents, isNull(tieEvents.sourceId))).toBe(0);
    expect(await db().$count(tieEvents, isNull(tieEvents.quote))).toBe(0);
    expect(await db().$count(tieEvents, ne(tieEvents.recordedByLabel, 'seed'))).toBe(0);
    // Every tie's derived history is stored: one row per event.
    expect(await db().$count(tieEventEffects)).toBe(first.events);
  });

  it('quotes every stored fact verbatim from the document it cites', async () => {
    const documents = new Map<string, string>(Object.values(SEED_FILES).map((f) => [f, squash(readSeedDocument(f as SeedFile))]));
    const quoted = [
      ...(await db().select({ quote: tieEvents.quote, seed: sources.seedDocument }).from(tieEvents).innerJoin(sources, eq(sources.id, tieEvents.sourceId))),
      ...(await db().select({ quote: countryClaims.quote, seed: sources.seedDocument }).from(countryClaims).innerJoin(sources, eq(sources.id, countryClaims.sourceId))),
      ...(await db().select({ quote: campaignFigures.quote, seed: sources.seedDocument }).from(campaignFigures).innerJoin(sources, eq(sources.id, campaignFigures.sourceId))),
    ];
    expect(quoted.length).toBeGreaterThan(first.events);
    expect(quoted.filter((q) => !q.seed || !q.quote || !documents.get(q.seed)?.includes(squash(q.quote)))).toEqual([]);
  });

  it('gives each source its kind: the article a report, Wikipedia a list, Kaliningrad’s own page official, the others news', async () => {
    const rows = await db().select({ seed: sources.seedDocument, kind: sources.kind }).from(sources).orderBy(asc(sources.seedDocument));
    expect(Object.fromEntries(rows.map((r) => [r.seed, r.kind]))).toEqual({
      [SEED_FILES.transparentCities]: 'report',
      [SEED_FILES.wikipediaRussia]: 'list',
      [SEED_FILES.kaliningrad]: 'official',
      [SEED_FILES.zelenskyUsMayors]: 'news',
      [SEED_FILES.vkurier2025]: 'news',
    });
  });

  it('confirms no tie from an undated list or page: those are listed, not confirmed', async () => {
    const inForce = [...STATUS_GROUPS.inForce];
    // Known only from the Wikipedia list or Kaliningrad's undated page.
    expect(await db().$count(ties, and(inArray(ties.status, inForce), isNull(ties.confirmedEventId)))).toBeGreaterThan(900);
    const cologne = await tieBetween(db(), slugOf('Cologne', 'DEU'), ru('Volgograd'));
    expect(cologne).toMatchObject({ status: 'active', confirmedEventId: null });
    const kaliningradGomel = await tieBetween(db(), ru('Kaliningrad'), by('Gomel'));
    expect(kaliningradGomel?.confirmedEventId).toBeNull();
    // Kaliningrad's page: the agreement's year is when the tie was signed, not when anything happened.
    const kaliningradEvents = await db()
      .select({ n: tieEvents.id })
      .from(tieEvents)
      .innerJoin(sources, eq(sources.id, tieEvents.sourceId))
      .where(and(eq(sources.seedDocument, SEED_FILES.kaliningrad), isNotNull(tieEvents.occurredOn)));
    expect(kaliningradEvents).toEqual([]);
    const chernihiv = await tieBetween(db(), ua('Chernihiv'), by('Gomel'));
    expect(chernihiv).toMatchObject({ confirmedOn: '2022-06-27', confirmedPrecision: 'day' });
    expect(chernihiv?.confirmedEventId).toBe(chernihiv?.events.at(-1)?.id);
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
    // A draft registered by one faction's councillors is not the council's pledge.
    const kyiv = await tieBetween(db(), ua('Kyiv'), by('Minsk'));
    expect(kyiv?.status).toBe('active');
    expect(kyiv?.events.map((e) => [e.type, e.toStatus, e.quote])).toEqual([
      ['recorded', 'active', UKRAINE.kyivInProcess],
      ['noted', 'active', UKRAINE.kyivDraft],
    ]);
    expect(kyiv?.events[1]?.note).toMatch(/not the council’s pledge/);
    expect(await statusOf(db(), ua('Kamianka'), by('Babruysk'))).toBe('pledged');
    expect(await statusOf(db(), ua('Ternopil'), by('Grodno'))).toBe('appealed');
    for (const partner of [ru('Yeysk'), ru('Zheleznogorsk'), ru('Barnaul')]) {
      expect(await statusOf(db(), ua('Mariupol'), partner)).toBe('occupied');
    }
    // Occupied councils' ties that other seeds document.
    expect(await statusOf(db(), ua('Sievierodonetsk'), ru('Serpukhov'))).toBe('occupied');
    expect(await statusOf(db(), ua('Kherson'), ru('Kaliningrad'))).toBe('occupied');
  });

  it('records the partners the article does not name as unnamed Belarusian partners, counted', async () => {
    for (const council of ['Lutsk', 'Mykolaiv', 'Poltava', 'Shostka']) {
      const partner = unnamedBelarusianPartner(council);
      const [place] = await db().select().from(places).where(eq(places.slug, partner.slug!));
      expect(place, council).toMatchObject({ kind: 'unnamed', country: 'BLR' });
      const tie = await tieBetween(db(), ua(council), partner.slug!);
      expect(tie?.placeId, council).not.toBe(place!.id); // the council's place is the tie's place, the placeholder its partner
      expect(tie?.partnerId).toBe(place!.id);
      expect(tie?.events.every((e) => e.seed === SEED_FILES.transparentCities)).toBe(true);
      // One placeholder per tie.
      expect(await db().$count(ties, or(eq(ties.placeId, place!.id), eq(ties.partnerId, place!.id)))).toBe(1);
    }
    const lutsk = await tieBetween(db(), ua('Lutsk'), unnamedBelarusianPartner('Lutsk').slug!);
    expect(lutsk?.events.map((e) => [e.type, e.occurredOn, e.quote])).toEqual([
      ['recorded', '2022-05-02', UKRAINE.stillFriends],
      ['appealed', '2022-05-25', UKRAINE.appeal],
      ['severed', '2022-06-27', UKRAINE.respectively],
    ]);
    for (const council of ['Mykolaiv', 'Poltava']) {
      const tie = await tieBetween(db(), ua(council), unnamedBelarusianPartner(council).slug!);
      expect(tie?.events.map((e) => [e.type, e.toStatus, e.occurredOn, e.occurredByDate, e.quote])).toEqual([['recorded', 'severed', '2022-06-27', true, UKRAINE.respectively]]);
    }
    // Shostka is called on to end its ties, so they were in force: appealed, not "nothing left to ask".
    const shostka = await tieBetween(db(), ua('Shostka'), unnamedBelarusianPartner('Shostka').slug!);
    expect(shostka?.status).toBe('appealed');
    expect(shostka?.events.map((e) => [e.type, e.toStatus, e.occurredOn, e.occurredByDate, e.quote])).toEqual([
      ['recorded', 'active', '2022-06-27', true, UKRAINE.callOnRest],
      ['appealed', 'appealed', '2022-06-27', false, UKRAINE.callOnRest],
    ]);
    // The same renewed call as Ternopil's and Cherkasy's.
    const ternopil = await tieBetween(db(), ua('Ternopil'), by('Grodno'));
    expect(ternopil?.events.at(-1)).toMatchObject({ type: 'appealed', occurredOn: '2022-06-27', quote: UKRAINE.callOnRest, note: shostka?.events[1]?.note });
  });

  it('counts the five councils of the 27 June update as five severances, each as of that day', async () => {
    const five: [council: string, partner: string][] = [
      ['Kovel', by('Pinsk')],
      ['Lutsk', unnamedBelarusianPartner('Lutsk').slug!],
      ['Mykolaiv', unnamedBelarusianPartner('Mykolaiv').slug!],
      ['Poltava', unnamedBelarusianPartner('Poltava').slug!],
      ['Chernihiv', by('Gomel')],
    ];
    for (const [council, partner] of five) {
      const tie = await tieBetween(db(), ua(council), partner);
      expect(tie?.status, council).toBe('severed');
      const severance = tie!.events.find((e) => e.toStatus === 'severed' && e.quote === UKRAINE.respectively);
      expect(severance, council).toMatchObject({ occurredOn: '2022-06-27', occurredPrecision: 'day', occurredByDate: true, seed: SEED_FILES.transparentCities });
    }
  });

  it('files what the article leaves open as review items with their quotes', async () => {
    const respectively = await db().select().from(reviewItems).where(eq(reviewItems.quote, UKRAINE.respectively));
    expect(respectively.map((r) => r.kind)).toEqual(['ambiguous_claim', 'ambiguous_claim', 'ambiguous_claim']);
    expect(respectively.every((r) => r.councilId !== null && r.sourceId !== null)).toBe(true);
    // Each on the tie with the unnamed partner, with the candidates.
    for (const council of ['Lutsk', 'Mykolaiv', 'Poltava']) {
      const tie = await tieBetween(db(), ua(council), unnamedBelarusianPartner(council).slug!);
      const item = respectively.find((r) => r.tieId === tie!.id);
      expect(item?.details, council).toEqual({ candidatePartners: [by('Brest'), by('Mogilev'), by('Braslaw District'), by('Baranavichy')] });
    }
    const [shostka] = await db().select().from(reviewItems).where(eq(reviewItems.key, 'seed-000-shostka-partners-unnamed'));
    const shostkaTie = await tieBetween(db(), ua('Shostka'), unnamedBelarusianPartner('Shostka').slug!);
    expect(shostka).toMatchObject({ tieId: shostkaTie!.id, quote: UKRAINE.callOnRest });
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
    const portland = await tieBetween(db(), gazetteerSlug('Portland', 'USA', 'US-OR'), ru('Khabarovsk'));
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

  it('keeps the two Portlands apart: two places, two councils, each with its own partner, and says why', async () => {
    const rows = await db()
      .select({ id: places.id, slug: places.slug, regionCode: places.regionCode, council: councils.slug })
      .from(places)
      .leftJoin(councils, eq(councils.placeId, places.id))
      .where(eq(places.name, 'Portland'))
      .orderBy(places.slug);
    expect(rows.map((r) => [r.slug, r.regionCode, r.council])).toEqual([
      ['portland-us-me-usa', 'US-ME', 'portland-us-me-usa'],
      ['portland-us-or-usa', 'US-OR', 'portland-us-or-usa'],
    ]);
    const maine = await tieBetween(db(), 'portland-us-me-usa', 'arkhangelsk-rus');
    expect(maine?.events).toMatchObject([{ type: 'recorded', seed: SEED_FILES.wikipediaRussia, quote: 'USA Portland, United States' }]);
    expect(maine?.events[0]?.note).toMatch(/Listed under Arkhangelsk.*Portland, Maine \(US-ME\)/);
    const oregon = await tieBetween(db(), 'portland-us-or-usa', ru('Khabarovsk'));
    expect(oregon?.events.map((e) => e.quote)).toEqual(['USA Portland, United States', US.portland, US.portland]);
    expect(oregon?.events[0]?.note).toMatch(/Listed under Khabarovsk.*Portland, Oregon \(US-OR\)/);
    // Each Portland has only its own partner.
    for (const r of rows) expect(await db().$count(ties, or(eq(ties.placeId, r.id), eq(ties.partnerId, r.id))), r.slug).toBe(1);
    const [item] = await db().select().from(reviewItems).where(eq(reviewItems.key, 'seed-001-portland-which-state'));
    expect(item).toMatchObject({ kind: 'ambiguous_claim', state: 'open', placeId: rows[0]!.id, otherPlaceId: rows[1]!.id });
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
    // "Since 2009", "in 2024": when the ties were signed; the report documents them on its own date.
    const gelendzhik = await tieBetween(db(), by('Vitebsk'), ru('Gelendzhik'));
    expect(gelendzhik).toMatchObject({ signedOn: '2009-01-01', signedPrecision: 'year' });
    const simferopol = await tieBetween(db(), ua('Simferopol'), by('Vitebsk'));
    expect(simferopol).toMatchObject({ signedOn: '2024-01-01', signedPrecision: 'year' });
    for (const [tie, quote] of [
      [gelendzhik, EUROPE.gelendzhik],
      [simferopol, EUROPE.simferopol],
      [omsk, EUROPE.omskVitebsk],
    ] as const) {
      const fromReport = tie!.events.filter((e) => e.seed === SEED_FILES.vkurier2025);
      expect(fromReport.map((e) => [e.occurredOn, e.occurredPrecision, e.quote])).toEqual([['2025-06-20', 'day', quote]]);
    }
    const europe = await db()
      .select({ tieId: campaignTies.tieId })
      .from(campaignTies)
      .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
      .where(eq(campaigns.slug, 'europe-2025'));
    expect(europe.map((m) => m.tieId)).toEqual(expect.arrayContaining([stPetersburg!.id, volgograd!.id]));
    expect(europe.map((m) => m.tieId)).not.toContain(omsk!.id);
  });

  it('keeps what the 2025 report says of whole countries as claims, with its words, moving no status', async () => {
    const text = squash(readSeedDocument(SEED_FILES.vkurier2025));
    const claims = await db()
      .select({ key: countryClaims.key, country: countryClaims.country, kind: countryClaims.kind, on: countryClaims.occurredOn, precision: countryClaims.occurredPrecision, quote: countryClaims.quote, seed: sources.seedDocument })
      .from(countryClaims)
      .innerJoin(sources, eq(sources.id, countryClaims.sourceId))
      .orderBy(countryClaims.country);
    expect(claims.map((c) => [c.country, c.kind, c.on, c.precision])).toEqual([
      ['EST', 'ended', '2022-01-01', 'year'],
      ['FIN', 'ended', '2022-01-01', 'year'],
      ['LTU', 'ended', '2022-01-01', 'year'],
      ['LVA', 'ended', '2022-01-01', 'year'],
      ['POL', 'urged', null, null],
    ]);
    for (const c of claims) {
      expect(c.seed).toBe(SEED_FILES.vkurier2025);
      expect(text).toContain(c.quote);
    }
    expect(claims.find((c) => c.country === 'POL')?.quote).toBe('Власти Польши призвали свои города прекратить сотрудничество с российскими муниципалитетами ещё раньше.');
    expect(claims.find((c) => c.country === 'LTU')?.quote).toBe('Латвия, Литва, Эстония и Финляндия сделали это сразу после начала полномасштабного вторжения в 2022 году.');
    // No status moved: Vilnius–Kaliningrad is still as Kaliningrad's page and the list have it.
    expect(await statusOf(db(), slugOf('Vilnius', 'LTU'), ru('Kaliningrad'))).toBe('active');
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
