import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { placeNames } from '../../db/schema';

/** Lower is preferred when a place has several names in a language. */
export const NAME_KIND_PREFERENCE: Record<(typeof placeNames.$inferSelect)['kind'], number> = {
  official: 0,
  english: 1,
  transliteration: 2,
  alias: 3,
  historical: 4,
};

/**
 * The display name of each place in a locale, for the places that have one; callers fall back
 * to places.name, which is already the English name (so English needs no query).
 */
export async function localisedPlaceNames(db: Queryable, placeIds: readonly number[], locale: string): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const ids = [...new Set(placeIds)];
  if (locale === 'en' || ids.length === 0) return names;
  const rows = await db
    .select({ placeId: placeNames.placeId, name: placeNames.name, kind: placeNames.kind, id: placeNames.id })
    .from(placeNames)
    .where(and(eq(placeNames.lang, locale), inArray(placeNames.placeId, ids)));
  rows.sort((a, b) => NAME_KIND_PREFERENCE[a.kind] - NAME_KIND_PREFERENCE[b.kind] || a.id - b.id);
  for (const row of rows) if (!names.has(row.placeId)) names.set(row.placeId, row.name);
  return names;
}
