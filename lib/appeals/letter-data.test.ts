import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { councils } from '../../db/schema';
import { ukraine2022Campaign } from '../../db/seed/ukraine-2022';
import { createCouncil, createPlace, createSource } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTie } from '../ties/record-tie';
import type { TieStatus } from '../ties/lifecycle';
import { composeLetter } from './letter';
import { loadLetterData } from './letter-data';

const system = { kind: 'system', label: 'test' } as const;

/**
 * Seed-like data around Gomel: Zhytomyr still holds its twinning with Gomel; Chernihiv and
 * Kovel severed theirs (Chernihiv most recently), Lutsk still holds one; Poltava severed a tie
 * with another Belarusian city; a Russian town's severed tie with Gomel is not a council's.
 */
async function gomelStory(db: Database) {
  const source = await createSource(db);
  const place = (name: string, ukName: string, country = 'UKR') => createPlace(db, { name, ukName, country });
  const tie = async (placeId: number, partnerId: number, status: TieStatus, extra: { at?: string; kind?: 'twin_town'; signed?: string } = {}) => {
    const recorded = await recordTie(db, system, {
      placeId,
      partnerId,
      status,
      kind: extra.kind ?? 'unknown',
      signed: extra.signed ? { date: `${extra.signed}-01-01`, precision: 'year' } : null,
      sourceId: source.id,
      occurred: { date: extra.at ?? '2022-05-02', precision: 'day' },
      ...(extra.at ? { recordedAt: new Date(`${extra.at}T12:00:00Z`) } : {}),
    });
    if (!recorded.ok) throw new Error(recorded.message);
    return recorded.tieId;
  };

  const gomel = await place('Gomel', 'Гомель', 'BLR');
  const mozyr = await place('Mozyr', 'Мозир', 'BLR');
  const moscow = await place('Moscow', 'Москва', 'RUS');
  const bryansk = await place('Bryansk', 'Брянськ', 'RUS');
  const zhytomyr = await place('Zhytomyr', 'Житомир');
  const chernihiv = await place('Chernihiv', 'Чернігів');
  const kovel = await place('Kovel', 'Ковель');
  const lutsk = await place('Lutsk', 'Луцьк');
  const poltava = await place('Poltava', 'Полтава');

  const council = await createCouncil(db, zhytomyr.id, { name: 'Zhytomyr City Council' });
  await db
    .update(councils)
    .set({ localName: 'Житомирська міська рада', headName: 'Сергій Сухомлин', contactEmails: ['rada@zt-rada.gov.ua'] })
    .where(eq(councils.id, council.id));
  const chernihivCouncil = await createCouncil(db, chernihiv.id);

  const gomelTie = await tie(zhytomyr.id, gomel.id, 'active', { kind: 'twin_town', signed: '1997' });
  const moscowTie = await tie(zhytomyr.id, moscow.id, 'severed', { at: '2022-03-01' });
  const chernihivTie = await tie(chernihiv.id, gomel.id, 'severed', { at: '2022-06-27' });
  await tie(kovel.id, gomel.id, 'severed', { at: '2022-05-25' });
  await tie(lutsk.id, gomel.id, 'active');
  await tie(poltava.id, mozyr.id, 'severed', { at: '2022-06-20' });
  await tie(bryansk.id, gomel.id, 'severed', { at: '2022-07-01' });
  return { council, chernihivCouncil, gomelTie, moscowTie, chernihivTie };
}

