import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { env } from '@/lib/env';
import { listSitemapPages } from '@/lib/seo/list-sitemap-pages';

/** The protocol's limit for one sitemap file; beyond it, the least important pages are left out. */
const MAX_URLS = 50_000;

/**
 * Every public page in every language, each naming its other languages (hreflang), so search
 * engines index one address per language. Built per request from the database: councils and
 * places come and go, and `next build` must never open the database.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = env().APP_URL.replace(/\/+$/, '');
  const pages = await listSitemapPages(await getDb());

  const entries = (path: string, lastModified: Date | null): MetadataRoute.Sitemap => {
    const languages = Object.fromEntries(routing.locales.map((l) => [l, `${base}/${l}${path}`]));
    return routing.locales.map((locale) => ({
      url: `${base}/${locale}${path}`,
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages },
    }));
  };

  const all = [
    ...entries('', pages.lastModified),
    ...entries('/tracker', pages.lastModified),
    ...entries('/stats', pages.lastModified),
    ...entries('/data', null),
    ...pages.councils.flatMap((c) => entries(`/councils/${encodeURIComponent(c.slug)}`, c.lastModified)),
    ...pages.places.flatMap((p) => entries(`/places/${encodeURIComponent(p.slug)}`, p.lastModified)),
    ...pages.sources.flatMap((s) => entries(`/sources/${s.id}`, s.lastModified)),
  ];
  return all.slice(0, MAX_URLS);
}
