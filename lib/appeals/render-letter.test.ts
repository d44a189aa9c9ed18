import { describe, expect, it } from 'vitest';
import { letterPreview } from '../../emails/appeal-letter';
import { renderAppealLetter } from './render-letter';

const HTML_TAG = /<\/?[a-z!][^>]*>/i;

const body = `Шановні пані та панове!

Звертаюся до вас щодо зв’язків вашої громади з містами держави-агресора. За відкритими даними, досі чинні такі зв’язки: угода про побратимство — Гомель (Білорусь, підписано 1997 року).

<script>alert("x")</script> Tom & Jerry <b>bold</b> &amp; more

З повагою
Олена Коваль
Житомир`;

describe('renderAppealLetter', () => {
  it('escapes what the activist wrote: a script tag and an ampersand stay text', async () => {
    const { html } = await renderAppealLetter({ language: 'uk', subject: 'Звернення', body });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; &amp;amp; more');
  });

  it('sets each paragraph apart and keeps the signature’s line breaks, marked with the letter’s language', async () => {
    const { html } = await renderAppealLetter({ language: 'uk', subject: 'Звернення', body });
    expect(html).toContain('lang="uk"');
    const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    // The shared layout's name bar comes first, then the letter.
    expect(paragraphs[0]).toBe('Untwin');
    expect(paragraphs.slice(1, 5)).toEqual([
      'Шановні пані та панове!',
      'Звертаюся до вас щодо зв’язків вашої громади з містами держави-агресора. За відкритими даними, досі чинні такі зв’язки: угода про побратимство — Гомель (Білорусь, підписано 1997 року).',
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; &amp;amp; more',
      'З повагою<br/>Олена Коваль<br/>Житомир',
    ]);
  });

  it('writes a plain-text twin with the letter’s words as written, and no markup of its own', async () => {
    const { text, html } = await renderAppealLetter({ language: 'de', subject: 'Betreff', body: 'Sehr geehrte Damen und Herren,\n\nBitte beenden Sie die Partnerschaft.\n\nMit freundlichen Grüßen\nAnna Schmidt\nKöln' });
    // The site's frame speaks English to a German council; the letter itself is marked German.
    expect(html).toMatch(/<table[^>]*lang="de"/);
    expect(text).toContain('Sehr geehrte Damen und Herren,\n\nBitte beenden Sie die Partnerschaft.\n\nMit freundlichen Grüßen\nAnna Schmidt\nKöln');
    expect(text).not.toMatch(HTML_TAG);
    const escaped = await renderAppealLetter({ language: 'uk', subject: 'Звернення', body });
    expect(escaped.text).toContain('<script>alert("x")</script> Tom & Jerry <b>bold</b> &amp; more');
  });

  it('keeps the subject on one line, whatever the edit put in it', async () => {
    const { subject } = await renderAppealLetter({ language: 'en', subject: 'Please end the tie\r\nBcc: everyone@example.org', body: 'Dear council,' });
    expect(subject).toBe('Please end the tie Bcc: everyone@example.org');
  });

  it('previews the first paragraph after the greeting, cut at a word', () => {
    expect(letterPreview('Dear council,\n\nShort and clear.\n\nBye')).toBe('Short and clear.');
    const long = letterPreview(`Dear council,\n\n${'word '.repeat(60)}`);
    expect(long.length).toBeLessThanOrEqual(141);
    expect(long.endsWith('word…')).toBe(true);
  });
});
