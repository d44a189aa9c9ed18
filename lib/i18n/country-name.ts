/**
 * A country's name in a locale, from the runtime's ICU data (the countries table holds only
 * English names). Falls back to the given name when ICU does not know the code.
 */
const displayNames = new Map<string, Intl.DisplayNames>();

export function countryName(alpha2: string, locale: string, fallback: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(alpha2.toUpperCase()) ?? fallback;
  } catch {
    return fallback; // a malformed code: RangeError
  }
}
