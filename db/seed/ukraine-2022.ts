import type { CampaignRecord, CouncilRecord, Dataset, EventRecord, ReviewItemRecord, TiePlace, TieRecord } from '../../lib/import/dataset';
import type { TieKind } from '../../lib/places/kinds';
import type { TieEventType, TieStatus } from '../../lib/ties/lifecycle';
import { type EventSpec, at, emptySeedDataset, event, unnamedPartner } from './build';
import { gazetteerSlug } from './gazetteer';
import { SOURCES, seedSources } from './sources';

/**
 * The Ukraine 2022 campaign, from the Transparent Cities article of 26 May 2022 and its update
 * of 27 June 2022 (seed 000). Every fact below is a sentence of the article, quoted as written.
 *
 * Dates: the twinning data are "as of May 2" (a tie in those data was in force that day); the
 * appeal and its results are "As of May 25" (on or before); what the article says happened
 * "earlier" is dated by the article itself (on or before 26 May); the update is "as of
 * 27.06.2022" (on or before), except its own renewed call, made that day.
 *
 * Where the article does not name a partner (Shostka's "Belarusian partners and sister cities";
 * Lutsk, Mykolaiv and Poltava in the "respectively" sentence, which lists 5 councils and 6
 * partners) the tie is recorded with an unnamed Belarusian partner, so the council and its fate
 * are counted, and a review item keeps the question of which partner it is. Where it does not pin
 * a fact to a tie at all (Kamianske, Brovary, the eleventh Russian city) nothing is guessed: a
 * review item keeps the quote.
 */
export const CAMPAIGN_SLUG = 'ukraine-2022';
const SRC = SOURCES.transparentCities;

