import type { TieKind } from '../../places/kinds';

/**
 * The generated pieces of a letter in each letter language: the greeting, the agreement
 * phrase, the facts sentences. Names of places are never declined (the data has them in the
 * nominative only), so every phrase puts a name where the nominative is correct: as a subject,
 * after a colon or dash, or in parentheses.
 */
export const LETTER_LANGUAGES = ['uk', 'en', 'de', 'pl'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export function isLetterLanguage(code: string): code is LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(code);
}

export type AgreementParts = { kind: string; partner: string; country: string; year: number | null };

export type LetterPhrases = {
  /** For Intl lists and plurals. */
  intlLocale: string;
  /** The salutation; the head of the council by name when the data knows them. */
  greeting(headName: string | null): string;
  /** {headName} when the data has no head: the office, in the nominative. */
  headOfCouncil: string;
  /** The council's name when the data has none. */
  councilOf(place: string): string;
  kinds: Record<TieKind, string>;
  agreement(parts: AgreementParts): string;
  /** The last item of a shortened list of names: "and 3 others". */
  others(count: number): string;
  /** Other councils that already severed their ties with this partner. */
  partnerFact(count: number, partner: string, names: string): string;
  /** Other councils that severed ties with places in this country, beyond those the partner facts
   * named (`besides`: there were such facts); `exhaustive` when `names` lists them all. */
  countryFact(count: number, country: string, names: string, exhaustive: boolean, besides: boolean): string;
  /** Ends a letter cut short to fit a mailto: link. */
  truncationNote: string;
};

const plural = (locale: string) => {
  const rules = new Intl.PluralRules(locale);
  return (n: number) => rules.select(n);
};
const ukPlural = plural('uk');
const plPlural = plural('pl');

const en: LetterPhrases = {
  intlLocale: 'en-GB',
  greeting: (head) => (head ? `Dear ${head},` : 'Dear members of the council,'),
  headOfCouncil: 'the head of the council',
  councilOf: (place) => `Council of ${place}`,
  kinds: {
    twin_town: 'the twinning agreement',
    partner_city: 'the partnership agreement',
    cooperation_agreement: 'the agreement on cooperation',
    memorandum: 'the memorandum of cooperation',
    protocol_of_intent: 'the protocol of intent on cooperation',
    joint_statement: 'the joint statement on cooperation',
    other_agreement: 'the agreement',
    unknown: 'the twin or partner city tie',
  },
  agreement: ({ kind, partner, country, year }) => `${kind} with ${partner} (${country}${year ? `, signed in ${year}` : ''})`,
  others: (n) => (n === 1 ? 'one other' : `${n} others`),
  partnerFact: (n, partner, names) =>
    n === 1
      ? `Another council has already ended its tie with ${partner}: ${names}.`
      : `${n} other councils have already ended their ties with ${partner}: ${names}.`,
  countryFact: (n, country, names, exhaustive, besides) => {
    const tail = names ? (exhaustive ? `: ${names}` : `, among them ${names}`) : '';
    if (besides) {
      return n === 1
        ? `Besides them, one more council has ended its ties with towns and cities in ${country}${tail}.`
        : `Besides them, ${n} more councils have ended their ties with towns and cities in ${country}${tail}.`;
    }
    return n === 1
      ? `Another council has already ended its ties with towns and cities in ${country}${tail}.`
      : `${n} other councils have already ended their ties with towns and cities in ${country}${tail}.`;
  },
  truncationNote:
    '[The letter continues, but an email link cannot carry all of it. Please copy the full text from the letter page and paste it here in place of this note.]',
};

const uk: LetterPhrases = {
  intlLocale: 'uk',
  // Ukrainian addresses a person in the vocative, which the data cannot give for a name:
  // the name stands above the greeting as the addressee, the greeting itself is neutral.
  greeting: (head) => (head ? `${head}\nШановні пані та панове!` : 'Шановні пані та панове!'),
  headOfCouncil: 'голова ради',
  councilOf: (place) => `Рада міста ${place}`,
  kinds: {
    twin_town: 'угода про побратимство',
    partner_city: 'угода про партнерство',
    cooperation_agreement: 'угода про співпрацю',
    memorandum: 'меморандум про співпрацю',
    protocol_of_intent: 'протокол про наміри щодо співпраці',
    joint_statement: 'спільна заява про співпрацю',
    other_agreement: 'угода',
    unknown: 'побратимські чи партнерські зв’язки',
  },
  agreement: ({ kind, partner, country, year }) => `${kind} — ${partner} (${country}${year ? `, підписано ${year} року` : ''})`,
  others: (n) => `ще ${n}`,
  partnerFact: (n, partner, names) => {
    const form = ukPlural(n);
    const subject = n === 1 ? 'Ще одна рада вже розірвала' : form === 'one' ? `Ще ${n} рада вже розірвала` : form === 'few' ? `Ще ${n} ради вже розірвали` : `Ще ${n} рад уже розірвали`;
    return `${subject} зв’язки з цим партнером (${partner}): ${names}.`;
  },
  countryFact: (n, country, names, exhaustive, besides) => {
    const form = ukPlural(n);
    const subject = n === 1 ? 'ще одна рада розірвала' : form === 'one' ? `ще ${n} рада розірвала` : form === 'few' ? `ще ${n} ради розірвали` : `ще ${n} рад розірвали`;
    const tail = names ? (exhaustive ? `: ${names}` : `, серед них — ${names}`) : '';
    return besides ? `Крім них, ${subject} зв’язки з містами цієї країни (${country})${tail}.` : `${subject.charAt(0).toUpperCase()}${subject.slice(1)} зв’язки з містами цієї країни (${country})${tail}.`;
  },
  truncationNote: '[Лист не вмістився в посилання повністю. Будь ласка, скопіюйте повний текст зі сторінки листа і вставте його сюди замість цієї примітки.]',
};

