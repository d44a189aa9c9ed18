import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

// Facts of the seed (db/seed, from the Transparent Cities article of 2022 and its update):
// Chernihiv severed its tie with Homiel (Gomel) as of 27 June 2022; Kyiv Oblast's councils with
// ties are Bila Tserkva, Boyarka, Brovary and Irpin; the survey analysed 100 cities, of which
// 25 have or had ties, 41 had none and 31 gave no information.

const ATOM = 'http://www.w3.org/2005/Atom';

type FeedEntry = { id: string; title: string; updated: string; link: string | null; summary: string };

/** Parses the feed with the browser's own XML parser: a document that is not well-formed fails here. */
async function parseFeed(page: Page, xml: string) {
  await page.goto('about:blank');
  return page.evaluate(
    ([text, ns]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
      const child = (el: Element, name: string) => el.getElementsByTagNameNS(ns, name)[0];
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        id: child(e, 'id')?.textContent ?? '',
        title: child(e, 'title')?.textContent ?? '',
        updated: child(e, 'updated')?.textContent ?? '',
        link: [...e.getElementsByTagNameNS(ns, 'link')].find((l) => l.getAttribute('rel') === 'alternate')?.getAttribute('href') ?? null,
        summary: child(e, 'summary')?.textContent ?? '',
      }));
      return { error, root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName, entries };
    },
    [xml, ATOM] as const,
  ) as Promise<{ error: string | null; root: string; entries: FeedEntry[] }>;
}

