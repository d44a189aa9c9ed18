import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Facts of the seed: Ternopil (49.55, 25.59) and Grodno (53.68, 23.83) both have coordinates in
// db/seed/gazetteer.ts, so their tie is drawn; Albany's location is left open there (which
// Albany?), so its tie with Tula is listed under the map instead.

test.describe('map page', () => {
  test('draws the ties, lists them in a table, and lists the ties it cannot draw', async ({ page }) => {
    const response = await page.goto('/en/map');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Map of twin-city ties with Russia and Belarus/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Map of the ties');

    const map = page.getByRole('img', { name: /^Map of twin-city ties: All campaigns$/ });
    await expect(map).toBeVisible();
    await expect(map).toHaveAccessibleDescription(/\d+ ties are drawn/);
    expect(await map.locator('[data-map-layer="ties"] path').count()).toBeGreaterThan(0);
    // The legend says in words what each kind of line means.
    await expect(page.getByText('Light dashed line: the tie has ended, or was never signed')).toBeVisible();

    const table = page.getByRole('table', { name: /The ties on the map/ });
    const ternopil = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ternopil' }) }).filter({ hasText: 'Grodno' });
    await expect(ternopil).toHaveCount(1);
    await expect(ternopil).toContainText('Appealed');

    const missing = page.getByRole('region', { name: /Ties not on the map/ });
    const albany = missing.getByRole('listitem').filter({ hasText: 'Albany' });
    await expect(albany).toContainText('Tula');
    await expect(albany).toContainText('location unknown');
    await expect(table.getByRole('rowheader', { name: 'Albany' })).toHaveCount(0);
  });

  test('narrows to one campaign with a plain form, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/map');
    const all = await page.locator('[data-map-layer="ties"] path').count();
    const options = await page.getByLabel('Campaign', { exact: true }).locator('option').allTextContents();
    const ukraine = options.find((o) => /Ukraine/.test(o));
    expect(ukraine).toBeTruthy();
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: ukraine! });
    await page.getByRole('button', { name: 'Show on the map' }).click();
    await expect(page).toHaveURL(/\/en\/map\?campaign=/);
    await expect(page.getByRole('img', { name: `Map of twin-city ties: ${ukraine}` })).toBeVisible();
    const narrowed = await page.locator('[data-map-layer="ties"] path').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThanOrEqual(all);
    await context.close();
  });

  for (const locale of ['en', 'uk'] as const) {
    test(`has no accessibility violations (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/map`);
      await expect(page.getByRole('img', { name: locale === 'uk' ? /Мапа побратимських зв’язків/ : /Map of twin-city ties/ })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
});
