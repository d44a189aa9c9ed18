import { describe, expect, it } from 'vitest';
import { placeSlug, slugify, uniqueSlug } from './slug';

describe('place slugs', () => {
  it('names the country, and the city of a district', () => {
    expect(placeSlug('Kyiv', 'UKR')).toBe('kyiv-ukr');
    expect(placeSlug('Leninsky', 'BLR', 'Minsk')).toBe('leninsky-minsk-blr');
    expect(placeSlug('Düren (district)', 'DEU')).toBe('duren-district-deu');
  });

  it('is ASCII whatever the script', () => {
    expect(slugify('Veľký Krtíš')).toBe('velky-krtis');
    expect(slugify('Гомель')).toBe('gomel');
    expect(slugify("Sant'Antioco")).toBe('santantioco');
  });

  it('numbers a slug that is taken', () => {
    const taken = new Set(['kyiv-ukr', 'kyiv-ukr-2']);
    expect(uniqueSlug('kyiv-ukr', (s) => taken.has(s))).toBe('kyiv-ukr-3');
    expect(uniqueSlug('lviv-ukr', (s) => taken.has(s))).toBe('lviv-ukr');
  });
});
