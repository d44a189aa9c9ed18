import { expect, test } from '@playwright/test';
import { signInAs, uniqueEmail } from '../support/sign-in';
import { ADMIN_EMAIL, COUNCIL_ADDRESS, appealIdOf, councilMailsWith, expectAppealState, previewLetter, signedWebhook, uniqueSentence } from './appeal-support';

// Resend tells the app that a letter bounced: the delivery is signed with the webhook's secret
// (Svix), checked before anything is read, applied once, and the address goes on the suppression
// list, so the next letter to that council cannot be sent from the app.
//
// Not retried: a bounce suppresses Kyiv's one e2e address for the rest of the run.
test.describe.configure({ retries: 0 });

test('a signed bounce marks the appeal bounced and stops further mail to the address; an unsigned one changes nothing', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  // An organiser's own letter goes out at once (no moderation): the shortest way to a sent email.
  await signInAs(page, ADMIN_EMAIL, { callbackUrl: '/en/appeals/new?council=kyiv-ukr&language=en' });
  await expect(page).toHaveURL(/\/en\/appeals\/new\?council=kyiv-ukr&language=en$/);
  const marker = uniqueSentence('en');
  const letter = await page.getByLabel('Letter', { exact: true }).inputValue();
  await page.getByLabel('Letter', { exact: true }).fill(`${letter}\n\n${marker}`);
  await page.getByLabel('Your name').fill('Admin of the e2e run');
  await previewLetter(page);
  await page.getByRole('button', { name: 'Send the letter', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/appeals\/\d+\?done=queued$/);
  const appealId = appealIdOf(page);
  await expectAppealState(page, 'sent');
  const [mail] = await councilMailsWith(COUNCIL_ADDRESS.kyiv, marker);

  const bounce = {
    type: 'email.bounced',
    created_at: new Date().toISOString(),
    data: {
      email_id: mail!.id,
      to: [COUNCIL_ADDRESS.kyiv],
      subject: mail!.subject,
      bounce: { type: 'Permanent', subType: 'General', message: '550 5.1.1 mailbox unavailable' },
    },
  };

  // Signed with another secret: refused, and nothing moves.
  const forged = signedWebhook(bounce, `whsec_${Buffer.from('not-the-secret').toString('base64')}`);
  const refused = await request.post('/api/webhooks/resend', { data: forged.body, headers: forged.headers });
  expect(refused.status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId('appeal-state')).toHaveAttribute('data-state', 'sent');

  const signed = signedWebhook(bounce);
  const applied = await request.post('/api/webhooks/resend', { data: signed.body, headers: signed.headers });
  expect(applied.status()).toBe(200);
  expect(await applied.json()).toEqual({ ok: true, outcome: 'bounced: 1 appeal(s)' });
  // Resend retries a delivery it is not sure arrived: the same one again changes nothing.
  const again = await request.post('/api/webhooks/resend', { data: signed.body, headers: signed.headers });
  expect(await again.json()).toEqual({ ok: true, outcome: 'already applied' });

  await page.goto(`/en/appeals/${appealId}`);
  await expect(page.getByTestId('appeal-state')).toHaveAttribute('data-state', 'bounced');
  await expect(page.getByTestId('appeal-state')).toContainText('The council’s mail server refused it.');

  // The next person to write to Kyiv is told the app cannot send there, and can only send it themselves.
  const next = await browser.newPage();
  await signInAs(next, uniqueEmail('after-bounce'), { callbackUrl: '/en/appeals/new?council=kyiv-ukr' });
  await expect(next.getByTestId('no-usable-address')).toHaveAttribute('data-reason', 'all_addresses_suppressed');
  await expect(next.getByTestId('no-usable-address')).toContainText('Mail to this council’s addresses has bounced');
  await next.getByLabel('Your name').fill('Someone Else');
  await previewLetter(next);
  await expect(next.getByTestId('cannot-send')).toBeVisible();
  await expect(next.getByRole('button', { name: /^Send the letter/ })).toHaveCount(0);
  await next.close();
});
