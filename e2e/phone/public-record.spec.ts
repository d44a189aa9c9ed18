import { type Page, expect, test } from '@playwright/test';

// The public record on a phone (the `phone` project: 390 px wide). What a visitor must see on a
// council page fits the screen: the tie's status, who stands behind each fact, the unnamed partner,
// and the way to write to the council, in both languages and without JavaScript. The tracker's
// narrow layout is issue 13's; these pages are the record's own.

/** Content wider than the screen: the page would scroll sideways. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('Shostka at 390 px: the unnamed partner, its status and the letter, with nothing off-screen', async ({ page }) => {
      await page.goto('/en/councils/shostka-ukr');
      const tie = page.getByRole('region', { name: 'A Belarusian partner the source does not name, Belarus' });
      const status = tie.locator('[data-status]').first();
      await status.scrollIntoViewIfNeeded();
      // Wholly on screen: not cut off at the right edge.
      await expect(status).toBeInViewport({ ratio: 1 });
      await expect(status).toHaveText('Appealed');
      await expect(page.getByRole('link', { name: 'Write to the council' })).toBeVisible();
      if (javaScriptEnabled) expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto('/uk/councils/shostka-ukr');
      await expect(page.getByRole('region', { name: 'Білоруський партнер, якого джерело не називає, Білорусь' })).toBeVisible();
      if (javaScriptEnabled) expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`shostka-uk-390${javaScriptEnabled ? '' : '-nojs'}.png`), fullPage: true });
    });
  });
}

test('Lutsk at 390 px: its June 2022 severance and the source behind it fit the screen', async ({ page }) => {
  await page.goto('/en/councils/lutsk-ukr');
  const tie = page.getByRole('region', { name: 'A Belarusian partner the source does not name, Belarus' });
  const severance = tie.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'The council ended the tie' });
  await severance.scrollIntoViewIfNeeded();
  await expect(severance).toContainText('June 27, 2022');
  const box = await severance.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});