export const Q = {
  analysed:
    'For the analysis, we took the 100 largest cities of Ukraine from the 2021 Transparency Ranking and checked the official websites of city councils and the media.',
  withTies: 'In total, 25 Ukrainian cities have or have had partner or twinning relations with russian or Belarusian cities.',
  withoutTies: '41 Ukrainian cities did not have such ties with russian and Belarusian cities.',
  noInformation:
    'It has not been possible to find information about sister cities or partner cities of 31 Ukrainian cities because it is either unavailable on the official website of the council or in the media (21 cities), or the official websites of city councils do not function (10 cities).',
  wikipediaOnly: 'With Mariupol and Sambir, it was not possible to find sources of information other than the Ukrainian version of Wikipedia.',
  russianCities:
    'As of May 2, 11 russian cities had partner or twinning relations with Ukrainian cities. These are barnaul, yeysk, zheleznogorsk, kursk, moscow, novosibirsk, noyabrsk, st. petersburg, and serpukhov, salekhard.',
  izmailLefortovo: 'Izmail city council also cooperates with the administration of the lefortovo district (moscow).',
  kharkivMariupol:
    'Kharkiv (with moscow, novosibirsk, and st. petersburg), as well as Mariupol (with yeisk, zheleznogorsk, and barnaul) had 3 ties with russian cities each.',
  belarusianCities:
    '15 Belarusian cities and 5 districts of cities (yes, there are also such twinning formats): Borisov, Braslav, Mozyr, Puchavičy and Slutsky districts had/have twinning relations with Ukrainian cities.',
  twoTies:
    'Melitopol (Borisovsky and Puchavičy districts), Ternopil (Grodno and Pinsk), Cherkasy (Orsha and Mozyr district) and Kovel (Pinsk and Szczuczyn) had 2 ties with Belarusian cities and districts each.',
  stillFriends:
    'The record-breaking oblasts for the total number of twinnings with the cities of the rf and Belarus are Kyiv and Volyn: Bila Tserkva, Boyarka, Brovary, Irpin and Kovel, Lutsk, Novovolynsk are still “friends” with Belarusian cities.',
  appeal:
    'We appealed to the city councils of cities that still had twinning relations with the rf or Belarus with a request to intensify the process of severing these ties.',
  izmail: 'Izmail city council broke off twinning with kursk and lefortovo district',
  novovolynsk: 'Novovolynsk city council broke off twinning with the Belarusian city of Baranavichy',
  kamianetsPodilskyi: 'Kamianets-Podilskyi city council broke off twinning with Belarusian Polotsk',
  bilaTserkva: 'Bila Tserkva city council terminated the cooperation agreement with the Belarusian Borisov',
  boyarka: 'Boyarka city council has already ceased cooperation with Belarusian Nesvizh',
  korosten: 'Korosten city council has ceased cooperation with salekhard, noyabrsk and Mozyr',
  irpin: 'Irpin city council will bring up the issue of termination of ties with the Belarusian Maladzyechna at the next meeting',
  oleksandriia:
    'Oleksandriia city council has also prepared a draft denunciation (severance) of relations with the Belarusian Mozyr, which will be considered at the next session',
  chernihiv: 'Chernihiv city council at the next session will consider the issue of breaking partnerships with Homiel',
  kamianka: 'Kamianka city council is “in the process” of terminating cooperation with Babruysk.',
  earlier:
    'By the way, earlier, Kryvyi Rih broke off twinning relations with Zhodino, Kharkiv — with belgorod, moscow, nizhny novgorod, novosibirsk and st. petersburg, Myrhorod — with Rechytsa and Smalyavichy, Brovary — with Slutsky district of Belarus, and Ivano-Frankivsk — with Brest.',
  kyivInProcess: 'Kyiv is also in the process of severing twinning relations with Minsk.',
  kyivDraft: 'The relevant draft was registered by MPs of the Holos faction in the Kyiv City Council.',
  respectively:
    'Another 5 Ukrainian municipalities — Kovel, Lutsk, Mykolayiv, Poltava, Chernihiv — officially ceased cooperation with PinskBrestMogilevBraslaw districtBaranavichy, and Homiel, respectively.',
  notYetVoted:
    'At the same time, 4 cities that announced the severance of relations with Belarusian cities: Oleksandriia, Kamianske, and Irpin have not yet managed to vote for the relevant decisions.',
  neverSigned:
    "In addition, Zhytomyr and Kovel reported that, although Homiel and Szczuczyn were among the partners and sister cities on the councils' websites, official agreements with them were never signed, and any cooperation was also suspended.",
  noTerminationInfo:
    'It was not possible to find information in the media or on official websites about the termination of friendly relations with the cities of the rf and Belarus for 7 Ukrainian municipalities.',
  occupied:
    'Of these, Mariupol, Melitopol, Sievierodonetsk, Kherson, are under occupation or in the zone of active hostilities, and cannot do so now.',
  callOnRest: 'We call on the rest of the cities — Ternopil, Cherkasy and Shostka to cease cooperation with their Belarusian partners and sister cities!',
} as const;

const MAY_2 = '2022-05-02';
const MAY_25 = '2022-05-25';
const ARTICLE = '2022-05-26';
const UPDATE = '2022-06-27';

const ev = (type: TieEventType, status: TieStatus, spec: EventSpec): EventRecord => event(SRC, type, status, spec);

/** In the article's twinning data (as of 2 May), then appealed to (as of 25 May). */
const inMayData = (quote: string, note?: string): EventRecord[] => [
  ev('recorded', 'active', { date: MAY_2, quote, note: note ?? 'In the article’s twinning data, which are as of 2 May 2022.' }),
  ev('appealed', 'appealed', {
    date: MAY_25,
    byDate: true,
    quote: Q.appeal,
    note: 'Transparent Cities appealed to the councils that still had such ties; the results are as of 25 May 2022.',
  }),
];
const asOfMay25 = (type: TieEventType, status: TieStatus, quote: string, note?: string) =>
  ev(type, status, { date: MAY_25, byDate: true, quote, ...(note ? { note } : {}) });
const asOfUpdate = (type: TieEventType, status: TieStatus, quote: string, note?: string) =>
  ev(type, status, { date: UPDATE, byDate: true, quote, ...(note ? { note } : {}) });
const severedEarlier = (type: 'recorded' | 'severed' = 'severed'): EventRecord =>
  ev(type, 'severed', {
    date: ARTICLE,
    byDate: true,
    quote: Q.earlier,
    note: 'The article (26 May 2022) says this happened “earlier”; no date is given.',
  });

