import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, COUNCIL_ADDRESS, adminOnAppealsPage, expectAppealState, mailsFor, previewLetter, queueEntry, startLetter, uniqueSentence } from '../activist/appeal-support';
import { expectNoAxeViolations, signInAs, uniqueEmail } from '../support/sign-in';

// The organisers' side of appeals (/organise/appeals): a new activist's first letter waits for
// them; they approve it or reject it with a reason the writer sees; and they choose, per
// campaign, whether letters go one by one or as one digest a day per council. The activist here
// writes without JavaScript: the letter form works as plain forms.

test('a first appeal waits; rejected with a reason, it is never sent, and its writer sees why', async ({ browser }) => {
  test.setTimeout(120_000);
  const activistPage = await browser.newPage({ javaScriptEnabled: false });
  const activist = await startLetter(activistPage, { label: 'moderated', council: 'ternopil-ukr', locale: 'uk' });
  const marker = uniqueSentence('uk');
  const body = activistPage.getByLabel('Лист', { exact: true });
  await body.fill(`${await body.inputValue()}\n\n${marker}`);
  await activistPage.getByLabel('Ваше ім’я').fill('Іван Франко');
  await previewLetter(activistPage, 'uk');
  await activistPage.getByRole('button', { name: 'Надіслати лист на перевірку' }).click();
  await expect(activistPage).toHaveURL(/\/uk\/appeals\/\d+\?done=awaiting_moderation$/);
  await expect(activistPage.getByTestId('appeal-state')).toContainText('Чекає на організатора');
  const appealPage = activistPage.url();

  // Not for activists.
  await activistPage.goto('/en/organise/appeals');
  await expect(activistPage.getByRole('heading', { level: 1 })).toHaveText('This page is for organisers');

  const admin = await adminOnAppealsPage(browser);
  await expectNoAxeViolations(admin);
  const entry = queueEntry(admin, activist);
  await expect(entry).toContainText(marker);
  await expect(entry).toContainText('Ternopil City Council');
  await expect(entry).toContainText('Іван Франко');

  // A rejection needs a reason: the summary names the field and links to it.
  await entry.getByRole('button', { name: 'Reject' }).click();
  const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Say why the appeal is rejected' })).toBeVisible();
  const reason = 'The letter names a tie the council has already ended.';
  await queueEntry(admin, activist).getByLabel('Why it is rejected').fill(reason);
  await queueEntry(admin, activist).getByRole('button', { name: 'Reject' }).click();
  await expect(admin.getByTestId('done')).toHaveText('The appeal is rejected; its writer sees your reason.');
  await expect(queueEntry(admin, activist)).toHaveCount(0);
  await admin.context().close();

  await activistPage.goto(appealPage);
  await expectAppealState(activistPage, 'rejected');
  await expect(activistPage.getByTestId('rejection-reason')).toHaveText(reason);
  await expect(activistPage.getByRole('link', { name: 'Написати лист знову' })).toHaveAttribute('href', '/uk/appeals/new?council=ternopil-ukr');
  expect((await mailsFor(COUNCIL_ADDRESS.ternopil)).filter((m) => m.text?.includes(marker))).toEqual([]);
  // A rejected letter does not hold the council: the writer may write again at once.
  await activistPage.goto('/uk/appeals/new?council=ternopil-ukr');
  await expect(activistPage.getByTestId('opens-again')).toHaveCount(0);
  await activistPage.close();
});

test('a first appeal waits, is approved, and goes out', async ({ browser }) => {
  test.setTimeout(120_000);
  const activistPage = await browser.newPage({ javaScriptEnabled: false });
  const activist = await startLetter(activistPage, { label: 'approved', council: 'ternopil-ukr', locale: 'uk' });
  const marker = uniqueSentence('uk');
  const body = activistPage.getByLabel('Лист', { exact: true });
  await body.fill(`${await body.inputValue()}\n\n${marker}`);
  await activistPage.getByLabel('Ваше ім’я').fill('Леся Українка');
  await previewLetter(activistPage, 'uk');
  await activistPage.getByRole('button', { name: 'Надіслати лист на перевірку' }).click();
  await expect(activistPage).toHaveURL(/\/uk\/appeals\/\d+\?done=awaiting_moderation$/);
  expect((await mailsFor(COUNCIL_ADDRESS.ternopil)).filter((m) => m.text?.includes(marker))).toEqual([]);

  const admin = await adminOnAppealsPage(browser);
  await queueEntry(admin, activist).getByRole('button', { name: 'Approve and send' }).click();
  await expect(admin.getByTestId('done')).toHaveText('The appeal is approved and on its way.');
  await admin.context().close();

  await expectAppealState(activistPage, 'sent');
  const sent = (await mailsFor(COUNCIL_ADDRESS.ternopil)).filter((m) => m.text?.includes(marker));
  expect(sent).toHaveLength(1);
  expect(sent[0]!.reply_to).toEqual([activist]);
  await activistPage.close();
});

test('an organiser switches a campaign between letters one by one and a daily digest', async ({ page }) => {
  await signInAs(page, ADMIN_EMAIL, { callbackUrl: '/en/organise/appeals' });
  const europe = page.getByRole('group', { name: 'Europe 2025' });
  await expect(europe.getByRole('radio', { name: 'Each letter on its own' })).toBeChecked();
  await europe.getByRole('radio', { name: 'One email a day per council' }).check();
  await page.locator('form', { has: europe }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('done')).toHaveText('The way this campaign’s letters are sent is saved.');
  await expect(page.getByRole('group', { name: 'Europe 2025' }).getByRole('radio', { name: 'One email a day per council' })).toBeChecked();

  // Back as it was, for the other specs.
  await page.getByRole('group', { name: 'Europe 2025' }).getByRole('radio', { name: 'Each letter on its own' }).check();
  await page.locator('form', { has: page.getByRole('group', { name: 'Europe 2025' }) }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('done')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Europe 2025' }).getByRole('radio', { name: 'Each letter on its own' })).toBeChecked();

  // Someone who organises nothing cannot change it.
  await page.context().clearCookies();
  await signInAs(page, uniqueEmail('not-organiser'), { callbackUrl: '/en/organise/appeals' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is for organisers');
});