const de: LetterPhrases = {
  intlLocale: 'de',
  // "Guten Tag" with the full name is the usual salutation when the person's gender is not known.
  greeting: (head) => (head ? `Guten Tag ${head},` : 'Sehr geehrte Damen und Herren,'),
  headOfCouncil: 'die Ratsvorsitzende oder der Ratsvorsitzende',
  councilOf: (place) => `Rat der Stadt ${place}`,
  kinds: {
    twin_town: 'die Städtepartnerschaft',
    partner_city: 'die Partnerschaftsvereinbarung',
    cooperation_agreement: 'die Kooperationsvereinbarung',
    memorandum: 'das Memorandum über Zusammenarbeit',
    protocol_of_intent: 'das Absichtsprotokoll über Zusammenarbeit',
    joint_statement: 'die Gemeinsame Erklärung über Zusammenarbeit',
    other_agreement: 'die Vereinbarung',
    unknown: 'die partnerschaftliche Verbindung',
  },
  agreement: ({ kind, partner, country, year }) => `${kind} mit ${partner} (${country}${year ? `, unterzeichnet ${year}` : ''})`,
  others: (n) => `${n} weitere`,
  partnerFact: (n, partner, names) =>
    n === 1
      ? `Eine weitere Kommune hat ihre Verbindung zu ${partner} bereits beendet: ${names}.`
      : `${n} weitere Kommunen haben ihre Verbindungen zu ${partner} bereits beendet: ${names}.`,
  countryFact: (n, country, names, exhaustive, besides) => {
    const tail = names ? (exhaustive ? `: ${names}` : `, darunter ${names}`) : '';
    if (besides) {
      return n === 1
        ? `Darüber hinaus hat eine weitere Kommune ihre Verbindungen zu Städten in ${country} beendet${tail}.`
        : `Darüber hinaus haben ${n} weitere Kommunen ihre Verbindungen zu Städten in ${country} beendet${tail}.`;
    }
    return n === 1
      ? `Eine andere Kommune hat ihre Verbindungen zu Städten in ${country} bereits beendet${tail}.`
      : `${n} andere Kommunen haben ihre Verbindungen zu Städten in ${country} bereits beendet${tail}.`;
  },
  truncationNote:
    '[Der Brief ist für diesen E-Mail-Link zu lang. Bitte kopieren Sie den vollständigen Text von der Briefseite und fügen Sie ihn hier anstelle dieses Hinweises ein.]',
};

const pl: LetterPhrases = {
  intlLocale: 'pl',
  // As in Ukrainian, the name is not declined: it stands above a neutral greeting.
  greeting: (head) => (head ? `${head}\nSzanowni Państwo,` : 'Szanowni Państwo,'),
  headOfCouncil: 'Przewodnicząca lub Przewodniczący Rady',
  councilOf: (place) => `Rada Miasta ${place}`,
  kinds: {
    twin_town: 'umowa o partnerstwie miast',
    partner_city: 'porozumienie o partnerstwie',
    cooperation_agreement: 'umowa o współpracy',
    memorandum: 'memorandum o współpracy',
    protocol_of_intent: 'protokół intencyjny o współpracy',
    joint_statement: 'wspólna deklaracja o współpracy',
    other_agreement: 'porozumienie',
    unknown: 'więzi partnerskie',
  },
  agreement: ({ kind, partner, country, year }) => `${kind} — ${partner} (${country}${year ? `, podpisano w ${year}\u00a0r.` : ''})`,
  others: (n) => {
    const form = plPlural(n);
    return form === 'one' ? `${n} inna` : form === 'few' ? `${n} inne` : `${n} innych`;
  },
  partnerFact: (n, partner, names) => {
    const form = plPlural(n);
    const subject = n === 1 ? 'Jeszcze jedna rada zerwała' : form === 'few' ? `Jeszcze ${n} rady zerwały` : `Jeszcze ${n} rad zerwało`;
    return `${subject} już więzi z tym partnerem (${partner}): ${names}.`;
  },
  countryFact: (n, country, names, exhaustive, besides) => {
    const form = plPlural(n);
    const subject = n === 1 ? 'jeszcze jedna rada zerwała' : form === 'few' ? `jeszcze ${n} rady zerwały` : `jeszcze ${n} rad zerwało`;
    const tail = names ? (exhaustive ? `: ${names}` : `, w tym ${names}`) : '';
    return besides ? `Ponadto ${subject} więzi z miastami tego kraju (${country})${tail}.` : `${subject.charAt(0).toUpperCase()}${subject.slice(1)} już więzi z miastami tego kraju (${country})${tail}.`;
  },
  truncationNote: '[List jest za długi, by zmieścić się w tym odnośniku e-mail. Skopiuj, proszę, pełny tekst ze strony listu i wklej go tutaj zamiast tej uwagi.]',
};

export const PHRASES: Readonly<Record<LetterLanguage, LetterPhrases>> = { en, uk, de, pl };
