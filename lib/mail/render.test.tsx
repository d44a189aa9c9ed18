import { Text } from '@react-email/components';
import { describe, expect, it } from 'vitest';
import { EmailLayout } from '../../emails/components/layout';
import { renderEmail, renderSignInEmail } from './render';

const url = 'https://untwin.example/uk/sign-in/confirm?token=abc123&email=olena%40example.org&callbackUrl=%2Fuk%2Faccount';
const HTML_TAG = /<\/?[a-z!][^>]*>/i;

describe('renderSignInEmail', () => {
  it('writes the plain-text version with the link and no HTML', async () => {
    const { text } = await renderSignInEmail({ url, host: 'untwin.example', locale: 'en' });
    expect(text).toContain(url);
    expect(text).not.toMatch(HTML_TAG);
    expect(text).not.toContain('&amp;');
    expect(text).toContain('Use the link within 10 minutes. It works only once.');
    expect(text).toContain('If you did not ask to sign in, ignore this email.');
    expect(text).toContain('a page with a Sign in button');
    // The footer: why this mail came, and where the campaign lives.
    expect(text).toContain('You got this email because this address was entered on the sign-in page of untwin.example.');
    expect(text).toContain('Campaign website: https://untwin.example');
  });

  it('puts the link in the HTML as the button and as written-out address', async () => {
    const { html } = await renderSignInEmail({ url, host: 'untwin.example', locale: 'en' });
    const href = `href="${url.replaceAll('&', '&amp;')}"`;
    expect(html.split(href)).toHaveLength(3);
    expect(html).toContain('lang="en"');
    expect(html).toContain('Open the sign-in page');
  });

  it('speaks Ukrainian to a Ukrainian reader, subject included', async () => {
    const mail = await renderSignInEmail({ url, host: 'untwin.example', locale: 'uk' });
    expect(mail.subject).toBe('Посилання для входу в Untwin');
    expect(mail.html).toContain('lang="uk"');
    expect(mail.text).toContain('Скористайтеся посиланням протягом 10 хвилин. Воно діє лише один раз.');
    expect(mail.text).toContain('Якщо ви не просили увійти, просто проігноруйте цей лист.');
    expect(mail.text).toContain('кнопкою «Увійти»');
    expect(mail.text).not.toMatch(/Sign in|minutes/);
    expect((await renderSignInEmail({ url, host: 'untwin.example', locale: 'en' })).subject).toBe('Your sign-in link for Untwin');
  });

  it('counts the minutes in each language', async () => {
    const one = await renderSignInEmail({ url, host: 'h.example', locale: 'en', expiresInMinutes: 1 });
    expect(one.text).toContain('within 1 minute.');
    const ukTwo = await renderSignInEmail({ url, host: 'h.example', locale: 'uk', expiresInMinutes: 2 });
    expect(ukTwo.text).toContain('протягом 2 хвилин.');
    const ukOne = await renderSignInEmail({ url, host: 'h.example', locale: 'uk', expiresInMinutes: 21 });
    expect(ukOne.text).toContain('протягом 21 хвилини.');
  });

  it('escapes a hostile host and link in the HTML', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const hostileUrl = 'https://untwin.example/uk/sign-in/confirm?token="><script>alert(2)</script>';
    const { html, text } = await renderSignInEmail({ url: hostileUrl, host: hostile, locale: 'en' });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('href="https://untwin.example/uk/sign-in/confirm?token=&quot;&gt;&lt;script&gt;');
    // Plain text is not HTML: the value stays as it was, which is harmless there.
    expect(text).toContain(hostile);
  });
});

describe('renderEmail', () => {
  it('renders any template to HTML and plain text', async () => {
    const { html, text } = await renderEmail(
      <EmailLayout locale="uk" preview="Попередній перегляд" reason="Бо ви попросили." campaignUrl="https://campaign.example/uk">
        <Text>Привіт &amp; до зустрічі</Text>
      </EmailLayout>,
    );
    expect(html).toContain('Привіт &amp; до зустрічі');
    expect(text).toContain('Привіт & до зустрічі');
    expect(text).toContain('Бо ви попросили.');
    expect(text).toContain('Сайт кампанії: https://campaign.example/uk');
    // The preview line is for the inbox list, not the body of the plain-text mail.
    expect(text).not.toContain('Попередній перегляд');
  });
});
