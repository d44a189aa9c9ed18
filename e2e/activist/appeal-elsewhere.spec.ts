import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInAs, uniqueEmail } from '../support/sign-in';
import { COUNCIL_ADDRESS, appealIdOf, expectNoAxeViolationsBesideTheEmail, mailsFor, previewLetter, startLetter } from './appeal-support';

// Taking the letter elsewhere: the person's own email program (a mailto: link), paper (the print
// view), a PDF, or the copied text. Each is a report by the letter's writer: a new activist's
// report waits for an organiser before it counts, and none of them changes the tie's status
// (only a letter Untwin delivered does). Nothing goes through the app's own mail. Anchorage has
// an address in the e2e council directory; Irpin has none.

const appealTies = (page: import('@playwright/test').Page) => page.getByTestId('appeal-ties');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a mailto: link with the subject and the letter, cut with a note when too long, then confirmed', async ({ page }) => {
    await startLetter(page, { label: 'mailto', council: 'anchorage-usa' });
    const body = page.getByLabel('Letter', { exact: true });
    const letter = await body.inputValue();
    await page.getByLabel('Your name').fill('Mary Smith');

    // Far too long for a link: the link holds the beginning and says so.
    await body.fill(`${letter}\n\n${'The council should act now. '.repeat(80)}`);
    await previewLetter(page);
    await expect(page.getByTestId('mailto-truncated')).toBeVisible();

    // Back to the letter as typed, shortened: the whole of it fits.
    await page.getByRole('button', { name: 'Change the letter' }).click();
    const short = 'Dear Mayor,\n\nPlease end the twinning with Magadan.\n\nYours sincerely,\nMary Smith';
    await page.getByLabel('Letter', { exact: true }).fill(short);
    await page.getByLabel('Subject').fill('End the twinning with Magadan');
    await previewLetter(page);
    await expect(page.getByTestId('mailto-truncated')).toHaveCount(0);
    const href = await page.getByTestId('mailto-link').getAttribute('href');
    expect(href).toMatch(/^mailto:mayor@anchorage\.e2e\.example\.org\?subject=/);
    const link = new URL(href!);
    expect(link.searchParams.get('subject')).toBe('End the twinning with Magadan');
    expect(link.searchParams.get('body')).toBe(short.replaceAll('\n', '\r\n'));

    await page.getByRole('button', { name: 'I sent it from my email program' }).click();
    await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=reported$/);
    await expect(page.getByTestId('done')).toContainText('A letter sent outside Untwin does not change the tie’s status');
    await expect(page.getByTestId('appeal-state')).toHaveAttribute('data-state', 'awaiting_moderation');
    await expect(page.getByText('From your email program', { exact: true })).toBeVisible();
    // The tie stays where it stood: the writer's own report moves nothing.
    await expect(appealTies(page).locator('[data-status]')).toHaveText('Active');
    // Nothing went through the app's mail.
    expect((await mailsFor(COUNCIL_ADDRESS.anchorage)).filter((m) => m.text?.includes('Please end the twinning with Magadan'))).toEqual([]);
  });

  test('the print view lays the letter out for paper and prints nothing else; only its writer sees it', async ({ page, browser }) => {
    await startLetter(page, { label: 'print', council: 'anchorage-usa' });
    await page.getByLabel('Your name').fill('Jan Kowalski');
    await page.getByLabel('Your town or city').fill('Anchorage');
    await previewLetter(page);
    await page.getByRole('button', { name: 'Show the letter to print' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The letter to print' })).toBeVisible();
    const printed = page.getByTestId('printed-letter');
    await expect(printed).toContainText('Jan Kowalski');
    await expect(printed).toContainText(COUNCIL_ADDRESS.anchorage);
    await expect(printed).toContainText('Please end the sister-city tie between Anchorage and Magadan');
    await expect(printed).toContainText('Magadan');

    // On paper, the letter alone: the site's header and the buttons are hidden.
    await page.emulateMedia({ media: 'print' });
    await expect(printed).toBeVisible();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'I posted the printed letter' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'I posted the printed letter' }).click();
    await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=reported$/);
    await expect(page.getByText('On paper', { exact: true })).toBeVisible();
    const id = appealIdOf(page);
    await page.getByRole('link', { name: 'Print the letter' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/appeals/${id}/print$`));
    await expect(page.getByTestId('printed-letter')).toContainText('Magadan');

    const other = await browser.newPage({ javaScriptEnabled: false });
    await signInAs(other, uniqueEmail('print-other'));
    await other.goto(`/en/appeals/${id}/print`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Appeal not found');
    await other.goto(`/en/appeals/${id}`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Appeal not found');
    await other.close();
  });
});

test('the PDF: made from the preview, then kept with the appeal for its writer alone', async ({ page, browser, playwright }) => {
  await startLetter(page, { label: 'pdf', council: 'anchorage-usa' });
  await page.getByLabel('Your name').fill('Ola Nordmann');
  await previewLetter(page);
  await page.getByRole('button', { name: 'Make the PDF' }).click();
  await expect(page.getByText('Your PDF is ready.')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pdf-link').click()]);
  expect(download.suggestedFilename()).toBe('letter-en.pdf');
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectNoAxeViolationsBesideTheEmail(page);

  await page.getByRole('button', { name: 'I sent the PDF' }).click();
  await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=reported$/);
  await expect(page.getByText('As a PDF', { exact: true })).toBeVisible();
  const id = appealIdOf(page);

  const response = await page.request.get(`/api/appeals/${id}/pdf?locale=en`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="appeal-anchorage-usa-\d{4}-\d{2}-\d{2}\.pdf"$/);
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Someone else's appeal is not found; signed out, nobody's is.
  const other = await browser.newPage();
  await signInAs(other, uniqueEmail('pdf-other'));
  expect((await other.request.get(`/api/appeals/${id}/pdf`)).status()).toBe(404);
  await other.close();
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/appeals/${id}/pdf`)).status()).toBe(401);
  await anonymous.dispose();
});

test('a council with no address: the letter cannot go from Untwin, but the copied text can be sent and confirmed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startLetter(page, { label: 'copy', council: 'irpin-ukr', locale: 'uk' });
  await expect(page.getByTestId('no-usable-address')).toHaveAttribute('data-reason', 'no_contact_address');
  await page.getByLabel('Ваше ім’я').fill('Остап Вишня');
  await previewLetter(page, 'uk');
  await expect(page.getByTestId('cannot-send')).toBeVisible();
  await expect(page.getByRole('button', { name: /Надіслати лист/ })).toHaveCount(0);
  await expect(page.getByTestId('preview-to')).toHaveCount(0);
  await expect(page.getByText('Немає адреси для посилання на пошту.')).toBeVisible();

  await page.getByRole('button', { name: 'Скопіювати текст' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Скопійовано' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByLabel('Лист, щоб скопіювати').inputValue());
  expect(copied).toContain('Молодечно');

  await page.getByRole('button', { name: 'Я надіслав(-ла) скопійований текст' }).click();
  await expect(page).toHaveURL(/\/uk\/appeals\/\d+\?done=reported$/);
  await expect(page.getByText('Скопійованим текстом', { exact: true })).toBeVisible();
  await expect(page.getByTestId('appeal-state')).toHaveAttribute('data-state', 'awaiting_moderation');
});
