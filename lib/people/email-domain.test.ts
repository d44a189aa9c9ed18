import { describe, expect, it } from 'vitest';
import { emailDomain, isAddressAtDomains } from './email-domain';

describe('isAddressAtDomains', () => {
  const kyiv = ['kyiv.gov.ua', '@KMDA.gov.ua'];

  it('accepts an address at one of the domains, whatever the case', () => {
    expect(isAddressAtDomains('olena@kyiv.gov.ua', kyiv)).toBe(true);
    expect(isAddressAtDomains('Olena@KYIV.Gov.UA', kyiv)).toBe(true);
    expect(isAddressAtDomains('petro@kmda.gov.ua', kyiv)).toBe(true);
  });

  it('refuses look-alikes: a longer name, a suffix, a subdomain, another domain after it', () => {
    expect(isAddressAtDomains('x@evil-kyiv.gov.ua', kyiv)).toBe(false);
    expect(isAddressAtDomains('x@evilkyiv.gov.ua', kyiv)).toBe(false);
    expect(isAddressAtDomains('x@mail.kyiv.gov.ua', kyiv)).toBe(false);
    expect(isAddressAtDomains('x@kyiv.gov.ua.example.com', kyiv)).toBe(false);
    expect(isAddressAtDomains('kyiv.gov.ua@example.com', kyiv)).toBe(false);
    expect(isAddressAtDomains('x@gov.ua', kyiv)).toBe(false);
  });

  it('reads the domain after the last @, and none from a malformed address', () => {
    expect(emailDomain('"a@kyiv.gov.ua"@example.com')).toBe('example.com');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomain('trailing@')).toBeNull();
    expect(isAddressAtDomains('trailing@', [''])).toBe(false);
  });

  it('matches nothing for a council without domains', () => {
    expect(isAddressAtDomains('olena@kyiv.gov.ua', [])).toBe(false);
  });
});
