import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { catalogues as all } from '../../messages';
import { STATUS_GROUP_NAMES, TIE_STATUSES } from '../ties/lifecycle';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
}

const { en, uk } = all;
const catalogues = all;

describe('messages', () => {
  it('has the same keys in every language', () => {
    expect(leafKeys(uk).sort()).toEqual(leafKeys(en).sort());
  });

  it('names every tie status and status group of the lifecycle', () => {
    for (const messages of Object.values(catalogues)) {
      expect(Object.keys(messages.TieStatus).sort()).toEqual([...TIE_STATUSES].sort());
      expect(Object.keys(messages.StatusGroup).sort()).toEqual([...STATUS_GROUP_NAMES].sort());
    }
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('compiles every %s message', (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: catalogues[locale] as Tree,
      onError: (e) => errors.push(e.message),
    }) as unknown as { markup: (key: string, values: Record<string, string | number | ((chunks: string) => string)>) => string };
    // Every argument a message names gets a value: tags a function, the rest a number (which
    // plural takes as such, select as its `other` case, and text prints), a few real examples.
    const texts = JSON.stringify(catalogues[locale]);
    const tags = new Set([...texts.matchAll(/<([a-zA-Z]+)>/g)].map((m) => m[1]!));
    const examples: Record<string, string | number | ((chunks: string) => string)> = { count: 3, date: '1 June 2022', host: 'untwin.org', place: 'Ternopil', percent: '40%' };
    for (const tag of tags) examples[tag] = (chunks: string) => chunks;
    const values: Record<string, string | number | ((chunks: string) => string)> = {};
    for (const [, name] of texts.matchAll(/\{\s*([a-zA-Z]\w*)/g)) values[name!] = 3;
    Object.assign(values, examples);
    for (const key of leafKeys(catalogues[locale])) {
      const text = t.markup(key, values);
      expect(text, key).not.toMatch(/[{}]/);
    }
    expect(errors).toEqual([]);
  });

  it('picks the Ukrainian plural forms', () => {
    const t = createTranslator({ locale: 'uk', messages: uk, namespace: 'Home' });
    expect(t('campaignTotal', { count: 1 })).toBe('1 зв’язок у цій кампанії');
    expect(t('campaignTotal', { count: 3 })).toBe('3 зв’язки в цій кампанії');
    expect(t('campaignTotal', { count: 25 })).toBe('25 зв’язків у цій кампанії');
  });
});
