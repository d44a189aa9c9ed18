import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { normaliseName } from './normalise-name';

/**
 * Countries are ISO 3166-1 alpha-3 everywhere in Untwin. Sources use other things: Wikipedia's
 * lists use sports-style codes (GER, NED, ENG...) and English names ("Moldavia",
 * "England, United Kingdom"); this module maps them.
 */
countries.registerLocale(en);

const ISO_ALPHA3: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha3Codes()));

export function isIsoAlpha3(code: string): boolean {
  return ISO_ALPHA3.has(code);
}

/**
 * IOC and FIFA codes that are not the ISO code of the same country. Codes that already are
 * ISO (USA, CHN, BLR...) need no entry. The home nations are FIFA's.
 */
export const SPORTS_CODES: Readonly<Record<string, string>> = {
  ALG: 'DZA', ANG: 'AGO', ANT: 'ATG', ARU: 'ABW', ASA: 'ASM', BAH: 'BHS', BAN: 'BGD', BAR: 'BRB',
  BER: 'BMU', BHU: 'BTN', BIZ: 'BLZ', BOT: 'BWA', BRU: 'BRN', BRN: 'BHR', BUL: 'BGR', BUR: 'BFA',
  CAM: 'KHM', CAY: 'CYM', CGO: 'COG', CHA: 'TCD', CHI: 'CHL', CRC: 'CRI', CRO: 'HRV', DEN: 'DNK',
  ENG: 'GBR', ESA: 'SLV', FIJ: 'FJI', GAM: 'GMB', GBS: 'GNB', GEQ: 'GNQ', GER: 'DEU', GRE: 'GRC',
  GRN: 'GRD', GUA: 'GTM', GUI: 'GIN', HAI: 'HTI', HON: 'HND', INA: 'IDN', IRI: 'IRN', ISV: 'VIR',
  IVB: 'VGB', KOS: 'XKK', KSA: 'SAU', KUW: 'KWT', LAT: 'LVA', LBA: 'LBY', LES: 'LSO', LIB: 'LBN',
  MAD: 'MDG', MAS: 'MYS', MAW: 'MWI', MGL: 'MNG', MON: 'MCO', MRI: 'MUS', MTN: 'MRT', MYA: 'MMR',
  NCA: 'NIC', NED: 'NLD', NEP: 'NPL', NGR: 'NGA', NIG: 'NER', NIR: 'GBR', OMA: 'OMN', PAR: 'PRY',
  PHI: 'PHL', PLE: 'PSE', POR: 'PRT', PUR: 'PRI', ROM: 'ROU', RSA: 'ZAF', SAM: 'WSM', SCO: 'GBR',
  SEY: 'SYC', SIN: 'SGP', SKN: 'KNA', SLO: 'SVN', SOL: 'SLB', SRI: 'LKA', SUD: 'SDN', SUI: 'CHE',
  TAH: 'PYF', TAN: 'TZA', TGA: 'TON', TOG: 'TGO', TPE: 'TWN', TRI: 'TTO', UAE: 'ARE', URU: 'URY',
  VAN: 'VUT', VIE: 'VNM', VIN: 'VCT', WAL: 'GBR', ZAM: 'ZMB', ZIM: 'ZWE',
};

/**
 * Every country a code may mean, most likely first. Usually one; BRN is Brunei in ISO but
 * Bahrain at the Olympics, so the country written beside it decides.
 */
export function countriesForCode(code: string): string[] {
  const upper = code.trim().toUpperCase();
  const found: string[] = [];
  if (ISO_ALPHA3.has(upper)) found.push(upper);
  const sports = SPORTS_CODES[upper];
  if (sports && !found.includes(sports)) found.push(sports);
  return found;
}

// Names sources use that the ISO list spells otherwise, and parts of a country that sources
// write where a country belongs.
const EXTRA_NAMES: Readonly<Record<string, string>> = {
  Moldova: 'MDA',
  Moldavia: 'MDA',
  'Republic of Moldova': 'MDA',
  Laos: 'LAO',
  Syria: 'SYR',
  Macedonia: 'MKD',
  'Vatican City': 'VAT',
  Vatican: 'VAT',
  Brunei: 'BRN',
  Micronesia: 'FSM',
  Swaziland: 'SWZ',
  Burma: 'MMR',
  'East Timor': 'TLS',
  'Cabo Verde': 'CPV',
  Holland: 'NLD',
  England: 'GBR',
  Scotland: 'GBR',
  Wales: 'GBR',
  'Northern Ireland': 'GBR',
  'Palestinian Territories': 'PSE',
  Kirghizia: 'KGZ',
  Byelorussia: 'BLR',
};

function countryKey(name: string): string {
  return normaliseName(name)
    .split(' ')
    .filter((w) => w !== 'the' && w !== 'and')
    .join(' ');
}

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (!alpha3) continue;
    for (const name of names) map.set(countryKey(name), alpha3);
  }
  for (const [name, alpha3] of Object.entries(EXTRA_NAMES)) map.set(countryKey(name), alpha3);
  return map;
})();

/** The ISO alpha-3 code of a country's English name ("Moldavia" -> MDA), or null. */
export function countryFromName(name: string): string | null {
  return BY_NAME.get(countryKey(name)) ?? null;
}

/**
 * What a spreadsheet cell may hold for a country: an ISO alpha-3 code or an English name.
 * Sports codes are not accepted here (GER is plain, but a cell saying BRN would be ambiguous).
 */
export function countryFromCell(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t) && ISO_ALPHA3.has(t.toUpperCase())) return t.toUpperCase();
  return countryFromName(t);
}

/** The English name of an ISO alpha-3 code, for messages. */
export function countryName(alpha3: string): string {
  return countries.getName(alpha3, 'en') ?? alpha3;
}
