import { describe, expect, it } from 'vitest';
import { hasHeaderBreak, isPlainAddress, isSafeSender } from './header-safety';
import { blockedReasonOf, recipientKey } from './recipients';

describe('what may reach a mail header', () => {
  it('finds line breaks and other control characters, and lets a tab and ordinary text through', () => {
    for (const bad of ['a\r\nBcc: x@y.org', 'a\nb', 'a\rb', 'nul\u0000', 'bell\u0007', 'del\u007f', 'line\u2028sep', 'para\u2029sep']) {
      expect(hasHeaderBreak(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ['Про розірвання зв’язків', 'Köln – Partnerschaft', 'tab\there', '']) expect(hasHeaderBreak(good), good).toBe(false);
  });

  it('takes a bare address, and nothing that could carry a second one or a name', () => {
    for (const good of ['rada@zhytomyr.gov.ua', 'first.last+tag@example.org', 'Info@Stadt-Koeln.DE']) expect(isPlainAddress(good), good).toBe(true);
    for (const bad of [
      'a@b.org\r\nBcc: x@y.org',
      'a@b.org, c@d.org',
      'a@b.org;c@d.org',
      'Name <a@b.org>',
      'a b@c.org',
      '"quoted"@b.org',
      'no-at-sign.org',
      'a@nodot',
      'a@b..org',
      `${'x'.repeat(250)}@b.org`,
    ]) {
      expect(isPlainAddress(bad), bad).toBe(false);
    }
  });

  it('takes a sender with a display name, but not one with a break or two addresses', () => {
    expect(isSafeSender('Ukraine 2022 <letters@ukraine2022.example>')).toBe(true);
    expect(isSafeSender('letters@ukraine2022.example')).toBe(true);
    expect(isSafeSender('Evil\r\nBcc: x@y.org <letters@example.org>')).toBe(false);
    expect(isSafeSender('A <a@b.org>, B <c@d.org>')).toBe(false);
  });

  it('compares recipients by their bare address, and says why none is usable', () => {
    expect(recipientKey('Rada <Info@Rada.Example>')).toBe('info@rada.example');
    expect(recipientKey(' Info@Rada.Example ')).toBe('info@rada.example');
    expect(blockedReasonOf({ usable: ['a@b.org'], suppressed: ['c@d.org'], invalid: [] })).toBeNull();
    expect(blockedReasonOf({ usable: [], suppressed: ['c@d.org'], invalid: [] })).toBe('all_addresses_suppressed');
    expect(blockedReasonOf({ usable: [], suppressed: [], invalid: ['bad'] })).toBe('no_contact_address');
  });
});