describeEachEngine('loadLetterData', ({ db }) => {
  let story: Awaited<ReturnType<typeof gomelStory>>;
  beforeAll(async () => {
    story = await gomelStory(db());
  });

  it('reads the council, its tie in force with the partner in Ukrainian, and the facts from the data', async () => {
    const result = await loadLetterData(db(), { councilId: story.council.id, locale: 'uk' });
    if (!result.ok) throw new Error(result.message);
    const { data } = result;
    expect(data.council).toMatchObject({
      name: 'Zhytomyr City Council',
      localName: 'Житомирська міська рада',
      headName: 'Сергій Сухомлин',
      languages: ['uk'],
      contactEmails: ['rada@zt-rada.gov.ua'],
    });
    expect(data.place).toMatchObject({ name: 'Житомир', country: { code: 'UKR', name: 'Україна' } });
    // The severed Moscow tie is not something to appeal about.
    expect(data.ties).toEqual([
      {
        id: story.gomelTie,
        status: 'active',
        kind: 'twin_town',
        agreementTitle: null,
        signedOn: { date: '1997-01-01', precision: 'year' },
        signedYear: 1997,
        partner: expect.objectContaining({ name: 'Гомель', kind: 'settlement', country: { code: 'BLR', name: 'Білорусь' } }),
        pledge: null,
      },
    ]);
    // Chernihiv severed most recently, then Kovel; Lutsk still holds its tie; the Russian town
    // does not count; Poltava left another Belarusian city.
    expect(data.facts.partners).toEqual([{ partner: { id: data.ties[0]!.partner.id, name: 'Гомель' }, severedCount: 2, named: ['Чернігів', 'Ковель'] }]);
    expect(data.facts.countries).toEqual([
      { country: { code: 'BLR', name: 'Білорусь' }, severedCount: 3, beyondPartnerFacts: 1, named: ['Полтава'] },
    ]);
  });

  it('gives the names in English for an English letter', async () => {
    const result = await loadLetterData(db(), { councilId: story.council.id, tieIds: [story.gomelTie], locale: 'en' });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.place.name).toBe('Zhytomyr');
    expect(result.data.ties[0]!.partner).toMatchObject({ name: 'Gomel', country: { name: 'Belarus' } });
    expect(result.data.facts.partners[0]!.named).toEqual(['Chernihiv', 'Kovel']);
  });

  it('puts the facts in the letter: the two councils that severed their ties with Gomel, and not the one that holds it', async () => {
    const result = await loadLetterData(db(), { councilId: story.council.id, locale: 'uk' });
    if (!result.ok) throw new Error(result.message);
    const letter = composeLetter({
      data: result.data,
      campaign: ukraine2022Campaign(),
      language: 'uk',
      signer: { name: 'Олена Коваль', city: 'Житомир' },
      personal: '',
    });
    expect(letter.body).toContain('Ще 2 ради вже розірвали зв’язки з цим партнером (Гомель): Чернігів і Ковель.');
    // One claim per fact: the country sentence counts only the council the partner sentence did not name.
    expect(letter.body).toContain('Крім них, ще одна рада розірвала зв’язки з містами цієї країни (Білорусь): Полтава.');
    expect(letter.body).toContain('За відкритими даними, досі чинна угода про побратимство з містом Гомель (Білорусь, підписано 1997 року).');
    expect(letter.body).not.toMatch(/Луцьк|Брянськ|Москва/);
  });

  it('refuses ties that are not the council’s or no longer in force, and councils that do not exist', async () => {
    const foreign = await loadLetterData(db(), { councilId: story.council.id, tieIds: [story.gomelTie, story.chernihivTie], locale: 'uk' });
    expect(foreign).toMatchObject({ ok: false, code: 'tie_not_of_council', tieIds: [story.chernihivTie] });
    const ended = await loadLetterData(db(), { councilId: story.council.id, tieIds: [story.moscowTie], locale: 'uk' });
    expect(ended).toMatchObject({ ok: false, code: 'tie_not_in_force', tieIds: [story.moscowTie] });
    const none = await loadLetterData(db(), { councilId: story.chernihivCouncil.id, locale: 'uk' });
    expect(none).toMatchObject({ ok: false, code: 'no_ties_in_force' });
    const missing = await loadLetterData(db(), { councilId: 987654, locale: 'uk' });
    expect(missing).toMatchObject({ ok: false, code: 'council_not_found' });
  });
});
