import { expect, test } from '@playwright/test';
import { confirmSignIn, requestSignInLink, signInLinkFromDevMailbox, uniqueEmail } from '../support/sign-in';

// Runs in the `postgres-dev-mailbox` project only (playwright.config.ts): the app on PostgreSQL
// with no RESEND_API_KEY, so mail lands in the dev mailbox, read here through its pages.

test('a new person signs in from the dev mailbox, on PostgreSQL', async ({ page }) => {
  const email = uniqueEmail('dev-mailbox');
  await requestSignInLink(page, email);
  const link = await signInLinkFromDevMailbox(page, email);
  expect(link.pathname).toBe('/en/sign-in/confirm');
  await confirmSignIn(page, link);
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByTestId('account-email')).toHaveText(email);
  await page.goto('/en/sign-out');
  await expect(page.getByTestId('signed-in-address')).toHaveText(email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are signed out');
});