const ua = (name: string) => gazetteerSlug(name, 'UKR');
const rus = (name: string) => gazetteerSlug(name, 'RUS');
const blr = (name: string) => gazetteerSlug(name, 'BLR');

function tie(
  place: string,
  partner: [slug: string, ...spellings: string[]] | TiePlace,
  events: EventRecord[],
  kind: TieKind = 'unknown',
): TieRecord {
  const partnerPlace = Array.isArray(partner) ? at(...partner) : partner;
  return {
    place: at(place),
    partner: partnerPlace,
    kind,
    status: events[events.length - 1]!.status,
    campaigns: [CAMPAIGN_SLUG],
    events,
  };
}

/** The councils of the "respectively" sentence whose partner it does not pin down. */
export const RESPECTIVELY_UNNAMED = ['Lutsk', 'Mykolaiv', 'Poltava'] as const;
/** The Belarusian partner of a council, as the article leaves it: unnamed. */
export const unnamedBelarusianPartner = (council: string) => unnamedPartner('BLR', ua(council));

const respectivelyNote = (council: string, written: string) =>
  `The update lists ${written} among 5 councils that officially ceased cooperation with a Belarusian partner, but its list of 6 partners “respectively” does not pair up with the 5 councils, so it does not name ${council}’s partner (the candidates are Brest, Mogilev, Braslaw District and Baranavichy).`;

const mariupolNote =
  'In the article’s twinning data, which are as of 2 May 2022. For Mariupol the article found no source other than the Ukrainian Wikipedia.';

