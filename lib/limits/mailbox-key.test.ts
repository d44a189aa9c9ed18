import { describe, expect, it } from 'vitest';
import { mailboxKey } from './mailbox-key';

describe('mailboxKey', () => {
  it('counts one mailbox however its address is written', () => {
    expect(mailboxKey(' Olena.Koval+untwin@Example.ORG ')).toBe('olena.koval@example.org');
    expect(mailboxKey('olena.koval+a+b@example.org')).toBe('olena.koval@example.org');
    expect(mailboxKey('O.l.e.n.a+x@GoogleMail.com')).toBe('olena@gmail.com');
    expect(mailboxKey('olena@gmail.com.')).toBe('olena@gmail.com');
  });

  it('keeps dots where they may tell two people apart, and odd local parts as they are', () => {
    expect(mailboxKey('j.smith@example.org')).not.toBe(mailboxKey('jsmith@example.org'));
    expect(mailboxKey('+only@example.org')).toBe('+only@example.org');
    expect(mailboxKey('no-at-sign')).toBe('no-at-sign');
  });
});
