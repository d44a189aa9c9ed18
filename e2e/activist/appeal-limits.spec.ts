import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsBesideTheEmail, previewLetter, startLetter } from './appeal-support';

// The appeal limits as a person meets them (lib/appeals/rules.ts): one appeal per council in 30
// days, and a rate ladder (here its first rung: one appeal per APPEAL_MIN_SECONDS_BETWEEN). A
// refused appeal is named in the error summary and leaves nothing behind. Kamianka and
// Oleksandriia have no address in the e2e directory, so these letters are sent as copied text.

test('a second appeal to the same council within 30 days is refused, with the day it opens again', async ({ page }) => {
  await startLetter(page, { label: 'duplicate', council: 'kamianka-ukr' });
  await page.getByLabel('Your name').fill('Taras Shevchuk');
  await previewLetter(page);
  await page.getByRole('button', { name: 'I sent the copied text' }).click();
  await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=reported$/);

  await page.goto('/en/appeals/new?council=kamianka-ukr');
  await expect(page.getByTestId('opens-again')).toContainText('You wrote to this council recently. You can write to it again from');
  await page.getByLabel('Your name').fill('Taras Shevchuk');
  await previewLetter(page);
  await page.getByRole('button', { name: 'I sent the copied text' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toHaveAttribute('data-error-code', 'conflict');
  await expect(summary).toContainText(/You have already written to this council in the last 30 days\. You can write to it again from .*\d{4}\./);
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/en\/appeals\/new\?council=kamianka-ukr$/);
  await expectNoAxeViolationsBesideTheEmail(page);

  await page.goto('/en/my-appeals');
  await expect(page.getByTestId('my-appeals').locator('tbody tr')).toHaveCount(1);
});

test('two appeals at once are too fast: one counts, the other is refused until the limit lifts', async ({ page, context }) => {
  await startLetter(page, { label: 'rate', council: 'oleksandriia-ukr' });
  const second = await context.newPage();
  await second.goto('/en/appeals/new?council=kamianka-ukr');
  for (const p of [page, second]) {
    await p.getByLabel('Your name').fill('Lesia Ukrainka');
    await previewLetter(p);
  }
  // Both confirmed together, from two tabs.
  await Promise.all([page, second].map((p) => p.getByRole('button', { name: 'I sent the copied text' }).click()));
  const recorded = /\/en\/appeals\/\d+\?done=reported$/;
  const refusal = (p: typeof page) => p.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect.poll(async () => [page, second].filter((p) => recorded.test(p.url())).length, { timeout: 20_000 }).toBe(1);
  const refused = recorded.test(page.url()) ? second : page;
  await expect(refusal(refused)).toHaveAttribute('data-error-code', 'rate_limited');
  await expect(refusal(refused)).toContainText(/You have sent several appeals in a short time\. You can send the next one in \d+ seconds?\./);

  // The refused one left nothing behind: once the limit lifts, it goes through.
  await expect(async () => {
    await refused.getByRole('button', { name: 'I sent the copied text' }).click();
    await expect(refused).toHaveURL(recorded, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await page.goto('/en/my-appeals');
  await expect(page.getByTestId('my-appeals').locator('tbody tr')).toHaveCount(2);
});
