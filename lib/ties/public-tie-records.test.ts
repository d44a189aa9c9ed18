import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { places, ties } from '../../db/schema';
import { applyDataset } from '../import/apply-dataset';
import { type DatasetInput, emptyDataset, tieSchema } from '../import/dataset';
import { exportDataset } from '../import/export-dataset';
import { createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from './fire-tie-event';
import { publicTieRecords } from './public-tie-records';

const TC = {
  url: 'https://tc.transparency.org.ua/ties',
  title: 'Which councils broke ties',
  publisher: 'Transparent Cities',
  published: '2022-05-26',
  language: 'uk',
};

/** Kyiv–Minsk in a public and a draft campaign, with a history; Kharkiv–Belgorod with no council. */
const world: DatasetInput = {
  ...emptyDataset(),
  sources: [TC, { seed: '000_test.txt', title: 'A seed document' }],
  places: [
    { slug: 'kyiv-ukr', name: 'Kyiv', country: 'UKR', names: [{ name: 'Київ', lang: 'uk', kind: 'official' }, { name: 'Kiev', lang: 'en', kind: 'historical' }] },
    { slug: 'minsk-blr', name: 'Minsk', country: 'BLR', names: [{ name: 'Мінск', lang: 'be', kind: 'official' }] },
    { slug: 'kharkiv-ukr', name: 'Kharkiv', country: 'UKR' },
    { slug: 'belgorod-rus', name: 'Belgorod', country: 'RUS' },
  ],
  councils: [{ slug: 'kyiv-city-council', place: 'kyiv-ukr', name: 'Kyiv City Council' }],
  campaigns: [
    { slug: 'ukraine-2022', name: 'Ukraine 2022' },
    { slug: 'secret-2026', name: 'Not yet public', state: 'draft' },
  ],
  ties: [
    {
      place: { slug: 'kyiv-ukr', name: 'Kyiv', country: 'UKR' },
      partner: { slug: 'minsk-blr', name: 'Minsk', country: 'BLR' },
      kind: 'twin_town',
      signed: '1997',
      status: 'pledged',
      campaigns: ['ukraine-2022', 'secret-2026'],
      events: [
        { type: 'recorded', status: 'active', date: '2022-05-02', source: { seed: '000_test.txt' } },
        {
          type: 'draft_registered',
          status: 'pledged',
          date: '2022-05-26',
          dateIsUpperBound: true,
          source: { url: TC.url },
          quote: 'The relevant draft was registered',
        },
      ],
    },
    {
      place: { slug: 'kharkiv-ukr', name: 'Kharkiv', country: 'UKR' },
      partner: { slug: 'belgorod-rus', name: 'Belgorod', country: 'RUS' },
      status: 'active',
      campaigns: ['ukraine-2022'],
      events: [{ type: 'recorded', status: 'active', date: null, source: { url: TC.url } }],
    },
  ],
};

describeEachEngine('publicTieRecords', ({ db }) => {
  const tieId: Record<string, number> = {};

  beforeAll(async () => {
    const report = await applyDataset(db(), world, { actor: { kind: 'system', label: 'test import' } });
    expect(report.rejected).toEqual([]);
    for (const t of await db().select({ id: ties.id, slug: places.slug }).from(ties).innerJoin(places, eq(places.id, ties.placeId))) {
      tieId[t.slug] = t.id;
    }
    // An organiser's note: the export names them by email address, the public record must not.
    const organiser = await createUser(db(), { email: 'organiser@example.org' });
    const noted = await fireTieEvent(
      db(),
      { kind: 'user', userId: organiser.id, grants: [{ role: 'admin' }] },
      { tieId: tieId['kyiv-ukr']!, type: 'noted', sourceId: null, evidence: { description: 'Council minutes' }, note: 'Checked the minutes' },
    );
    expect(noted.ok).toBe(true);
  });

  it('gives each tie in the export format, with its id and council', async () => {
    const [kyiv, kharkiv] = await publicTieRecords(db(), [tieId['kyiv-ukr']!, tieId['kharkiv-ukr']!]);
    for (const record of [kyiv, kharkiv]) expect(tieSchema.safeParse(record).success).toBe(true);
    expect(kyiv).toMatchObject({
      id: tieId['kyiv-ukr'],
      council: 'kyiv-city-council',
      place: { slug: 'kyiv-ukr', name: 'Kyiv', country: 'UKR', aliases: ['Kiev', 'Київ'] },
      partner: { slug: 'minsk-blr', name: 'Minsk', country: 'BLR', aliases: ['Мінск'] },
      kind: 'twin_town',
      signed: '1997',
      status: 'pledged',
    });
    expect(kharkiv).toMatchObject({ council: null, status: 'active', kind: 'unknown' });
  });

  it('writes each event’s source out in full', async () => {
    const [kyiv] = await publicTieRecords(db(), [tieId['kyiv-ukr']!]);
    expect(kyiv!.events.map((e) => [e.type, e.status, e.date, e.dateIsUpperBound])).toEqual([
      ['recorded', 'active', '2022-05-02', false],
      ['draft_registered', 'pledged', '2022-05-26', true],
      ['noted', 'pledged', null, false],
    ]);
    expect(kyiv!.events[0]!.source).toEqual({ seed: '000_test.txt', title: 'A seed document' });
    expect(kyiv!.events[1]!.source).toEqual(TC);
    expect(kyiv!.events[1]!.quote).toBe('The relevant draft was registered');
    expect(kyiv!.events[2]).toMatchObject({ source: null, evidence: { description: 'Council minutes' }, note: 'Checked the minutes' });
  });

  it('is the exporter’s record, less who recorded each event and the draft campaigns', async () => {
    const exported = (await exportDataset(db())).ties.find((t) => t.place.slug === 'kyiv-ukr')!;
    const [kyiv] = await publicTieRecords(db(), [tieId['kyiv-ukr']!]);
    expect(exported.campaigns).toEqual(['secret-2026', 'ukraine-2022']);
    expect(exported.events[2]!.recordedBy).toBe('organiser@example.org');

    expect(kyiv!.campaigns).toEqual(['ukraine-2022']);
    expect(JSON.stringify(kyiv)).not.toContain('organiser@example.org');
    expect(JSON.stringify(kyiv)).not.toContain('test import');
    const draftRegistered = { ...exported.events[1]!, source: TC };
    delete draftRegistered.recordedBy;
    // The export numbers a correction's target in its own list; the public record gives its id.
    delete draftRegistered.targetEvent;
    expect(kyiv!.events[1]).toMatchObject(draftRegistered);
    expect({ ...kyiv!.place }).toEqual(exported.place);
  });

  it('says who stands behind each event, and keeps a withdrawn event, marked, with its withdrawal', async () => {
    const organiser = await createUser(db());
    const [kyiv] = await publicTieRecords(db(), [tieId['kyiv-ukr']!]);
    const draft = kyiv!.events.find((e) => e.type === 'draft_registered')!;
    expect(draft).toMatchObject({ attribution: 'source', attributionText: 'Which councils broke ties (Transparent Cities)', counts: true, withdrawn: false });
    expect(kyiv!.events.find((e) => e.type === 'noted')).toMatchObject({ attribution: 'campaign', attributionText: 'Recorded by the campaign' });
    expect(kyiv!.confirmation).toMatchObject({ confirmed: true, on: '2022-05-26', by: 'news' });

    const withdrawn = await fireTieEvent(
      db(),
      { kind: 'user', userId: organiser.id, grants: [{ role: 'admin' }] },
      { tieId: tieId['kyiv-ukr']!, type: 'withdrawn', targetEventId: draft.id, reason: 'The draft was a faction’s, not the council’s.' },
    );
    expect(withdrawn.ok).toBe(true);
    const [after] = await publicTieRecords(db(), [tieId['kyiv-ukr']!]);
    expect(after!.status).toBe('active');
    expect(tieSchema.safeParse(after).success).toBe(true);
    expect(after!.events.find((e) => e.id === draft.id)).toMatchObject({
      withdrawn: true,
      counts: false,
      withdrawal: { reason: 'The draft was a faction’s, not the council’s.', attribution: 'campaign' },
    });
    const correction = after!.events.find((e) => e.type === 'withdrawn')!;
    expect(correction).toMatchObject({ targetEventId: draft.id, counts: false, reason: 'The draft was a faction’s, not the council’s.' });
    // In the order things happened: the withdrawal, made today, comes last.
    expect(after!.events.map((e) => e.position)).toEqual([...after!.events.map((e) => e.position)].sort((a, b) => a - b));
    expect(after!.events.at(-1)!.id).toBe(correction.id);
  });

  it('keeps the order asked for, and skips ids that are not ties', async () => {
    const records = await publicTieRecords(db(), [tieId['kharkiv-ukr']!, 999_999, tieId['kyiv-ukr']!]);
    expect(records.map((r) => r.place.slug)).toEqual(['kharkiv-ukr', 'kyiv-ukr']);
    expect(await publicTieRecords(db(), [])).toEqual([]);
  });
});
