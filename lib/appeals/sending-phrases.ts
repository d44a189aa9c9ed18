import { type LetterLanguage, isLetterLanguage } from './templates/phrases';

/**
 * The words the app adds around a letter when it sends it, in the letter's language (the council
 * reads them): the footer line saying who wrote it and how to answer, and the frame of the
 * daily digest. The letters themselves are the activists' words and are never changed.
 */
export type SendingPhrases = {
  /** Under a letter sent on its own: who wrote it, through which campaign, where replies go. */
  reason(signer: string, campaign: string): string;
  /** The digest's subject. */
  digestSubject(count: number): string;
  /** The digest's opening paragraph. */
  digestIntro(count: number): string;
  /** The line that opens each letter in the digest. */
  digestLetterHeading(index: number, count: number): string;
  /** Who wrote it and where to answer them. */
  digestFrom(signer: string, address: string): string;
  digestSubjectLine(subject: string): string;
  /** Under the digest. */
  digestReason(campaign: string): string;
};

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralOf(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

const en: SendingPhrases = {
  reason: (signer, campaign) =>
    `${signer} wrote this letter on Untwin, in the campaign “${campaign}”. Reply to this email and your answer goes straight to them.`,
  digestSubject: (n) => (n === 1 ? 'One resident wrote to you today' : `${n} residents wrote to you today`),
  digestIntro: (n) =>
    `${n === 1 ? 'One resident has' : `${n} residents have`} written to the council today about its twin and partner city ties with towns and cities in Russia or Belarus. ` +
    'So that the council is not flooded with emails, Untwin sends letters beyond a few a day together, once a day. Each letter below is one person’s own; to answer them, write to the address given with their letter.',
  digestLetterHeading: (i, n) => `— Letter ${i} of ${n} —`,
  digestFrom: (signer, address) => `From: ${signer} <${address}>`,
  digestSubjectLine: (subject) => `Subject: ${subject}`,
  digestReason: (campaign) => `These letters were written on Untwin, in the campaign “${campaign}”.`,
};

const uk: SendingPhrases = {
  reason: (signer, campaign) =>
    `Автор листа — ${signer}. Лист надіслано через Untwin у межах кампанії «${campaign}». Відповідь на цей лист надійде безпосередньо авторові.`,
  digestSubject: (n) => {
    switch (pluralOf('uk', n)) {
      case 'one':
        return `Сьогодні вам написав ${n} мешканець`;
      case 'few':
        return `Сьогодні вам написали ${n} мешканці`;
      default:
        return `Сьогодні вам написали ${n} мешканців`;
    }
  },
  digestIntro: (n) => {
    const who = pluralOf('uk', n) === 'one' ? `${n} мешканець звернувся` : pluralOf('uk', n) === 'few' ? `${n} мешканці звернулися` : `${n} мешканців звернулися`;
    return (
      `Сьогодні ${who} до ради щодо її зв’язків побратимства та партнерства з містами Росії чи Білорусі. ` +
      'Щоб не переповнювати пошту ради, Untwin надсилає листи понад кілька на день разом, раз на добу. Кожен лист нижче написала окрема людина; щоб відповісти їй, напишіть на адресу, зазначену біля її листа.'
    );
  },
  digestLetterHeading: (i, n) => `— Лист ${i} з ${n} —`,
  digestFrom: (signer, address) => `Від: ${signer} <${address}>`,
  digestSubjectLine: (subject) => `Тема: ${subject}`,
  digestReason: (campaign) => `Ці листи написано на Untwin у межах кампанії «${campaign}».`,
};

const de: SendingPhrases = {
  reason: (signer, campaign) =>
    `Diesen Brief hat ${signer} auf Untwin im Rahmen der Kampagne „${campaign}“ geschrieben. Eine Antwort auf diese E-Mail geht direkt an die Person, die ihn geschrieben hat.`,
  digestSubject: (n) => (n === 1 ? 'Heute hat Ihnen eine Einwohnerin oder ein Einwohner geschrieben' : `Heute haben Ihnen ${n} Einwohnerinnen und Einwohner geschrieben`),
  digestIntro: (n) =>
    `${n === 1 ? 'Heute hat sich eine Person' : `Heute haben sich ${n} Personen`} wegen der Städtepartnerschaften und Partnerschaften mit Städten in Russland oder Belarus an den Rat gewandt. ` +
    'Damit der Rat nicht mit E-Mails überhäuft wird, sendet Untwin Briefe über einige wenige pro Tag hinaus gesammelt einmal am Tag. Jeder Brief unten stammt von einer einzelnen Person; um ihr zu antworten, schreiben Sie an die Adresse bei ihrem Brief.',
  digestLetterHeading: (i, n) => `— Brief ${i} von ${n} —`,
  digestFrom: (signer, address) => `Von: ${signer} <${address}>`,
  digestSubjectLine: (subject) => `Betreff: ${subject}`,
  digestReason: (campaign) => `Diese Briefe wurden auf Untwin im Rahmen der Kampagne „${campaign}“ geschrieben.`,
};

const pl: SendingPhrases = {
  reason: (signer, campaign) =>
    `Autor listu: ${signer}. List wysłano przez Untwin w ramach kampanii „${campaign}”. Odpowiedź na tę wiadomość trafi bezpośrednio do autora.`,
  digestSubject: (n) => {
    switch (pluralOf('pl', n)) {
      case 'one':
        return 'Dziś napisał do Państwa 1 mieszkaniec';
      case 'few':
        return `Dziś napisali do Państwa ${n} mieszkańcy`;
      default:
        return `Dziś napisało do Państwa ${n} mieszkańców`;
    }
  },
  digestIntro: (n) => {
    const who = pluralOf('pl', n) === 'one' ? '1 mieszkaniec zwrócił się' : pluralOf('pl', n) === 'few' ? `${n} mieszkańcy zwrócili się` : `${n} mieszkańców zwróciło się`;
    return (
      `Dziś ${who} do rady w sprawie jej umów partnerskich z miastami w Rosji lub na Białorusi. ` +
      'Aby nie zasypywać rady wiadomościami, Untwin wysyła listy ponad kilka dziennie razem, raz na dobę. Każdy list poniżej napisała inna osoba; aby jej odpowiedzieć, proszę pisać na adres podany przy jej liście.'
    );
  },
  digestLetterHeading: (i, n) => `— List ${i} z ${n} —`,
  digestFrom: (signer, address) => `Od: ${signer} <${address}>`,
  digestSubjectLine: (subject) => `Temat: ${subject}`,
  digestReason: (campaign) => `Te listy napisano w serwisie Untwin w ramach kampanii „${campaign}”.`,
};

export const SENDING_PHRASES: Record<LetterLanguage, SendingPhrases> = { en, uk, de, pl };

/** The phrases for a letter language; English for one the app has no words in. */
export function sendingPhrases(language: string): SendingPhrases {
  return SENDING_PHRASES[isLetterLanguage(language) ? language : 'en'];
}
