import fs from 'node:fs';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { campaignTies, campaigns, countryClaims, placeNames, places, reviewItems, sources, tieEventEffects, tieEvents, ties } from '../../db/schema';
import type { Database } from '../../db/client';
import { describeEachEngine } from '../testing/test-database';
import { type ImportReport, applyDataset, emptyCounts } from './apply-dataset';
import { type DatasetInput, type EventRecord, type TiePlace, emptyDataset } from './dataset';
import { parseWikipediaList } from './wikipedia-list';

const SEED = '001_6f1cc70905dcdfcc.txt';
const A = { url: 'https://example.org/a', title: 'Source A' };
const B = { url: 'https://example.org/b', title: 'Source B' };

const at = (name: string, country: string, aliases: string[] = []): TiePlace => ({ name, country, aliases });
const recorded = (source: { url: string }, status: EventRecord['status'] = 'active', extra: Partial<EventRecord> = {}): EventRecord => ({
  type: 'recorded',
  status,
  date: null,
  dateIsUpperBound: false,
  source: { url: source.url },
  ...extra,
});
const dataset = (ties: DatasetInput['ties'], more: Partial<DatasetInput> = {}): DatasetInput => ({
  ...emptyDataset(),
  sources: [A, B],
  ties,
  ...more,
});

async function totals(db: Database) {
  return {
    places: await db.$count(places),
    names: await db.$count(placeNames),
    ties: await db.$count(ties),
    events: await db.$count(tieEvents),
    reviewItems: await db.$count(reviewItems),
    sources: await db.$count(sources),
  };
}

async function tieRow(db: Database, placeSlug: string, partnerSlug: string) {
  const [p] = await db.select().from(places).where(eq(places.slug, placeSlug));
  const [q] = await db.select().from(places).where(eq(places.slug, partnerSlug));
  const found = (await db.select().from(ties)).find((t) => (t.placeId === p?.id && t.partnerId === q?.id) || (t.placeId === q?.id && t.partnerId === p?.id));
  if (!found) throw new Error(`no tie ${placeSlug} – ${partnerSlug}`);
  const events = await db.select().from(tieEvents).where(eq(tieEvents.tieId, found.id)).orderBy(tieEvents.revision);
  return { ...found, events };
}

const nothingAdded = (report: ImportReport) => expect(report.added).toEqual(emptyCounts());

describeEachEngine('applying the Wikipedia list of Russia (seed 001)', ({ db, engine }) => {
  const text = fs.readFileSync(path.join(process.cwd(), 'db', 'seed', 'documents', SEED), 'utf8');
  const { dataset: seed } = parseWikipediaList(text, { source: { seed: SEED } });

  it('writes every tie once, with its place, partner and recorded event', { timeout: 240_000 }, async () => {
    const progress: number[] = [];
    const report = await applyDataset(db(), seed, { onProgress: (done, total) => progress.push(done / total) });
    console.log(`[${engine}] applied the seed Wikipedia list in ${(report.durationMs / 1000).toFixed(1)} s`);
    expect(report.rejected).toEqual([]);
    expect(report.added).toEqual({ sources: 1, places: 849, placeNames: 850, councils: 0, campaigns: 0, ties: 888, events: 888, countryClaims: 0, reviewItems: 4 });
    expect(progress.at(-1)).toBe(1);
    expect(await totals(db())).toEqual({ places: 849, names: 850, ties: 888, events: 888, reviewItems: 4, sources: 1 });
    const keys = (await db().select({ key: reviewItems.key }).from(reviewItems)).map((r) => r.key).sort();
    expect(keys).toContain('possible-duplicate:baranavichy-blr:baranovichi-blr');

    const tie = await tieRow(db(), 'serpukhov-rus', 'aleksin-rus');
    expect(tie).toMatchObject({ status: 'active', kind: 'twin_town', revision: 1 });
    expect(tie.events).toMatchObject([{ type: 'recorded', toStatus: 'active', quote: 'RUS Serpukhov, Russia', recordedByLabel: 'import' }]);
    const [leninsky] = await db().select().from(places).where(eq(places.slug, 'leninsky-minsk-blr'));
    const [minsk] = await db().select().from(places).where(eq(places.slug, 'minsk-blr'));
    expect(leninsky).toMatchObject({ kind: 'district', parentId: minsk!.id });
    // Every tie's derived history is stored: one row per event, and an undated list confirms nothing.
    expect(await db().$count(tieEventEffects)).toBe(888);
    expect(await db().$count(ties, isNotNull(ties.confirmedEventId))).toBe(0);
    const [list] = await db().select({ kind: sources.kind }).from(sources);
    expect(list?.kind).toBe('list');
  });

  it('adds nothing when applied again', { timeout: 120_000 }, async () => {
    const before = await totals(db());
    const report = await applyDataset(db(), seed);
    nothingAdded(report);
    expect(report.changed).toEqual(emptyCounts());
    expect(report.unchanged).toMatchObject({ sources: 1, places: 849, ties: 888, events: 888 });
    expect(await totals(db())).toEqual(before);
  });
});

