import { asc, eq, max, ne, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { councils, places, sources, tieEvents, ties } from '../../db/schema';

/** A page the sitemap lists: its slug, and when something on it last changed (when known). */
export type SitemapPage = { slug: string; lastModified: Date | null };

export type SitemapPages = {
  /** When anything in the record last changed: the home, tracker and stats pages show it all. */
  lastModified: Date | null;
  councils: SitemapPage[];
  /** Places on either side of a tie: the "mirror" pages (not a partner the source does not name: its page has nothing to find). */
  places: SitemapPage[];
  /** Every source, by id: its page lists the ties it backs (and a seed document's text). */
  sources: { id: number; lastModified: Date | null }[];
};

/**
 * The pages built from the database, with the time their ties last changed (the latest event
 * recorded on them), so crawlers come back when there is news. Sorted by slug, so the sitemap
 * is stable.
 */
export async function listSitemapPages(db: Queryable): Promise<SitemapPages> {
  const [[latest], councilRows, placeRows, sourceRows] = await Promise.all([
    db.select({ at: max(tieEvents.recordedAt) }).from(tieEvents),
    db
      .select({ slug: councils.slug, at: max(tieEvents.recordedAt) })
      .from(councils)
      .leftJoin(ties, eq(ties.placeId, councils.placeId))
      .leftJoin(tieEvents, eq(tieEvents.tieId, ties.id))
      .groupBy(councils.slug)
      .orderBy(asc(councils.slug)),
    db
      .select({ slug: places.slug, at: max(tieEvents.recordedAt) })
      .from(places)
      .innerJoin(ties, or(eq(ties.placeId, places.id), eq(ties.partnerId, places.id)))
      .leftJoin(tieEvents, eq(tieEvents.tieId, ties.id))
      .where(ne(places.kind, 'unnamed'))
      .groupBy(places.slug)
      .orderBy(asc(places.slug)),
    db
      .select({ id: sources.id, at: max(tieEvents.recordedAt) })
      .from(sources)
      .leftJoin(tieEvents, eq(tieEvents.sourceId, sources.id))
      .groupBy(sources.id)
      .orderBy(asc(sources.id)),
  ]);
  // max() of a timestamp comes back as a string from some drivers.
  const date = (at: Date | string | null | undefined) => (at ? new Date(at) : null);
  return {
    lastModified: date(latest?.at),
    councils: councilRows.map((c) => ({ slug: c.slug, lastModified: date(c.at) })),
    places: placeRows.map((p) => ({ slug: p.slug, lastModified: date(p.at) })),
    sources: sourceRows.map((r) => ({ id: r.id, lastModified: date(r.at) })),
  };
}
