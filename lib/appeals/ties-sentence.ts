import type { TieKind } from '../places/kinds';
import type { LetterLanguage } from './templates/phrases';

/**
 * The sentence that says which ties still stand, written for one tie and for several, in each
 * letter language. Place names are never declined (the data has them in the nominative only),
 * so a name stands where the nominative is right: after a noun in apposition ("з містом Гродно",
 * "z miastem Psków"), after "with"/"mit", or after a colon. Several ties of one kind and without
 * signing years share one noun phrase ("побратимські чи партнерські зв’язки з містами Гродно і
 * Пінськ (Білорусь)"); anything else becomes a list of whole agreements.
 */
export type TieParts = {
  kind: TieKind;
  partner: string;
  settlement: boolean;
  country: string;
  year: number | null;
  /** A template's own word for this kind (the US mayors' "sister-city agreement"): singular, so never grouped. */
  kindText?: string;
};

type Kind = { one: string; many: string };
type Words = {
  locale: string;
  kinds: Record<TieKind, Kind & { plural?: boolean; gender?: 'f' | 'm' | 'n' }>;
  year(year: number): string;
  /** "with <partner>" for one partner; for a place that is not a town the name follows a colon. */
  withOne(t: TieParts, countryAndYear: string): string;
  withMany(names: string, allSettlements: boolean): string;
  one(kind: Kind & { plural?: boolean; gender?: 'f' | 'm' | 'n' }, withPartner: string): string;
  many(kindPlural: string, withPartners: string): string;
  list(items: string): string;
};

