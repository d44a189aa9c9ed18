import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`Tom & Jerry <b>"hi"</b> it's`)).toBe('Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it&apos;s');
  });

  it('does not escape an entity twice over', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 cannot hold, keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('line\tone\nline two\r')).toBe('line\tone\nline two\r');
    expect(escapeXml('flag 🇺🇦')).toBe('flag 🇺🇦');
  });

  it('keeps Ukrainian and Belarusian letters and typographic quotes as they are', () => {
    expect(escapeXml('Чернігів – Гомель: “розірвано”, Магілёў')).toBe('Чернігів – Гомель: “розірвано”, Магілёў');
  });
});
