import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../db/seed/run-seed';
import { catalogues } from '../../messages';
import { TIE_KINDS } from '../places/kinds';
import { describeEachEngine } from '../testing/test-database';
import { type CouncilPage, councilNameIn, getCouncilPage } from './council-page';
import { TIE_EVENT_TYPES } from './lifecycle';

const TRANSPARENT_CITIES = '000_2d2a49441774a397.txt';
const WIKIPEDIA = '001_6f1cc70905dcdfcc.txt';
const VKURIER = '004_3cef8f2bbfce6ba9.txt';

function tieTo(page: CouncilPage | null, partnerSlug: string) {
  const tie = page?.ties.find((t) => t.partner.slug === partnerSlug);
  if (!tie) throw new Error(`no tie to ${partnerSlug} on ${page?.council.slug}`);
  return tie;
}

describeEachEngine('council page', ({ db }) => {
  beforeAll(async () => {
    await seedDatabase(db());
  });

  it('shows Chernihiv’s tie with Homiel as severed, with every event of the article and its words', async () => {
    const page = await getCouncilPage(db(), 'chernihiv-ukr', { locale: 'en' });
    expect(page?.council.name).toEqual({ text: 'Chernihiv City Council', lang: 'en' });
    expect(page?.place).toMatchObject({ slug: 'chernihiv-ukr', name: 'Chernihiv', country: { code: 'UKR', name: 'Ukraine' } });
    expect(page?.place.region?.name).toBe('Chernihiv Oblast');
    expect(page?.ties).toHaveLength(1);

    const homiel = tieTo(page, 'gomel-blr');
    expect(homiel.status).toBe('severed');
    expect(homiel.inForce).toBe(false);
    expect(homiel.partner.country.name).toBe('Belarus');
    expect(homiel.partner.spellings.map((s) => s.name)).toEqual(expect.arrayContaining(['Gomel', 'Homiel', 'Гомель']));

    expect(homiel.events.map((e) => e.type)).toEqual(['recorded', 'appealed', 'vote_scheduled', 'severed']);
    expect(homiel.events.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
    const severed = homiel.events.at(-1)!;
    expect(severed).toMatchObject({
      fromStatus: 'pledged',
      toStatus: 'severed',
      occurredOn: { date: '2022-06-27', precision: 'day' },
      // The update of 27 June reports it as done by then.
      occurredByDate: true,
    });
    expect(severed.source).toMatchObject({
      seedDocument: TRANSPARENT_CITIES,
      url: null,
      publisher: 'Transparent Cities programme (Transparency International Ukraine)',
      publishedOn: { date: '2022-05-26', precision: 'day' },
      language: 'en',
    });
    expect(severed.source?.title).toMatch(/^Twin municipalities of Ukrainian cities/);
    expect(severed.quote).toContain('officially ceased cooperation');
    expect(severed.quote).toContain('Chernihiv');
    expect(severed.quote).toContain('Homiel');
    // The first event is dated by the article's data (as of 2 May), not "on or before".
    expect(homiel.events[0]).toMatchObject({ occurredOn: { date: '2022-05-02', precision: 'day' }, occurredByDate: false });
    expect(page?.conflicts).toEqual([]);
  });

  it('names the council and its places in Ukrainian on Ukrainian pages', async () => {
    const page = await getCouncilPage(db(), 'chernihiv-ukr', { locale: 'uk' });
    expect(page?.council.name).toEqual({ text: 'Чернігівська міська рада', lang: 'uk' });
    expect(page?.place.name).toBe('Чернігів');
    expect(page?.place.country.name).toBe('Україна');
    expect(page?.place.region?.name).toBe('Чернігівська область');
    expect(tieTo(page, 'gomel-blr').partner).toMatchObject({ name: 'Гомель', country: { name: 'Білорусь' } });
  });

  it('shows Cologne’s conflicting claims, both sources with their words, on both ties', async () => {
    const page = await getCouncilPage(db(), 'cologne-deu', { locale: 'en' });
    const stPetersburg = tieTo(page, 'saint-petersburg-rus');
    const volgograd = tieTo(page, 'volgograd-rus');
    expect(stPetersburg.status).toBe('severed');
    expect(stPetersburg.events[0]).toMatchObject({ occurredOn: { date: '2025-03-01', precision: 'month' } });
    expect(stPetersburg.events[0]?.source).toMatchObject({ seedDocument: VKURIER, language: 'ru' });
    expect(volgograd.status).toBe('active');
    // In force first.
    expect(page?.ties.map((t) => t.partner.slug)).toEqual(['volgograd-rus', 'saint-petersburg-rus']);

    expect(page?.conflicts).toHaveLength(1);
    const conflict = page!.conflicts[0]!;
    expect(conflict).toMatchObject({ kind: 'conflicting_claims', state: 'open', otherQuote: 'GER Cologne, Germany', otherQuoteListedUnder: 'Volgograd' });
    expect(conflict.quote).toContain('Кёльн разорвал договор с Санкт-Петербургом');
    expect(conflict.source).toMatchObject({ seedDocument: VKURIER, language: 'ru' });
    expect(conflict.otherSource).toMatchObject({ seedDocument: WIKIPEDIA, title: 'List of twin towns and sister cities in Russia', language: 'en' });
    expect(conflict.tieIds.sort()).toEqual([stPetersburg.id, volgograd.id].sort());
    expect(stPetersburg.conflictIds).toEqual([conflict.id]);
    expect(volgograd.conflictIds).toEqual([conflict.id]);
  });

  it('shows the open questions the sources leave about a council, with the source’s words', async () => {
    const page = await getCouncilPage(db(), 'lutsk-ukr', { locale: 'en' });
    expect(page?.ambiguities).toHaveLength(1);
    const question = page!.ambiguities[0]!;
    expect(question.kind).toBe('ambiguous_claim');
    expect(question.summary).toContain('Lutsk');
    expect(question.quote).toContain('Kovel, Lutsk, Mykolayiv, Poltava, Chernihiv');
    expect(question.source?.seedDocument).toBe(TRANSPARENT_CITIES);

    const kamianske = await getCouncilPage(db(), 'kamianske-ukr', { locale: 'en' });
    expect(kamianske?.ambiguities.map((a) => a.summary).join(' ')).toContain('Kamianka');
    expect(kamianske?.ambiguities.flatMap((a) => a.moreQuotes).join(' ')).toContain('Babruysk');
  });

  it('shows Shostka’s unnamed Belarusian partner as such, in force, with something left to ask', async () => {
    const en = await getCouncilPage(db(), 'shostka-ukr', { locale: 'en' });
    const tie = en!.ties.find((t) => t.partner.unnamed)!;
    expect(tie.partner).toMatchObject({ name: 'a Belarusian partner the source does not name', country: { code: 'BLR' } });
    expect(tie.inForce).toBe(true);
    expect(en).toMatchObject({ situation: 'holds' });
    expect(en!.askable).toBeGreaterThanOrEqual(1);
    const uk = await getCouncilPage(db(), 'shostka-ukr', { locale: 'uk' });
    expect(uk!.ties.find((t) => t.partner.unnamed)?.partner.name).toBe('білоруський партнер, якого джерело не називає');
  });

  it('shows Lutsk’s severance of June 2022, of a partner the update does not name', async () => {
    const page = await getCouncilPage(db(), 'lutsk-ukr', { locale: 'en' });
    const tie = page!.ties.find((t) => t.partner.unnamed)!;
    expect(tie.status).toBe('severed');
    const severed = tie.events.find((e) => e.type === 'severed' || (e.type === 'recorded' && e.toStatus === 'severed'))!;
    expect(severed.occurredOn).toEqual({ date: '2022-06-27', precision: 'day' });
    expect(severed.counts).toBe(true);
  });

  it('says Mariupol cannot act now, not that nothing is left to ask', async () => {
    const page = await getCouncilPage(db(), 'mariupol-ukr', { locale: 'en' });
    expect(page!.ties.every((t) => t.status === 'occupied')).toBe(true);
    expect(page).toMatchObject({ situation: 'blocked', askable: 0, figures: { blocked: page!.ties.length, closed: 0, inForce: 0 } });
  });

  it('shows the claim that Lithuania’s cities ended such ties on Vilnius’s tie, confirmed by nobody, and offers no letter', async () => {
    const page = await getCouncilPage(db(), 'vilnius-ltu', { locale: 'en' });
    const tie = tieTo(page, 'kaliningrad-rus');
    expect(tie.status).toBe('active');
    expect(tie.confirmation).toMatchObject({ confirmed: false });
    expect(tie.countryClaims).toEqual([expect.objectContaining({ kind: 'ended', country: { code: 'LTU', name: 'Lithuania' }, occurredOn: { date: '2022-01-01', precision: 'year' } })]);
    expect(tie.countryClaims[0]!.quote).toContain('Литва');
    expect(tie.canAskToEnd).toBe(false);
    expect(tie.signedOn).toEqual({ date: '2000-01-01', precision: 'year' });
    expect(page).toMatchObject({ situation: 'holds', askable: 0 });
  });

  it('has no name for a council the data does not name, and nothing for an unknown slug', async () => {
    const portland = await getCouncilPage(db(), 'portland-us-or-usa', { locale: 'en' });
    expect(portland?.council.name).toBeNull();
    expect(tieTo(portland, 'khabarovsk-rus').status).toBe('appealed');
    expect(await getCouncilPage(db(), 'no-such-council', { locale: 'en' })).toBeNull();
  });
});

describe('councilNameIn', () => {
  const cologne = { name: 'Cologne City Council', localName: 'Rat der Stadt Köln', languages: ['de'] };
  const chernihiv = { name: 'Chernihiv City Council', localName: 'Чернігівська міська рада', languages: ['uk'] };

  it('uses the local name on Ukrainian pages only for a Ukrainian-speaking council', () => {
    expect(councilNameIn(chernihiv, 'uk')).toEqual({ text: 'Чернігівська міська рада', lang: 'uk' });
    expect(councilNameIn(chernihiv, 'en')).toEqual({ text: 'Chernihiv City Council', lang: 'en' });
    expect(councilNameIn(cologne, 'uk')).toEqual({ text: 'Cologne City Council', lang: 'en' });
  });

  it('falls back to the English name, then to nothing', () => {
    expect(councilNameIn({ ...chernihiv, localName: null }, 'uk')).toEqual({ text: 'Chernihiv City Council', lang: 'en' });
    expect(councilNameIn({ name: null, localName: null, languages: ['en'] }, 'en')).toBeNull();
  });
});

describe('council page messages', () => {
  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('translates every event type and agreement kind in %s', (locale) => {
    const messages = catalogues[locale];
    expect(Object.keys(messages.Event).sort()).toEqual([...TIE_EVENT_TYPES].sort());
    expect(Object.keys(messages.AgreementKind).sort()).toEqual([...TIE_KINDS].sort());
    for (const text of [...Object.values(messages.Event), ...Object.values(messages.AgreementKind)]) expect(text.trim()).not.toBe('');
  });

  it('words each event differently', () => {
    for (const messages of Object.values(catalogues)) expect(new Set(Object.values(messages.Event)).size).toBe(TIE_EVENT_TYPES.length);
  });
});
