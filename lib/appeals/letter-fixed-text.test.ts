import { describe, expect, it } from 'vitest';
import { europe2025Campaign } from '../../db/seed/europe-2025';
import { addressBlock, composeLetter } from './letter';
import type { LetterData, LetterTie } from './letter-data';
import type { LetterLanguage } from './templates';
import { FIXED_LETTERS } from './letter-fixed-text.expected';

/**
 * Letters read as a native reader of each language reads them: the whole text, fixed, for one
 * council (Gera, which holds ties with Pskov and Rostov-on-Don) with one tie and with two, in
 * Ukrainian, English, German and Polish. Any change to a template or a phrase shows here as a
 * change of the text someone has to read and approve.
 */
const NAMES = {
  gera: { uk: 'Гера', en: 'Gera', de: 'Gera', pl: 'Gera' },
  pskov: { uk: 'Псков', en: 'Pskov', de: 'Pskow', pl: 'Psków' },
  rostov: { uk: 'Ростов-на-Дону', en: 'Rostov-on-Don', de: 'Rostow am Don', pl: 'Rostów nad Donem' },
  russia: { uk: 'Росія', en: 'Russia', de: 'Russland', pl: 'Rosja' },
  germany: { uk: 'Німеччина', en: 'Germany', de: 'Deutschland', pl: 'Niemcy' },
  tartu: { uk: 'Тарту', en: 'Tartu', de: 'Tartu', pl: 'Tartu' },
  kiel: { uk: 'Кіль', en: 'Kiel', de: 'Kiel', pl: 'Kilonia' },
  hamburg: { uk: 'Гамбург', en: 'Hamburg', de: 'Hamburg', pl: 'Hamburg' },
  turku: { uk: 'Турку', en: 'Turku', de: 'Turku', pl: 'Turku' },
} as const;

export function gera(language: LetterLanguage, tieCount: 1 | 2): LetterData {
  const n = (key: keyof typeof NAMES) => NAMES[key][language];
  const russia = { code: 'RUS', name: n('russia') };
  const pskov: LetterTie = {
    id: 1,
    status: 'active',
    kind: 'twin_town',
    agreementTitle: null,
    signedOn: { date: '1990-01-01', precision: 'year' },
    signedYear: 1990,
    partner: { id: 101, name: n('pskov'), kind: 'settlement', country: russia },
    pledge: null,
  };
  const rostov: LetterTie = {
    id: 2,
    status: 'pledged',
    kind: 'twin_town',
    agreementTitle: null,
    signedOn: null,
    signedYear: null,
    partner: { id: 102, name: n('rostov'), kind: 'settlement', country: russia },
    pledge: { type: 'vote_scheduled', occurredOn: { date: '2026-01-15', precision: 'day' }, sessionOn: '2026-03-19' },
  };
  const pskovUnsigned = { ...pskov, signedOn: null, signedYear: null };
  return {
    language,
    council: {
      id: 7,
      slug: 'gera-deu',
      name: 'Gera City Council',
      localName: 'Stadt Gera',
      headName: null,
      languages: ['de'],
      contactEmails: ['rathaus@gera.example.de'],
      website: null,
      postalAddress: 'Kornmarkt 12\n07545 Gera',
    },
    place: { id: 100, name: n('gera'), country: { code: 'DEU', name: n('germany') } },
    ties: tieCount === 1 ? [pskov] : [pskovUnsigned, rostov],
    facts: {
      partners: [{ partner: { id: 101, name: n('pskov') }, severedCount: 2, named: [n('tartu'), n('turku')] }],
      countries: [{ country: russia, severedCount: 4, beyondPartnerFacts: 2, named: [n('kiel'), n('hamburg')] }],
    },
  };
}

// Ukrainian is offered everywhere (README, Appeals): the campaign's template family has it.
const europe = { ...europe2025Campaign(), languages: ['de', 'en', 'pl', 'uk'] };
const SIGNERS: Record<LetterLanguage, { name: string; city: string }> = {
  uk: { name: 'Олена Коваль', city: 'Лейпциг' },
  en: { name: 'Olena Koval', city: 'Leipzig' },
  de: { name: 'Anna Schmidt', city: 'Gera' },
  pl: { name: 'Jan Nowak', city: 'Lipsk' },
};

export function fixedLetter(language: LetterLanguage, ties: 1 | 2) {
  return composeLetter({ data: gera(language, ties), campaign: europe, language, signer: SIGNERS[language], personal: '' });
}

describe('letters to one council, with one tie and with two, in every template language', () => {
  for (const language of ['uk', 'en', 'de', 'pl'] as const) {
    for (const ties of [1, 2] as const) {
      it(`${language}, ${ties} tie${ties === 1 ? '' : 's'}: the text is exactly as approved`, () => {
        const letter = fixedLetter(language, ties);
        expect(`${letter.subject}\n\n${letter.body}`).toBe(FIXED_LETTERS[language][ties]);
      });
    }
  }

  it('puts the council’s postal address on paper and PDF', () => {
    expect(addressBlock(gera('de', 1), 'de')).toEqual(['Stadt Gera', 'Kornmarkt 12', '07545 Gera', 'rathaus@gera.example.de']);
  });
});