export function ukraine2022Ties(): TieRecord[] {
  return [
    // "As of May 25, we have the following results": answers to the appeal.
    tie(ua('Izmail'), [rus('Kursk'), 'kursk'], [...inMayData(Q.izmail), asOfMay25('severed', 'severed', Q.izmail)]),
    tie(ua('Izmail'), [rus('Lefortovo District'), 'lefortovo district'], [
      ...inMayData(Q.izmailLefortovo),
      asOfMay25('severed', 'severed', Q.izmail),
    ]),
    tie(ua('Novovolynsk'), [blr('Baranavichy')], [...inMayData(Q.novovolynsk), asOfMay25('severed', 'severed', Q.novovolynsk)]),
    tie(ua('Kamianets-Podilskyi'), [blr('Polotsk')], [...inMayData(Q.kamianetsPodilskyi), asOfMay25('severed', 'severed', Q.kamianetsPodilskyi)]),
    tie(
      ua('Bila Tserkva'),
      [blr('Barysaw'), 'Borisov'],
      [...inMayData(Q.bilaTserkva), asOfMay25('severed', 'severed', Q.bilaTserkva)],
      'cooperation_agreement',
    ),
    tie(ua('Boyarka'), [blr('Nyasvizh'), 'Nesvizh'], [...inMayData(Q.boyarka), asOfMay25('severed', 'severed', Q.boyarka)]),
    tie(ua('Korosten'), [rus('Salekhard'), 'salekhard'], [...inMayData(Q.korosten), asOfMay25('severed', 'severed', Q.korosten)]),
    tie(ua('Korosten'), [rus('Noyabrsk'), 'noyabrsk'], [...inMayData(Q.korosten), asOfMay25('severed', 'severed', Q.korosten)]),
    tie(ua('Korosten'), [blr('Mazyr'), 'Mozyr'], [...inMayData(Q.korosten), asOfMay25('severed', 'severed', Q.korosten)]),
    tie(ua('Irpin'), [blr('Maladzyechna')], [
      ...inMayData(Q.irpin),
      asOfMay25('vote_scheduled', 'pledged', Q.irpin),
      asOfUpdate('noted', 'pledged', Q.notYetVoted, 'Irpin announced the severance but had not yet voted on it as of 27 June 2022.'),
    ]),
    tie(ua('Oleksandriia'), [blr('Mazyr'), 'Mozyr'], [
      ...inMayData(Q.oleksandriia),
      asOfMay25('draft_registered', 'pledged', Q.oleksandriia, 'A draft denunciation was prepared for the next session.'),
      asOfUpdate('noted', 'pledged', Q.notYetVoted, 'Oleksandriia announced the severance but had not yet voted on it as of 27 June 2022.'),
    ]),
    tie(ua('Chernihiv'), [blr('Gomel'), 'Homiel'], [
      ...inMayData(Q.chernihiv),
      asOfMay25('vote_scheduled', 'pledged', Q.chernihiv),
      asOfUpdate(
        'severed',
        'severed',
        Q.respectively,
        'The sentence lists 5 councils and 6 partners, so it does not pair up throughout; Chernihiv is its last council and Homiel its last partner, and the article of 26 May already pairs Chernihiv with Homiel.',
      ),
    ]),
    tie(ua('Kamianka'), [blr('Babruysk')], [...inMayData(Q.kamianka), asOfMay25('in_progress', 'pledged', Q.kamianka)]),

    // "By the way, earlier, ...": severed before the article; first documented by the severance.
    tie(ua('Kryvyi Rih'), [blr('Zhodzina'), 'Zhodino'], [severedEarlier('recorded')]),
    tie(ua('Kharkiv'), [rus('Belgorod'), 'belgorod'], [severedEarlier('recorded')]),
    tie(ua('Kharkiv'), [rus('Nizhny Novgorod'), 'nizhny novgorod'], [severedEarlier('recorded')]),
    // Kharkiv's three Russian ties are also in the data as of 2 May.
    tie(ua('Kharkiv'), [rus('Moscow'), 'moscow'], [ev('recorded', 'active', { date: MAY_2, quote: Q.kharkivMariupol }), severedEarlier()]),
    tie(ua('Kharkiv'), [rus('Novosibirsk'), 'novosibirsk'], [ev('recorded', 'active', { date: MAY_2, quote: Q.kharkivMariupol }), severedEarlier()]),
    tie(ua('Kharkiv'), [rus('Saint Petersburg'), 'st. petersburg'], [
      ev('recorded', 'active', { date: MAY_2, quote: Q.kharkivMariupol }),
      severedEarlier(),
    ]),
    tie(ua('Myrhorod'), [blr('Rechytsa')], [severedEarlier('recorded')]),
    tie(ua('Myrhorod'), [blr('Smalyavichy')], [severedEarlier('recorded')]),
    tie(ua('Brovary'), [blr('Slutsk District'), 'Slutsky district'], [severedEarlier('recorded')]),
    tie(ua('Ivano-Frankivsk'), [blr('Brest')], [severedEarlier('recorded')]),

    // Kyiv: the "process" is a draft registered by one faction's councillors, not the council's
    // pledge: the tie stays in force, and the draft is on the record as what it is.
    tie(ua('Kyiv'), [blr('Minsk')], [
      ev('recorded', 'active', {
        date: ARTICLE,
        byDate: true,
        quote: Q.kyivInProcess,
        note: 'The article’s next sentence says what the process is: a draft registered by councillors of one faction. No decision or promise of the council is reported.',
      }),
      ev('noted', 'active', {
        date: ARTICLE,
        byDate: true,
        quote: Q.kyivDraft,
        note: 'A draft registered by councillors of one faction (Holos) is not the council’s pledge: the council has neither promised nor voted, so the tie stays in force.',
      }),
    ]),

    // In the May data, no answer; under occupation by 27 June.
    ...[
      [rus('Yeysk'), 'yeisk', 'yeysk'],
      [rus('Zheleznogorsk'), 'zheleznogorsk'],
      [rus('Barnaul'), 'barnaul'],
    ].map((partner) =>
      tie(ua('Mariupol'), partner as [string, ...string[]], [...inMayData(Q.kharkivMariupol, mariupolNote), asOfUpdate('occupied', 'occupied', Q.occupied)]),
    ),
    ...[
      [blr('Barysaw District'), 'Borisovsky district', 'Borisov district'],
      [blr('Puchavichy District'), 'Puchavičy district'],
    ].map((partner) => tie(ua('Melitopol'), partner as [string, ...string[]], [...inMayData(Q.twoTies), asOfUpdate('occupied', 'occupied', Q.occupied)])),

    // In the May data, no answer; called on again on 27 June.
    ...[[blr('Grodno')], [blr('Pinsk')]].map((partner) =>
      tie(ua('Ternopil'), partner as [string], [
        ...inMayData(Q.twoTies),
        ev('appealed', 'appealed', { date: UPDATE, quote: Q.callOnRest, note: 'Transparent Cities’ renewed public call in its update of 27 June 2022.' }),
      ]),
    ),
    ...[[blr('Orsha')], [blr('Mazyr District'), 'Mozyr district']].map((partner) =>
      tie(ua('Cherkasy'), partner as [string, ...string[]], [
        ...inMayData(Q.twoTies),
        ev('appealed', 'appealed', { date: UPDATE, quote: Q.callOnRest, note: 'Transparent Cities’ renewed public call in its update of 27 June 2022.' }),
      ]),
    ),

    // Kovel: one tie ended, the other never signed (update of 27 June).
    tie(ua('Kovel'), [blr('Pinsk')], [
      ...inMayData(Q.twoTies),
      asOfUpdate(
        'severed',
        'severed',
        Q.respectively,
        'The sentence lists 5 councils and 6 partners, so it does not pair up throughout; Kovel is its first council and Pinsk its first partner, and Pinsk is the only one of Kovel’s partners in the list (the other, Szczuczyn, was never signed).',
      ),
    ]),
    tie(ua('Kovel'), [blr('Shchuchyn'), 'Szczuczyn'], [
      ...inMayData(Q.twoTies),
      asOfUpdate('found_not_signed', 'not_signed', Q.neverSigned, 'Kovel reported that no official agreement was ever signed and any cooperation was suspended.'),
    ]),
    // The "respectively" sentence: 5 councils, 6 partners. Kovel and Chernihiv above; the other
    // three ceased cooperation with a partner it does not pin down. Lutsk is among the councils
    // still "friends" with Belarusian cities in the data as of 2 May (so appealed to as well).
    tie(ua('Lutsk'), unnamedBelarusianPartner('Lutsk'), [
      ...inMayData(
        Q.stillFriends,
        'In the article’s twinning data, which are as of 2 May 2022: Lutsk is among the councils still “friends” with Belarusian cities; the article does not name the partner.',
      ),
      asOfUpdate('severed', 'severed', Q.respectively, respectivelyNote('Lutsk', 'Lutsk')),
    ]),
    ...(
      [
        ['Mykolaiv', 'Mykolayiv'],
        ['Poltava', 'Poltava'],
      ] as const
    ).map(([council, written]) =>
      tie(ua(council), unnamedBelarusianPartner(council), [
        asOfUpdate(
          'recorded',
          'severed',
          Q.respectively,
          `First documented by its end, in the update of 27 June 2022. ${respectivelyNote(council, written)}`,
        ),
      ]),
    ),

    // Shostka: called on to end ties with Belarusian partners the update does not name. It had
    // not ended them as of 27 June; one record stands for them until a source names them.
    tie(ua('Shostka'), unnamedBelarusianPartner('Shostka'), [
      asOfUpdate(
        'recorded',
        'active',
        Q.callOnRest,
        'The update of 27 June 2022 calls on Shostka to cease cooperation with its Belarusian partners and sister cities, so they were still in force; it does not name them.',
      ),
      ev('appealed', 'appealed', { date: UPDATE, quote: Q.callOnRest, note: 'Transparent Cities’ renewed public call in its update of 27 June 2022.' }),
    ]),

    // Zhytomyr–Homiel is first named in the update: listed on the council's website, never signed.
    tie(ua('Zhytomyr'), [blr('Gomel'), 'Homiel'], [
      asOfUpdate('recorded', 'active', Q.neverSigned, 'Homiel was listed among Zhytomyr’s partners and sister cities on the council’s website.'),
      asOfUpdate('found_not_signed', 'not_signed', Q.neverSigned, 'Zhytomyr reported that no official agreement was ever signed and any cooperation was suspended.'),
    ]),
  ];
}

