import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { campaigns, councils, places, reviewItems, sources, tieEvents, ties, users } from '../../db/schema';
import { fireTieEvent } from '../ties/fire-tie-event';
import { describeEachEngine, openTestDatabase } from '../testing/test-database';
import { applyDataset, emptyCounts } from './apply-dataset';
import { type Dataset, type DatasetInput, datasetSchema, emptyDataset } from './dataset';
import { exportDataset, serialiseDataset } from './export-dataset';

const TC = { url: 'https://tc.transparency.org.ua/ties', title: 'Which councils broke ties', publisher: 'Transparent Cities', published: '2022-05-26', language: 'uk', kind: 'report' as const };
const SEED = { seed: '001_6f1cc70905dcdfcc.txt', title: 'List of twin towns and sister cities in Russia', publisher: 'Wikipedia', language: 'en', kind: 'list' as const };

/** Districts with parents, names in several languages, a tie's whole history, a campaign with figures, a review item. */
const varied: DatasetInput = {
  ...emptyDataset(),
  sources: [TC, SEED],
  places: [
    { slug: 'kyiv-oblast-ukr', name: 'Kyiv Oblast', country: 'UKR', kind: 'region', names: [{ name: 'Київська область', lang: 'uk', kind: 'official' }] },
    {
      slug: 'kyiv-ukr',
      name: 'Kyiv',
      country: 'UKR',
      region: 'kyiv-oblast-ukr',
      regionCode: 'UA-30',
      names: [
        { name: 'Kyiv', lang: 'en', kind: 'english' },
        { name: 'Київ', lang: 'uk', kind: 'official' },
        { name: 'Киев', lang: 'ru', kind: 'transliteration' },
        { name: 'Kiev', lang: 'en', kind: 'historical' },
      ],
      latitude: 50.45,
      longitude: 30.52,
    },
    { slug: 'minsk-blr', name: 'Minsk', country: 'BLR', names: [{ name: 'Мінск', lang: 'be', kind: 'official' }, { name: 'Минск', lang: 'ru', kind: 'official' }] },
    { slug: 'leninsky-minsk-blr', name: 'Leninsky', country: 'BLR', kind: 'district', parent: 'minsk-blr', names: [{ name: 'Ленінскі раён', lang: 'be', kind: 'official' }] },
  ],
  councils: [
    {
      slug: 'kyiv-city-council',
      place: 'kyiv-ukr',
      name: 'Kyiv City Council',
      localName: 'Київська міська рада',
      website: 'https://kyivcity.gov.ua',
      contactEmails: ['info@kyivcity.gov.ua'],
      emailDomains: ['kyivcity.gov.ua'],
      languages: ['uk', 'en'],
    },
  ],
  campaigns: [
    {
      slug: 'ukraine-2022',
      name: 'Ukraine 2022',
      nameUk: 'Україна 2022',
      countries: ['UKR'],
      languages: ['uk'],
      startedOn: '2022-05-26',
      figures: [
        { key: 'cities-analysed', value: 100, label: 'cities analysed', source: { url: TC.url }, quote: '100 largest cities' },
        { key: 'cities-with-ties', value: 25, label: 'cities with ties', labelUk: 'міст з побратимами', source: { url: TC.url } },
      ],
    },
  ],
  ties: [
    {
      place: { slug: 'kyiv-ukr', name: 'Kyiv', country: 'UKR', aliases: [] },
      partner: { name: 'Moscow', country: 'RUS', aliases: ['Москва', 'Moskva'] },
      kind: 'partner_city',
      agreementTitle: 'Agreement on partnership',
      signed: '1997-05',
      status: 'pledged',
      campaigns: ['ukraine-2022'],
      events: [
        { type: 'recorded', status: 'active', date: null, source: { seed: SEED.seed }, quote: 'UKR Kyiv, Ukraine', recordedAt: '2022-05-01T10:00:00.000Z', recordedBy: 'seed' },
        { type: 'appealed', status: 'appealed', date: '2022-05-20', dateIsUpperBound: true, source: { url: TC.url } },
        {
          type: 'severed',
          status: 'severed',
          date: '2022-06',
          source: { url: TC.url },
          quote: 'the council ended the partnership',
          evidence: { decisionNumber: '123/456', decisionDate: '2022-06-10' },
        },
        { type: 'corrected', status: 'pledged', date: null, source: null, reason: 'The June decision was a draft, not a vote.', note: 'Checked with the council' },
      ],
    },
    {
      place: { slug: 'kyiv-ukr', name: 'Kyiv', country: 'UKR', aliases: [] },
      partner: { slug: 'leninsky-minsk-blr', name: 'Leninsky', country: 'BLR', aliases: ['Lieninski'] },
      status: 'pledged',
      campaigns: ['ukraine-2022'],
      events: [
        { type: 'recorded', status: 'active', date: '2009', source: { url: TC.url } },
        { type: 'vote_scheduled', status: 'pledged', date: '2022-06-01', source: { url: TC.url }, sessionOn: '2022-06-15' },
        // Typed after the vote was scheduled, dated before it.
        { type: 'appealed', status: 'appealed', date: '2022-05-20', source: { url: TC.url } },
      ],
    },
    {
      place: { name: 'Gomel', country: 'BLR', aliases: ['Homiel', 'Гомель'] },
      partner: { name: 'Moscow', country: 'RUS', aliases: [] },
      kind: 'twin_town',
      status: 'active',
      events: [{ type: 'recorded', status: 'active', date: null, source: { seed: SEED.seed } }],
    },
  ],
  countryClaims: [
    { key: 'ended-ukr-2022', country: 'UKR', kind: 'ended', date: '2022', source: { url: TC.url }, quote: 'Ukraine ended them all', note: 'A claim, not a record per council.' },
    { key: 'urged-ukr', country: 'UKR', kind: 'urged', source: { seed: SEED.seed }, quote: 'UKR Kyiv, Ukraine' },
  ],
  reviewItems: [
    {
      key: 'conflicting-claims:kyiv-moscow-status',
      kind: 'conflicting_claims',
      summary: 'One source says Kyiv severed the tie; another says a draft was only registered.',
      quote: 'the council ended the partnership',
      source: { url: TC.url },
      campaign: 'ukraine-2022',
      council: 'kyiv-city-council',
      tie: { place: 'kyiv-ukr', partner: 'moscow-rus' },
      details: { claims: ['severed', 'pledged'] },
      state: 'dismissed',
      resolution: 'The correction stands.',
    },
  ],
};

