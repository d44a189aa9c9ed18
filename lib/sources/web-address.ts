import { z } from 'zod';
import { hasControlCharacter } from '../text/name';

/**
 * A source's or a decision's address, if it is safe to link to: only http and https, so a
 * value typed into the record can never become a script link on a public page.
 */
export function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export const WEB_ADDRESS_MESSAGE = 'must be a web address starting with http:// or https://';

/**
 * Whether a value as typed or imported is a web address to store: http or https, and nothing a
 * browser or the database would read otherwise (no space, no control character).
 */
export function isWebAddress(value: string): boolean {
  return !/\s/.test(value) && !hasControlCharacter(value) && webAddress(value) !== null;
}

/**
 * A web address as input (forms, imports, the command line), trimmed and kept as written (an
 * import's source is known by its URL). Everything that stores a URL checks it with this; the
 * database refuses anything else too (sources_url_web, councils_website_web).
 */
export const webAddressInput = z.string().trim().max(2000).refine(isWebAddress, { message: WEB_ADDRESS_MESSAGE });