/**
 * The article names Sievierodonetsk and Kherson as under occupation but not their partners.
 * Their ties come from the other seeds (Serpukhov and Shakhty in the Wikipedia list, Kaliningrad
 * in Kaliningrad's list); the occupation is a fact about the council, so it applies to each.
 */
export const OCCUPIED_COUNCIL_TIES: { place: string; partner: string; from: string }[] = [
  { place: ua('Sievierodonetsk'), partner: rus('Serpukhov'), from: 'the Wikipedia list (seed 001)' },
  { place: ua('Sievierodonetsk'), partner: rus('Shakhty'), from: 'the Wikipedia list (seed 001)' },
  { place: ua('Kherson'), partner: rus('Kaliningrad'), from: 'Kaliningrad’s list of partner cities (seed 002)' },
];

export function occupiedEvent(from: string): EventRecord {
  return asOfUpdate('occupied', 'occupied', Q.occupied, `The article names the council, not this tie; the tie is documented by ${from}.`);
}

type UkrainianCouncil = [place: string, name: string, localName: string];
const UKRAINIAN_COUNCILS: UkrainianCouncil[] = [
  ['Izmail', 'Izmail City Council', 'Ізмаїльська міська рада'],
  ['Novovolynsk', 'Novovolynsk City Council', 'Нововолинська міська рада'],
  ['Kamianets-Podilskyi', 'Kamianets-Podilskyi City Council', 'Кам’янець-Подільська міська рада'],
  ['Bila Tserkva', 'Bila Tserkva City Council', 'Білоцерківська міська рада'],
  ['Boyarka', 'Boyarka City Council', 'Боярська міська рада'],
  ['Korosten', 'Korosten City Council', 'Коростенська міська рада'],
  ['Irpin', 'Irpin City Council', 'Ірпінська міська рада'],
  ['Oleksandriia', 'Oleksandriia City Council', 'Олександрійська міська рада'],
  ['Chernihiv', 'Chernihiv City Council', 'Чернігівська міська рада'],
  ['Kamianka', 'Kamianka City Council', 'Кам’янська міська рада'],
  ['Kamianske', 'Kamianske City Council', 'Кам’янська міська рада'],
  ['Kryvyi Rih', 'Kryvyi Rih City Council', 'Криворізька міська рада'],
  ['Kharkiv', 'Kharkiv City Council', 'Харківська міська рада'],
  ['Myrhorod', 'Myrhorod City Council', 'Миргородська міська рада'],
  ['Brovary', 'Brovary City Council', 'Броварська міська рада'],
  ['Ivano-Frankivsk', 'Ivano-Frankivsk City Council', 'Івано-Франківська міська рада'],
  ['Kyiv', 'Kyiv City Council', 'Київська міська рада'],
  ['Mariupol', 'Mariupol City Council', 'Маріупольська міська рада'],
  ['Melitopol', 'Melitopol City Council', 'Мелітопольська міська рада'],
  ['Ternopil', 'Ternopil City Council', 'Тернопільська міська рада'],
  ['Cherkasy', 'Cherkasy City Council', 'Черкаська міська рада'],
  ['Kovel', 'Kovel City Council', 'Ковельська міська рада'],
  ['Lutsk', 'Lutsk City Council', 'Луцька міська рада'],
  ['Mykolaiv', 'Mykolaiv City Council', 'Миколаївська міська рада'],
  ['Poltava', 'Poltava City Council', 'Полтавська міська рада'],
  ['Zhytomyr', 'Zhytomyr City Council', 'Житомирська міська рада'],
  ['Sievierodonetsk', 'Sievierodonetsk City Council', 'Сєвєродонецька міська рада'],
  ['Kherson', 'Kherson City Council', 'Херсонська міська рада'],
  ['Shostka', 'Shostka City Council', 'Шосткинська міська рада'],
];

