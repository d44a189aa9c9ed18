import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, request as playwrightRequest } from '@playwright/test';

/**
 * Signing in, for every spec: through the real pages and the real mail pipeline. The app on
 * port 3100 sends mail through the Resend SDK to the fake Resend (scripts/fake-resend.ts, port
 * 3199), whose control endpoints let a test read the mail; the PostgreSQL app on 3101 sends to the
 * dev mailbox (/dev/mailbox), which a test reads like a person would.
 */
export const FAKE_RESEND_URL = 'http://127.0.0.1:3199';

type FakeResendMessage = { to: string[]; subject: string; text: string | null; html: string | null; createdAt: string };

/** An address no other test uses, so a test never reads another's mail or limits. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

let fakeResend: APIRequestContext | undefined;
async function fakeResendApi(): Promise<APIRequestContext> {
  fakeResend ??= await playwrightRequest.newContext({ baseURL: FAKE_RESEND_URL });
  return fakeResend;
}

/** Every message the fake Resend accepted for this address, oldest first. */
export async function mailsTo(email: string): Promise<FakeResendMessage[]> {
  const api = await fakeResendApi();
  const response = await api.get(`/_test/messages?${new URLSearchParams({ to: email })}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as FakeResendMessage[];
}

/** The sign-in link in a mail's text: our confirm page with its token. */
export function confirmLinkIn(text: string): URL {
  const match = /https?:\/\/[^\s<>"'\])]+\/sign-in\/confirm\?[^\s<>"'\])]+/.exec(text);
  if (!match) throw new Error(`No sign-in link in this mail:\n${text}`);
  return new URL(match[0]);
}

/** Waits for a sign-in mail to the address from the `count`-th mail on (other mail, such as an
 * organiser's notices, may arrive in between) and returns its link. */
export async function signInLinkFromFakeResend(email: string, count = 1): Promise<URL> {
  const linkIn = (m: FakeResendMessage) => /\/sign-in\/confirm\?/.test(m.text ?? '');
  let found: FakeResendMessage | undefined;
  await expect
    .poll(async () => (found = (await mailsTo(email)).slice(count - 1).find(linkIn)) !== undefined, { message: `sign-in mail to ${email}`, timeout: 20_000 })
    .toBe(true);
  return confirmLinkIn(found!.text ?? '');
}

/** Asks for a link on the sign-in page (`locale` picks the page) and waits for "check your email". */
export async function requestSignInLink(page: Page, email: string, locale: 'en' | 'uk' = 'en', callbackUrl?: string): Promise<void> {
  await page.goto(`/${locale}/sign-in${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ''}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email$`));
}

/** Opens a sign-in link and presses its button, as the person would. */
export async function confirmSignIn(page: Page, link: URL | string): Promise<void> {
  await page.goto(link.toString());
  await page.locator('form[action^="/api/auth/callback/"] button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/sign-in/confirm'));
}

/**
 * Signs `page` in as `email` (a new account the first time) through the sign-in page and the
 * fake Resend, and lands on `callbackUrl` (by default the account page).
 */
export async function signInAs(page: Page, email: string, options: { locale?: 'en' | 'uk'; callbackUrl?: string } = {}): Promise<void> {
  const before = (await mailsTo(email)).length;
  await requestSignInLink(page, email, options.locale ?? 'en', options.callbackUrl);
  await confirmSignIn(page, await signInLinkFromFakeResend(email, before + 1));
}

/** The newest sign-in link to `email` in the dev mailbox, found through its pages. */
export async function signInLinkFromDevMailbox(page: Page, email: string): Promise<URL> {
  await expect
    .poll(
      async () => {
        await page.goto('/dev/mailbox');
        return page.getByRole('link').filter({ hasText: email }).count();
      },
      { message: `sign-in mail to ${email} in the dev mailbox`, timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  await page.getByRole('link').filter({ hasText: email }).first().click();
  const href = await page.locator('a[href*="/sign-in/confirm?"]').first().getAttribute('href');
  if (!href) throw new Error('No sign-in link in the dev mailbox message');
  return new URL(href, page.url());
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
