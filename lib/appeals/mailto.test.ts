import { describe, expect, it } from 'vitest';
import { MAILTO_MAX_LENGTH, mailtoHref } from './mailto';

/** What a mail program reads back out of the link. */
function readBack(href: string) {
  const url = new URL(href);
  const params = new Map([...url.search.slice(1).split('&')].map((pair) => {
    const [key, value] = pair.split('=');
    return [key!, decodeURIComponent(value!)];
  }));
  return { to: decodeURIComponent(url.pathname).split(','), subject: params.get('subject'), body: params.get('body') };
}

describe('mailtoHref', () => {
  it('encodes as RFC 6068 asks: %20 for spaces, %0D%0A for line breaks, reserved characters escaped', () => {
    const result = mailtoHref({
      to: ['rada@chernigiv-rada.gov.ua', 'mayor+letters@city.example'],
      subject: 'Ending the tie & more? 100% yes #1',
      body: 'Dear council,\n\nPlease end it.\r\nThank you.',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.truncated).toBe(false);
    expect(result.href).toBe(
      'mailto:rada@chernigiv-rada.gov.ua,mayor%2Bletters@city.example?subject=Ending%20the%20tie%20%26%20more%3F%20100%25%20yes%20%231&body=Dear%20council%2C%0D%0A%0D%0APlease%20end%20it.%0D%0AThank%20you.',
    );
    expect(result.href).not.toContain('+');
    expect(readBack(result.href)).toEqual({
      to: ['rada@chernigiv-rada.gov.ua', 'mayor+letters@city.example'],
      subject: 'Ending the tie & more? 100% yes #1',
      body: 'Dear council,\r\n\r\nPlease end it.\r\nThank you.',
    });
  });

  it('carries Ukrainian text as UTF-8', () => {
    const result = mailtoHref({ to: ['rada@example.gov.ua'], subject: 'Звернення', body: 'Шановні пані та панове!' });
    if (!result.ok) throw new Error(result.message);
    expect(result.href).toContain('subject=%D0%97%D0%B2%D0%B5%D1%80%D0%BD%D0%B5%D0%BD%D0%BD%D1%8F');
    expect(readBack(result.href).body).toBe('Шановні пані та панове!');
  });

  it('refuses a line break in the subject or an address: it would add a mail header', () => {
    expect(mailtoHref({ to: ['rada@example.org'], subject: 'Hello\r\nBcc: all@example.org', body: '' })).toMatchObject({ ok: false, code: 'header_injection' });
    expect(mailtoHref({ to: ['rada@example.org'], subject: 'Hello\nX-Spam: yes', body: '' })).toMatchObject({ ok: false, code: 'header_injection' });
    expect(mailtoHref({ to: ['rada@example.org\r\nBcc: all@example.org'], subject: 'Hello', body: '' })).toMatchObject({ ok: false, code: 'header_injection' });
    expect(mailtoHref({ to: ['not an address'], subject: 'Hello', body: '' })).toMatchObject({ ok: false, code: 'invalid_address' });
    expect(mailtoHref({ to: ['a@example.org?cc=b@example.org'], subject: 'Hello', body: '' })).toMatchObject({ ok: false, code: 'invalid_address' });
    expect(mailtoHref({ to: [], subject: 'Hello', body: '' })).toMatchObject({ ok: false, code: 'no_address' });
  });

  it('cuts a long letter at a paragraph, with a note in the letter’s language, to stay under the safe length', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}: ${'reason '.repeat(30).trim()}.`);
    const result = mailtoHref({ to: ['rada@example.org'], subject: 'Please end the tie', body: paragraphs.join('\n\n'), language: 'de' });
    if (!result.ok) throw new Error(result.message);
    expect(result.truncated).toBe(true);
    expect(result.href.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const body = readBack(result.href).body!;
    const kept = body.split('\r\n\r\n');
    expect(kept.at(-1)).toMatch(/^\[Der Brief ist für diesen E-Mail-Link zu lang\./);
    // Whole paragraphs only, from the start, as many as fit.
    expect(kept.slice(0, -1)).toEqual(paragraphs.slice(0, kept.length - 1));
    expect(kept.length - 1).toBeGreaterThanOrEqual(1);
    // One paragraph more, with the note, would not have fitted.
    const oneMore = [...paragraphs.slice(0, kept.length), kept.at(-1)!].join('\n\n');
    const unlimited = mailtoHref({ to: ['rada@example.org'], subject: 'Please end the tie', body: oneMore, maxLength: Infinity });
    expect(unlimited.ok && unlimited.href.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
  });

  it('says so when not even the first paragraph fits', () => {
    const result = mailtoHref({ to: ['rada@example.org'], subject: 'Please end the tie', body: `${'Ї'.repeat(400)}\n\nEnd.` });
    expect(result).toMatchObject({ ok: false, code: 'too_long' });
  });
});