export function ukraine2022Councils(): CouncilRecord[] {
  return UKRAINIAN_COUNCILS.map(([place, name, localName]) => {
    const slug = ua(place);
    return { slug, place: slug, name, localName, contactEmails: [], emailDomains: [], languages: ['uk'] };
  });
}

export function ukraine2022Campaign(): CampaignRecord {
  const source = { ...SRC };
  const figure = (key: string, value: number, label: string, labelUk: string, quote: string) => ({ key, value, label, labelUk, source, quote });
  return {
    slug: CAMPAIGN_SLUG,
    name: 'Ukraine 2022',
    nameUk: 'Україна 2022',
    description:
      'Transparent Cities (Transparency International Ukraine) checked which of the 100 largest Ukrainian cities had twin or partner ties with Russian and Belarusian cities, and appealed to the councils that still had them to end them (article of 26 May 2022, update of 27 June 2022).',
    descriptionUk:
      'Програма «Прозорі міста» (Transparency International Україна) перевірила, які зі 100 найбільших міст України мали побратимські чи партнерські зв’язки з містами росії та Білорусі, і звернулася до рад, що ще їх мали, з проханням розірвати ці зв’язки (стаття від 26 травня 2022 року, оновлення від 27 червня 2022 року).',
    state: 'active',
    countries: ['UKR'],
    languages: ['uk', 'en'],
    startedOn: null,
    letterDelivery: 'individual',
    figures: [
      figure('cities-analysed', 100, 'Largest Ukrainian cities analysed (2021 Transparency Ranking)', 'Найбільших міст України проаналізовано (Рейтинг прозорості 2021)', Q.analysed),
      figure('cities-with-ties', 25, 'Cities that have or have had ties with Russian or Belarusian cities', 'Міст мають або мали зв’язки з містами росії чи Білорусі', Q.withTies),
      figure('cities-without-ties', 41, 'Cities that had no such ties', 'Міст не мали таких зв’язків', Q.withoutTies),
      figure('cities-no-information', 31, 'Cities with no information found', 'Міст, про які не вдалося знайти інформацію', Q.noInformation),
      figure(
        'cities-information-unavailable',
        21,
        'of which: no information on the council website or in the media',
        'з них: інформації немає на сайті ради чи в медіа',
        Q.noInformation,
      ),
      figure('council-websites-down', 10, 'of which: council website not working', 'з них: сайт ради не працює', Q.noInformation),
      figure('russian-cities-with-ties', 11, 'Russian cities with ties to Ukrainian cities (as of 2 May 2022)', 'Міст росії мали зв’язки з містами України (станом на 2 травня 2022)', Q.russianCities),
      figure('belarusian-cities-with-ties', 15, 'Belarusian cities with ties to Ukrainian cities', 'Міст Білорусі мали зв’язки з містами України', Q.belarusianCities),
      figure('belarusian-districts-with-ties', 5, 'Belarusian districts with ties to Ukrainian cities', 'Районів Білорусі мали зв’язки з містами України', Q.belarusianCities),
      figure('councils-ceased-by-2022-06-27', 5, 'Further councils that officially ceased cooperation (update of 27 June 2022)', 'Ще рад офіційно припинили співпрацю (оновлення 27 червня 2022)', Q.respectively),
      figure(
        'councils-no-termination-news-2022-06-27',
        7,
        'Councils with no news of ending their ties (update of 27 June 2022)',
        'Рад без новин про розірвання зв’язків (оновлення 27 червня 2022)',
        Q.noTerminationInfo,
      ),
    ],
  };
}

