import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { placeNames, places } from '../../db/schema';
import { describeEachEngine } from '../testing/test-database';
import { PlaceIndex, guessNameLang, namesLookAlike, resolveTiePlace } from './match-place';
import { normaliseName } from './normalise-name';

const name = (n: string) => ({ name: n, key: normaliseName(n), lang: 'en', kind: 'english' as const });

describe('namesLookAlike', () => {
  it.each([
    ['Kharkov', 'Kharkiv'],
    ['Chernigov', 'Chernihiv'],
    ['Baranovichi', 'Baranavichy'],
    ['Gomel', 'Homiel'],
  ])('flags %s / %s', (a, b) => expect(namesLookAlike(name(a), name(b))).toBe(true));

  it.each([
    ['Minsk', 'Pinsk'],
    ['Kursk', 'Kansk'],
    ['Changzhou', 'Hangzhou'],
    ['Celle', 'Halle'],
    ['Kiev', 'Kyiv'], // too short to judge by edits; Kyiv's aliases carry Kiev
  ])('leaves %s / %s alone', (a, b) => expect(namesLookAlike(name(a), name(b))).toBe(false));
});

describe('guessNameLang', () => {
  it('calls Latin spellings English and other scripts undetermined', () => {
    expect(guessNameLang('Homiel')).toBe('en');
    expect(guessNameLang('Forlì')).toBe('en');
    expect(guessNameLang('Гомель')).toBe('und');
  });
});

describeEachEngine('matching places by name', ({ db }) => {
  const namesOf = async (slug: string) => {
    const [p] = await db().select().from(places).where(eq(places.slug, slug));
    const rows = await db().select().from(placeNames).where(eq(placeNames.placeId, p!.id));
    return rows.map((r) => `${r.name}/${r.lang}/${r.kind}`).sort();
  };

  it('creates a place once with all its spellings, and finds it again by any of them', async () => {
    const index = await PlaceIndex.load(db());
    const first = resolveTiePlace(index, { name: 'Gomel', country: 'BLR', aliases: ['Homiel', 'Гомель'] });
    expect(first.created.map((p) => p.slug)).toEqual(['gomel-blr']);
    await index.flush(db());
    expect(await namesOf('gomel-blr')).toEqual(['Gomel/en/english', 'Homiel/en/alias', 'Гомель/und/alias']);

    const fresh = await PlaceIndex.load(db());
    const again = resolveTiePlace(fresh, { name: 'Homiel', country: 'BLR', aliases: [] });
    expect(again.created).toEqual([]);
    expect(again.namesAdded).toBe(0);
    expect(again.place.slug).toBe('gomel-blr');
    expect(resolveTiePlace(fresh, { slug: 'gomel-blr', name: 'Anything', country: 'BLR', aliases: [] }).place.slug).toBe('gomel-blr');
    // The same name in another country is another place.
    expect(resolveTiePlace(fresh, { name: 'Gomel', country: 'UKR', aliases: [] }).created).toHaveLength(1);
  });

  it('adds the spellings a matched place lacked, so the next import finds it by them', async () => {
    const index = await PlaceIndex.load(db());
    resolveTiePlace(index, { name: 'Mogilev', country: 'BLR', aliases: [] });
    const matched = resolveTiePlace(index, { name: 'Mahilyow', country: 'BLR', aliases: ['Mogilev', 'Магілёў'] });
    expect(matched.place.slug).toBe('mogilev-blr');
    expect(matched.namesAdded).toBe(2);
    await index.flush(db());
    const fresh = await PlaceIndex.load(db());
    expect(resolveTiePlace(fresh, { name: 'Magilev', country: 'BLR', aliases: ['Магілёў'] }).place.slug).toBe('mogilev-blr');
    await fresh.flush(db());
    expect(await namesOf('mogilev-blr')).toEqual(['Magilev/en/alias', 'Mahilyow/en/alias', 'Mogilev/en/english', 'Магілёў/und/alias']);
  });

  it('keeps districts under their city, apart from same-named districts elsewhere', async () => {
    const index = await PlaceIndex.load(db());
    const minskDistrict = resolveTiePlace(index, { name: 'Leninsky', country: 'BLR', aliases: [], parent: { name: 'Minsk', country: 'BLR' } });
    expect(minskDistrict.created.map((p) => p.slug)).toEqual(['minsk-blr', 'leninsky-minsk-blr']);
    const gomelDistrict = resolveTiePlace(index, { name: 'Leninsky', country: 'BLR', aliases: [], parent: { name: 'Homiel', country: 'BLR' } });
    expect(gomelDistrict.created.map((p) => p.slug)).toEqual(['leninsky-gomel-blr']);
    await index.flush(db());
    const [district] = await db().select().from(places).where(eq(places.slug, 'leninsky-minsk-blr'));
    const [minsk] = await db().select().from(places).where(eq(places.slug, 'minsk-blr'));
    expect(district).toMatchObject({ kind: 'district', parentId: minsk!.id, name: 'Leninsky' });
    const fresh = await PlaceIndex.load(db());
    expect(resolveTiePlace(fresh, { name: 'Minsk', country: 'BLR', aliases: [] }).place.slug).toBe('minsk-blr');
    expect(resolveTiePlace(fresh, { name: 'Leninsky', country: 'BLR', aliases: [], parent: { name: 'Minsk', country: 'BLR' } }).created).toEqual([]);
  });

  it('suggests look-alike places in the same country for review instead of merging them', async () => {
    const index = await PlaceIndex.load(db());
    resolveTiePlace(index, { name: 'Baranovichi', country: 'BLR', aliases: [] });
    const pinsk = resolveTiePlace(index, { name: 'Pinsk', country: 'BLR', aliases: [] }).place;
    const newer = resolveTiePlace(index, { name: 'Baranavichy', country: 'BLR', aliases: [] });
    expect(newer.created).toHaveLength(1); // never merged by itself
    expect(index.possibleDuplicates(newer.place).map((p) => p.slug)).toEqual(['baranovichi-blr']);
    expect(index.possibleDuplicates(pinsk).map((p) => p.slug)).toEqual([]);
    const minskDistrict = index.getBySlug('leninsky-minsk-blr')!;
    expect(index.possibleDuplicates(minskDistrict).map((p) => p.slug)).not.toContain('leninsky-gomel-blr');
    await index.flush(db());
    expect(newer.place.id).toBeGreaterThan(0);
  });
});
