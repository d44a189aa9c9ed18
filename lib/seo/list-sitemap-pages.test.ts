import { beforeAll, expect, it } from 'vitest';
import { councils, sources } from '../../db/schema';
import { seedDatabase } from '../../db/seed/run-seed';
import { describeEachEngine } from '../testing/test-database';
import { listSitemapPages } from './list-sitemap-pages';

describeEachEngine('the pages the sitemap lists', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
  }, 300_000);

  it('lists every council, every place with a tie and every source, each with when it last changed', async () => {
    const pages = await listSitemapPages(db());
    expect(pages.councils).toHaveLength(await db().$count(councils));
    expect(pages.councils.map((c) => c.slug)).toContain('chernihiv-ukr');
    const slugs = pages.places.map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(['chernihiv-ukr', 'gomel-blr', 'khabarovsk-rus']));
    // Regions have pages of their own, but no ties: they are not listed.
    expect(slugs).not.toContain('kyiv-oblast-ukr');
    expect(slugs).toEqual([...slugs].sort());
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(pages.lastModified).toBeInstanceOf(Date);
    const chernihiv = pages.councils.find((c) => c.slug === 'chernihiv-ukr');
    expect(chernihiv?.lastModified).toBeInstanceOf(Date);
    expect(chernihiv!.lastModified!.getTime()).toBeLessThanOrEqual(pages.lastModified!.getTime());
    expect(pages.sources).toHaveLength(await db().$count(sources));
    expect(pages.sources.every((s) => s.lastModified instanceof Date)).toBe(true);
  });
});
