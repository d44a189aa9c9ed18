import { beforeAll, expect, it } from 'vitest';
import { seedDatabase } from '../../db/seed/run-seed';
import { describeEachEngine } from '../testing/test-database';
import { getPlacePage, placeNamesIn } from './place-page';

describeEachEngine('place page', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
  });

  it('lists all of Khabarovsk’s foreign partners, Portland appealed among them', async () => {
    const page = await getPlacePage(db(), 'khabarovsk-rus', { locale: 'en' });
    expect(page?.place).toMatchObject({ name: 'Khabarovsk', country: { code: 'RUS', name: 'Russia' }, councilSlug: null });
    const partners = page!.ties.map((t) => t.other.slug);
    // Khabarovsk's Portland is Oregon's (the seed keeps Maine's apart, as Arkhangelsk's partner).
    expect(partners).toEqual(expect.arrayContaining(['portland-us-or-usa', 'niigata-jpn', 'harbin-chn']));
    expect(partners).not.toContain('portland-us-me-usa');
    const portland = page!.ties.find((t) => t.other.slug === 'portland-us-or-usa');
    expect(portland).toMatchObject({
      status: 'appealed',
      inForce: true,
      severed: false,
      other: { name: 'Portland', country: { code: 'USA' }, councilSlug: 'portland-us-or-usa' },
      lastEventOn: { date: '2022-06-04', precision: 'day' },
      // The news item of 4 June 2022 says Khabarovsk "is still twinned" with it: a dated confirmation.
      confirmation: { confirmed: true, on: { date: '2022-06-04', precision: 'day' }, basis: 'news' },
    });
    expect(page?.counts).toMatchObject({ total: page!.ties.length, inForce: page!.ties.length, severed: 0 });
    expect(page!.counts.figures.confirmedInForce + page!.counts.figures.listedNotConfirmed).toBe(page!.counts.inForce);
  });

  it('shows ties known only from the undated list as listed, not confirmed, with the list that has them', async () => {
    const page = await getPlacePage(db(), 'khabarovsk-rus', { locale: 'en' });
    const harbin = page!.ties.find((t) => t.other.slug === 'harbin-chn');
    expect(harbin?.confirmation).toMatchObject({ confirmed: false, listedBy: { title: 'List of twin towns and sister cities in Russia' } });
    expect(harbin?.signedOn).toBeNull();
  });

  it('says a partner the source does not name is not named, and does not name it', async () => {
    const page = await getPlacePage(db(), 'unnamed-blr-partner-of-shostka-ukr', { locale: 'en' });
    expect(page!.place).toMatchObject({ unnamed: true, name: 'a Belarusian partner the source does not name', spellings: [] });
    expect(page!.ties.map((t) => t.other.slug)).toEqual(['shostka-ukr']);
  });

  it('uses Ukrainian names on Ukrainian pages and lists every spelling', async () => {
    const page = await getPlacePage(db(), 'khabarovsk-rus', { locale: 'uk' });
    expect(page?.place).toMatchObject({ name: 'Хабаровськ', englishName: 'Khabarovsk', country: { name: 'Росія' } });
    // Ukrainian first, then the other languages.
    expect(page?.place.spellings[0]).toEqual({ name: 'Хабаровськ', lang: 'uk', kind: 'official' });
    expect(page?.place.spellings).toEqual(
      expect.arrayContaining([
        { name: 'Khabarovsk', lang: 'en', kind: 'english' },
        { name: 'Хабаровск', lang: 'ru', kind: 'official' },
      ]),
    );
    expect(page?.ties.find((t) => t.other.slug === 'mogilev-blr')?.other.name).toBe('Могильов');
  });

  it('shows which partners of Homiel cut their ties, in force first, with the councils that did', async () => {
    const page = await getPlacePage(db(), 'gomel-blr', { locale: 'en' });
    const chernihiv = page!.ties.find((t) => t.other.slug === 'chernihiv-ukr');
    expect(chernihiv).toMatchObject({ status: 'severed', severed: true, inForce: false, other: { councilSlug: 'chernihiv-ukr' } });
    expect(page?.counts.severed).toBe(page!.ties.filter((t) => t.status === 'severed').length);
    expect(page?.counts.severed).toBeGreaterThanOrEqual(1);
    const firstNotInForce = page!.ties.findIndex((t) => !t.inForce);
    expect(firstNotInForce).toBeGreaterThan(0);
    expect(page!.ties.slice(firstNotInForce).every((t) => !t.inForce)).toBe(true);
    expect(page?.place.spellings.map((s) => s.name)).toEqual(expect.arrayContaining(['Gomel', 'Homiel', 'Homel', 'Гомель']));
  });

  it('links a place to its council and its region', async () => {
    const page = await getPlacePage(db(), 'chernihiv-ukr', { locale: 'uk' });
    expect(page?.place).toMatchObject({ name: 'Чернігів', councilSlug: 'chernihiv-ukr', region: { name: 'Чернігівська область' } });
    expect(page?.ties.map((t) => t.other.slug)).toEqual(['gomel-blr']);
  });

  it('falls back to the English name where the data has none in the locale', async () => {
    const page = await getPlacePage(db(), 'harbin-chn', { locale: 'uk' });
    expect(page?.place.name).toBe('Harbin');
    const names = await placeNamesIn(db(), [{ id: page!.place.id, name: 'Harbin' }], 'uk');
    expect(names.get(page!.place.id)?.display).toBe('Harbin');
  });

  it('has nothing for an unknown slug', async () => {
    expect(await getPlacePage(db(), 'no-such-place', { locale: 'en' })).toBeNull();
  });
});
