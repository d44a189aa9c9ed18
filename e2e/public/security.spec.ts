import { type Page, expect, test } from '@playwright/test';
import { signInAs, uniqueEmail } from '../support/sign-in';

// What the browser is told about scripts, cookies and statuses: the production build, as served.

/** Every complaint the browser logs about the Content-Security-Policy while `page` is open. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test('a page that runs scripts gets a nonce for them alone, and its scripts run', async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto('/en/sign-in');
  const policy = response!.headers()['content-security-policy'] ?? '';
  const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("object-src 'none'");
  // Every script Next.js wrote carries this response's nonce (the DOM hides it from attributes).
  const nonces = await page.locator('script:not([type="application/ld+json"])').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  // Hydrated: an empty address is refused in place and focus moves to the error summary, which
  // only the page's JavaScript does.
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
  // Another response, another nonce.
  const again = await page.request.get('/en/sign-in');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
  expect(violations).toEqual([]);
});

test('a public page from the page cache runs no script and sets no cookie, whatever its query', async ({ request }) => {
  await request.get('/en/tracker?country=UKR');
  const response = await request.get('/en/tracker?country=UKR&utm_source=newsletter');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['x-untwin-page-cache']).toMatch(/^(hit|miss)$/);
  expect(headers['content-security-policy']).toContain("script-src 'none'");
  expect(headers['set-cookie']).toBeUndefined();
  expect(await response.text()).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  for (const path of ['/en', '/uk/stats']) expect((await request.get(path)).headers()['set-cookie'], path).toBeUndefined();
});

test('an unknown council answers 404 with its page, readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto('/en/councils/no-such-council');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Council not found');
  await context.close();
});

test('a page the person may not see answers 403 with its page', async ({ page }) => {
  await signInAs(page, uniqueEmail('not-an-organiser'));
  const response = await page.goto('/en/organise/people');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is for organisers');
  expect((await page.goto('/en/admin/mail'))?.status()).toBe(403);
});