export function ukraine2022ReviewItems(): ReviewItemRecord[] {
  const source = { ...SRC };
  // A council's slug is its place's.
  const council = (place: string) => ua(place);
  const candidates = [blr('Brest'), blr('Mogilev'), blr('Braslaw District'), blr('Baranavichy')];
  const respectively = (place: string, written: string): ReviewItemRecord => ({
    key: `seed-000-respectively-${ua(place)}`,
    kind: 'ambiguous_claim',
    summary: `The update of 27 June 2022 says ${written} officially ceased cooperation with a Belarusian partner, but its list of 5 councils and 6 partners “respectively” does not pair up, so which partner is ${place}’s is not certain. The tie is recorded, severed as of 27 June 2022, with a Belarusian partner the source does not name; ${place}’s candidates are Brest, Mogilev, Braslaw District and Baranavichy. Name the partner when a source does.`,
    quote: Q.respectively,
    source,
    campaign: CAMPAIGN_SLUG,
    council: council(place),
    place: ua(place),
    tie: { place: ua(place), partner: unnamedBelarusianPartner(place).slug! },
    details: { candidatePartners: candidates },
  });
  return [
    {
      key: 'seed-000-eleven-russian-cities',
      kind: 'ambiguous_claim',
      summary:
        'The article counts 11 Russian cities with ties to Ukrainian cities as of 2 May 2022 but names only 10 (Barnaul, Yeysk, Zheleznogorsk, Kursk, Moscow, Novosibirsk, Noyabrsk, Saint Petersburg, Serpukhov, Salekhard); the eleventh is not named.',
      quote: Q.russianCities,
      source,
      campaign: CAMPAIGN_SLUG,
      details: { stated: 11, named: 10 },
    },
    respectively('Lutsk', 'Lutsk'),
    respectively('Mykolaiv', 'Mykolayiv'),
    respectively('Poltava', 'Poltava'),
    {
      key: 'seed-000-kamianka-kamianske',
      kind: 'ambiguous_claim',
      summary:
        'On 25 May the article says Kamianka city council is “in the process” of ending its tie with Babruysk; the update of 27 June names Kamianske, a different city, among the councils that announced the severance but had not yet voted. The two are not merged and Kamianka–Babruysk is left as it stood on 25 May: a person must decide whether the update means Kamianka.',
      quote: Q.notYetVoted,
      source,
      campaign: CAMPAIGN_SLUG,
      council: council('Kamianske'),
      place: ua('Kamianka'),
      otherPlace: ua('Kamianske'),
      details: { quotes: [Q.kamianka] },
    },
    {
      key: 'seed-000-four-cities-three-named',
      kind: 'ambiguous_claim',
      summary:
        'The update of 27 June speaks of 4 cities that announced the severance but had not yet voted, and names 3 (Oleksandriia, Kamianske, Irpin); the fourth is not named.',
      quote: Q.notYetVoted,
      source,
      campaign: CAMPAIGN_SLUG,
      details: { stated: 4, named: 3 },
    },
    {
      key: 'seed-000-brovary-still-friends',
      kind: 'ambiguous_claim',
      summary:
        'The article lists Brovary among the councils still “friends” with Belarusian cities, and also says Brovary broke off its twinning with Slutsk District earlier. Which Belarusian partner Brovary may still have is not named, so no further tie is recorded.',
      quote: Q.stillFriends,
      source,
      campaign: CAMPAIGN_SLUG,
      council: council('Brovary'),
      place: ua('Brovary'),
      details: { quotes: [Q.earlier] },
    },
    {
      key: 'seed-000-shostka-partners-unnamed',
      kind: 'ambiguous_claim',
      summary:
        'The update of 27 June calls on Shostka to cease cooperation with its Belarusian partners and sister cities, but does not name them (nor says how many). The tie is recorded, in force, with a Belarusian partner the source does not name; name the partner (or partners) when a source does.',
      quote: Q.callOnRest,
      source,
      campaign: CAMPAIGN_SLUG,
      council: council('Shostka'),
      place: ua('Shostka'),
      tie: { place: ua('Shostka'), partner: unnamedBelarusianPartner('Shostka').slug! },
    },
    {
      key: 'seed-000-sambir-wikipedia-only',
      kind: 'ambiguous_claim',
      summary:
        'For Sambir the article found no source about its twin or partner cities other than the Ukrainian Wikipedia, and names no tie; nothing is recorded for Sambir.',
      quote: Q.wikipediaOnly,
      source,
      campaign: CAMPAIGN_SLUG,
      place: ua('Sambir'),
    },
  ];
}

/** The campaign's dataset, without the three ties of occupied councils that other seeds document (see run-seed). */
export function ukraine2022Dataset(): Dataset {
  const dataset = emptySeedDataset();
  dataset.sources = seedSources().filter((s) => s.seed === SRC.seed);
  dataset.campaigns = [ukraine2022Campaign()];
  dataset.councils = ukraine2022Councils();
  dataset.ties = ukraine2022Ties();
  dataset.reviewItems = ukraine2022ReviewItems();
  return dataset;
}
