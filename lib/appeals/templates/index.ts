import { type ParsedTemplate, mustParseTemplate } from '../fill-ins';
import { europe2025Templates } from './europe-2025';
import { type LetterLanguage, isLetterLanguage } from './phrases';
import type { LetterTemplate, TemplateFamily } from './types';
import { ukraine2022Templates } from './ukraine-2022';
import { usMayors2022Templates } from './us-mayors-2022';

export { LETTER_LANGUAGES, type LetterLanguage, isLetterLanguage, PHRASES } from './phrases';
export type { LetterTemplate, TemplateFamily } from './types';

/** The seed templates, one family per seed campaign. */
export const TEMPLATE_FAMILIES = [ukraine2022Templates, usMayors2022Templates, europe2025Templates] as const;

/** What campaign a letter is for, as far as the templates care. */
export type TemplateCampaign = { slug: string; countries: readonly string[] };

/**
 * The family of templates a campaign writes with: its own, by slug; a campaign an organiser
 * created later takes the family of the councils it writes to (Ukrainian councils, American
 * ones, or the European letter, which fits any other country best).
 */
export function templateFamilyFor(campaign: TemplateCampaign): TemplateFamily {
  const own = TEMPLATE_FAMILIES.find((f) => f.key === campaign.slug);
  if (own) return own;
  if (campaign.countries.length > 0 && campaign.countries.every((c) => c === 'UKR')) return ukraine2022Templates;
  if (campaign.countries.length > 0 && campaign.countries.every((c) => c === 'USA')) return usMayors2022Templates;
  return europe2025Templates;
}

/** The languages a family has a template in. */
export function templateLanguages(family: TemplateFamily): LetterLanguage[] {
  return Object.keys(family.templates).filter(isLetterLanguage);
}

export type CompiledTemplate = { subject: ParsedTemplate; body: ParsedTemplate; kinds: LetterTemplate['kinds'] };

// The seed templates are parsed once; a broken seed template fails the first letter loudly
// (and its test), never a letter with a hole in it.
const compiled = new WeakMap<LetterTemplate, CompiledTemplate>();

export function compileTemplate(template: LetterTemplate): CompiledTemplate {
  let c = compiled.get(template);
  if (!c) {
    c = { subject: mustParseTemplate(template.subject), body: mustParseTemplate(template.body), kinds: template.kinds };
    compiled.set(template, c);
  }
  return c;
}

export function seedTemplate(family: TemplateFamily, language: LetterLanguage): CompiledTemplate | null {
  const template = family.templates[language];
  return template ? compileTemplate(template) : null;
}
