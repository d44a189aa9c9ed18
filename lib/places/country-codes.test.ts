import { describe, expect, it } from 'vitest';
import { SPORTS_CODES, countriesForCode, countryFromCell, countryFromName, isIsoAlpha3 } from './country-codes';

describe('sports-style country codes', () => {
  it.each([
    ['GER', 'DEU'], ['NED', 'NLD'], ['BUL', 'BGR'], ['ENG', 'GBR'], ['RSA', 'ZAF'], ['UAE', 'ARE'],
    ['CRO', 'HRV'], ['DEN', 'DNK'], ['POR', 'PRT'], ['ALG', 'DZA'], ['VIE', 'VNM'], ['MAS', 'MYS'],
    ['ZIM', 'ZWE'], ['SUI', 'CHE'], ['GRE', 'GRC'],
  ])('%s is %s', (code, iso) => {
    expect(countriesForCode(code)).toEqual([iso]);
  });

  it('passes ISO codes through', () => {
    for (const code of ['USA', 'CHN', 'BLR', 'RUS', 'MDA', 'ALA', 'FRO', 'CHL', 'NPL']) expect(countriesForCode(code)).toEqual([code]);
  });

  it('maps every sports code to a real ISO code, and only BRN is both (Brunei in ISO, Bahrain in sport)', () => {
    for (const [code, iso] of Object.entries(SPORTS_CODES)) {
      expect(isIsoAlpha3(iso), `${code} -> ${iso}`).toBe(true);
      if (code !== 'BRN') expect(isIsoAlpha3(code), code).toBe(false);
    }
    expect(countriesForCode('BRN')).toEqual(['BRN', 'BHR']);
  });

  it('knows no country for an unknown code', () => {
    expect(countriesForCode('XYZ')).toEqual([]);
  });
});

describe('country names', () => {
  it.each([
    ['Germany', 'DEU'], ['Moldavia', 'MDA'], ['Moldova', 'MDA'], ['England', 'GBR'], ['United Kingdom', 'GBR'],
    ['Åland Islands', 'ALA'], ['the United States', 'USA'], ['North Korea', 'PRK'], ['Bosnia & Herzegovina', 'BIH'],
    ['Palestine', 'PSE'], ['Taiwan', 'TWN'], ['Faroe Islands', 'FRO'], ['Turkey', 'TUR'],
  ])('%s is %s', (name, iso) => {
    expect(countryFromName(name)).toBe(iso);
  });

  it('knows nothing of places that are not countries', () => {
    expect(countryFromName('Atlantis')).toBeNull();
    expect(countryFromName('Emden')).toBeNull();
  });

  it('reads spreadsheet cells as ISO codes or names, not sports codes', () => {
    expect(countryFromCell('ukr')).toBe('UKR');
    expect(countryFromCell('Ukraine')).toBe('UKR');
    expect(countryFromCell('GER')).toBeNull();
  });
});
