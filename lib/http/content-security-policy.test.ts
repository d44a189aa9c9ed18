import { describe, expect, it } from 'vitest';
import { SCRIPT_FREE_POLICY, contentSecurityPolicy, newNonce } from './content-security-policy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('runs only scripts with the nonce, and what they load, in production', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==' }));
    expect(policy.get('script-src')).toEqual(["'nonce-abc123=='", "'strict-dynamic'", "'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ nonce: 'n' }, { development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n' })).not.toContain('unsafe-eval');
  });

  it('runs no script at all where none is needed', () => {
    expect(directives(SCRIPT_FREE_POLICY).get('script-src')).toEqual(["'none'"]);
    expect(SCRIPT_FREE_POLICY).not.toContain('nonce');
  });

  it('makes a new unguessable nonce each time, in the form Next.js reads back', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