function asNumber(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

test.describe('Atom feed of status changes', () => {
  test('is a well-formed Atom document of the latest 50 changes, newest first', async ({ page, request }) => {
    const response = await request.get('/feed.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = await parseFeed(page, await response.text());
    expect(feed.error).toBeNull();
    expect(feed.root).toBe(`${ATOM} feed`);
    expect(feed.entries).toHaveLength(50);

    const updated = feed.entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(50);
    for (const e of feed.entries) expect(e.id).toMatch(/^tag:[^,]+,2025:untwin\/tie-event\/\d+$/);

    const chernihiv = feed.entries.find((e) => e.title === 'Chernihiv – Gomel: severed');
    expect(chernihiv?.updated).toBe('2022-06-27T00:00:00Z');
    expect(chernihiv?.summary).toContain('Source: “Twin municipalities of Ukrainian cities in russia and Belarus');
    // Each entry leads to its council's page.
    expect(new URL(chernihiv!.link!).pathname).toBe('/en/councils/chernihiv-ukr');
    const councilPage = await request.get(new URL(chernihiv!.link!).pathname);
    expect(councilPage.status()).toBe(200);
  });

  test('lets readers and caches ask whether it changed', async ({ request }) => {
    const first = await request.get('/feed.xml');
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers()['cache-control']).toContain('public');
    const again = await request.get('/feed.xml', { headers: { 'If-None-Match': etag! } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe('');
  });
});

test.describe('stats page', () => {
  test('shows the funnel, the oblasts, the survey figures and a chart with a text alternative', async ({ page }) => {
    const response = await page.goto('/en/stats');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');

    const funnel = page.getByRole('table', { name: 'Ties that reached each step, and those at it now' });
    const rows = funnel.getByRole('row');
    await expect(rows.nth(0)).toContainText('Step');
    const steps = ['Active', 'Appealed', 'Council replied', 'Pledged to end', 'Severed'];
    const reached: number[] = [];
    for (const [i, step] of steps.entries()) {
      const row = rows.nth(i + 1);
      await expect(row.getByRole('rowheader')).toHaveText(step);
      reached.push(asNumber(await row.getByRole('cell').first().innerText()));
    }
    // Every step counts at least as many ties as the one after it.
    expect(reached).toEqual([...reached].sort((a, b) => b - a));
    expect(reached.at(-1)).toBeGreaterThan(0);

    // The charts are pictures with a name and a description that carries their numbers.
    const funnelChart = page.getByRole('img', { name: 'Ties that reached each step, or went further' });
    await expect(funnelChart).toBeVisible();
    await expect(funnelChart).toHaveAccessibleDescription(new RegExp(`Severed: ${reached.at(-1)}`));
    const progress = page.getByRole('img', { name: 'Ties appealed, pledged to end and severed, cumulative, by month' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAccessibleDescription(/Severed: \d+/);
    await expect(page.getByRole('table', { name: 'Ties by the end of each month in which something changed' }).getByRole('rowheader').first()).toHaveText(
      'May 2022',
    );

    const kyivOblast = page.getByRole('table', { name: /by the oblast/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kyiv Oblast' }) });
    for (const place of ['Bila Tserkva', 'Boyarka', 'Brovary', 'Irpin']) await expect(kyivOblast.getByRole('link', { name: place })).toBeVisible();

    const survey = page.getByRole('region', { name: 'Ukraine 2022' });
    const figures = await survey.getByRole('definition').allInnerTexts();
    expect(figures.slice(0, 4).map(asNumber)).toEqual([100, 25, 41, 31]);
    await expect(survey.getByRole('blockquote').first()).toContainText('we took the 100 largest cities of Ukraine');
  });

  test('narrows to one campaign with a form that works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/stats');
    const all = Number(await page.locator('[data-total]').getAttribute('data-total'));
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'US mayors 2022' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/en\/stats\?campaign=us-mayors-2022$/);
    await expect(page.getByLabel('Campaign', { exact: true })).toHaveValue('us-mayors-2022');
    const us = Number(await page.locator('[data-total]').getAttribute('data-total'));
    expect(us).toBeGreaterThan(0);
    expect(us).toBeLessThan(all);
    await expect(page.getByText('No tie in this view belongs to a Ukrainian place with an oblast in the record.')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Ties that reached each step, or went further' })).toBeVisible();

    // A campaign that is not public (or does not exist) shows everything, and says so.
    await page.goto('/en/stats?campaign=no-such-campaign');
    await expect(page.getByRole('status')).toContainText('There is no public campaign at that address');
    expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBe(all);
    await context.close();
  });

  test('is in Ukrainian, with Ukrainian place names', async ({ page }) => {
    await page.goto('/uk/stats');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Статистика');
    const kyivOblast = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Київська область' }) });
    await expect(kyivOblast.getByRole('link', { name: 'Біла Церква' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Україна 2022' }).getByText('Найбільших міст України проаналізовано')).toBeVisible();
  });
});

test.describe('open data page', () => {
  test('documents the endpoints, their parameters and the licence', async ({ page, request }) => {
    const response = await page.goto('/en/data');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
    for (const endpoint of ['GET /api/v1/ties', 'GET /api/v1/ties.csv', 'GET /feed.xml']) {
      await expect(page.getByText(endpoint, { exact: true })).toBeVisible();
    }
    const parameters = page.getByRole('table', { name: 'Query parameters' });
    for (const name of ['campaign', 'country', 'partnerCountry', 'status', 'group', 'q', 'closed', 'sort', 'page', 'perPage']) {
      await expect(parameters.getByRole('rowheader', { name, exact: true })).toBeVisible();
    }
    await expect(parameters.getByRole('row').filter({ hasText: /^campaign/ })).toContainText('ukraine-2022');
    await expect(page.getByRole('link', { name: /CC BY 4\.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
    await expect(page.getByRole('link', { name: /AGPL-3\.0-or-later/ })).toHaveAttribute('href', 'https://www.gnu.org/licenses/agpl-3.0.html');
    await expect(page.getByText('npm run data:export', { exact: false })).toBeVisible();

    // The examples it links to answer.
    const tryJson = page.getByRole('link', { name: /^\/api\/v1\/ties\?/ });
    const api = await request.get((await tryJson.getAttribute('href'))!);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { data: unknown[]; page: number; perPage: number; total: number; links: Record<string, unknown> };
    expect(Object.keys(body).sort()).toEqual(['data', 'links', 'page', 'perPage', 'total']);
    expect(body.data.length).toBeGreaterThan(0);
    const feed = await request.get((await page.getByRole('link', { name: /\/feed\.xml$/ }).getAttribute('href'))!);
    expect(feed.status()).toBe(200);
  });

  test('works without JavaScript, in Ukrainian', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/uk/data');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Відкриті дані');
    await page.getByRole('navigation', { name: 'На цій сторінці' }).getByRole('link', { name: 'Ліцензія' }).click();
    await expect(page).toHaveURL(/\/uk\/data#licence$/);
    await expect(page.getByRole('heading', { name: 'Ліцензія' })).toBeInViewport();
    await context.close();
  });
});

test.describe('sitemap and robots', () => {
  test('list the public pages in both languages', async ({ request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    const robotsText = await robots.text();
    expect(robotsText).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);

    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    for (const path of ['/uk', '/en', '/uk/tracker', '/en/stats', '/uk/data', '/en/councils/chernihiv-ukr', '/uk/places/gomel-blr']) {
      expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+${path.replaceAll('/', '\\/')}</loc>`));
    }
    expect(xml).toMatch(/<xhtml:link rel="alternate" hreflang="uk" href="https?:\/\/[^"]+\/uk\/stats" \/>/);
  });
});

for (const path of ['/en/stats', '/uk/stats', '/en/data', '/uk/data']) {
  test(`${path} has no accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
