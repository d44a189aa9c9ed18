import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignTies, campaigns, places, ties } from '../../db/schema';
import { seedDatabase } from '../../db/seed/run-seed';
import { describeEachEngine } from '../testing/test-database';
import { STATUS_GROUPS, TIE_STATUSES, type TieStatus } from './lifecycle';
import { getHeadlineNumbers } from './queries';
import { type TieRow, listTieFilterOptions, prefixUpperBound, searchTies } from './search-ties';
import { parseTieFilters } from './tie-filters';

// Facts of the seed (db/seed, from the seed documents): Chernihiv severed its tie with Homiel
// (Gomel), and Zhytomyr's turned out never to have been signed; Ternopil still holds ties with
// Grodno and Pinsk; Kovel and Novovolynsk are the Volyn Oblast councils; Izmail severed its tie
// with Lefortovo District, a district of Moscow.

describeEachEngine('searchTies on the seed', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
    // A campaign being prepared: its ties are not public until it is.
    const [draft] = await db().insert(campaigns).values({ slug: 'draft-2026', name: 'Not yet public', state: 'draft' }).returning();
    const [tie] = await db()
      .select({ id: ties.id })
      .from(ties)
      .where(and(eq(ties.placeId, await placeId('gomel-blr')), eq(ties.partnerId, await placeId('kursk-rus'))));
    await db().insert(campaignTies).values({ campaignId: draft!.id, tieId: tie!.id });
  }, 180_000);

  async function placeId(slug: string): Promise<number> {
    const [p] = await db().select({ id: places.id }).from(places).where(eq(places.slug, slug));
    return p!.id;
  }

  const search = (query: string, locale = 'en') => {
    const { filters, errors } = parseTieFilters(new URLSearchParams(query));
    expect(errors).toEqual([]);
    return searchTies(db(), filters, { locale });
  };
  const ids = (rows: TieRow[]) => rows.map((r) => r.id);
  const councilsOf = (rows: TieRow[]) => [...new Set(rows.map((r) => r.council?.slug))].sort();

  it('finds the same ties for every spelling of a place, in any script', async () => {
    const results = await Promise.all(['Homiel', 'Gomel', 'Гомель', 'homyel', 'HOMEL', 'Homi'].map((q) => search(`q=${encodeURIComponent(q)}&closed=1`)));
    const [homiel] = results;
    expect(councilsOf(homiel!.rows)).toEqual(['chernihiv-ukr', 'zhytomyr-ukr']);
    expect(homiel!.rows.map((r) => r.partner.name)).toEqual(['Gomel', 'Gomel']);
    for (const r of results) {
      expect(ids(r.rows)).toEqual(ids(homiel!.rows));
      expect(r.total).toBe(2);
    }
    // Both ties have ended, so the default view (ties in force) has none.
    expect((await search('q=Homiel')).total).toBe(0);
  });

  it('finds ties in force by any spelling, and by the council’s own place', async () => {
    const spb = await Promise.all(['Saint Petersburg', 'St. Petersburg', 'Санкт-Петербург'].map((q) => search(`q=${encodeURIComponent(q)}`)));
    expect(spb[0]!.total).toBeGreaterThan(5);
    for (const r of spb) expect(ids(r.rows)).toEqual(ids(spb[0]!.rows));

    const ternopil = await search(`q=${encodeURIComponent('Тернопіль')}`, 'uk');
    expect(ternopil.rows.map((r) => [r.place.name, r.partner.name, r.status])).toEqual([
      ['Тернопіль', 'Гродно', 'appealed'],
      ['Тернопіль', 'Пінськ', 'appealed'],
    ]);
  });

  it('finds the districts of a place searched for', async () => {
    const moscow = await search('q=Moscow&closed=1');
    expect(moscow.rows.map((r) => r.partner.name)).toContain('Lefortovo District');
    expect(moscow.rows.find((r) => r.partner.name === 'Lefortovo District')?.council?.slug).toBe('izmail-ukr');
  });

  it('shows ties in force by default, and every tie with closed, as the headline counts them', async () => {
    const headline = await getHeadlineNumbers(db());
    const every = (query: string) => searchTies(db(), parseTieFilters(new URLSearchParams(query)).filters, { locale: 'en', allRows: true });
    const inForce = await every('');
    const all = await every('closed=1');
    expect(inForce.total).toBe(headline.groups.inForce);
    expect(inForce.rows.every((r) => (STATUS_GROUPS.inForce as readonly TieStatus[]).includes(r.status))).toBe(true);
    expect(all.total).toBe(headline.total);
    const byStatus = Object.fromEntries(TIE_STATUSES.map((s) => [s, all.rows.filter((r) => r.status === s).length]));
    expect(byStatus).toEqual(headline.byStatus);
  });

  it('filters by status, group, country, partner country, region and campaign', async () => {
    const appealed = await search('status=appealed&perPage=200');
    expect(appealed.total).toBeGreaterThan(0);
    expect(new Set(appealed.rows.map((r) => r.status))).toEqual(new Set(['appealed']));

    const awaiting = await search('group=awaitingCouncil&perPage=200');
    expect(new Set(awaiting.rows.map((r) => r.status))).toEqual(new Set(['appealed', 'pledged']));

    const closed = await search('group=closed&perPage=200');
    expect(new Set(closed.rows.map((r) => r.status))).toEqual(new Set(['severed', 'not_signed']));

    const ukraine = await search('country=UKR&closed=1&perPage=200');
    expect(ukraine.total).toBeGreaterThan(10);
    expect(ukraine.rows.every((r) => r.place.country.code === 'UKR')).toBe(true);

    const belarus = await search('partnerCountry=BLR&closed=1&perPage=200');
    expect(belarus.rows.every((r) => r.partner.country.code === 'BLR')).toBe(true);
    expect(belarus.total + (await search('partnerCountry=RUS&closed=1')).total).toBe((await search('closed=1')).total);

    const volyn = await search('region=volyn-oblast-ukr&closed=1');
    expect(councilsOf(volyn.rows)).toEqual(['kovel-ukr', 'lutsk-ukr', 'novovolynsk-ukr']);

    const us = await search('campaign=us-mayors-2022&closed=1&perPage=200');
    expect(us.total).toBeGreaterThan(5);
    expect(us.rows.every((r) => r.place.country.code === 'USA')).toBe(true);

    expect((await search('status=severed&group=inForce')).total).toBe(0);
  });

  it('leaves out draft campaigns, even when asked for by name', async () => {
    expect((await search('campaign=draft-2026&closed=1')).total).toBe(0);
    const kursk = await search('q=Kursk&closed=1');
    expect(kursk.rows.some((r) => r.place.slug === 'gomel-blr')).toBe(false);
  });

  it('pages through every row once', async () => {
    const whole = await search('closed=1&perPage=200&page=1');
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((page) => search(`closed=1&perPage=50&page=${page}`)));
    const seen = pages.flatMap((p) => ids(p.rows));
    expect(pages[0]!.pageCount).toBe(Math.ceil(whole.total / 50));
    expect(seen).toHaveLength(whole.total);
    expect(new Set(seen).size).toBe(whole.total);
    expect(seen.slice(0, 200)).toEqual(ids(whole.rows));

    const beyond = await search(`closed=1&page=${pages[0]!.pageCount + 1}`);
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(whole.total);

    const everything = await searchTies(db(), parseTieFilters(new URLSearchParams('closed=1&page=3')).filters, { locale: 'en', allRows: true });
    expect(everything.rows).toHaveLength(whole.total);
    expect(ids(everything.rows).slice(0, 200)).toEqual(ids(whole.rows));
  });

  it('sorts places in the reader’s alphabet', async () => {
    for (const locale of ['uk', 'en']) {
      const collator = new Intl.Collator(locale);
      for (const dir of ['asc', 'desc']) {
        const { filters } = parseTieFilters(new URLSearchParams(`closed=1&sort=place&dir=${dir}`));
        const { rows } = await searchTies(db(), filters, { locale, allRows: true });
        const names = rows.map((r) => r.place.name);
        expect(new Set(names).size).toBeGreaterThan(300);
        const sorted = [...names].sort(collator.compare);
        expect(names).toEqual(dir === 'asc' ? sorted : sorted.reverse());
      }
    }
    // Ukrainian І comes after И, not after Я as in code-point order.
    const uk = (await search('country=UKR&closed=1&sort=place&perPage=200', 'uk')).rows.map((r) => r.place.name);
    expect(uk.indexOf('Ірпінь')).toBeLessThan(uk.indexOf('Київ'));
    expect(uk.indexOf('Житомир')).toBeLessThan(uk.indexOf('Ірпінь'));
  });

  it('sorts by country name in the reader’s language, by status in lifecycle order, and by the latest change', async () => {
    for (const locale of ['en', 'uk']) {
      const collator = new Intl.Collator(locale);
      const { rows } = await search('closed=1&perPage=200', locale);
      const countries = rows.map((r) => r.place.country.name);
      expect(countries).toEqual([...countries].sort(collator.compare));
    }

    const byStatus = (await search('closed=1&sort=status&perPage=200')).rows.map((r) => TIE_STATUSES.indexOf(r.status));
    expect(byStatus).toEqual([...byStatus].sort((a, b) => a - b));
    const byStatusDesc = (await search('closed=1&sort=status&dir=desc&perPage=200')).rows.map((r) => TIE_STATUSES.indexOf(r.status));
    expect(byStatusDesc).toEqual([...byStatusDesc].sort((a, b) => b - a));

    const { rows } = await search('closed=1&sort=updated&perPage=200');
    const dates = rows.map((r) => r.lastEvent?.on?.date ?? null);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(10);
    expect(dated).toEqual([...dated].sort().reverse());
    // Undated ties come after every dated one.
    expect(dates.slice(0, dated.length).every((d) => d !== null)).toBe(true);
    expect(rows[0]!.lastEvent?.source?.title).toBeTruthy();
  });

  it('names places and countries in the reader’s language', async () => {
    const { rows } = await search('q=Chernihiv&closed=1', 'uk');
    expect(rows.map((r) => [r.place.name, r.place.country.name, r.partner.name, r.partner.country.name])).toEqual([
      ['Чернігів', 'Україна', 'Гомель', 'Білорусь'],
    ]);
  });

  it('offers only filters that some public tie has', async () => {
    const options = await listTieFilterOptions(db(), 'uk');
    expect(options.campaigns.map((c) => c.slug)).toEqual(['ukraine-2022', 'us-mayors-2022', 'europe-2025']);
    expect(options.campaigns[0]!.name).toBe('Україна 2022');
    expect(options.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['UKR', 'DEU', 'USA']));
    expect(options.countries.map((c) => c.code)).not.toContain('BLR'); // Gomel's ties are in no public campaign
    expect(options.countries.find((c) => c.code === 'DEU')?.name).toBe('Німеччина');
    expect(options.regions.map((r) => r.slug)).toContain('volyn-oblast-ukr');
    const names = options.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('uk').compare));
  });
});

describe('prefixUpperBound', () => {
  it.each([
    ['homiel', 'homiem'],
    ['saint p', 'saint q'],
    ['kaz', 'kb'],
    ['a9', 'b'],
    ['a8', 'a9'],
    ['zz', null],
    ['9', null],
  ])('bounds the keys that start with %j below %j', (prefix, upper) => {
    expect(prefixUpperBound(prefix)).toBe(upper);
    if (upper) for (const key of [prefix, `${prefix}a`, `${prefix} z`, `${prefix}zz9`]) expect(key < upper).toBe(true);
  });
});
