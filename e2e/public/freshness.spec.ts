import { type Page, expect, test } from '@playwright/test';
import { signInAs } from '../support/sign-in';

// The seed (db/seed, the Wikipedia list of seed 001) has Badenweiler twinned with Taganrog, in
// force, a tie no other spec touches. The e2e database has an admin with this address
// (playwright.config.ts runs `npm run admin:create` before the app starts).
const ADMIN_EMAIL = 'e2e-admin@example.org';
const COUNCIL_PAGE = '/en/councils/badenweiler-deu';
const TRACKER = '/en/tracker?q=Badenweiler';
const TRACKER_WITH_CLOSED = '/en/tracker?q=Badenweiler&closed=1';

/** How long a change may take to show: the cache learns of it within about a second. */
const WITHIN_SECONDS = 5;

const statusOnCouncilPage = (page: Page) => page.getByRole('region', { name: 'Taganrog, Russia' }).locator('[data-status]').first();
const trackerRow = (page: Page) => page.locator('tr[data-council="badenweiler-deu"]').filter({ hasText: 'Taganrog' });

/** Reloads `url` until `check` passes, for at most WITHIN_SECONDS. */
async function shownWithinSeconds(page: Page, url: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout: WITHIN_SECONDS * 1000, intervals: [250] });
}

test('a status change shows on the council page and the tracker within seconds, without a rebuild', async ({ page, browser, request }) => {
  // A visitor reads the pages first, so they are cached at the current data version.
  await page.goto(COUNCIL_PAGE);
  await expect(statusOnCouncilPage(page)).toHaveText('Active');
  await page.goto(TRACKER);
  await expect(trackerRow(page).locator('[data-status]')).toHaveText('Active');
  await page.reload();
  await expect(trackerRow(page)).toHaveCount(1);

  const found = await request.get('/api/v1/ties?q=Badenweiler&closed=1');
  const tie = ((await found.json()) as { data: { id: number; council: string | null; partner: { name: string } }[] }).data.find(
    (t) => t.council === 'badenweiler-deu' && t.partner.name === 'Taganrog',
  );
  expect(tie).toBeDefined();

  // An admin records that the council ended the tie, through the organisers' page.
  const admin = await browser.newPage();
  await signInAs(admin, ADMIN_EMAIL, { callbackUrl: `/en/organise/ties/${tie!.id}` });
  await expect(admin).toHaveURL(new RegExp(`/en/organise/ties/${tie!.id}$`));
  const form = admin.locator('form', { has: admin.locator('input[name="type"]') });
  await form.locator('input[name="type"][value="severed"]').check();
  await form.locator('input[name="occurredOn"]').fill('2025-06-01');
  await form.locator('input[name="sourceUrl"]').fill('https://example.org/badenweiler-council-decision');
  await form.locator('button[type="submit"]').click();
  await expect(admin).toHaveURL(/[?&]recorded=\d+/);
  await expect(admin.getByTestId('tie-status')).toHaveText('Severed');
  await admin.close();

  // The visitor sees it on the next loads, within seconds: no rebuild, no restart.
  await shownWithinSeconds(page, COUNCIL_PAGE, async () => {
    await expect(statusOnCouncilPage(page)).toHaveText('Severed', { timeout: 500 });
  });
  await expect(page.getByRole('region', { name: 'Taganrog, Russia' })).toContainText('June 1, 2025');
  // Closed ties leave the default view of the tracker, and show as severed with the closed ones.
  await shownWithinSeconds(page, TRACKER, async () => {
    await expect(trackerRow(page)).toHaveCount(0, { timeout: 500 });
  });
  await page.goto(TRACKER_WITH_CLOSED);
  await expect(trackerRow(page).locator('[data-status]')).toHaveText('Severed');
});
