import { type Page, expect, test } from '@playwright/test';
import {
  confirmSignIn,
  expectNoAxeViolations,
  mailsTo,
  requestSignInLink,
  signInAs,
  signInLinkFromFakeResend,
  uniqueEmail,
} from '../support/sign-in';

// The app on port 3100 sends mail through the Resend SDK to the fake Resend (see
// playwright.config.ts); e2e/support/sign-in.ts reads the links back from it.

async function expectSignedInAs(page: Page, email: string) {
  await page.goto('/en/sign-out');
  await expect(page.getByTestId('signed-in-address')).toHaveText(email);
}

async function signOut(page: Page) {
  await page.goto('/en/sign-out');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are signed out');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-in by email link, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a new person asks for a link, opens it, signs in and signs out', async ({ page, request, context }) => {
      const email = uniqueEmail(javaScriptEnabled ? 'new-js' : 'new-nojs');
      await page.goto('/en');
      // Signed out, the account link leads to the sign-in page, which comes back to the account.
      await page.getByRole('link', { name: 'Sign in / Your account' }).click();
      await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Faccount$/);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await requestSignInLink(page, email);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
      await expect(page.getByText(/works for 10 minutes, and only once/)).toBeVisible();

      const link = await signInLinkFromFakeResend(email);
      expect(link.pathname).toBe('/en/sign-in/confirm');

      // A mail scanner opens the link first: that only shows the page, it uses nothing.
      const scanned = await request.get(link.toString());
      expect(scanned.status()).toBe(200);

      await page.goto(link.toString());
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Untwin');
      await expect(page.getByTestId('sign-in-address')).toHaveText(email);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      await confirmSignIn(page, link);
      await expect(page).toHaveURL(/\/en\/account$/);
      await expect(page.getByTestId('account-email')).toHaveText(email);

      const session = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      await expectSignedInAs(page, email);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      // The link worked once: opened again, it says so and offers a new one.
      await page.goto(link.toString());
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This sign-in link does not work any more');
      await expect(page.getByRole('link', { name: 'Ask for a new sign-in link' })).toHaveAttribute('href', /^\/en\/sign-in\?/);

      await signOut(page);
      await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    });

    test('an address that is not one is named on the same page, linked to its field', async ({ page }) => {
      await page.goto('/en/sign-in');
      await page.getByLabel('Email address').fill('not an address');
      await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('link', { name: /correct format/ })).toHaveAttribute('href', '#email');
      await expect(page).toHaveURL(/\/en\/sign-in$/);
      await expect(page.getByLabel('Email address')).toHaveValue('not an address');
      await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  });
}

test('a known and an unknown address see the same page, and each gets one mail', async ({ browser }) => {
  const known = uniqueEmail('known');
  const unknown = uniqueEmail('unknown');
  const first = await browser.newPage();
  await signInAs(first, known);
  await first.close();

  const pages: string[] = [];
  for (const email of [known, unknown]) {
    const page = await browser.newPage();
    await requestSignInLink(page, email, 'uk');
    pages.push(`${page.url()}\n${await page.locator('main').innerHTML()}`);
    await page.close();
  }
  expect(pages[1]).toBe(pages[0]);
  await signInLinkFromFakeResend(known, 2);
  await signInLinkFromFakeResend(unknown, 1);
  expect(await mailsTo(unknown)).toHaveLength(1);
});

test('in Ukrainian: the pages and the mail are Ukrainian, and the person lands where they were going', async ({ page }) => {
  const email = uniqueEmail('uk');
  await requestSignInLink(page, email, 'uk', '/uk/tracker');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Перевірте пошту');
  const link = await signInLinkFromFakeResend(email);
  expect(link.pathname).toBe('/uk/sign-in/confirm');
  await page.goto(link.toString());
  await expect(page.getByRole('button', { name: 'Увійти' })).toBeVisible();
  await confirmSignIn(page, link);
  await expect(page).toHaveURL(/\/uk\/tracker$/);
});

test('a sign-in request from another site is refused, and no mail goes out', async ({ page, request }) => {
  await page.goto('/en/sign-in');
  const victim = uniqueEmail('csrf');
  await page.getByLabel('Email address').fill(victim);
  // The form exactly as the browser would post it, sent from another site.
  const fields = await page.locator('form:has(input[name="email"])').evaluate((form: HTMLFormElement) =>
    [...new FormData(form).entries()].map(([k, v]) => [k, String(v)] as [string, string]),
  );
  const response = await request.post('/en/sign-in', {
    multipart: Object.fromEntries(fields),
    headers: { origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);

  // A request from the site itself, made after it, is mailed: by then the refused one would be too.
  const control = uniqueEmail('csrf-control');
  await requestSignInLink(page, control);
  await signInLinkFromFakeResend(control);
  expect(await mailsTo(victim)).toEqual([]);
});
