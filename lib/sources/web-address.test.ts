import { describe, expect, it } from 'vitest';
import { councils, places, sources } from '../../db/schema';
import { describeEachEngine } from '../testing/test-database';
import { webAddress, webAddressInput } from './web-address';

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

describe('webAddressInput', () => {
  it('takes http and https addresses, as written', () => {
    expect(webAddressInput.parse(' https://rada.example/decision?id=4 ')).toBe('https://rada.example/decision?id=4');
    expect(webAddressInput.parse('HTTP://Rada.Example')).toBe('HTTP://Rada.Example');
  });

  it('refuses every other scheme, relative paths and control characters, with a message', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example', '//evil.example', 'https://x.example/\u0000', 'https://x.example/a\nb', 'https://x.example/a b']) {
      const parsed = webAddressInput.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    }
  });
});

describeEachEngine('the database', ({ db }) => {
  it('stores no address but a web one, whoever writes it (an import, psql)', async () => {
    await expect(db().insert(sources).values({ key: 'bad', url: 'javascript:alert(1)', title: 'x' })).rejects.toThrow();
    await expect(db().insert(sources).values({ key: 'bad2', url: 'https://ok.example/ x', title: 'x' })).rejects.toThrow();
    await db().insert(sources).values({ key: 'good', url: 'https://ok.example/x', title: 'x' });
    const [place] = await db().insert(places).values({ slug: 'url-test-ukr', name: 'Url Test', country: 'UKR' }).returning();
    await expect(db().insert(councils).values({ slug: 'url-test', placeId: place!.id, website: 'javascript:alert(1)' })).rejects.toThrow();
    await db().insert(councils).values({ slug: 'url-test', placeId: place!.id, website: 'https://rada.example' });
  });
});
