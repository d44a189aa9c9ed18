import { type FillInValues, type ParseResult, fillTemplate, parseTemplate } from './fill-ins';
import type { LetterData } from './letter-data';
import {
  type CompiledTemplate,
  type LetterLanguage,
  PHRASES,
  type TemplateCampaign,
  isLetterLanguage,
  seedTemplate,
  templateFamilyFor,
  templateLanguages,
} from './templates';
import type { LetterPhrases } from './templates/phrases';
import { pledgeReminder, tiesInForceSentence } from './ties-sentence';

/**
 * Composing a letter: the campaign's template in the chosen language, filled with the data
 * and the activist's words. The result is plain text (subject and body); the activist may
 * edit it freely before it is rendered (render-letter.ts) or taken elsewhere (mailto.ts,
 * letter-pdf.ts).
 */

export type LetterCampaign = TemplateCampaign & { languages: readonly string[] };
export type Signer = { name: string; city: string };
export type Letter = { language: LetterLanguage; subject: string; body: string };

/**
 * The languages a letter to this council can be written in, the default first: the council's
 * own language when the campaign offers it, else the campaign's first. Only languages the
 * campaign's templates exist in are offered; a campaign that lists none offers all of those.
 */
export function letterLanguages(campaign: LetterCampaign, council: { languages: readonly string[] }): LetterLanguage[] {
  const written = templateLanguages(templateFamilyFor(campaign));
  const listed = [...new Set(campaign.languages)].filter(isLetterLanguage);
  const offered = listed.length > 0 ? listed.filter((l) => written.includes(l)) : written;
  const own = council.languages[0];
  return own && (offered as string[]).includes(own) ? [own as LetterLanguage, ...offered.filter((l) => l !== own)] : offered;
}

/**
 * The council's name in a letter: its own official name when writing in its language, its
 * English name in English, and otherwise the official name before the English one (a Polish
 * letter to Cologne is addressed to the "Rat der Stadt Köln").
 */
export function councilNameFor(data: LetterData, language: LetterLanguage): string {
  const { council } = data;
  if (council.localName && council.languages[0] === language) return council.localName;
  if (language === 'en' && council.name) return council.name;
  return council.localName ?? council.name ?? PHRASES[language].councilOf(data.place.name);
}

/** Text that must stay on one line (a subject, a name): no line breaks, no runs of spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs separated by one blank line; paragraphs left empty by the fill-ins dropped. */
export function tidyBody(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  return lines
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .join('\n\n');
}

const listFormats = new Map<string, Intl.ListFormat>();

function list(phrases: LetterPhrases, items: readonly string[]): string {
  let format = listFormats.get(phrases.intlLocale);
  if (!format) {
    format = new Intl.ListFormat(phrases.intlLocale, { type: 'conjunction' });
    listFormats.set(phrases.intlLocale, format);
  }
  return format.format(items);
}

/** The names a fact lists, with "and N others" when it names fewer than it counts. */
function namesOf(phrases: LetterPhrases, named: readonly string[], count: number): string {
  return list(phrases, count > named.length ? [...named, phrases.others(count - named.length)] : named);
}

/** The facts paragraph: every sentence rests on rows of the data; none when the data has none. */
export function factsParagraph(data: LetterData, phrases: LetterPhrases): string {
  const sentences: string[] = [];
  for (const fact of data.facts.partners) {
    sentences.push(phrases.partnerFact(fact.severedCount, fact.partner.name, namesOf(phrases, fact.named, fact.severedCount)));
  }
  // One claim per fact: the country sentence counts only the councils the partner sentences
  // did not already name, and says so ("besides them"), so no number contradicts another.
  for (const fact of data.facts.countries) {
    if (fact.beyondPartnerFacts === 0) continue; // the partner sentences already said it
    const exhaustive = fact.named.length === fact.beyondPartnerFacts;
    const besides = data.facts.partners.length > 0;
    sentences.push(phrases.countryFact(fact.beyondPartnerFacts, fact.country.name, fact.named.length ? list(phrases, fact.named) : '', exhaustive, besides));
  }
  return sentences.join(' ');
}

const unique = (items: readonly string[]) => [...new Set(items)];

export function letterFillIns(
  data: LetterData,
  language: LetterLanguage,
  signer: Signer,
  personal: string,
  kinds: CompiledTemplate['kinds'] = {},
): FillInValues {
  const phrases = PHRASES[language];
  const head = data.council.headName;
  return {
    greeting: phrases.greeting(head),
    councilName: councilNameFor(data, language),
    headName: head ?? phrases.headOfCouncil,
    place: data.place.name,
    partner: list(phrases, unique(data.ties.map((t) => t.partner.name))),
    partnerCountry: list(phrases, unique(data.ties.map((t) => t.partner.country.name))),
    agreement: list(
      phrases,
      data.ties.map((t) =>
        phrases.agreement({ kind: kinds?.[t.kind] ?? phrases.kinds[t.kind], partner: t.partner.name, country: t.partner.country.name, year: t.signedYear }),
      ),
    ),
    tiesInForce: tiesInForceSentence(
      language,
      data.ties.map((t) => ({
        kind: t.kind,
        ...(kinds?.[t.kind] ? { kindText: kinds[t.kind] } : {}),
        partner: t.partner.name,
        settlement: t.partner.kind === 'settlement',
        country: t.partner.country.name,
        year: t.signedYear,
      })),
    ),
    pledgeReminder: pledgeReminder(
      language,
      data.ties.flatMap((t) =>
        t.pledge
          ? [
              {
                type: t.pledge.type,
                partner: t.partner.name,
                settlement: t.partner.kind === 'settlement',
                on: t.pledge.occurredOn ? writtenDate(t.pledge.occurredOn, language, data.place.country.code) : null,
                session: t.pledge.sessionOn ? writtenDate({ date: t.pledge.sessionOn, precision: 'day' }, language, data.place.country.code) : null,
              },
            ]
          : [],
      ),
    ),
    facts: factsParagraph(data, phrases),
    signerName: oneLine(signer.name),
    signerCity: oneLine(signer.city),
    personal: tidyBody(personal.trim()),
  };
}

