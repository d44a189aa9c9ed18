import { createHmac, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type Page, expect, request as playwrightRequest } from '@playwright/test';
import { FAKE_RESEND_URL, signInAs, uniqueEmail } from '../support/sign-in';

/**
 * What the appeal specs share. The e2e database is the seed plus the council directory in
 * e2e/fixtures/council-directory.json (imported with `data:import` before the app starts, as an
 * operator records councils' addresses) and an admin made with `admin:create`: see
 * playwright.config.ts. Each test writes as a new activist, so the 30-day rule and the rate
 * ladder of one test never meet another's.
 */
export const ADMIN_EMAIL = 'e2e-admin@example.org';

/** The council directory of the e2e database (e2e/fixtures/council-directory.json). */
export const COUNCIL_ADDRESS = {
  cherkasy: 'rada@cherkasy.e2e.example.org',
  kyiv: 'kmr@kyiv.e2e.example.org',
  ternopil: 'rada@ternopil.e2e.example.org',
  portland: 'mayor@portland.e2e.example.org',
  anchorage: 'mayor@anchorage.e2e.example.org',
} as const;

/** The secret the e2e app verifies Resend webhooks with (RESEND_WEBHOOK_SECRET in playwright.config.ts). */
export const WEBHOOK_SECRET = `whsec_${Buffer.from('untwin-e2e-resend-webhook-secret').toString('base64')}`;

export type SentMail = {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  reply_to: string[];
  subject: string;
  text: string | null;
  html: string | null;
};

let fakeResend: APIRequestContext | undefined;

/** Every message the fake Resend accepted for this address (in To), oldest first. */
export async function mailsFor(address: string): Promise<SentMail[]> {
  fakeResend ??= await playwrightRequest.newContext({ baseURL: FAKE_RESEND_URL });
  const response = await fakeResend.get(`/_test/messages?${new URLSearchParams({ to: address })}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as SentMail[];
}

/** Waits until the council's mail that carries `marker` has arrived, and returns every such mail. */
export async function councilMailsWith(address: string, marker: string): Promise<SentMail[]> {
  let found: SentMail[] = [];
  await expect
    .poll(async () => (found = (await mailsFor(address)).filter((m) => (m.text ?? '').includes(marker))).length, {
      message: `the mail to ${address} with “${marker}”`,
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  return found;
}

/** A sentence only this test writes into its letter, to find its mail among the others'. */
export function uniqueSentence(language: 'uk' | 'en'): string {
  const id = randomUUID().slice(0, 8);
  return language === 'uk' ? `Пишу як мешканка міста, код перевірки ${id}.` : `I write as a resident, check code ${id}.`;
}

/** Signs a new activist in and opens the letter to this council. */
export async function startLetter(page: Page, options: { label: string; council: string; locale?: 'uk' | 'en'; query?: Record<string, string> }): Promise<string> {
  const email = uniqueEmail(options.label);
  const locale = options.locale ?? 'en';
  const path = `/${locale}/appeals/new?${new URLSearchParams({ council: options.council, ...options.query })}`;
  await signInAs(page, email, { locale, callbackUrl: path });
  await expect(page).toHaveURL(path);
  return email;
}

/** From the letter form to the preview. */
export async function previewLetter(page: Page, locale: 'uk' | 'en' = 'en'): Promise<void> {
  await page.getByRole('button', { name: locale === 'uk' ? 'Переглянути лист' : 'Preview the letter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: locale === 'uk' ? '3. Перевірте лист' : '3. Check the letter' })).toBeVisible();
}

/** The appeal's id from its page's address (/xx/appeals/123). */
export function appealIdOf(page: Page): number {
  const match = /\/appeals\/(\d+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not an appeal page: ${page.url()}`);
  return Number(match[1]);
}

/** Reloads the appeal page until it says the appeal is in this state. */
export async function expectAppealState(page: Page, state: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('appeal-state').getAttribute('data-state');
      },
      { message: `appeal in state ${state}`, timeout: 30_000 },
    )
    .toBe(state);
}

/** Signs the admin in, in a browser context of their own, on the page of appeals to check. Close it with `page.context().close()`. */
export async function adminOnAppealsPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, ADMIN_EMAIL, { callbackUrl: '/en/organise/appeals' });
  await expect(page).toHaveURL(/\/en\/organise\/appeals$/);
  return page;
}

/** The queue entry of the appeal this activist wrote. */
export function queueEntry(adminPage: Page, activistEmail: string) {
  return adminPage.getByTestId('moderation-queue').locator(`li[data-author="${activistEmail}"]`);
}

/** A Resend webhook delivery, signed as Resend (Svix) signs it with the endpoint's secret. */
export function signedWebhook(payload: unknown, secret = WEBHOOK_SECRET, at = new Date()) {
  const body = JSON.stringify(payload);
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { body, headers: { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` } };
}

/**
 * The preview page checked with axe, all but the email inside it: the sandboxed frame runs no
 * script, axe's included (the email's HTML is the email template's, emails/appeal-letter.tsx).
 */
export async function expectNoAxeViolationsBesideTheEmail(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
