import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTestPdf } from '../../lib/documents/test-pdf';
import { ADMIN_EMAIL } from '../activist/appeal-support';
import { expectNoAxeViolations, mailsTo, signInAs, uniqueEmail } from '../support/sign-in';
import { approvedStaff } from './staff-support';

// The council staff's workspace (/{locale}/council/{slug}): a person at the council's official
// domain claims staff status, an organiser (here the admin) approves it, and the staff member
// then answers for the council: a severance of both of its ties in one answer, with the decision
// uploaded as PDF (a file that is not a PDF and one of 11 MB are refused first). The public page
// then shows the severance as the council's own statement. Gera's ties are changed by no other
// spec (e2e/fixtures/council-directory.json gives it its official domain).
const COUNCIL = 'gera-deu';
const DOMAIN = 'gera.e2e.example.org';

test('staff confirm a severance with the uploaded decision; the public page shows it as the council’s', async ({ browser }) => {
  test.setTimeout(180_000);
  const { page } = await approvedStaff(browser, { label: 'gera-staff', domain: DOMAIN, council: 'City of Gera' });

  await page.goto('/en/council');
  await page.getByRole('link', { name: 'City of Gera' }).click();
  await expect(page).toHaveURL(/\/en\/council\/gera-deu$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('City of Gera');
  await expectNoAxeViolations(page);

  const upload = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.locator('#upload-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
  };
  // Named .pdf and declared as a PDF, but an HTML page: refused by its bytes.
  await upload({ name: 'decision.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>Beschluss</body></html>') });
  await expect(page.getByTestId('upload-error')).toHaveText('That file is not a PDF. Upload the decision as a PDF.');
  // 11 MB that start like a PDF: refused for its size, before the body is read.
  const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
  big.write('%PDF-1.4\n', 0, 'latin1');
  await upload({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(page.getByTestId('upload-error')).toHaveText(/larger than 10 MB/);
  await expect(page.getByTestId('documents')).toHaveCount(0);

  await upload({ name: 'Beschluss-2025-041.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeTestPdf('Beschluss 2025/041: Die Städtepartnerschaft wird beendet.')) });
  await expect(page.getByTestId('done')).toHaveText('The document was uploaded. Choose it as the decision below and record the answer.');
  const documentLink = page.getByTestId('documents').getByRole('link', { name: 'Beschluss-2025-041.pdf' });
  const href = await documentLink.getAttribute('href');
  expect(href).toMatch(/^\/api\/documents\/[A-Za-z0-9_-]{22}$/);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9_-]{22}\.pdf"$/);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // One answer for both ties: a number alone is refused first, with every reason named.
  const answer = page.locator('#answer');
  const ties = answer.getByRole('group', { name: 'Which ties does the answer concern?' });
  await ties.getByRole('checkbox').first().check();
  await ties.getByRole('checkbox').nth(1).check();
  await answer.getByLabel('The council ended the tie').check();
  await answer.getByLabel('Decision number').fill('2025/041');
  // The document just uploaded is offered as the decision; without it, a number alone is refused.
  await expect(answer.getByLabel('Uploaded decision (PDF)')).toHaveValue(/^[A-Za-z0-9_-]{22}$/);
  const uploadedId = await answer.getByLabel('Uploaded decision (PDF)').inputValue();
  await answer.getByLabel('Uploaded decision (PDF)').selectOption('');
  await answer.getByRole('button', { name: 'Record the answer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Give the date it happened.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'An ended tie needs the decision: its link or an uploaded PDF.' })).toBeVisible();

  await ties.getByRole('checkbox').first().check();
  await ties.getByRole('checkbox').nth(1).check();
  await answer.getByLabel('The council ended the tie').check();
  await answer.getByLabel('Date', { exact: true }).fill('2025-03-14');
  await answer.getByLabel('The body that decided').fill('Stadtrat Gera, 12. Sitzung');
  await answer.getByLabel('Uploaded decision (PDF)').selectOption(uploadedId);
  await answer.getByLabel('What the council says').fill('Der Stadtrat hat beide Partnerschaften beendet.');
  await answer.getByRole('button', { name: 'Record the answer' }).click();
  await expect(page.getByTestId('done')).toContainText('The answer was recorded for 2 ties.');

  // The public page: both ties severed, stated by the council's staff, with the decision.
  await page.goto(`/en/councils/${COUNCIL}`);
  for (const partner of ['Pskov', 'Rostov-on-Don']) {
    const tie = page.locator(`section[data-tie]`).filter({ has: page.getByRole('heading', { name: new RegExp(partner) }) });
    await expect(tie.locator('[data-status]').first()).toHaveAttribute('data-status', 'severed');
    await expect(tie).toContainText('Stated by');
    await expect(tie).toContainText('2025/041');
    await expect(tie).toContainText('Der Stadtrat hat beide Partnerschaften beendet.');
  }
});

test('staff correct the council’s directory entry, and the organisers are told', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, email } = await approvedStaff(browser, { label: 'gera-directory', domain: DOMAIN, council: 'City of Gera' });
  await page.goto(`/uk/council/${COUNCIL}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('City of Gera');
  const before = (await mailsTo(ADMIN_EMAIL)).filter((m) => m.subject.includes('corrected its directory entry')).length;
  const form = page.locator('#directory');
  await form.getByLabel('Адреси для листів').fill('rathaus@gera.e2e.example.org\nbuergerbuero@gera.e2e.example.org');
  await form.getByLabel('Поштова адреса').fill('Kornmarkt 12, 07545 Gera, Deutschland');
  await form.getByRole('button', { name: 'Зберегти довідкові дані' }).click();
  await expect(page.getByTestId('done')).toHaveText('Довідкові дані виправлено; організаторів кампанії повідомлено.');
  await expect(form.getByLabel('Поштова адреса')).toHaveValue('Kornmarkt 12, 07545 Gera, Deutschland');
  await expect
    .poll(async () => (await mailsTo(ADMIN_EMAIL)).filter((m) => m.subject.includes('corrected its directory entry')).length, { timeout: 20_000 })
    .toBe(before + 1);
  const mail = (await mailsTo(ADMIN_EMAIL)).filter((m) => m.subject.includes('corrected its directory entry')).at(-1)!;
  expect(mail.text).toContain(email);
  expect(mail.text).toContain('buergerbuero@gera.e2e.example.org');
  expect(mail.text).toContain('Kornmarkt 12, 07545 Gera, Deutschland');
});

test('the workspace is for the council’s staff and organisers only', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, uniqueEmail('not-staff'), { callbackUrl: '/en/account' });
  const response = await page.goto(`/en/council/${COUNCIL}`);
  expect(response?.status()).toBe(403);
  await page.goto('/en/council');
  await expect(page.getByText('You are not recorded as staff of any council yet.')).toBeVisible();
});

// Screenshots of the workspace for review, at a phone's and a laptop's width, in both languages.
test('the workspace at 390 px and 1366 px, in Ukrainian and English', async ({ browser }) => {
  test.skip(!process.env.SHOTS_DIR, 'only when SHOTS_DIR asks for screenshots');
  test.setTimeout(120_000);
  const { page } = await approvedStaff(browser, { label: 'gera-shots', domain: DOMAIN, council: 'City of Gera' });
  fs.mkdirSync(process.env.SHOTS_DIR!, { recursive: true });
  for (const locale of ['uk', 'en'] as const) {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${locale}/council/${COUNCIL}`);
      await page.screenshot({ path: path.join(process.env.SHOTS_DIR!, `workspace-${locale}-${width}.png`), fullPage: true });
    }
  }
});
