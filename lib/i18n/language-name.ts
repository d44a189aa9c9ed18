/**
 * A language's name in a locale ("російська" for ru on Ukrainian pages), from the runtime's
 * ICU data. Falls back to the code itself when ICU does not know it.
 */
const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: RangeError
  }
}
