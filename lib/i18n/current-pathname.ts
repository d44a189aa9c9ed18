import { headers } from 'next/headers';
import { PATHNAME_HEADER, SEARCH_HEADER, routing } from '../../i18n/routing';

/**
 * The path of the page being rendered, without its locale prefix ('' for the home page), so
 * the language switcher and hreflang links can point at the same page in another language.
 * proxy.ts puts it in a request header: layouts cannot read the URL otherwise.
 */
export async function currentPathname(): Promise<string> {
  const raw = (await headers()).get(PATHNAME_HEADER) ?? '';
  const [, first, ...rest] = raw.split('/');
  if (!first || !(routing.locales as readonly string[]).includes(first)) return '';
  const path = rest.filter(Boolean).join('/');
  return path ? `/${path}` : '';
}

/** The page's query string ('' or '?…'): the same page in another language keeps its filters. */
export async function currentSearch(): Promise<string> {
  const raw = (await headers()).get(SEARCH_HEADER) ?? '';
  return raw.startsWith('?') && raw.length > 1 ? raw : '';
}
