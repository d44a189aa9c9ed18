import { describe, expect, it } from 'vitest';
import { europe2025Campaign } from '../../../db/seed/europe-2025';
import { readSeedDocument } from '../../../db/seed/run-seed';
import { SEED_FILES } from '../../../db/seed/sources';
import { ukraine2022Campaign } from '../../../db/seed/ukraine-2022';
import { usMayors2022Campaign } from '../../../db/seed/us-mayors-2022';
import { fillInsUsed, parseTemplate } from '../fill-ins';
import { TEMPLATE_FAMILIES, seedTemplate, templateFamilyFor, templateLanguages } from '.';

describe('the seed letter templates', () => {
  it('exist in the languages each campaign family needs', () => {
    const languages = Object.fromEntries(TEMPLATE_FAMILIES.map((f) => [f.key, templateLanguages(f).sort()]));
    expect(languages).toEqual({
      'ukraine-2022': ['en', 'uk'],
      'us-mayors-2022': ['en', 'uk'],
      'europe-2025': ['de', 'en', 'pl', 'uk'],
    });
  });

  it('cover every language the seed campaigns offer', () => {
    for (const campaign of [ukraine2022Campaign(), usMayors2022Campaign(), europe2025Campaign()]) {
      const family = templateFamilyFor(campaign);
      expect(family.key).toBe(campaign.slug);
      for (const language of campaign.languages) expect(templateLanguages(family), `${campaign.slug} ${language}`).toContain(language);
    }
  });

  it('use only known fill-ins, and every letter carries the data, the facts and the activist', () => {
    for (const family of TEMPLATE_FAMILIES) {
      for (const language of templateLanguages(family)) {
        const where = `${family.key}/${language}`;
        const template = family.templates[language]!;
        const subject = parseTemplate(template.subject);
        const body = parseTemplate(template.body);
        expect(subject.ok && body.ok, where).toBe(true);
        const compiled = seedTemplate(family, language)!;
        expect(fillInsUsed(compiled.body), where).toEqual(
          expect.arrayContaining(['greeting', 'tiesInForce', 'facts', 'pledgeReminder', 'personal', 'signerName', 'signerCity']),
        );
        expect(fillInsUsed(compiled.subject).length, where).toBeGreaterThan(0);
        expect(template.subject, where).not.toMatch(/\n/);
        // The greeting opens the letter; the signature closes it.
        expect(template.body.startsWith('{greeting}\n\n'), where).toBe(true);
        expect(template.body.endsWith('{signerName}\n{signerCity}'), where).toBe(true);
      }
    }
  });

  it('are written in their own words: no run of eight words from the seed appeals', () => {
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? [];
    const shingles = (text: string) => {
      const w = words(text);
      return new Set(w.slice(0, Math.max(0, w.length - 7)).map((_, i) => w.slice(i, i + 8).join(' ')));
    };
    const seeds = new Set([...shingles(readSeedDocument(SEED_FILES.transparentCities)), ...shingles(readSeedDocument(SEED_FILES.zelenskyUsMayors))]);
    expect(seeds.size).toBeGreaterThan(1000);
    expect(seeds.has('twinning relations are another area where russia has')).toBe(true);
    for (const family of TEMPLATE_FAMILIES) {
      for (const template of Object.values(family.templates)) {
        for (const shingle of shingles(template.body)) expect(seeds.has(shingle), `${family.key}: “${shingle}”`).toBe(false);
      }
    }
  });

  it('gives a campaign created later the family of the councils it writes to', () => {
    expect(templateFamilyFor({ slug: 'kharkiv-oblast-2026', countries: ['UKR'] }).key).toBe('ukraine-2022');
    expect(templateFamilyFor({ slug: 'sister-cities-usa', countries: ['USA'] }).key).toBe('us-mayors-2022');
    expect(templateFamilyFor({ slug: 'germany-2026', countries: ['DEU'] }).key).toBe('europe-2025');
    expect(templateFamilyFor({ slug: 'anywhere', countries: [] }).key).toBe('europe-2025');
  });
});