/** An organiser's own template text, checked: unknown fill-ins come back with their positions. */
export function compileOrganiserTemplate(template: { subject: string; body: string }):
  | { ok: true; template: CompiledTemplate }
  | { ok: false; subjectErrors: Extract<ParseResult, { ok: false }>['errors']; bodyErrors: Extract<ParseResult, { ok: false }>['errors'] } {
  const subject = parseTemplate(template.subject);
  const body = parseTemplate(template.body);
  if (subject.ok && body.ok) return { ok: true, template: { subject: subject.template, body: body.template, kinds: {} } };
  return { ok: false, subjectErrors: subject.ok ? [] : subject.errors, bodyErrors: body.ok ? [] : body.errors };
}

export type ComposeLetterInput = {
  data: LetterData;
  campaign: LetterCampaign;
  language: string;
  signer: Signer;
  /** The activist's own paragraph(s); may be empty. */
  personal: string;
  /** An organiser's template (compileOrganiserTemplate) instead of the seed one. */
  template?: CompiledTemplate;
};

export function composeLetter({ data, campaign, language, signer, personal, template }: ComposeLetterInput): Letter {
  const offered = letterLanguages(campaign, data.council);
  if (!isLetterLanguage(language) || !offered.includes(language)) {
    throw new Error(`The campaign offers letters in ${offered.join(', ') || 'no language'}, not “${language}”.`);
  }
  if (data.language !== language) {
    throw new Error(`The letter data was read in “${data.language}”; load it in “${language}” for names in the letter’s language.`);
  }
  const chosen = template ?? seedTemplate(templateFamilyFor(campaign), language);
  if (!chosen) throw new Error(`No template in “${language}” for campaign ${campaign.slug}.`);
  const values = letterFillIns(data, language, signer, personal, chosen.kinds);
  return {
    language,
    subject: oneLine(fillTemplate(chosen.subject, values)),
    body: tidyBody(fillTemplate(chosen.body, values)),
  };
}

/** The recipient's block at the top of a printed letter. */
export function addressBlock(data: LetterData, language: LetterLanguage): string[] {
  // The council's postal address when the directory has it (lines as written), else the town.
  const postal = data.council.postalAddress
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    councilNameFor(data, language),
    ...(data.council.headName ? [data.council.headName] : []),
    ...(postal?.length ? postal : [`${data.place.name}, ${data.place.country.name}`]),
    ...data.council.contactEmails,
  ];
}

/**
 * The date on a letter, written as the letter's language writes dates. English letters to
 * American councils write it the American way. In UTC: the day the letter was made anywhere
 * is near enough, and the result does not depend on the server's zone.
 */
export function letterDate(date: Date, language: LetterLanguage, councilCountry: string): string {
  const locale = language === 'en' ? (councilCountry === 'USA' ? 'en-US' : 'en-GB') : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A date of the record as the letter writes it: a day in full, a month and year, or a year. */
function writtenDate(date: { date: string; precision: 'day' | 'month' | 'year' }, language: LetterLanguage, councilCountry: string): string {
  const locale = language === 'en' ? (councilCountry === 'USA' ? 'en-US' : 'en-GB') : language;
  const at = new Date(`${date.date.length === 4 ? `${date.date}-01-01` : date.date.length === 7 ? `${date.date}-01` : date.date}T00:00:00Z`);
  if (date.precision === 'year') return language === 'uk' ? `${date.date.slice(0, 4)} року` : language === 'pl' ? `w ${date.date.slice(0, 4)}\u00a0r.` : date.date.slice(0, 4);
  const options: Intl.DateTimeFormatOptions = date.precision === 'month' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  if (language === 'uk' || language === 'pl') {
    // "15 січня 2026 року", "15 stycznia 2026 r.": the year word as a letter writes it, not Intl's "р.".
    const parts = new Intl.DateTimeFormat(locale, { ...(date.precision === 'day' ? { day: 'numeric' } : {}), month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const dayMonth = date.precision === 'day' ? `${part('day')} ${part('month')}` : part('month');
    return language === 'uk' ? `${dayMonth} ${part('year')} року` : `${dayMonth} ${part('year')}\u00a0r.`;
  }
  return new Intl.DateTimeFormat(locale, options).format(at);
}