describeEachEngine('exporting the database', ({ db, engine }) => {
  const others: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of others) await h.close();
  });
  let first: Dataset;
  let firstText: string;

  it('exports everything a varied dataset put in, in a fixed order', async () => {
    const report = await applyDataset(db(), varied);
    expect(report.rejected).toEqual([]);
    // A person's event: its author is exported as their email.
    const [user] = await db().insert(users).values({ email: 'organiser@example.org' }).returning();
    const [campaign] = await db().select().from(campaigns).where(eq(campaigns.slug, 'ukraine-2022'));
    const [kyiv] = await db().select().from(places).where(eq(places.slug, 'kyiv-ukr'));
    const [tie] = await db().select().from(ties).where(eq(ties.placeId, kyiv!.id));
    const fired = await fireTieEvent(db(), { kind: 'user', userId: user!.id, grants: [{ role: 'organiser', campaignId: campaign!.id }] }, {
      tieId: tie!.id,
      type: 'noted',
      sourceId: null,
      evidence: { url: 'https://kyivcity.gov.ua/decision' },
      note: 'Decision page',
    });
    expect(fired.ok).toBe(true);
    // A withdrawal (of the appeal), a check, and what council staff stated.
    const organiser = { kind: 'user' as const, userId: user!.id, grants: [{ role: 'organiser' as const, campaignId: campaign!.id }] };
    const appealed = (await db().select().from(tieEvents).where(eq(tieEvents.tieId, tie!.id))).find((e) => e.type === 'appealed')!;
    expect(await fireTieEvent(db(), organiser, { tieId: tie!.id, type: 'withdrawn', targetEventId: appealed.id, reason: 'Sent to another council.' })).toMatchObject({ ok: true, status: 'pledged' });
    const [staffUser] = await db().insert(users).values({ email: 'clerk@kyivcity.gov.ua' }).returning();
    const [council] = await db().select().from(councils);
    expect(
      await fireTieEvent(db(), { kind: 'user', userId: staffUser!.id, grants: [{ role: 'council_staff', councilId: council!.id }] }, { tieId: tie!.id, type: 'responded', note: 'We are preparing a decision.' }),
    ).toMatchObject({ ok: true });
    const [leninskyTie] = await db().select().from(ties).where(eq(ties.partnerId, (await db().select().from(places).where(eq(places.slug, 'leninsky-minsk-blr')))[0]!.id));
    const [checkSource] = await db().insert(sources).values({ key: 'https://kyivcity.gov.ua/partners', url: 'https://kyivcity.gov.ua/partners', title: 'Partner cities', kind: 'official' }).returning();
    expect(
      await fireTieEvent(db(), organiser, { tieId: leninskyTie!.id, type: 'checked', checkResult: 'listed', sourceId: checkSource!.id, occurred: { date: '2025-01-10', precision: 'day' } }),
    ).toMatchObject({ ok: true });
    // Operational, not open data: a bounced council address stays out of the export.
    await db().insert(reviewItems).values({ key: 'bounce:kyiv', kind: 'council_contact_bounced', summary: 'mail to rada@kyiv.example bounced', details: { smtp: '550 5.1.1 no such user' } });

    first = await exportDataset(db());
    firstText = serialiseDataset(first);
    expect(datasetSchema.safeParse(first).success).toBe(true);
    expect(first.places.map((p) => p.slug)).toEqual(['gomel-blr', 'kyiv-oblast-ukr', 'kyiv-ukr', 'leninsky-minsk-blr', 'minsk-blr', 'moscow-rus']);
    expect(first.sources.map((s) => s.url ?? s.seed)).toEqual(['https://kyivcity.gov.ua/partners', TC.url, '001_6f1cc70905dcdfcc.txt']); // by key: https://... before seed:...
    expect(first.ties.map((t) => `${t.place.slug} – ${t.partner.slug}`)).toEqual(['gomel-blr – moscow-rus', 'kyiv-ukr – leninsky-minsk-blr', 'kyiv-ukr – moscow-rus']);
    const kyivMoscow = first.ties[2]!;
    expect(kyivMoscow.partner).toEqual({ slug: 'moscow-rus', name: 'Moscow', country: 'RUS', aliases: ['Moskva', 'Москва'] });
    expect(kyivMoscow.place.aliases).toEqual(['Kiev', 'Киев', 'Київ']); // code-point order
    expect(kyivMoscow.events.map((e) => [e.type, e.status, e.date, e.recordedBy, e.attribution])).toEqual([
      ['recorded', 'active', null, 'seed', 'source'],
      ['appealed', 'appealed', '2022-05-20', 'import', 'source'],
      ['severed', 'severed', '2022-06', 'import', 'source'],
      ['corrected', 'pledged', null, 'import', 'campaign'],
      ['noted', 'pledged', null, 'organiser@example.org', 'campaign'],
      ['withdrawn', 'pledged', null, 'organiser@example.org', 'campaign'],
      ['responded', 'pledged', null, 'clerk@kyivcity.gov.ua', 'council_staff'],
    ]);
    expect(kyivMoscow.events[5]).toMatchObject({ targetEvent: 2, reason: 'Sent to another council.' });
    const kyivLeninsky = first.ties[1]!;
    expect(kyivLeninsky.events.map((e) => [e.type, e.status, e.sessionOn ?? null, e.checkResult ?? null])).toEqual([
      ['recorded', 'active', null, null],
      ['vote_scheduled', 'pledged', '2022-06-15', null],
      ['appealed', 'appealed', null, null],
      ['checked', 'pledged', null, 'listed'],
    ]);
    expect(kyivLeninsky.status).toBe('pledged');
    expect(first.sources.map((s) => s.kind)).toEqual(['official', 'report', 'list']);
    expect(first.places.find((p) => p.slug === 'kyiv-ukr')?.regionCode).toBe('UA-30');
    expect(first.countryClaims).toEqual([
      { key: 'ended-ukr-2022', country: 'UKR', kind: 'ended', date: '2022', source: { url: TC.url }, quote: 'Ukraine ended them all', note: 'A claim, not a record per council.' },
      { key: 'urged-ukr', country: 'UKR', kind: 'urged', date: null, source: { seed: SEED.seed }, quote: 'UKR Kyiv, Ukraine', note: null },
    ]);
    expect(kyivMoscow.events[0]!.recordedAt).toBe('2022-05-01T10:00:00.000Z');
    expect(kyivMoscow.events[1]!.dateIsUpperBound).toBe(true);
    expect(kyivMoscow.events[2]!.evidence).toEqual({ decisionNumber: '123/456', decisionDate: '2022-06-10' });
    expect(first.places.find((p) => p.slug === 'leninsky-minsk-blr')).toMatchObject({ kind: 'district', parent: 'minsk-blr' });
    expect(first.campaigns[0]!.figures.map((f) => f.key)).toEqual(['cities-analysed', 'cities-with-ties']);
    expect(first.reviewItems).toMatchObject([{ key: 'conflicting-claims:kyiv-moscow-status', state: 'dismissed', tie: { place: 'kyiv-ukr', partner: 'moscow-rus' } }]);
    console.log(`[${engine}] exported ${firstText.length} bytes`);
  });

  it('gives the same bytes after importing the export into an empty database and exporting again', async () => {
    const empty = await openTestDatabase(engine);
    others.push(empty);
    const report = await applyDataset(empty.db, JSON.parse(firstText) as DatasetInput);
    expect(report.rejected).toEqual([]);
    expect(report.review).toHaveLength(1); // the dataset's own item; nothing new was filed
    const secondText = serialiseDataset(await exportDataset(empty.db));
    expect(secondText).toBe(firstText);
  });

  it('adds nothing when its own export is applied to it', async () => {
    const report = await applyDataset(db(), JSON.parse(firstText) as DatasetInput);
    expect(report.rejected).toEqual([]);
    expect(report.added).toEqual(emptyCounts());
    expect(serialiseDataset(await exportDataset(db()))).toBe(firstText);
  });
});

describe('serialiseDataset', () => {
  it('writes sections in applying order, keys in a fixed order, two spaces and a final newline', () => {
    const text = serialiseDataset({ ...emptyDataset(), ties: [], sources: [{ title: 'T', url: 'https://e.org/' } as Dataset['sources'][number]] });
    expect(text).toBe(
      '{\n  "format": "untwin-dataset",\n  "version": 1,\n  "sources": [\n    {\n      "title": "T",\n      "url": "https://e.org/"\n    }\n  ],\n  "places": [],\n  "councils": [],\n  "campaigns": [],\n  "ties": [],\n  "countryClaims": [],\n  "reviewItems": []\n}\n',
    );
  });
});
