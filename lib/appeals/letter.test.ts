import { describe, expect, it } from 'vitest';
import { europe2025Campaign } from '../../db/seed/europe-2025';
import { ukraine2022Campaign } from '../../db/seed/ukraine-2022';
import { usMayors2022Campaign } from '../../db/seed/us-mayors-2022';
import { addressBlock, compileOrganiserTemplate, composeLetter, letterDate, letterLanguages } from './letter';
import type { LetterData, LetterTie } from './letter-data';

const ukraine = ukraine2022Campaign();
const europe = europe2025Campaign();
const usMayors = usMayors2022Campaign();

function tie(partner: string, country: { code: string; name: string }, extra: Partial<LetterTie> = {}): LetterTie {
  return {
    id: 1,
    status: 'active',
    kind: 'twin_town',
    agreementTitle: null,
    signedOn: null,
    signedYear: null,
    partner: { id: 100, name: partner, kind: 'settlement', country },
    pledge: null,
    ...extra,
  };
}

function chernihiv(language: 'uk' | 'en', head: string | null = null): LetterData {
  const uk = language === 'uk';
  const belarus = { code: 'BLR', name: uk ? 'Білорусь' : 'Belarus' };
  return {
    language,
    council: {
      id: 1,
      slug: 'chernihiv-ukr',
      name: 'Chernihiv City Council',
      localName: 'Чернігівська міська рада',
      headName: head,
      languages: ['uk'],
      contactEmails: ['rada@chernigiv-rada.gov.ua'],
      website: null,
    },
    place: { id: 10, name: uk ? 'Чернігів' : 'Chernihiv', country: { code: 'UKR', name: uk ? 'Україна' : 'Ukraine' } },
    ties: [tie(uk ? 'Гомель' : 'Gomel', belarus, { signedYear: 1997, signedOn: { date: '1997-01-01', precision: 'year' } })],
    facts: {
      partners: [{ partner: { id: 100, name: uk ? 'Гомель' : 'Gomel' }, severedCount: 2, named: uk ? ['Ковель', 'Житомир'] : ['Kovel', 'Zhytomyr'] }],
      countries: [{ country: belarus, severedCount: 9, beyondPartnerFacts: 7, named: uk ? ['Полтава', 'Луцьк'] : ['Poltava', 'Lutsk'] }],
    },
  };
}

function cologne(language: 'de' | 'en' | 'pl', head: string | null = null): LetterData {
  const russia = { code: 'RUS', name: { de: 'Russland', en: 'Russia', pl: 'Rosja' }[language] };
  return {
    language,
    council: {
      id: 2,
      slug: 'cologne-deu',
      name: 'Cologne City Council',
      localName: 'Rat der Stadt Köln',
      headName: head,
      languages: ['de'],
      contactEmails: [],
      website: null,
    },
    place: { id: 20, name: language === 'de' ? 'Köln' : language === 'pl' ? 'Kolonia' : 'Cologne', country: { code: 'DEU', name: 'Deutschland' } },
    ties: [tie(language === 'de' ? 'Wolgograd' : 'Volgograd', russia, { signedYear: 1988, kind: 'partner_city' })],
    facts: { partners: [], countries: [] },
  };
}

const signer = { name: 'Olena Koval', city: 'Zhytomyr' };

describe('letterLanguages', () => {
  it('offers the campaign’s languages with the council’s own first', () => {
    expect(letterLanguages(ukraine, { languages: ['uk'] })).toEqual(['uk', 'en']);
    expect(letterLanguages(europe, { languages: ['de'] })).toEqual(['de', 'en', 'pl']);
    expect(letterLanguages(europe, { languages: ['pl'] })).toEqual(['pl', 'en', 'de']);
    // A French council: the campaign does not offer French, so its first language leads.
    expect(letterLanguages(europe, { languages: ['fr'] })).toEqual(['en', 'de', 'pl']);
    expect(letterLanguages(usMayors, { languages: ['en'] })).toEqual(['en']);
    // A campaign that lists no languages offers all its templates have.
    expect(letterLanguages({ slug: 'new-one', countries: ['UKR'], languages: [] }, { languages: ['uk'] })).toEqual(['uk', 'en']);
  });
});

