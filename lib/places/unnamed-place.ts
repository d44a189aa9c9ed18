import { createTranslator } from 'next-intl';
import { catalogues } from '../../messages';
import { countryName } from '../i18n/country-name';

/**
 * How pages name a partner the source does not name (places of kind `unnamed`): never by the
 * record's placeholder name, always as what it is, "a Belarusian partner the source does not
 * name", in the page's language. Readers call this where they resolve place names, so every page,
 * the feed, the API and the CSV say the same.
 */
export type UnnamedPlaceInput = { kind: string; country: string; alpha2?: string | null; countryName?: string | null };

export function isUnnamedPlace(place: { kind: string }): boolean {
  return place.kind === 'unnamed';
}

function locales(locale: string): 'en' | 'uk' {
  return locale === 'uk' ? 'uk' : 'en';
}

/** "a Belarusian partner the source does not name" / "білоруський партнер, якого джерело не називає". */
export function unnamedPlaceName(place: { country: string; alpha2?: string | null; countryName?: string | null }, locale: string): string {
  const lang = locales(locale);
  const t = createTranslator({ locale: lang, messages: catalogues[lang], namespace: 'Unnamed' });
  const english = place.countryName ?? place.country;
  const name = place.alpha2 ? (lang === 'en' ? english : countryName(place.alpha2, lang, english)) : english;
  return t('partner', { country: place.country, countryName: name });
}

/** The name to show: the unnamed label for an unnamed place, else the given (localised) name. */
export function displayPlaceName(place: UnnamedPlaceInput, name: string, locale: string): string {
  return isUnnamedPlace(place) ? unnamedPlaceName(place, locale) : name;
}

/** A name that may start a heading or a cell: "a Belarusian partner…" -> "A Belarusian partner…". */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
