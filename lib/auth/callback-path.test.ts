import { describe, expect, it } from 'vitest';
import { localeOfPath, safeCallbackPath } from './callback-path';

const APP = 'https://untwin.example';

describe('where a person may be sent after signing in', () => {
  it.each([
    ['/en/account', '/en/account'],
    ['/uk/tracker?campaign=ukraine#results', '/uk/tracker?campaign=ukraine#results'],
    ['https://untwin.example/en/stats', '/en/stats'],
  ])('keeps a path on this site: %s', (raw, path) => {
    expect(safeCallbackPath(raw, [APP])).toBe(path);
  });

  it.each([
    'https://evil.example/en/account',
    '//evil.example/en/account',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'http://untwin.example/en', // another scheme is another origin
    '',
    undefined,
    ['/en/account'],
  ])('refuses anything else: %s', (raw) => {
    expect(safeCallbackPath(raw, [APP])).toBeNull();
  });

  it('accepts the request origin Auth.js passes back absolute, when told to', () => {
    expect(safeCallbackPath('http://127.0.0.1:3100/en', [APP, 'http://127.0.0.1:3100'])).toBe('/en');
  });

  it('reads the language of a path', () => {
    expect(localeOfPath('/en/account')).toBe('en');
    expect(localeOfPath('/uk')).toBe('uk');
    expect(localeOfPath('/uk?x=1')).toBe('uk');
    expect(localeOfPath('/de/account')).toBeNull();
    expect(localeOfPath('/')).toBeNull();
    expect(localeOfPath(null)).toBeNull();
  });
});
