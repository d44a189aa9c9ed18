import { expect, test } from '@playwright/test';
import { confirmSignIn, expectNoAxeViolations, signInLinkFromFakeResend, uniqueEmail } from '../support/sign-in';
import {
  COUNCIL_ADDRESS,
  adminOnAppealsPage,
  appealIdOf,
  councilMailsWith,
  expectAppealState,
  expectNoAxeViolationsBesideTheEmail,
  mailsFor,
  previewLetter,
  queueEntry,
  startLetter,
  uniqueSentence,
} from './appeal-support';

// From "my city is still twinned with…" to a letter in the council's inbox: found from the home
// page, written in the council's language (and in English), edited, previewed exactly as sent,
// held for an organiser because it is the activist's first, approved, and sent through the Resend
// SDK to the fake Resend (port 3199) once, with the council in To and the activist in Reply-To.

async function countOnAppealsPage(page: import('@playwright/test').Page, campaign: string): Promise<number> {
  await page.goto('/uk/appeals');
  return Number(await page.getByTestId('campaign-appeal-counts').locator(`[data-campaign="${campaign}"]`).getAttribute('data-count'));
}

test('an activist writes to Cherkasy in Ukrainian, an organiser approves it, the council gets exactly one email, and the counter moves', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const campaignBefore = await countOnAppealsPage(page, 'ukraine-2022');

  // Finding the council: the home page's search, the tracker, the council's page.
  await page.goto('/uk');
  await page.getByRole('searchbox').fill('Черкаси');
  await page.getByRole('button', { name: 'Шукати' }).click();
  await page.getByRole('table').getByRole('link', { name: 'Черкаси', exact: true }).first().click();
  await expect(page).toHaveURL(/\/uk\/councils\/cherkasy-ukr$/);
  await page.getByRole('link', { name: /^(Написати раді|Звернутися до ради)$/ }).click();
  // The council page may still lead to the page about appeals, which leads on to the letter.
  if (new URL(page.url()).pathname === '/uk/appeals') await page.getByRole('link', { name: 'Написати раді' }).click();

  // Not signed in: the sign-in page, which comes back to the letter.
  await expect(page).toHaveURL(/\/uk\/sign-in\?callbackUrl=%2Fuk%2Fappeals%2Fnew%3Fcouncil%3Dcherkasy-ukr/);
  const email = uniqueEmail('appeal-uk');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').click();
  await confirmSignIn(page, await signInLinkFromFakeResend(email));
  await expect(page).toHaveURL(/\/uk\/appeals\/new\?council=cherkasy-ukr$/);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Черкаська міська рада');
  // A new account has no name to sign with: the page says so.
  await expect(page.getByTestId('no-name')).toBeVisible();
  const councilBefore = Number(await page.getByTestId('council-appeal-count').getAttribute('data-count'));
  const ties = page.getByRole('group', { name: 'Зв’язки, які лист просить раду розірвати' });
  await expect(ties.getByRole('checkbox', { name: /Орша/ })).toBeChecked();
  await expect(ties.getByRole('checkbox', { name: /Мозирський район/ })).toBeChecked();
  // The council's own language first, and chosen.
  const languages = page.getByRole('group', { name: 'Мова листа' }).getByRole('radio');
  await expect(languages).toHaveCount(2);
  await expect(languages.first()).toHaveAccessibleName('Українська');
  await expect(languages.first()).toBeChecked();
  const subject = page.getByLabel('Тема');
  const body = page.getByLabel('Лист', { exact: true });
  await expect(subject).toHaveValue(/^Звернення щодо розірвання побратимських і партнерських зв’язків \(Орша/);
  await expect(body).toHaveAttribute('lang', 'uk');
  await expect(body).toHaveValue(/досі чинні .*Орша/);
  await expectNoAxeViolations(page);

  // The same letter in English: generated again, through the address (no JavaScript needed).
  await page.getByRole('radio', { name: 'Англійська' }).check();
  await page.getByRole('button', { name: 'Скласти лист заново' }).click();
  await expect(page).toHaveURL(/language=en/);
  await expect(page.getByLabel('Тема')).toHaveValue(/^Request to end twin and partner city ties \(Orsha/);
  await expect(page.getByLabel('Лист', { exact: true })).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Лист', { exact: true })).toHaveValue(/I am writing to Cherkasy City Council about the ties/);

  // Back to Ukrainian, then the activist's own words.
  await page.getByRole('radio', { name: 'Українська' }).check();
  await page.getByRole('button', { name: 'Скласти лист заново' }).click();
  await expect(page).toHaveURL(/language=uk/);
  const marker = uniqueSentence('uk');
  const editedSubject = 'Прошу розірвати побратимство з Оршею та Мозирським районом';
  await page.getByLabel('Тема').fill(editedSubject);
  const generated = await page.getByLabel('Лист', { exact: true }).inputValue();
  expect(generated).toMatch(/З повагою/);
  await page.getByLabel('Лист', { exact: true }).fill(generated.replace(/З повагою[\s\S]*$/, `${marker}\n\nЗ повагою\nОлена Коваль\nЧеркаси`));
  await page.getByLabel('Ваше ім’я').fill('Олена Коваль');
  await page.getByLabel('Ваше місто чи селище').fill('Черкаси');

  // The preview: the email exactly as it will go, where it goes and where replies come back.
  await previewLetter(page, 'uk');
  await expect(page.getByTestId('preview-to')).toHaveText(COUNCIL_ADDRESS.cherkasy);
  await expect(page.getByTestId('preview-reply-to')).toHaveText(email);
  await expect(page.getByTestId('preview-cc')).toHaveText(email);
  await expect(page.getByTestId('preview-subject')).toHaveText(editedSubject);
  await expect(page.getByTestId('preview-text')).toContainText(marker);
  await expect(page.getByTestId('preview-text')).toContainText('Автор листа — Олена Коваль, Черкаси.');
  const frame = page.locator('iframe[title="Лист так, як його покаже поштова програма ради"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().locator('body')).toContainText(marker);
  await expectNoAxeViolationsBesideTheEmail(page);
  const previewText = await page.getByTestId('preview-text').textContent();
  const previewHtml = await frame.getAttribute('srcdoc');

  // A first letter waits for an organiser.
  await expect(page.getByText('Це ваш перший лист через Untwin')).toBeVisible();
  await page.getByRole('button', { name: 'Надіслати лист на перевірку' }).click();
  await expect(page).toHaveURL(/\/uk\/appeals\/\d+\?done=awaiting_moderation$/);
  await expect(page.getByTestId('done')).toContainText('Організатор кампанії прочитає його');
  await expect(page.getByTestId('appeal-state')).toHaveAttribute('data-state', 'awaiting_moderation');
  await expect(page.getByTestId('appeal-body')).toContainText(marker);
  const appealId = appealIdOf(page);
  expect((await mailsFor(COUNCIL_ADDRESS.cherkasy)).filter((m) => m.text?.includes(marker))).toEqual([]);

  // The organiser reads it and approves it.
  const admin = await adminOnAppealsPage(browser);
  const entry = queueEntry(admin, email);
  await expect(entry).toContainText(marker);
  await expect(entry).toContainText(editedSubject);
  await entry.getByRole('button', { name: 'Approve and send' }).click();
  await expect(admin.getByTestId('done')).toHaveText('The appeal is approved and on its way.');
  await expect(queueEntry(admin, email)).toHaveCount(0);
  await admin.context().close();

  // Sent: exactly one email, to the council, replies to the activist, the letter as edited.
  await expectAppealState(page, 'sent');
  const mails = await councilMailsWith(COUNCIL_ADDRESS.cherkasy, marker);
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect(mail!.to).toEqual([COUNCIL_ADDRESS.cherkasy]);
  expect(mail!.reply_to).toEqual([email]);
  expect(mail!.cc).toEqual([email]);
  expect(mail!.subject).toBe(editedSubject);
  expect(mail!.text).toContain(marker);
  expect(mail!.text).toContain('Олена Коваль');
  // Exactly what the preview showed.
  expect(mail!.text).toBe(previewText);
  expect(mail!.html).toBe(previewHtml);
  // Still one after the send is recorded: the outbox never sends an appeal twice.
  await page.reload();
  expect((await mailsFor(COUNCIL_ADDRESS.cherkasy)).filter((m) => m.text?.includes(marker))).toHaveLength(1);

  // The tie stays appealed; "My appeals" shows the letter and where its ties stand now.
  await expect(page.getByTestId('appeal-ties').locator('[data-status]')).toHaveText(['Надіслано звернення', 'Надіслано звернення']);
  await page.goto('/uk/my-appeals');
  const row = page.getByTestId('my-appeals').locator(`tr[data-appeal="${appealId}"]`);
  await expect(row).toHaveAttribute('data-state', 'sent');
  await expect(row).toContainText('Надіслано');
  await expect(row).toContainText('Через Untwin');
  await expectNoAxeViolations(page);

  // The counters moved: the council's and the campaign's.
  await page.goto('/uk/appeals/new?council=cherkasy-ukr');
  await expect(page.getByTestId('council-appeal-count')).toHaveAttribute('data-count', String(councilBefore + 1));
  await expect(page.getByTestId('opens-again')).toBeVisible();
  expect(await countOnAppealsPage(page, 'ukraine-2022')).toBe(campaignBefore + 1);

  // Approved once, the activist is trusted: a letter to Portland goes at once, and the tie that
  // nobody had appealed about yet is now appealed.
  await page.goto('/en/councils/portland-us-me-usa');
  await expect(page.getByRole('region', { name: 'Arkhangelsk, Russia' }).locator('[data-status]').first()).toHaveText('Active');
  await page.goto('/en/appeals/new?council=portland-us-me-usa');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  const portlandMarker = uniqueSentence('en');
  const letter = await page.getByLabel('Letter', { exact: true }).inputValue();
  await page.getByLabel('Letter', { exact: true }).fill(`${letter}\n\n${portlandMarker}`);
  await page.getByLabel('Your name').fill('Olena Koval');
  await previewLetter(page);
  await expect(page.getByText('This is your first letter from Untwin')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send the letter', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=queued$/);
  await expectAppealState(page, 'sent');
  expect(await councilMailsWith(COUNCIL_ADDRESS.portland, portlandMarker)).toHaveLength(1);
  await expect(page.getByTestId('appeal-ties').locator('li', { hasText: 'Arkhangelsk' }).locator('[data-status]')).toHaveText('Appealed');
  // Public pages are cached per data version, read at most about a second late (README, Caching).
  await expect(async () => {
    await page.goto('/en/councils/portland-us-me-usa');
    await expect(page.getByRole('region', { name: 'Arkhangelsk, Russia' }).locator('[data-status]').first()).toHaveText('Appealed', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test('the appeal pages ask for sign-in first, and come back to the letter', async ({ page }) => {
  await page.goto('/en/appeals/new?council=portland-us-me-usa&language=en');
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fappeals%2Fnew%3Fcouncil%3Dportland-us-me-usa%26language%3Den$/);
  await page.goto('/en/my-appeals');
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fmy-appeals$/);
});

test('the page about appeals explains them, shows the counts per campaign and leads to the council', async ({ page }) => {
  await page.goto('/en/appeals?council=cologne-deu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write to your council');
  await expect(page.getByTestId('campaign-appeal-counts').locator('[data-campaign="europe-2025"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write to the council' })).toHaveAttribute('href', '/en/appeals/new?council=cologne-deu');
  await expectNoAxeViolations(page);
  await page.goto('/uk/appeals');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Напишіть своїй раді');
  await expectNoAxeViolations(page);
});

test('the letter is about the ties ticked in step 1, and asks for one when none is', async ({ page }) => {
  // Ternopil holds two ties (Grodno and Pinsk); the letter starts about both.
  await startLetter(page, { label: 'ties', council: 'ternopil-ukr', query: { language: 'en' } });
  const ties = page.getByRole('group', { name: 'Ties the letter asks the council to end' });
  await expect(ties.getByRole('checkbox')).toHaveCount(2);
  await expect(page.getByLabel('Subject')).toHaveValue(/Grodno/);
  await expect(page.getByLabel('Subject')).toHaveValue(/Pinsk/);

  await ties.getByRole('checkbox', { name: /Pinsk/ }).uncheck();
  await page.getByRole('button', { name: 'Write the letter again' }).click();
  await expect(page.getByLabel('Subject')).toHaveValue(/Grodno/);
  await expect(page.getByLabel('Subject')).not.toHaveValue(/Pinsk/);
  await expect(page.getByRole('group', { name: 'Ties the letter asks the council to end' }).getByRole('checkbox', { name: /Pinsk/ })).not.toBeChecked();

  for (const box of await page.getByRole('group', { name: 'Ties the letter asks the council to end' }).getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Write the letter again' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Choose at least one tie: the letter below is about all of them.' })).toHaveAttribute('href', /^#tie-\d+$/);
  await expect(page.getByLabel('Subject')).toHaveValue(/Grodno.*Pinsk|Pinsk.*Grodno/);
  await expectNoAxeViolations(page);
});