const listFormats = new Map<string, Intl.ListFormat>();
function list(locale: string, items: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

const WORDS: Record<LetterLanguage, Words> = {
  uk: {
    locale: 'uk',
    kinds: {
      twin_town: { one: 'угода про побратимство', many: 'угоди про побратимство', gender: 'f' },
      partner_city: { one: 'угода про партнерство', many: 'угоди про партнерство', gender: 'f' },
      cooperation_agreement: { one: 'угода про співпрацю', many: 'угоди про співпрацю', gender: 'f' },
      memorandum: { one: 'меморандум про співпрацю', many: 'меморандуми про співпрацю', gender: 'm' },
      protocol_of_intent: { one: 'протокол про наміри щодо співпраці', many: 'протоколи про наміри щодо співпраці', gender: 'm' },
      joint_statement: { one: 'спільна заява про співпрацю', many: 'спільні заяви про співпрацю', gender: 'f' },
      other_agreement: { one: 'угода', many: 'угоди', gender: 'f' },
      unknown: { one: 'побратимські чи партнерські зв’язки', many: 'побратимські чи партнерські зв’язки', plural: true },
    },
    year: (y) => `підписано ${y} року`,
    withOne: (t, cy) => (t.settlement ? `з містом ${t.partner} (${cy})` : `із таким партнером: ${t.partner} (${cy})`),
    withMany: (names, towns) => (towns ? `з містами ${names}` : `із такими партнерами: ${names}`),
    one: (k, w) => `За відкритими даними, досі ${k.plural ? 'чинні' : k.gender === 'm' ? 'чинний' : 'чинна'} ${k.one} ${w}.`,
    many: (k, w) => `За відкритими даними, досі чинні ${k} ${w}.`,
    list: (items) => `За відкритими даними, досі чинні такі домовленості: ${items}.`,
  },
  en: {
    locale: 'en-GB',
    kinds: {
      twin_town: { one: 'the twinning agreement', many: 'the twinning agreements' },
      partner_city: { one: 'the partnership agreement', many: 'the partnership agreements' },
      cooperation_agreement: { one: 'the agreement on cooperation', many: 'the agreements on cooperation' },
      memorandum: { one: 'the memorandum of cooperation', many: 'the memoranda of cooperation' },
      protocol_of_intent: { one: 'the protocol of intent on cooperation', many: 'the protocols of intent on cooperation' },
      joint_statement: { one: 'the joint statement on cooperation', many: 'the joint statements on cooperation' },
      other_agreement: { one: 'the agreement', many: 'the agreements' },
      unknown: { one: 'the twin or partner city tie', many: 'the twin or partner city ties' },
    },
    year: (y) => `signed in ${y}`,
    withOne: (t, cy) => `with ${t.partner} (${cy})`,
    withMany: (names) => `with ${names}`,
    one: (k, w) => `According to public records, ${k.one} ${w} is still in force.`,
    many: (k, w) => `According to public records, ${k} ${w} are still in force.`,
    list: (items) => `According to public records, the following are still in force: ${items}.`,
  },
  de: {
    locale: 'de',
    kinds: {
      twin_town: { one: 'die Städtepartnerschaft', many: 'die Städtepartnerschaften' },
      partner_city: { one: 'die Partnerschaftsvereinbarung', many: 'die Partnerschaftsvereinbarungen' },
      cooperation_agreement: { one: 'die Kooperationsvereinbarung', many: 'die Kooperationsvereinbarungen' },
      memorandum: { one: 'das Memorandum über Zusammenarbeit', many: 'die Memoranden über Zusammenarbeit' },
      protocol_of_intent: { one: 'das Absichtsprotokoll über Zusammenarbeit', many: 'die Absichtsprotokolle über Zusammenarbeit' },
      joint_statement: { one: 'die Gemeinsame Erklärung über Zusammenarbeit', many: 'die Gemeinsamen Erklärungen über Zusammenarbeit' },
      other_agreement: { one: 'die Vereinbarung', many: 'die Vereinbarungen' },
      unknown: { one: 'die partnerschaftliche Verbindung', many: 'die partnerschaftlichen Verbindungen' },
    },
    year: (y) => `unterzeichnet ${y}`,
    withOne: (t, cy) => `mit ${t.partner} (${cy})`,
    withMany: (names) => `mit ${names}`,
    one: (k, w) => `Nach öffentlich zugänglichen Angaben besteht ${k.one} ${w} weiterhin.`,
    many: (k, w) => `Nach öffentlich zugänglichen Angaben bestehen ${k} ${w} weiterhin.`,
    list: (items) => `Nach öffentlich zugänglichen Angaben bestehen weiterhin: ${items}.`,
  },
  pl: {
    locale: 'pl',
    kinds: {
      twin_town: { one: 'umowa o partnerstwie miast', many: 'umowy o partnerstwie miast' },
      partner_city: { one: 'porozumienie o partnerstwie', many: 'porozumienia o partnerstwie' },
      cooperation_agreement: { one: 'umowa o współpracy', many: 'umowy o współpracy' },
      memorandum: { one: 'memorandum o współpracy', many: 'memoranda o współpracy' },
      protocol_of_intent: { one: 'protokół intencyjny o współpracy', many: 'protokoły intencyjne o współpracy' },
      joint_statement: { one: 'wspólna deklaracja o współpracy', many: 'wspólne deklaracje o współpracy' },
      other_agreement: { one: 'porozumienie', many: 'porozumienia' },
      unknown: { one: 'więzi partnerskie', many: 'więzi partnerskie', plural: true },
    },
    year: (y) => `podpisano w ${y}\u00a0r.`,
    withOne: (t, cy) => (t.settlement ? `z miastem ${t.partner} (${cy})` : `z następującym partnerem: ${t.partner} (${cy})`),
    withMany: (names, towns) => (towns ? `z miastami ${names}` : `z następującymi partnerami: ${names}`),
    one: (k, w) => `Według publicznie dostępnych danych nadal ${k.plural ? 'obowiązują' : 'obowiązuje'} ${k.one} ${w}.`,
    many: (k, w) => `Według publicznie dostępnych danych nadal obowiązują ${k} ${w}.`,
    list: (items) => `Według publicznie dostępnych danych nadal obowiązują: ${items}.`,
  },
};

export function tiesInForceSentence(language: LetterLanguage, ties: readonly TieParts[]): string {
  const w = WORDS[language];
  const countryAndYear = (t: TieParts) => (t.year ? `${t.country}, ${w.year(t.year)}` : t.country);
  if (ties.length === 1) {
    const t = ties[0]!;
    const kind = w.kinds[t.kind];
    return w.one(t.kindText ? { ...kind, one: t.kindText, plural: false } : kind, w.withOne(t, countryAndYear(t)));
  }
  const kinds = new Set(ties.map((t) => t.kind));
  if (kinds.size === 1 && ties.every((t) => t.year === null && !t.kindText)) {
    const countries = new Set(ties.map((t) => t.country));
    const names =
      countries.size === 1
        ? `${list(w.locale, ties.map((t) => t.partner))} (${ties[0]!.country})`
        : list(w.locale, ties.map((t) => `${t.partner} (${t.country})`));
    return w.many(w.kinds[ties[0]!.kind].many, w.withMany(names, ties.every((t) => t.settlement)));
  }
  // Agreements of different kinds (or with their years): each one whole, in a list.
  return w.list(list(w.locale, ties.map((t) => `${t.kindText ?? w.kinds[t.kind].one} ${w.withOne(t, countryAndYear(t))}`)));
}

/**
 * A council that pledged is reminded of its own promise: what it did (promised, registered a
 * draft, scheduled the vote), when, and the session that will vote, from its own record.
 */
export type PledgeParts = {
  type: 'promised' | 'draft_registered' | 'vote_scheduled' | 'in_progress';
  partner: string;
  settlement: boolean;
  /** Already written as the letter writes dates; null when the record has no date. */
  on: string | null;
  session: string | null;
};

const PLEDGE: Record<LetterLanguage, { sentence(p: PledgeParts): string; ask: string }> = {
  en: {
    sentence: (p) => {
      const what =
        p.type === 'draft_registered'
          ? `registered a draft decision to end the tie with ${p.partner}`
          : p.type === 'vote_scheduled'
            ? `scheduled a vote on ending the tie with ${p.partner}${p.session ? ` for its session of ${p.session}` : ''}`
            : p.type === 'in_progress'
              ? `said that it is ending the tie with ${p.partner}`
              : `promised to end the tie with ${p.partner}`;
      return p.on ? `On ${p.on} the council ${what}.` : `The council has ${what}.`;
    },
    ask: 'I ask the council to keep its word and to let me know when the decision has been adopted.',
  },
  uk: {
    sentence: (p) => {
      const partner = p.settlement ? `з містом ${p.partner}` : `із партнером (${p.partner})`;
      const what =
        p.type === 'draft_registered'
          ? `зареєструвала проєкт рішення про розірвання зв’язків ${partner}`
          : p.type === 'vote_scheduled'
            ? `призначила голосування про розірвання зв’язків ${partner}${p.session ? ` на сесії ${p.session}` : ''}`
            : p.type === 'in_progress'
              ? `повідомила, що розриває зв’язки ${partner}`
              : `пообіцяла розірвати зв’язки ${partner}`;
      return p.on ? `${p.on} рада ${what}.` : `Рада вже ${what}.`;
    },
    ask: 'Прошу дотримати цього слова й повідомити мені, коли рішення буде ухвалено.',
  },
  de: {
    sentence: (p) => {
      const what =
        p.type === 'draft_registered'
          ? `einen Beschlussentwurf zur Beendigung der Verbindung mit ${p.partner} eingebracht`
          : p.type === 'vote_scheduled'
            ? `die Abstimmung über die Beendigung der Verbindung mit ${p.partner}${p.session ? ` für seine Sitzung am ${p.session}` : ''} angesetzt`
            : p.type === 'in_progress'
              ? `mitgeteilt, dass er die Verbindung mit ${p.partner} beendet`
              : `zugesagt, die Verbindung mit ${p.partner} zu beenden`;
      return p.on ? `Am ${p.on} hat der Rat ${what}.` : `Der Rat hat bereits ${what}.`;
    },
    ask: 'Ich bitte den Rat, dieses Wort zu halten und mir mitzuteilen, wann der Beschluss gefasst ist.',
  },
  pl: {
    sentence: (p) => {
      const partner = p.settlement ? `z miastem ${p.partner}` : `z partnerem (${p.partner})`;
      const what =
        p.type === 'draft_registered'
          ? `zarejestrowała projekt uchwały o zerwaniu więzi ${partner}`
          : p.type === 'vote_scheduled'
            ? `wyznaczyła głosowanie w sprawie zerwania więzi ${partner}${p.session ? ` na sesji w dniu ${p.session}` : ''}`
            : p.type === 'in_progress'
              ? `poinformowała, że zrywa więzi ${partner}`
              : `zobowiązała się zerwać więzi ${partner}`;
      return p.on ? `${p.on} Rada ${what}.` : `Rada już ${what}.`;
    },
    ask: 'Proszę o dotrzymanie tego zobowiązania i o informację, kiedy uchwała zostanie podjęta.',
  },
};

export function pledgeReminder(language: LetterLanguage, pledges: readonly PledgeParts[]): string {
  if (pledges.length === 0) return '';
  const words = PLEDGE[language];
  // A date that ends in an abbreviation ("2026\u00a0r.") ends the sentence too: one full stop.
  return [...pledges.map(words.sentence), words.ask].join(' ').replace(/\.\.(?=\s|$)/g, '.');
}