describe('composeLetter', () => {
  it('writes to a Ukrainian council in Ukrainian by default, with the data and the facts', () => {
    const [language] = letterLanguages(ukraine, chernihiv('uk').council);
    const letter = composeLetter({ data: chernihiv('uk'), campaign: ukraine, language: language!, signer: { name: 'Олена Коваль', city: 'Житомир' }, personal: '' });
    expect(letter.language).toBe('uk');
    expect(letter.subject).toBe('Звернення щодо розірвання побратимських і партнерських зв’язків (Гомель, Білорусь)');
    const paragraphs = letter.body.split('\n\n');
    expect(paragraphs[0]).toBe('Шановні пані та панове!');
    expect(letter.body).toContain('За відкритими даними, досі чинна угода про побратимство з містом Гомель (Білорусь, підписано 1997 року).');
    expect(paragraphs).toContain(
      'Ще 2 ради вже розірвали зв’язки з цим партнером (Гомель): Ковель і Житомир. Крім них, ще 7 рад розірвали зв’язки з містами цієї країни (Білорусь), серед них — Полтава і Луцьк.',
    );
    expect(paragraphs.at(-1)).toBe('З повагою\nОлена Коваль\nЖитомир');
    // No personal paragraph: no empty paragraph left behind.
    expect(letter.body).not.toMatch(/\n{3,}/);
    expect(letter.body).not.toMatch(/[{}]/);
  });

  it('writes in English when the activist chooses it, to the council by its English name', () => {
    const letter = composeLetter({ data: chernihiv('en'), campaign: ukraine, language: 'en', signer, personal: 'I grew up in Chernihiv.\n\nMy family still lives there.' });
    expect(letter.subject).toBe('Request to end twin and partner city ties (Gomel, Belarus)');
    expect(letter.body).toContain('I am writing to Chernihiv City Council about the ties');
    expect(letter.body).toContain('According to public records, the twinning agreement with Gomel (Belarus, signed in 1997) is still in force.');
    expect(letter.body).toContain(
      '2 other councils have already ended their ties with Gomel: Kovel and Zhytomyr. Besides them, 7 more councils have ended their ties with towns and cities in Belarus, among them Poltava and Lutsk.',
    );
    expect(letter.body).toContain('so that the public record of Chernihiv is accurate.');
    expect(letter.body).toContain('\n\nI grew up in Chernihiv.\n\nMy family still lives there.\n\nYours sincerely,\nOlena Koval\nZhytomyr');
  });

  it('greets the head of the council by name when the data has one', () => {
    const en = composeLetter({ data: chernihiv('en', 'Vladyslav Atroshenko'), campaign: ukraine, language: 'en', signer, personal: '' });
    expect(en.body.split('\n\n')[0]).toBe('Dear Vladyslav Atroshenko,');
    const enFallback = composeLetter({ data: chernihiv('en'), campaign: ukraine, language: 'en', signer, personal: '' });
    expect(enFallback.body.split('\n\n')[0]).toBe('Dear members of the council,');
    // Ukrainian names would need the vocative: the name stands above a neutral greeting.
    const uk = composeLetter({ data: chernihiv('uk', 'Владислав Атрошенко'), campaign: ukraine, language: 'uk', signer, personal: '' });
    expect(uk.body.split('\n\n')[0]).toBe('Владислав Атрошенко\nШановні пані та панове!');
    const de = composeLetter({ data: cologne('de', 'Henriette Reker'), campaign: europe, language: 'de', signer, personal: '' });
    expect(de.body.split('\n\n')[0]).toBe('Guten Tag Henriette Reker,');
    const deFallback = composeLetter({ data: cologne('de'), campaign: europe, language: 'de', signer, personal: '' });
    expect(deFallback.body.split('\n\n')[0]).toBe('Sehr geehrte Damen und Herren,');
  });

  it('writes to a German council in German in the Europe 2025 campaign', () => {
    const [language] = letterLanguages(europe, cologne('de').council);
    expect(language).toBe('de');
    const letter = composeLetter({ data: cologne('de'), campaign: europe, language: 'de', signer: { name: 'Anna Schmidt', city: 'Köln' }, personal: '' });
    expect(letter.subject).toBe('Köln: Beendigung der Partnerschaft mit Wolgograd');
    expect(letter.body).toContain('ich bitte Sie, die noch bestehenden Verbindungen Ihrer Stadt mit Wolgograd (Russland) zu beenden.');
    expect(letter.body).toContain('Nach öffentlich zugänglichen Angaben besteht die Partnerschaftsvereinbarung mit Wolgograd (Russland, unterzeichnet 1988) weiterhin.');
    // No facts in the data: no facts paragraph, and no vague claim ("viele Kommunen") in its place.
    expect(letter.body).toContain('mit besetzten ukrainischen Städten.\n\nDie Beendigung richtet sich');
    expect(letter.body).not.toContain('viele Kommunen');
    expect(letter.body.endsWith('Mit freundlichen Grüßen\nAnna Schmidt\nKöln')).toBe(true);
  });

  it('writes in Polish to the council by its official name when the campaign offers Polish', () => {
    const letter = composeLetter({ data: cologne('pl'), campaign: europe, language: 'pl', signer: { name: 'Jan Nowak', city: 'Kraków' }, personal: '' });
    expect(letter.subject).toBe('Zakończenie partnerstwa: Kolonia – Volgograd');
    expect(letter.body.split('\n\n')[0]).toBe('Szanowni Państwo,');
    // "1988 r." never splits across lines: a no-break space holds the year and its abbreviation together.
    expect(letter.body).toContain('Według publicznie dostępnych danych nadal obowiązuje porozumienie o partnerstwie z miastem Volgograd (Rosja, podpisano w 1988\u00a0r.).');
    expect(addressBlock(cologne('pl'), 'pl')[0]).toBe('Rat der Stadt Köln');
    expect(addressBlock(cologne('en', 'Henriette Reker'), 'en')).toEqual(['Cologne City Council', 'Henriette Reker', 'Cologne, Deutschland']);
  });

  it('counts in each language’s plural forms and shortens long lists of names', () => {
    const many = (language: 'uk' | 'en', count: number): LetterData => {
      const data = chernihiv(language);
      data.facts = {
        partners: [{ partner: { id: 100, name: 'Гомель' }, severedCount: count, named: ['А', 'Б', 'В', 'Г', 'Д'].slice(0, Math.min(count, 5)) }],
        countries: [],
      };
      return data;
    };
    const facts = (count: number) =>
      composeLetter({ data: many('uk', count), campaign: ukraine, language: 'uk', signer, personal: '' }).body.split('\n\n').find((p) => p.startsWith('Ще'));
    expect(facts(1)).toBe('Ще одна рада вже розірвала зв’язки з цим партнером (Гомель): А.');
    expect(facts(3)).toBe('Ще 3 ради вже розірвали зв’язки з цим партнером (Гомель): А, Б і В.');
    expect(facts(7)).toBe('Ще 7 рад уже розірвали зв’язки з цим партнером (Гомель): А, Б, В, Г, Д і ще 2.');
    expect(facts(21)).toBe('Ще 21 рада вже розірвала зв’язки з цим партнером (Гомель): А, Б, В, Г, Д і ще 16.');
    const en = composeLetter({ data: many('en', 6), campaign: ukraine, language: 'en', signer, personal: '' });
    expect(en.body).toContain('6 other councils have already ended their ties with Гомель: А, Б, В, Г, Д and one other.');
  });

  it('names every partner and agreement of a letter about several ties', () => {
    const data = chernihiv('en');
    data.ties = [
      ...data.ties,
      tie('Mozyr', { code: 'BLR', name: 'Belarus' }, { id: 2, kind: 'cooperation_agreement' }),
      tie('Kursk', { code: 'RUS', name: 'Russia' }, { id: 3, kind: 'unknown' }),
    ];
    const letter = composeLetter({ data, campaign: ukraine, language: 'en', signer, personal: '' });
    expect(letter.subject).toBe('Request to end twin and partner city ties (Gomel, Mozyr and Kursk, Belarus and Russia)');
    expect(letter.body).toContain(
      'According to public records, the following are still in force: the twinning agreement with Gomel (Belarus, signed in 1997), the agreement on cooperation with Mozyr (Belarus) and the twin or partner city tie with Kursk (Russia).',
    );
  });

  it('keeps the signer’s name and city on their lines and the personal text as written', () => {
    const letter = composeLetter({
      data: chernihiv('en'),
      campaign: ukraine,
      language: 'en',
      signer: { name: 'Olena\r\nKoval  ', city: ' Zhytomyr\n' },
      personal: '  I write as a mother of two. {facts}\r\n\r\n\r\n<b>Please</b> & thank you.  ',
    });
    expect(letter.body).toContain('\n\nI write as a mother of two. {facts}\n\n<b>Please</b> & thank you.\n\nYours sincerely,\nOlena Koval\nZhytomyr');
  });

  it('writes only in the languages the campaign offers, from data read in that language', () => {
    expect(() => composeLetter({ data: chernihiv('uk'), campaign: usMayors, language: 'uk', signer, personal: '' })).toThrow(/offers letters in en/);
    expect(() => composeLetter({ data: chernihiv('uk'), campaign: ukraine, language: 'en', signer, personal: '' })).toThrow(/read in “uk”/);
    expect(() => composeLetter({ data: cologne('de'), campaign: europe, language: 'fr', signer, personal: '' })).toThrow(/not “fr”/);
  });

  it('uses an organiser’s template once it is checked, and says where an unknown fill-in is', () => {
    const broken = compileOrganiserTemplate({ subject: 'About {partner}', body: '{greeting}\n\nPlease end it, {mayorName}.' });
    expect(broken).toMatchObject({ ok: false, subjectErrors: [], bodyErrors: [{ code: 'unknown_fill_in', name: 'mayorName', line: 3, column: 16 }] });
    const checked = compileOrganiserTemplate({ subject: 'About {partner} and {place}', body: '{greeting}\n\nPlease end {agreement}.\n\n{facts}\n\n{signerName}' });
    if (!checked.ok) throw new Error('the template should be valid');
    const letter = composeLetter({ data: chernihiv('en'), campaign: ukraine, language: 'en', signer, personal: '', template: checked.template });
    expect(letter).toEqual({
      language: 'en',
      subject: 'About Gomel and Chernihiv',
      body:
        'Dear members of the council,\n\nPlease end the twinning agreement with Gomel (Belarus, signed in 1997).\n\n2 other councils have already ended their ties with Gomel: Kovel and Zhytomyr. Besides them, 7 more councils have ended their ties with towns and cities in Belarus, among them Poltava and Lutsk.\n\nOlena Koval',
    });
  });
});

describe('letterDate', () => {
  it('writes the date as the letter’s language does', () => {
    const day = new Date('2025-05-12T10:00:00Z');
    expect(letterDate(day, 'uk', 'UKR')).toBe('12 травня 2025 р.');
    expect(letterDate(day, 'de', 'DEU')).toBe('12. Mai 2025');
    expect(letterDate(day, 'pl', 'POL')).toBe('12 maja 2025');
    expect(letterDate(day, 'en', 'UKR')).toBe('12 May 2025');
    expect(letterDate(day, 'en', 'USA')).toBe('May 12, 2025');
  });
});
