import anyAscii from 'any-ascii';

/** Lowercase ASCII words joined by hyphens: "Veľký Krtíš" -> "velky-krtis". */
export function slugify(text: string): string {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['’ʼ]/g, '') // "Gomel'" -> "gomel", not "gomel-"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A place's slug names its country so that same-named places never fight over a URL:
 * `kyiv-ukr`, and for a district its city too: `leninsky-minsk-blr`.
 */
export function placeSlug(name: string, country: string, parentName?: string | null): string {
  const base = slugify(parentName ? `${name} ${parentName}` : name) || 'place';
  return `${base}-${country.toLowerCase()}`;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
