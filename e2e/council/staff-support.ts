import { type Browser, type Page, expect } from '@playwright/test';
import { ADMIN_EMAIL } from '../activist/appeal-support';
import { signInAs, uniqueEmail } from '../support/sign-in';

/** A person at the council's official domain who claims staff status, approved by an organiser (the admin). */
export async function approvedStaff(browser: Browser, options: { label: string; domain: string; council: string }): Promise<{ page: Page; email: string }> {
  const email = uniqueEmail(options.label).replace('@example.org', `@${options.domain}`);
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email, { callbackUrl: '/en/account' });
  const claim = page.getByRole('group', { name: 'Your council' });
  await claim.getByLabel(options.council).check();
  await page.getByRole('button', { name: 'Ask for council staff status' }).click();
  await expect(page).toHaveURL(/\/en\/account\?done=claimSent/);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, ADMIN_EMAIL, { callbackUrl: '/en/organise/people' });
  const entry = admin.getByTestId('staff-claims').locator(`li[data-email="${email}"]`);
  await entry.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByTestId('staff-claims').locator(`li[data-email="${email}"]`)).toHaveCount(0);
  await admin.close();
  return { page, email };
}