describeEachEngine('applying datasets', ({ db }) => {
  beforeAll(async () => {
    await db().insert(campaigns).values({ slug: 'europe-2025', name: 'Europe 2025' });
  });

  it('finds a place by any known spelling and never creates a second one', async () => {
    const first = await applyDataset(db(), dataset([{ place: at('Aachen', 'DEU'), partner: at('Gomel', 'BLR', ['Homiel', 'Гомель']), status: 'active', events: [recorded(A)] }]));
    expect(first.rejected).toEqual([]);
    expect(first.added).toMatchObject({ places: 2, placeNames: 4, ties: 1, events: 1, sources: 2 });
    const second = await applyDataset(db(), dataset([{ place: at('Bielefeld', 'DEU'), partner: at('Homiel', 'BLR'), status: 'active', events: [recorded(B)] }]));
    expect(second.added).toMatchObject({ places: 1, placeNames: 1, ties: 1 });
    expect(second.unchanged).toMatchObject({ places: 1 });
    const homiel = await tieRow(db(), 'bielefeld-deu', 'gomel-blr');
    expect(homiel.status).toBe('active');
    expect(await db().$count(places, eq(places.country, 'BLR'))).toBe(1);
  });

  it('fills in a known place from a dataset without blanking what the dataset leaves out', async () => {
    const first = await applyDataset(db(), { ...emptyDataset(), places: [{ slug: 'lviv-ukr', name: 'Lviv', country: 'UKR', names: [], latitude: 49.84, longitude: 24.03 }] });
    expect(first.added).toMatchObject({ places: 1, placeNames: 1 });
    const second = await applyDataset(db(), { ...emptyDataset(), places: [{ slug: 'lviv-ukr', name: 'Lviv', country: 'UKR', names: [{ name: 'Львів', lang: 'uk', kind: 'official' }] }] });
    expect(second.added).toMatchObject({ places: 0, placeNames: 1 });
    expect(second.changed.places).toBe(1);
    const [lviv] = await db().select().from(places).where(eq(places.slug, 'lviv-ukr'));
    expect(lviv).toMatchObject({ latitude: 49.84, longitude: 24.03, kind: 'settlement' });
    // A tie naming it by its Ukrainian spelling finds it.
    const tie = await applyDataset(db(), dataset([{ place: at('Львів', 'UKR'), partner: at('Perm', 'RUS'), status: 'active', events: [recorded(A)] }]), { dryRun: true });
    expect(tie.added).toMatchObject({ places: 1, ties: 1 });
  });

  it('adds a new source of a known tie as a noted event, and a new spelling as an alias', async () => {
    const report = await applyDataset(db(), dataset([{ place: at('Aachen', 'DEU'), partner: at('Homel', 'BLR', ['Gomel']), status: 'active', events: [recorded(B, 'active', { quote: 'Aachen and Homel' })] }]));
    expect(report.rejected).toEqual([]);
    expect(report.added).toMatchObject({ ties: 0, events: 1, placeNames: 1, reviewItems: 0 });
    expect(report.changed).toMatchObject({ ties: 1, places: 1 });
    const tie = await tieRow(db(), 'aachen-deu', 'gomel-blr');
    expect(tie.events.map((e) => `${e.type}:${e.toStatus}`)).toEqual(['recorded:active', 'noted:active']);
    const names = await db().select({ name: placeNames.name }).from(placeNames).innerJoin(places, eq(places.id, placeNames.placeId)).where(eq(places.slug, 'gomel-blr'));
    expect(names.map((n) => n.name).sort()).toEqual(['Gomel', 'Homel', 'Homiel', 'Гомель']);
  });

  it('keeps a conflicting status claim as a noted event and files it for review', async () => {
    const claim = dataset([{ place: at('Aachen', 'DEU'), partner: at('Gomel', 'BLR'), status: 'severed', events: [recorded(B, 'severed', { date: '2025-03', quote: 'Aachen broke with Gomel' })] }]);
    const report = await applyDataset(db(), claim);
    expect(report.rejected).toEqual([]);
    expect(report.review).toEqual([
      {
        kind: 'conflicting_claims',
        summary: 'Sources disagree on Aachen – Gomel: the record says it is active; "Source B" says it is severed (2025-03). Both claims are kept until a person decides.',
      },
    ]);
    const tie = await tieRow(db(), 'aachen-deu', 'gomel-blr');
    expect(tie.status).toBe('active');
    expect(tie.events.at(-1)).toMatchObject({ type: 'noted', toStatus: 'active', quote: 'Aachen broke with Gomel', occurredOn: '2025-03-01', occurredPrecision: 'month' });
    expect(tie.events.at(-1)!.note).toContain('This source says the tie is severed');
    const [item] = await db().select().from(reviewItems).where(eq(reviewItems.tieId, tie.id));
    expect(item).toMatchObject({ kind: 'conflicting_claims', key: 'conflicting-claims:status:aachen-deu:gomel-blr:https://example.org/b', state: 'open' });
    const again = await applyDataset(db(), claim);
    nothingAdded(again);
  });

  it('keeps the first kind, title and signing year and files a different claim', async () => {
    const base = { place: at('Cologne', 'DEU'), partner: at('Volgograd', 'RUS'), status: 'active' as const };
    await applyDataset(db(), dataset([{ ...base, kind: 'twin_town', signed: '1988', events: [recorded(A)] }]));
    const report = await applyDataset(db(), dataset([{ ...base, kind: 'memorandum', signed: '1990', events: [recorded(B)] }]));
    expect(report.rejected).toEqual([]);
    expect(report.review.map((r) => r.summary)).toEqual([
      'Sources disagree on the kind of agreement of Cologne – Volgograd: the record says twin town; "Source B" says memorandum. The record is kept until a person decides.',
      'Sources disagree on when Cologne and Volgograd signed: the record says 1988; "Source B" says 1990. The record is kept until a person decides.',
    ]);
    const tie = await tieRow(db(), 'cologne-deu', 'volgograd-rus');
    expect(tie).toMatchObject({ kind: 'twin_town', signedOn: '1988-01-01', signedPrecision: 'year' });
    // A claim that only adds detail fills it in.
    const detail = await applyDataset(db(), dataset([{ ...base, agreementTitle: 'Partnership agreement', signed: '1988-05', events: [recorded(A)] }]));
    expect(detail.review).toEqual([]);
    expect(detail.changed.ties).toBe(1);
    expect(await tieRow(db(), 'cologne-deu', 'volgograd-rus')).toMatchObject({ agreementTitle: 'Partnership agreement', signedOn: '1988-05-01', signedPrecision: 'month' });
  });

  it('replays later events through the lifecycle', async () => {
    const report = await applyDataset(
      db(),
      dataset(
        [
          {
            place: at('Kharkiv', 'UKR', ['Kharkov']),
            partner: at('Belgorod', 'RUS'),
            status: 'severed',
            campaigns: ['europe-2025'],
            events: [
              recorded(A),
              { type: 'appealed', status: 'appealed', date: '2022-03-01', dateIsUpperBound: false, source: { url: A.url } },
              { type: 'severed', status: 'severed', date: '2022-04', dateIsUpperBound: true, source: { url: B.url }, quote: 'ended' },
            ],
          },
        ],
        {},
      ),
    );
    expect(report.rejected).toEqual([]);
    expect(report.added).toMatchObject({ ties: 1, events: 3 });
    const tie = await tieRow(db(), 'kharkiv-ukr', 'belgorod-rus');
    expect(tie.status).toBe('severed');
    expect(tie.events.map((e) => [e.type, e.fromStatus, e.toStatus, e.revision])).toEqual([
      ['recorded', null, 'active', 1],
      ['appealed', 'active', 'appealed', 2],
      ['severed', 'appealed', 'severed', 3],
    ]);
    expect(tie.events[2]).toMatchObject({ occurredOn: '2022-04-01', occurredPrecision: 'month', occurredByDate: true });
    expect(await db().$count(campaignTies, eq(campaignTies.tieId, tie.id))).toBe(1);

    // The first source again, after the tie moved on: nothing new, and not a contradiction.
    const older = await applyDataset(db(), dataset([{ place: at('Kharkov', 'UKR'), partner: at('Belgorod', 'RUS'), status: 'active', events: [recorded(A)] }]));
    expect(older.rejected).toEqual([]);
    nothingAdded(older);
  });

  it('rejects what the lifecycle refuses, names the tie and the event, and changes nothing', async () => {
    const before = await totals(db());
    const report = await applyDataset(
      db(),
      dataset([
        { place: at('Lviv', 'UKR'), partner: at('Perm', 'RUS'), status: 'active', events: [recorded(A)] },
        {
          place: at('Kyiv', 'UKR'),
          partner: at('Moscow', 'RUS'),
          status: 'pledged',
          events: [recorded(A, 'severed', { date: '2022-04-01' }), { type: 'promised', status: 'pledged', date: '2022-05', dateIsUpperBound: false, source: { url: A.url } }],
        },
        { place: at('Odesa', 'UKR'), partner: at('Saint Petersburg', 'RUS'), status: 'severed', events: [recorded(A)] },
        { place: at('Dnipro', 'UKR'), partner: at('Samara', 'RUS'), status: 'severed', events: [{ type: 'severed', status: 'severed', date: '2022-04', dateIsUpperBound: false, source: { url: A.url } }] },
      ]),
    );
    expect(report.rejected).toEqual([
      { tie: 1, item: 'tie 2: Kyiv – Moscow', message: 'Kyiv – Moscow: event 2 "promised" of 2022-05 was refused: "promised" cannot happen to a tie that is severed.' },
      { tie: 2, item: 'tie 3: Odesa – Saint Petersburg', message: 'The events of Odesa – Saint Petersburg leave it active, but its status says severed.' },
      { tie: 3, item: 'tie 4: Dnipro – Samara', message: 'Dnipro – Samara is not known yet, so its first event must be "recorded" (it is "severed").' },
    ]);
    expect(await totals(db())).toEqual(before);
  });

  it('rejects unknown campaigns and countries, and invalid datasets, before writing anything', async () => {
    const before = await totals(db());
    const unknown = await applyDataset(db(), dataset([{ place: at('Lviv', 'UKR'), partner: at('Perm', 'RUS'), status: 'active', events: [recorded(A)] }]), { campaign: 'no-such-campaign' });
    expect(unknown.rejected).toEqual([{ tie: 0, item: 'tie 1: Lviv – Perm', message: 'No campaign "no-such-campaign": create it first or include it in the dataset.' }]);
    const country = await applyDataset(db(), dataset([{ place: at('Lviv', 'UKR'), partner: at('Perm', 'XXX'), status: 'active', events: [recorded(A)] }]));
    expect(country.rejected).toEqual([{ tie: 0, item: 'tie 1: Lviv – Perm', message: 'Unknown country code XXX for Perm.' }]);
    const invalid = await applyDataset(db(), dataset([{ place: at('Lviv', 'Ukraine'), partner: at('Perm', 'RUS'), status: 'active', events: [] }]));
    expect(invalid.rejected).toEqual([
      { tie: 0, item: 'ties.0.place.country', message: 'must be an ISO 3166-1 alpha-3 code such as UKR' },
      { tie: 0, item: 'ties.0.events', message: 'a tie needs at least the event that records it' },
    ]);
    expect(await totals(db())).toEqual(before);
  });

  it('reports a dry run in full and then rolls it back', async () => {
    const before = await totals(db());
    const report = await applyDataset(db(), dataset([{ place: at('Lutsk', 'UKR'), partner: at('Ryazan', 'RUS'), status: 'active', events: [recorded(A)] }]), { dryRun: true });
    expect(report.rejected).toEqual([]);
    expect(report.added).toMatchObject({ places: 2, ties: 1, events: 1 });
    expect(await totals(db())).toEqual(before);
  });

  it('adds every tie to the campaign it is given, even ties it already knows', async () => {
    const report = await applyDataset(db(), dataset([{ place: at('Cologne', 'DEU'), partner: at('Volgograd', 'RUS'), status: 'active', events: [recorded(A)] }]), { campaign: 'europe-2025' });
    expect(report.rejected).toEqual([]);
    expect(report.changed.ties).toBe(1);
    const tie = await tieRow(db(), 'cologne-deu', 'volgograd-rus');
    expect(await db().$count(campaignTies, eq(campaignTies.tieId, tie.id))).toBe(1);
    nothingAdded(await applyDataset(db(), dataset([{ place: at('Cologne', 'DEU'), partner: at('Volgograd', 'RUS'), status: 'active', events: [recorded(A)] }]), { campaign: 'europe-2025' }));
  });

  it('stores the derived history of every tie it wrote, once, and keeps the date and evidence rules', async () => {
    const report = await applyDataset(
      db(),
      dataset([
        { place: at('Rivne', 'UKR'), partner: at('Tver', 'RUS'), status: 'active', events: [recorded(A)] },
        {
          place: at('Rivne', 'UKR'),
          partner: at('Pskov', 'RUS'),
          status: 'severed',
          events: [
            recorded(A, 'active', { date: '2022-05-02' }),
            // Typed after the severance but dated before it: replayed in the order things happened.
            { type: 'severed', status: 'severed', date: '2022-06', dateIsUpperBound: true, source: { url: B.url }, quote: 'ended' },
            { type: 'appealed', status: 'appealed', date: '2022-05-20', dateIsUpperBound: false, source: { url: A.url } },
          ],
        },
      ]),
    );
    expect(report.rejected).toEqual([]);
    const undated = await tieRow(db(), 'rivne-ukr', 'tver-rus');
    expect(undated).toMatchObject({ status: 'active', confirmedEventId: null });
    const dated = await tieRow(db(), 'rivne-ukr', 'pskov-rus');
    expect(dated.status).toBe('severed');
    const effects = await db().select().from(tieEventEffects).where(eq(tieEventEffects.tieId, dated.id)).orderBy(tieEventEffects.position);
    expect(effects.map((e) => [e.position, e.toStatus, e.counts])).toEqual([
      [0, 'active', true],
      [1, 'appealed', true],
      [2, 'severed', true],
    ]);
    expect(dated.confirmedEventId).toBe(dated.events.find((e) => e.type === 'severed')!.id);
    expect(dated.confirmedOn).toBe('2022-06-01');

    // A future date and a severance with a decision number only are refused, with every reason.
    const before = await totals(db());
    const refused = await applyDataset(
      db(),
      dataset([
        {
          place: at('Rivne', 'UKR'),
          partner: at('Tver', 'RUS'),
          status: 'severed',
          events: [{ type: 'severed', status: 'severed', date: '2099-01-15', dateIsUpperBound: false, source: null, evidence: { decisionNumber: '12/3' } }],
        },
      ]),
    );
    expect(refused.rejected).toHaveLength(1);
    expect(refused.rejected[0]!.message).toMatch(/decision number alone is not enough.*cannot be dated in the future/);
    expect(await totals(db())).toEqual(before);
  });

  it('keeps source kinds, places told apart by region, and claims about a whole country', async () => {
    const kinds = await applyDataset(db(), { ...emptyDataset(), sources: [{ ...A, kind: 'report' }] });
    expect(kinds.changed.sources).toBe(1);
    const kindOf = async () => (await db().select({ kind: sources.kind }).from(sources).where(eq(sources.key, A.url)))[0]!.kind;
    expect(await kindOf()).toBe('report');
    nothingAdded(await applyDataset(db(), { ...emptyDataset(), sources: [A] })); // a file that does not say leaves it
    expect(await kindOf()).toBe('report');

    const portlands = {
      ...emptyDataset(),
      places: [
        { slug: 'portland-us-me-usa', name: 'Portland', country: 'USA', regionCode: 'US-ME', names: [] },
        { slug: 'portland-us-or-usa', name: 'Portland', country: 'USA', regionCode: 'US-OR', names: [] },
      ],
    };
    const two = await applyDataset(db(), portlands);
    expect(two.rejected).toEqual([]);
    expect(two.added.places).toBe(2);
    expect(two.review).toEqual([]); // one name, two regions: not a possible duplicate
    const rows = await db().select({ slug: places.slug, regionCode: places.regionCode }).from(places).where(eq(places.name, 'Portland')).orderBy(places.slug);
    expect(rows).toEqual([
      { slug: 'portland-us-me-usa', regionCode: 'US-ME' },
      { slug: 'portland-us-or-usa', regionCode: 'US-OR' },
    ]);
    // Another file's Portland in Oregon under another slug is the Oregon one, never Maine's.
    const again = await applyDataset(db(), { ...emptyDataset(), places: [{ slug: 'portland-oregon', name: 'Portland', country: 'USA', regionCode: 'US-OR', names: [] }] });
    expect(again.added.places).toBe(0);
    expect(again.unchanged.places).toBe(1);
    expect(await db().$count(places, eq(places.name, 'Portland'))).toBe(2);

    const claim = {
      key: 'seed-004-ended-ltu',
      country: 'LTU',
      kind: 'ended' as const,
      date: '2022',
      source: { url: B.url },
      quote: 'Latvia, Lithuania, Estonia and Finland did so in 2022.',
    };
    const claims = await applyDataset(db(), { ...emptyDataset(), countryClaims: [claim] });
    expect(claims.rejected).toEqual([]);
    expect(claims.added.countryClaims).toBe(1);
    nothingAdded(await applyDataset(db(), { ...emptyDataset(), countryClaims: [claim] }));
    const noted = await applyDataset(db(), { ...emptyDataset(), countryClaims: [{ ...claim, date: undefined, note: 'No city is named.' }] });
    expect(noted.changed.countryClaims).toBe(1);
    const [row] = await db().select().from(countryClaims).where(eq(countryClaims.key, claim.key));
    expect(row).toMatchObject({ country: 'LTU', kind: 'ended', occurredOn: '2022-01-01', occurredPrecision: 'year', note: 'No city is named.', quote: claim.quote });
    const unknown = await applyDataset(db(), { ...emptyDataset(), countryClaims: [{ ...claim, key: 'x', country: 'XXX' }] });
    expect(unknown.rejected).toEqual([{ item: 'country claim x', message: 'Unknown country code XXX.' }]);
  });
});
