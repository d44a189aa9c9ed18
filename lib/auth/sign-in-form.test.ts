import { describe, expect, it } from 'vitest';
import { parseSignInForm } from './sign-in-form';

describe('the sign-in form', () => {
  it('takes an address, the language and a path on this site', () => {
    expect(parseSignInForm({ email: '  Person@Example.org ', locale: 'en', callbackUrl: '/en/tracker' })).toEqual({
      ok: true,
      value: { email: 'Person@Example.org', locale: 'en', callbackPath: '/en/tracker' },
    });
  });

  it("sends the person to their account when the path is missing or leads off the site", () => {
    expect(parseSignInForm({ email: 'a@example.org', locale: 'uk', callbackUrl: 'https://evil.example/' })).toMatchObject({
      ok: true,
      value: { callbackPath: '/uk/account' },
    });
    expect(parseSignInForm({ email: 'a@example.org', locale: 'xx' })).toMatchObject({ ok: true, value: { locale: 'uk', callbackPath: '/uk/account' } });
  });

  it('names a missing and a malformed address, keeping what was typed', () => {
    expect(parseSignInForm({ email: '   ', locale: 'en' })).toEqual({ ok: false, state: { email: '', error: 'email_missing' } });
    expect(parseSignInForm({ locale: 'en' })).toEqual({ ok: false, state: { email: '', error: 'email_missing' } });
    for (const bad of ['not-an-address', 'a@b', '"a"@example.org', 'a@example.org, b@example.org']) {
      expect(parseSignInForm({ email: bad, locale: 'en' })).toEqual({ ok: false, state: { email: bad, error: 'email_invalid' } });
    }
  });
});
