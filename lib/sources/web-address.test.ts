import { describe, expect, it } from 'vitest';
import { webAddress } from './web-address';

describe('webAddress', () => {
  it('keeps web addresses', () => {
    expect(webAddress('https://ti-ukraine.org/en/news/twin-cities')).toBe('https://ti-ukraine.org/en/news/twin-cities');
    expect(webAddress('http://example.org')).toBe('http://example.org/');
  });

  it('refuses anything a browser would run or that is not an address', () => {
    expect(webAddress('javascript:alert(1)')).toBeNull();
    expect(webAddress('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(webAddress('/relative/path')).toBeNull();
    expect(webAddress('')).toBeNull();
    expect(webAddress(null)).toBeNull();
  });
});
