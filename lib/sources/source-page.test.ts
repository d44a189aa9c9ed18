import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sources } from '../../db/schema';
import { seedDatabase } from '../../db/seed/run-seed';
import { describeEachEngine } from '../testing/test-database';
import { readSeedDocumentText } from './seed-document-text';
import { getSourcePage } from './source-page';

const TRANSPARENT_CITIES = '000_2d2a49441774a397.txt';
const WIKIPEDIA = '001_6f1cc70905dcdfcc.txt';

describeEachEngine('source page', ({ db }) => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    await seedDatabase(db());
    for (const file of [TRANSPARENT_CITIES, WIKIPEDIA]) {
      const [row] = await db().select({ id: sources.id }).from(sources).where(eq(sources.seedDocument, file));
      ids[file] = row!.id;
    }
  });

  it('describes the Transparent Cities article and lists the ties it backs', async () => {
    const page = await getSourcePage(db(), ids[TRANSPARENT_CITIES]!, { locale: 'en' });
    expect(page?.source).toMatchObject({
      seedDocument: TRANSPARENT_CITIES,
      title: 'Twin municipalities of Ukrainian cities in russia and Belarus — who has already severed the ties?',
      publisher: 'Transparent Cities programme (Transparency International Ukraine)',
      publishedOn: { date: '2022-05-26', precision: 'day' },
      language: 'en',
      url: null,
    });
    expect(page?.citing.total).toBeGreaterThan(20);
    expect(page?.citing.ties).toHaveLength(page!.citing.total);
    expect(page?.citing.ties.find((t) => t.place.slug === 'chernihiv-ukr')).toMatchObject({
      status: 'severed',
      partner: { slug: 'gomel-blr', name: 'Gomel' },
      councilSlug: 'chernihiv-ukr',
    });
  });

  it('pages through the hundreds of ties of the Wikipedia list, each once', async () => {
    const first = await getSourcePage(db(), ids[WIKIPEDIA]!, { locale: 'uk', pageSize: 100 });
    const total = first!.citing.total;
    expect(total).toBeGreaterThan(500);
    expect(first!.citing.pageCount).toBe(Math.ceil(total / 100));
    const seen = new Set<number>();
    for (let page = 1; page <= first!.citing.pageCount; page++) {
      const data = await getSourcePage(db(), ids[WIKIPEDIA]!, { locale: 'uk', page, pageSize: 100 });
      expect(data!.citing.page).toBe(page);
      for (const tie of data!.citing.ties) seen.add(tie.id);
    }
    expect(seen.size).toBe(total);
    // A page past the end shows the last one.
    const past = await getSourcePage(db(), ids[WIKIPEDIA]!, { locale: 'uk', page: 10_000, pageSize: 100 });
    expect(past!.citing.page).toBe(first!.citing.pageCount);
  });

  it('has nothing for an unknown source', async () => {
    expect(await getSourcePage(db(), 999_999, { locale: 'en' })).toBeNull();
    expect(await getSourcePage(db(), 0, { locale: 'en' })).toBeNull();
  });
});

describe('readSeedDocumentText', () => {
  it('reads a seed document shipped with the app', async () => {
    const text = await readSeedDocumentText(TRANSPARENT_CITIES);
    expect(text?.startsWith('26 May 2022, 12:04\nTwin municipalities of Ukrainian cities')).toBe(true);
  });

  it('reads nothing outside the seed documents or that is not there', async () => {
    expect(await readSeedDocumentText('../../../package.json')).toBeNull();
    expect(await readSeedDocumentText('..%2Frun-seed.ts')).toBeNull();
    expect(await readSeedDocumentText('/etc/passwd')).toBeNull();
    expect(await readSeedDocumentText('no-such-document.txt')).toBeNull();
  });
});
