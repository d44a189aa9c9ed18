import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { approvedStaff } from '../council/staff-support';
import { FAKE_RESEND_URL, uniqueEmail } from '../support/sign-in';
import { adminOnAppealsPage, expectAppealState, previewLetter, queueEntry, startLetter } from './appeal-support';

// People hear back: the activist whose letter reached Kiel's council, and a visitor who followed
// the council by email, each get ONE mail when the council's staff answer for both of its ties at
// once (the app here scans every 2 s and groups changes over 5 s: playwright.config.ts); the
// mail's one-click unsubscribe (RFC 8058) works without a session, and stops the next one.
// Kiel's ties are changed by no other spec.
type FakeMessage = { id: string; to: string[]; subject: string; text: string | null; emailHeaders: Record<string, string> };

let fake: APIRequestContext | undefined;
async function messagesTo(email: string): Promise<FakeMessage[]> {
  fake ??= await playwrightRequest.newContext({ baseURL: FAKE_RESEND_URL });
  const response = await fake.get(`/_test/messages?${new URLSearchParams({ to: email })}`);
  return (await response.json()) as FakeMessage[];
}
const statusMails = async (email: string) => (await messagesTo(email)).filter((m) => m.emailHeaders?.['List-Unsubscribe']);

test('the activist who wrote, and a follower, get one mail for two changes, and unsubscribe in one click', async ({ browser }) => {
  test.setTimeout(240_000);

  // A visitor follows the council by email, and confirms by the link.
  const follower = uniqueEmail('kiel-follower');
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/en/follow/kiel-deu');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('City of Kiel');
  await visitor.getByLabel('Your email address').fill(follower);
  await visitor.getByRole('button', { name: 'Follow this council' }).click();
  await expect(visitor.getByTestId('done')).toContainText('a confirmation link is on its way');
  let confirm: FakeMessage | undefined;
  await expect.poll(async () => (confirm = (await messagesTo(follower)).find((m) => m.subject.startsWith('Confirm'))) !== undefined, { timeout: 20_000 }).toBe(true);
  const link = /https?:\/\/\S+\/en\/follow\/confirm\?token=[A-Za-z0-9_-]+/.exec(confirm!.text ?? '')![0];
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Confirm' }).click();
  await expect(visitor.getByTestId('done')).toContainText('you will get an email');

  // An activist writes to the council; an organiser approves the first letter, and it is sent.
  const activistPage = await (await browser.newContext()).newPage();
  const activist = await startLetter(activistPage, { label: 'kiel-writer', council: 'kiel-deu', locale: 'en' });
  await activistPage.getByLabel('Your name').fill('Olena Koval');
  await previewLetter(activistPage, 'en');
  await activistPage.getByRole('button', { name: 'Send the letter for checking' }).click();
  await expect(activistPage).toHaveURL(/\/en\/appeals\/\d+\?done=awaiting_moderation$/);
  const admin = await adminOnAppealsPage(browser);
  await queueEntry(admin, activist).getByRole('button', { name: 'Approve and send' }).click();
  await expect(admin.getByTestId('done')).toHaveText('The appeal is approved and on its way.');
  await admin.context().close();
  await expectAppealState(activistPage, 'sent');
  // The letter reached the council: both ties are now appealed, and both people hear it in one mail.
  for (const email of [activist, follower]) {
    await expect.poll(async () => (await statusMails(email)).length, { message: `appealed mail to ${email}`, timeout: 60_000 }).toBe(1);
  }
  const [appealed] = await statusMails(activist);
  expect(appealed!.subject).toBe('City of Kiel: 2 ties changed status');
  expect(appealed!.text?.match(/: Appealed/g)).toHaveLength(2);

  // The council's staff answer for both ties at once: two status changes.
  const { page: staff } = await approvedStaff(browser, { label: 'kiel-staff', domain: 'kiel.e2e.example.org', council: 'City of Kiel' });
  const answerFor = async (type: string, ties: number[]) => {
    await staff.goto('/en/council/kiel-deu');
    const answer = staff.locator('#answer');
    for (const i of ties) await answer.getByRole('group', { name: 'Which ties does the answer concern?' }).getByRole('checkbox').nth(i).check();
    await answer.getByLabel(type).check();
    await answer.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await answer.getByRole('button', { name: 'Record the answer' }).click();
    await expect(staff.getByTestId('done')).toContainText('The answer was recorded');
  };
  await answerFor('The council replied without a commitment', [0, 1]);

  for (const email of [activist, follower]) {
    await expect.poll(async () => (await statusMails(email)).length, { message: `status mail to ${email}`, timeout: 60_000 }).toBe(2);
  }
  const mail = (await statusMails(activist))[1];
  expect(mail!.subject).toBe('City of Kiel: 2 ties changed status');
  expect(mail!.text?.match(/: Council replied/g)).toHaveLength(2);
  expect(mail!.text).toContain('Stated by the council');
  expect(mail!.emailHeaders['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const unsubscribe = /^<(.+)>$/.exec(mail!.emailHeaders['List-Unsubscribe']!)![1]!;

  // One click, as a mail client makes it: a POST with no cookie and no Origin.
  const client = await playwrightRequest.newContext();
  const response = await client.post(unsubscribe, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' });
  expect(response.status()).toBe(200);
  await client.dispose();

  // The next change reaches the follower, and not the activist who unsubscribed.
  await answerFor('The council refuses to end the tie', [0]);
  await expect.poll(async () => (await statusMails(follower)).length, { timeout: 60_000 }).toBe(3);
  expect(await statusMails(activist)).toHaveLength(2);
});

test('following a council needs the link in the mail: the form alone follows nothing', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/uk/follow/kiel-deu');
  await page.getByLabel('Ваша електронна адреса').fill('not an address');
  await page.getByRole('button', { name: 'Стежити за радою' }).click();
  await expect(page.locator('#follow-email-error')).toHaveText('Введіть адресу на зразок name@example.org.');
  await page.goto('/uk/follow/confirm?token=AAAAAAAAAAAAAAAAAAAAAA');
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Це посилання не працює' })).toBeVisible();
});
