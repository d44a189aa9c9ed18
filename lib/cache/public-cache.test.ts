import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { appeals, mailMessages, places, ties, users } from '../../db/schema';
import { applyDataset } from '../import/apply-dataset';
import { type DatasetInput, type EventRecord, emptyDataset } from '../import/dataset';
import { createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { getCouncilPage } from '../ties/council-page';
import { fireTieEvent } from '../ties/fire-tie-event';
import { parseTieFilters } from '../ties/tie-filters';
import { cachedAtVersion, publicReader } from './public-cache';
import { readPublicDataVersion } from './public-data-version';
import { cachedCouncilPage, cachedSearchTies } from './public-queries';

/**
 * The reads of the public pages through the cache, on a second connection to the same database
 * that counts its queries: the writes below go through the test's own connection, as another
 * process (the import CLI, another app instance) would, so nothing but the database can tell the
 * cache that the data moved.
 */

const SOURCE = { url: 'https://example.org/cache-test', title: 'Cache test source' };
const recorded: EventRecord = { type: 'recorded', status: 'active', date: '2021-05-01', dateIsUpperBound: false, source: { url: SOURCE.url } };
const CAMPAIGN = 'cache-test';

function dataset(ties: DatasetInput['ties'], more: Partial<DatasetInput> = {}): DatasetInput {
  return { ...emptyDataset(), sources: [SOURCE], campaigns: [{ slug: CAMPAIGN, name: 'Cache test', countries: ['UKR'] }], ties, ...more };
}

type Counted = { db: Database; queries: () => number; close: () => Promise<void> };

async function countingConnection(handle: DatabaseHandle): Promise<Counted> {
  let n = 0;
  const logger = { logQuery: () => void n++ };
  if (handle.connection.engine === 'pglite') {
    const db = drizzlePglite(handle.connection.client, { schema, logger }) as unknown as Database;
    return { db, queries: () => n, close: async () => {} };
  }
  const client = postgres(handle.connection.url, { max: 2, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
  return { db, queries: () => n, close: () => client.end({ timeout: 5 }) };
}

const inForce = parseTieFilters(new URLSearchParams(`campaign=${CAMPAIGN}`)).filters;
const everything = parseTieFilters(new URLSearchParams(`campaign=${CAMPAIGN}&closed=1`)).filters;

describeEachEngine('public reads cached per data version', ({ db, handle }) => {
  let counted: Counted;
  let kharkivBelgorod: number;

  beforeAll(async () => {
    const report = await applyDataset(
      db(),
      dataset([
        { place: { name: 'Kharkiv', country: 'UKR' }, partner: { name: 'Belgorod', country: 'RUS' }, status: 'active', campaigns: [CAMPAIGN], events: [recorded] },
        { place: { name: 'Poltava', country: 'UKR' }, partner: { name: 'Orel', country: 'RUS' }, status: 'active', campaigns: [CAMPAIGN], events: [recorded] },
      ]),
    );
    expect(report.rejected).toEqual([]);
    const councils = await applyDataset(db(), dataset([], { councils: [{ slug: 'kharkiv-city-council', place: 'kharkiv-ukr', name: 'Kharkiv City Council' }] }));
    expect(councils.rejected).toEqual([]);
    const [kharkiv] = await db().select({ id: places.id }).from(places).where(eq(places.slug, 'kharkiv-ukr'));
    const [tie] = await db().select({ id: ties.id }).from(ties).where(eq(ties.placeId, kharkiv!.id));
    kharkivBelgorod = tie!.id;
    counted = await countingConnection(handle());
  });
  afterAll(() => counted.close());

  const partnersIn = async (filters = inForce) => (await cachedSearchTies(await publicReader(counted.db), filters, { locale: 'en' })).rows.map((r) => [r.partner.name, r.status]);

  it('reuses a read while nothing changed, with one query for the version and none for the data', async () => {
    const first = await cachedSearchTies(await publicReader(counted.db), inForce, { locale: 'en' });
    expect(first.rows.map((r) => r.partner.name)).toEqual(['Belgorod', 'Orel']);

    const before = counted.queries();
    const reader = await publicReader(counted.db);
    expect(counted.queries()).toBe(before + 1);
    const again = await cachedSearchTies(reader, inForce, { locale: 'en' });
    const sameFiltersOtherKeyOrder = await cachedSearchTies(reader, { ...inForce }, { locale: 'en' });
    expect(counted.queries()).toBe(before + 1);
    expect(again).toBe(first);
    expect(sameFiltersOtherKeyOrder).toBe(first);

    // Another view is another entry, computed once.
    await cachedSearchTies(reader, everything, { locale: 'en' });
    const computed = counted.queries();
    expect(computed).toBeGreaterThan(before + 1);
    await cachedSearchTies(reader, everything, { locale: 'en' });
    expect(counted.queries()).toBe(computed);
  });

  it('shows an event fired through fireTieEvent on another connection at the next read', async () => {
    expect(await partnersIn()).toEqual([
      ['Belgorod', 'active'],
      ['Orel', 'active'],
    ]);
    const fired = await fireTieEvent(
      db(),
      { kind: 'system', label: 'test' },
      { tieId: kharkivBelgorod, type: 'severed', occurred: { date: '2025-02-01', precision: 'day' }, sourceId: null, evidence: { decisionNumber: '42', url: 'https://example.org/decision-42.pdf' } },
    );
    expect(fired.ok).toBe(true);

    // The tie is closed now: gone from the default view, severed in the full one and on its council's page.
    expect(await partnersIn()).toEqual([['Orel', 'active']]);
    expect(await partnersIn(everything)).toEqual([
      ['Belgorod', 'severed'],
      ['Orel', 'active'],
    ]);
    const council = await cachedCouncilPage(await publicReader(counted.db), 'kharkiv-city-council', { locale: 'en' });
    expect(council?.ties.map((t) => [t.partner.name, t.status, t.events.map((e) => e.type)])).toEqual([['Belgorod', 'severed', ['recorded', 'severed']]]);
    expect(council).toEqual(await getCouncilPage(db(), 'kharkiv-city-council', { locale: 'en' }));
  });

  it('shows what an import wrote (applyDataset, as `npm run data:import` does) at the next read', async () => {
    expect(await partnersIn()).toEqual([['Orel', 'active']]);
    const report = await applyDataset(
      db(),
      dataset([
        {
          place: { name: 'Poltava', country: 'UKR' },
          partner: { name: 'Orel', country: 'RUS' },
          status: 'appealed',
          campaigns: [CAMPAIGN],
          events: [recorded, { type: 'appealed', status: 'appealed', date: '2025-03-01', dateIsUpperBound: false, source: { url: SOURCE.url } }],
        },
        { place: { name: 'Sumy', country: 'UKR' }, partner: { name: 'Kursk', country: 'RUS' }, status: 'active', campaigns: [CAMPAIGN], events: [recorded] },
      ]),
    );
    expect(report.rejected).toEqual([]);
    expect(report.added).toMatchObject({ ties: 1 });
    expect(await partnersIn()).toEqual([
      ['Orel', 'appealed'],
      ['Kursk', 'active'],
    ]);
  });

  it('moves the version only when a change to public data commits', async () => {
    const version = () => readPublicDataVersion(db());
    const start = await version();

    // Not public: mail, a person's name. Rolled back: nothing happened.
    await db().insert(mailMessages).values({ kind: 'notification', fromAddress: 'a@example.org', to: ['b@example.org'], subject: 's', html: '<p>h</p>', text: 't' });
    const person = await createUser(db());
    const afterPerson = await version();
    await db().update(users).set({ name: 'Someone' }).where(eq(users.id, person.id));
    await expect(
      db().transaction(async (tx) => {
        await tx.update(ties).set({ kind: 'memorandum' }).where(eq(ties.id, kharkivBelgorod));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await version()).toEqual(afterPerson);
    expect(afterPerson).toEqual(start);

    // Public: a ban hides what the person recorded, so it moves the version; once per transaction.
    await db().update(users).set({ bannedAt: new Date() }).where(eq(users.id, person.id));
    const afterBan = await version();
    expect(afterBan.counter).toBe(start.counter + 1);
    await db().transaction(async (tx) => {
      await tx.update(ties).set({ kind: 'memorandum' }).where(eq(ties.id, kharkivBelgorod));
      await tx.update(ties).set({ kind: 'twin_town' }).where(eq(ties.id, kharkivBelgorod));
    });
    const afterTies = await version();
    expect(afterTies.counter).toBe(afterBan.counter + 1);
    expect(afterTies.names).toBe(start.names);

    // Names move the names version too (the tracker's sort keys are built from them).
    await db().execute(sql`update ${places} set name = name where slug = 'sumy-ukr'`);
    const afterNames = await version();
    expect(afterNames).toMatchObject({ counter: afterTies.counter + 1, names: start.names + 1, epoch: start.epoch });

    // Appeals are counted on public pages: a moderated appeal moving on moves the version.
    await db().update(appeals).set({ state: 'queued' }).where(eq(appeals.state, 'awaiting_moderation'));
    expect((await version()).counter).toBe(afterNames.counter + 1);
  });

  it('gives a reader older than the cache a fresh computation, not the newer entry', async () => {
    const old = await publicReader(counted.db);
    await db().update(ties).set({ kind: 'memorandum' }).where(eq(ties.id, kharkivBelgorod));
    const current = await publicReader(counted.db);
    expect(await cachedAtVersion(current, 'label', async () => 'at the newer version')).toBe('at the newer version');
    expect(await cachedAtVersion(old, 'label', async () => 'at the older version')).toBe('at the older version');
    expect(await cachedAtVersion(current, 'label', async () => 'not computed again')).toBe('at the newer version');
  });
});
