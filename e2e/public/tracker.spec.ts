import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

// Facts of the seed (db/seed): Chernihiv severed its tie with Homiel (Gomel, Гомель) and
// Zhytomyr's turned out never to have been signed, so both show only with ended ties included;
// Ternopil still holds ties with Grodno and Pinsk (appealed, no answer).

function table(page: Page, name = 'Ties matching the filters') {
  return page.getByRole('table', { name });
}

/** The council column: each row's header cell. */
async function councils(page: Page, tableName?: string): Promise<string[]> {
  return table(page, tableName).locator('tbody th').allInnerTexts();
}

async function searchFor(page: Page, text: string, options: { closed: boolean }) {
  await page.getByLabel('Place', { exact: true }).fill(text);
  await page.getByLabel(/Also show ties that have ended/).setChecked(options.closed);
  await page.getByRole('button', { name: 'Show ties' }).click();
}

function total(text: string): number {
  return Number(text.replace(/[^\d]/g, '') || 0);
}

test.describe('tracker', () => {
  test('finds the same councils for Homiel, Gomel and Гомель', async ({ page }) => {
    await page.goto('/en/tracker');
    await expect(page).toHaveTitle(/^Tracker: councils still holding ties with Russia and Belarus · Untwin$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Search any spelling of a place/);

    // Both of Homiel's ties have ended: the tracker says so and offers to show them.
    await searchFor(page, 'Homiel', { closed: false });
    await expect(page).toHaveURL(/[?&]q=Homiel/);
    await expect(page.getByText('No ties match')).toBeVisible();
    await page.getByRole('link', { name: 'Show ended ties too' }).click();
    await expect(page).toHaveURL(/closed=1/);
    const homiel = await councils(page);
    expect(homiel).toEqual(['Chernihiv', 'Zhytomyr']);
    await expect(table(page).locator('tbody tr').first()).toContainText('Gomel');

    for (const spelling of ['Gomel', 'Гомель', 'homyel']) {
      await searchFor(page, spelling, { closed: true });
      await expect(page.getByText('2 ties match')).toBeVisible();
      expect(await councils(page)).toEqual(homiel);
    }

    // Each council links to its page.
    await expect(table(page).getByRole('link', { name: 'Chernihiv' })).toHaveAttribute('href', '/en/councils/chernihiv-ukr');
  });

  test('filters by partner country and status, and keeps the filters in the address', async ({ page }) => {
    await page.goto('/en/tracker');
    await page.getByLabel('Partner’s country').selectOption({ label: 'Belarus' });
    await page.getByText(/^More filters/).click();
    await page.getByRole('group', { name: 'Status' }).getByLabel('Appealed', { exact: true }).check();
    await page.getByRole('button', { name: 'Show ties' }).click();

    await expect(page).toHaveURL(/partnerCountry=BLR/);
    await expect(page).toHaveURL(/status=appealed/);
    const rows = table(page).locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await expect(page.locator('[data-total]')).toContainText(`${count} ties match`);
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(2)).toHaveText('Belarus');
      await expect(row.locator('[data-status]')).toHaveText('Appealed');
    }
    expect(await councils(page)).toContain('Ternopil');

    // The form shows the view it made, so it can be changed from there.
    await expect(page.getByLabel('Partner’s country')).toHaveValue('BLR');
    await expect(page.getByRole('group', { name: 'Status' }).getByLabel('Appealed', { exact: true })).toBeChecked();
  });

  test('pages through the results, keeping filters and sort', async ({ page }) => {
    await page.goto('/en/tracker?partnerCountry=RUS&sort=place');
    const summary = total(await page.locator('[data-total]').innerText());
    expect(summary).toBeGreaterThan(100);
    const pages = page.getByRole('navigation', { name: 'Pages of results' });
    await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    const first = await councils(page);
    expect(first).toHaveLength(50);
    expect(first).toEqual([...first].sort(new Intl.Collator('en').compare));

    await pages.getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/partnerCountry=RUS/);
    await expect(page).toHaveURL(/sort=place/);
    await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    const second = await councils(page);
    expect(new Intl.Collator('en').compare(first.at(-1)!, second[0]!)).toBeLessThanOrEqual(0);

    const lastPage = Math.ceil(summary / 50);
    await pages.getByRole('link', { name: `Page ${lastPage}` }).click();
    await expect(table(page).locator('tbody tr')).toHaveCount(summary - 50 * (lastPage - 1));
    await expect(pages.getByRole('link', { name: /Next/ })).toHaveCount(0);
  });

  test('sorts by a column heading, and turns the order round', async ({ page }) => {
    await page.goto('/en/tracker?closed=1');
    await table(page).getByRole('link', { name: /Last change/ }).click();
    await expect(page).toHaveURL(/sort=updated/);
    const heading = table(page).getByRole('columnheader', { name: /Last change/ });
    await expect(heading).toHaveAttribute('aria-sort', 'descending');
    // The last column is the last change (the status cell has dates of its own: when it was confirmed).
    const lastChange = () => table(page).locator('tbody tr').first().getByRole('cell').last().locator('time');
    const newest = await lastChange().getAttribute('datetime');
    await table(page).getByRole('link', { name: /Last change/ }).click();
    await expect(heading).toHaveAttribute('aria-sort', 'ascending');
    const oldest = await lastChange().getAttribute('datetime');
    expect(oldest! < newest!).toBe(true);
  });

  test('gives the same view as JSON and CSV', async ({ page, request }) => {
    await page.goto('/en/tracker?partnerCountry=BLR&closed=1&perPage=10');
    const shown = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-tie'))));
    const count = total(await page.locator('[data-total]').innerText());

    const jsonHref = await page.getByRole('link', { name: 'JSON, this page' }).getAttribute('href');
    expect(jsonHref).toBe('/api/v1/ties?partnerCountry=BLR&closed=1&perPage=10');
    const json = await request.get(jsonHref!);
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toContain('application/json');
    expect(json.headers()['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const body = await json.json();
    expect(body).toMatchObject({ page: 1, perPage: 10, total: count });
    expect(body.data.map((t: { id: number }) => t.id)).toEqual(shown);
    expect(body.links.next).toContain('page=2');
    const gomel = body.data.find((t: { partner: { name: string } }) => t.partner.name === 'Gomel');
    expect(gomel.partner.aliases).toEqual(expect.arrayContaining(['Homiel', 'Гомель']));
    expect(gomel.events.at(-1).source.title).toBeTruthy();

    // A client that has the bytes is told so without them.
    const etag = json.headers()['etag']!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await request.get(jsonHref!, { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);

    const csvHref = await page.getByRole('link', { name: 'CSV, every matching tie' }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/ties.csv?partnerCountry=BLR&closed=1');
    const csv = await request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(csv.headers()['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,council,/);
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1, 11).map((l) => Number(l.split(',')[0]))).toEqual(shown);
    expect((await request.get(csvHref!, { headers: { 'If-None-Match': csv.headers()['etag']! } })).status()).toBe(304);
  });

  test('answers filters it does not understand with a 400 problem, and names them on the page', async ({ page, request }) => {
    for (const path of ['/api/v1/ties?status=open&perPage=1000', '/api/v1/ties.csv?status=open&perPage=1000']) {
      const res = await request.get(path);
      expect(res.status()).toBe(400);
      expect(res.headers()['content-type']).toContain('application/problem+json');
      const problem = await res.json();
      expect(problem.errors.map((e: { param: string }) => e.param)).toEqual(['status', 'perPage']);
      expect(problem.detail).toContain('perPage: must be at most 200');
    }

    const response = await page.goto('/en/tracker?status=open&country=UKR');
    expect(response?.status()).toBe(200);
    const summary = page.getByRole('region', { name: 'Some of the filters in this address were not understood' });
    await expect(summary.getByRole('link', { name: 'Status: not a value the tracker knows' })).toHaveAttribute('href', '#status-active');
    // The filters that were understood still apply.
    await expect(page.getByLabel('Council’s country')).toHaveValue('UKR');
    expect(await councils(page)).toContain('Ternopil');
  });

  for (const [locale, path] of [
    ['en', '/en/tracker'],
    ['uk', '/uk/tracker?q=%D0%93%D0%BE%D0%BC%D0%B5%D0%BB%D1%8C&closed=1&status=severed'],
    ['en', '/en/tracker?status=open&page=2'],
  ] as const) {
    test(`has no accessibility violations (axe) at ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }

  test('is reached from the header, and speaks Ukrainian', async ({ page }) => {
    await page.goto('/uk');
    await page.getByRole('link', { name: 'Трекер' }).click();
    await expect(page).toHaveURL(/\/uk\/tracker$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ради, що досі мають зв’язки');
    await expect(page.getByRole('link', { name: 'Трекер' })).toHaveAttribute('aria-current', 'page');
  });

  test('keeps the filters when the reader switches language', async ({ page }) => {
    await page.goto('/en/tracker?q=Homiel&closed=1');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link').click();
    await expect(page).toHaveURL(/\/uk\/tracker\?/);
    const url = new URL(page.url());
    expect([...url.searchParams].sort()).toEqual([['closed', '1'], ['q', 'Homiel']]); // in any order
    await expect(page.locator('input[name="q"]')).toHaveValue('Homiel');
  });
});

test.describe('tracker without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('searches with the form, in Ukrainian, and pages', async ({ page }) => {
    await page.goto('/uk/tracker');
    await page.getByLabel('Місто', { exact: true }).fill('Homiel');
    await page.getByLabel(/Показати також розірвані/).check();
    await page.getByRole('button', { name: 'Показати зв’язки' }).click();
    await expect(page).toHaveURL(/q=Homiel/);
    expect(await councils(page, 'Зв’язки, що відповідають фільтрам')).toEqual(['Житомир', 'Чернігів']);
    await expect(page.locator('tbody tr').first()).toContainText('Гомель');
    await expect(page.locator('tbody tr').first()).toContainText('Не було підписано');

    await page.goto('/uk/tracker');
    await page.getByRole('navigation', { name: 'Сторінки результатів' }).getByRole('link', { name: /Наступна/ }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('tbody tr')).toHaveCount(50);
  });
});
