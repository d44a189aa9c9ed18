import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type PlaceRecord } from '../../lib/import/dataset';
import type { PlaceKind } from '../../lib/places/kinds';
import { placeSlug } from '../../lib/places/slug';

/**
 * The places the seed documents name, each once, with every spelling the documents use and
 * its names in its own languages, so every source finds the same record (Gomel, Homiel and
 * Гомель are one place). Applied before any tie, so the importers match instead of creating.
 *
 * Coordinates are given only for the Ukrainian councils' places and their Russian and
 * Belarusian partners whose location is not in doubt (rounded to 0.01°); places whose
 * identity the documents leave open (Kamianka, Zheleznogorsk, Albany, Portland, districts) have
 * none.
 *
 * Two places of one name in one country are two records, told apart by their ISO 3166-2 region
 * (`regionCode`), which also goes into the slug: `portland-us-me-usa`, `portland-us-or-usa`.
 */

type Spec = {
  kind?: PlaceKind;
  /** Slug of the city a district belongs to. */
  parent?: string;
  /** Slug of the region (Ukrainian oblast) the place lies in. */
  region?: string;
  /** ISO 3166-2 subdivision, for a name the country has more than once (Portland: US-ME, US-OR). */
  regionCode?: string;
  /** Other Latin spellings sources use (English transliterations, ASCII forms). */
  aliases?: string[];
  historical?: string[];
  /** Official names by language: { uk: 'Київ', ru: 'Киев' }. */
  official?: Record<string, string>;
  at?: [number, number];
};

function place(name: string, country: string, spec: Spec = {}, parentName?: string): PlaceRecord {
  const names: PlaceRecord['names'] = [{ name, lang: 'en', kind: 'english' }];
  for (const [lang, local] of Object.entries(spec.official ?? {})) names.push({ name: local, lang, kind: 'official' });
  for (const alias of spec.aliases ?? []) names.push({ name: alias, lang: 'en', kind: 'alias' });
  for (const old of spec.historical ?? []) names.push({ name: old, lang: 'en', kind: 'historical' });
  return {
    slug: spec.regionCode ? placeSlug(`${name} ${spec.regionCode}`, country) : placeSlug(name, country, parentName),
    name,
    country,
    kind: spec.kind ?? 'settlement',
    parent: spec.parent ?? null,
    region: spec.region ?? null,
    regionCode: spec.regionCode ?? null,
    names,
    latitude: spec.at?.[0] ?? null,
    longitude: spec.at?.[1] ?? null,
  };
}

const oblast = (name: string, uk: string, ru: string) => place(name, 'UKR', { kind: 'region', official: { uk, ru } });

/** Ukrainian regions of the councils in the Ukraine 2022 campaign (and of Simferopol). */
export const UKRAINIAN_REGIONS: PlaceRecord[] = [
  oblast('Odesa Oblast', 'Одеська область', 'Одесская область'),
  oblast('Volyn Oblast', 'Волинська область', 'Волынская область'),
  oblast('Khmelnytskyi Oblast', 'Хмельницька область', 'Хмельницкая область'),
  oblast('Kyiv Oblast', 'Київська область', 'Киевская область'),
  oblast('Zhytomyr Oblast', 'Житомирська область', 'Житомирская область'),
  oblast('Kirovohrad Oblast', 'Кіровоградська область', 'Кировоградская область'),
  oblast('Chernihiv Oblast', 'Чернігівська область', 'Черниговская область'),
  oblast('Dnipropetrovsk Oblast', 'Дніпропетровська область', 'Днепропетровская область'),
  oblast('Kharkiv Oblast', 'Харківська область', 'Харьковская область'),
  oblast('Poltava Oblast', 'Полтавська область', 'Полтавская область'),
  oblast('Ivano-Frankivsk Oblast', 'Івано-Франківська область', 'Ивано-Франковская область'),
  oblast('Donetsk Oblast', 'Донецька область', 'Донецкая область'),
  oblast('Zaporizhzhia Oblast', 'Запорізька область', 'Запорожская область'),
  oblast('Ternopil Oblast', 'Тернопільська область', 'Тернопольская область'),
  oblast('Cherkasy Oblast', 'Черкаська область', 'Черкасская область'),
  oblast('Mykolaiv Oblast', 'Миколаївська область', 'Николаевская область'),
  oblast('Luhansk Oblast', 'Луганська область', 'Луганская область'),
  oblast('Kherson Oblast', 'Херсонська область', 'Херсонская область'),
  oblast('Sumy Oblast', 'Сумська область', 'Сумская область'),
  oblast('Lviv Oblast', 'Львівська область', 'Львовская область'),
  oblast('Autonomous Republic of Crimea', 'Автономна Республіка Крим', 'Автономная Республика Крым'),
];

const r = (name: string) => placeSlug(name, 'UKR');

/** Ukrainian places: every council the Transparent Cities article names, and Simferopol (004). */
export const UKRAINIAN_PLACES: PlaceRecord[] = [
  place('Izmail', 'UKR', { region: r('Odesa Oblast'), official: { uk: 'Ізмаїл', ru: 'Измаил' }, at: [45.35, 28.84] }),
  place('Novovolynsk', 'UKR', { region: r('Volyn Oblast'), official: { uk: 'Нововолинськ', ru: 'Нововолынск' }, at: [50.73, 24.16] }),
  place('Kamianets-Podilskyi', 'UKR', {
    region: r('Khmelnytskyi Oblast'),
    official: { uk: 'Кам’янець-Подільський', ru: 'Каменец-Подольский' },
    at: [48.68, 26.59],
  }),
  place('Bila Tserkva', 'UKR', { region: r('Kyiv Oblast'), official: { uk: 'Біла Церква', ru: 'Белая Церковь' }, at: [49.8, 30.12] }),
  place('Boyarka', 'UKR', { region: r('Kyiv Oblast'), aliases: ['Boiarka'], official: { uk: 'Боярка', ru: 'Боярка' }, at: [50.32, 30.3] }),
  place('Korosten', 'UKR', { region: r('Zhytomyr Oblast'), official: { uk: 'Коростень', ru: 'Коростень' }, at: [50.95, 28.64] }),
  place('Irpin', 'UKR', { region: r('Kyiv Oblast'), official: { uk: 'Ірпінь', ru: 'Ирпень' }, at: [50.52, 30.25] }),
  place('Oleksandriia', 'UKR', { region: r('Kirovohrad Oblast'), aliases: ['Oleksandriya'], official: { uk: 'Олександрія', ru: 'Александрия' }, at: [48.67, 33.12] }),
  place('Chernihiv', 'UKR', { region: r('Chernihiv Oblast'), aliases: ['Chernigov'], official: { uk: 'Чернігів', ru: 'Чернигов' }, at: [51.49, 31.29] }),
  // Which Kamianka the article means is not said, and Ukraine has several: no region, no coordinates.
  place('Kamianka', 'UKR', { official: { uk: 'Кам’янка' } }),
  place('Kamianske', 'UKR', {
    region: r('Dnipropetrovsk Oblast'),
    official: { uk: 'Кам’янське', ru: 'Каменское' },
    historical: ['Dniprodzerzhynsk'],
    at: [48.51, 34.61],
  }),
  place('Kryvyi Rih', 'UKR', { region: r('Dnipropetrovsk Oblast'), aliases: ['Krivoy Rog'], official: { uk: 'Кривий Ріг', ru: 'Кривой Рог' }, at: [47.91, 33.39] }),
  place('Kharkiv', 'UKR', { region: r('Kharkiv Oblast'), aliases: ['Kharkov'], official: { uk: 'Харків', ru: 'Харьков' }, at: [49.99, 36.23] }),
  place('Myrhorod', 'UKR', { region: r('Poltava Oblast'), aliases: ['Mirgorod'], official: { uk: 'Миргород', ru: 'Миргород' }, at: [49.97, 33.61] }),
  place('Brovary', 'UKR', { region: r('Kyiv Oblast'), official: { uk: 'Бровари', ru: 'Бровары' }, at: [50.51, 30.79] }),
  place('Ivano-Frankivsk', 'UKR', {
    region: r('Ivano-Frankivsk Oblast'),
    official: { uk: 'Івано-Франківськ', ru: 'Ивано-Франковск' },
    at: [48.92, 24.71],
  }),
  // Kyiv is a city with special status, not part of Kyiv Oblast: no region.
  place('Kyiv', 'UKR', { aliases: ['Kiev'], official: { uk: 'Київ', ru: 'Киев' }, at: [50.45, 30.52] }),
  place('Mariupol', 'UKR', { region: r('Donetsk Oblast'), official: { uk: 'Маріуполь', ru: 'Мариуполь' }, at: [47.1, 37.55] }),
  place('Melitopol', 'UKR', { region: r('Zaporizhzhia Oblast'), official: { uk: 'Мелітополь', ru: 'Мелитополь' }, at: [46.85, 35.37] }),
  place('Ternopil', 'UKR', { region: r('Ternopil Oblast'), aliases: ['Ternopol'], official: { uk: 'Тернопіль', ru: 'Тернополь' }, at: [49.55, 25.59] }),
  place('Cherkasy', 'UKR', { region: r('Cherkasy Oblast'), aliases: ['Cherkassy'], official: { uk: 'Черкаси', ru: 'Черкассы' }, at: [49.44, 32.06] }),
  place('Kovel', 'UKR', { region: r('Volyn Oblast'), official: { uk: 'Ковель', ru: 'Ковель' }, at: [51.22, 24.71] }),
  place('Lutsk', 'UKR', { region: r('Volyn Oblast'), official: { uk: 'Луцьк', ru: 'Луцк' }, at: [50.75, 25.33] }),
  place('Mykolaiv', 'UKR', {
    region: r('Mykolaiv Oblast'),
    aliases: ['Mykolayiv', 'Nikolaev', 'Nikolayev'],
    official: { uk: 'Миколаїв', ru: 'Николаев' },
    at: [46.98, 32.0],
  }),
  place('Poltava', 'UKR', { region: r('Poltava Oblast'), official: { uk: 'Полтава', ru: 'Полтава' }, at: [49.59, 34.55] }),
  place('Zhytomyr', 'UKR', { region: r('Zhytomyr Oblast'), aliases: ['Zhitomir'], official: { uk: 'Житомир', ru: 'Житомир' }, at: [50.25, 28.66] }),
  place('Sievierodonetsk', 'UKR', {
    region: r('Luhansk Oblast'),
    aliases: ['Severodonetsk', 'Syeverodonetsk'],
    official: { uk: 'Сєвєродонецьк', ru: 'Северодонецк' },
    at: [48.95, 38.49],
  }),
  place('Kherson', 'UKR', { region: r('Kherson Oblast'), official: { uk: 'Херсон', ru: 'Херсон' }, at: [46.64, 32.62] }),
  place('Shostka', 'UKR', { region: r('Sumy Oblast'), official: { uk: 'Шостка', ru: 'Шостка' }, at: [51.87, 33.48] }),
  place('Sambir', 'UKR', { region: r('Lviv Oblast'), aliases: ['Sambor'], official: { uk: 'Самбір', ru: 'Самбор' }, at: [49.52, 23.2] }),
  place('Simferopol', 'UKR', {
    region: r('Autonomous Republic of Crimea'),
    official: { uk: 'Сімферополь', ru: 'Симферополь' },
    at: [44.95, 34.1],
  }),
];

/**
 * Ukrainian names of the Russian and Belarusian places above (Ukrainian pages show them; the
 * Ukrainian spelling is its own name, not the Russian one: Бєлгород, Мінськ, Вітебськ).
 */
const UKRAINIAN_NAMES: Readonly<Record<string, string>> = {
  Moscow: 'Москва', 'Lefortovo District': 'Лефортово', Kursk: 'Курськ', Salekhard: 'Салехард', Noyabrsk: 'Ноябрськ',
  Belgorod: 'Бєлгород', 'Nizhny Novgorod': 'Нижній Новгород', Novosibirsk: 'Новосибірськ', 'Saint Petersburg': 'Санкт-Петербург',
  Yeysk: 'Єйськ', Zheleznogorsk: 'Железногорськ', Barnaul: 'Барнаул', Serpukhov: 'Серпухов', Shakhty: 'Шахти',
  Kaliningrad: 'Калінінград', Omsk: 'Омськ', Gelendzhik: 'Геленджик', Volgograd: 'Волгоград', Murmansk: 'Мурманськ',
  Vladivostok: 'Владивосток', Tula: 'Тула', Yekaterinburg: 'Єкатеринбург', Khabarovsk: 'Хабаровськ', Krasnoyarsk: 'Красноярськ',
  Samara: 'Самара', Severodvinsk: 'Сєвєродвінськ', Yaroslavl: 'Ярославль',
  Gomel: 'Гомель', Barysaw: 'Борисов', Mazyr: 'Мозир', Maladzyechna: 'Молодечно', Baranavichy: 'Барановичі', Nyasvizh: 'Несвіж',
  Zhodzina: 'Жодино', Shchuchyn: 'Щучин', Babruysk: 'Бобруйськ', Mogilev: 'Могильов', Grodno: 'Гродно', Vitebsk: 'Вітебськ',
  Polotsk: 'Полоцьк', Rechytsa: 'Річиця', Smalyavichy: 'Смолевичі', Brest: 'Брест', Minsk: 'Мінськ', Pinsk: 'Пінськ', Orsha: 'Орша',
  'Braslaw District': 'Браславський район', 'Puchavichy District': 'Пуховицький район', 'Barysaw District': 'Борисовський район',
  'Mazyr District': 'Мозирський район', 'Slutsk District': 'Слуцький район',
};
const withUkrainian = (name: string, official: Record<string, string>) =>
  UKRAINIAN_NAMES[name] ? { uk: UKRAINIAN_NAMES[name], ...official } : official;

const ru = (name: string, russian: string, spec: Spec = {}) =>
  place(name, 'RUS', { ...spec, official: withUkrainian(name, { ru: russian, ...spec.official }) });

/** Russian places named by the seeds' campaigns, and Kaliningrad's Russian partners. */
export const RUSSIAN_PLACES: PlaceRecord[] = [
  ru('Moscow', 'Москва', { at: [55.76, 37.62] }),
  place('Lefortovo District', 'RUS', { kind: 'district', parent: placeSlug('Moscow', 'RUS'), aliases: ['Lefortovo'], official: withUkrainian('Lefortovo District', { ru: 'Лефортово' }) }, 'Moscow'),
  ru('Kursk', 'Курск', { at: [51.73, 36.19] }),
  ru('Salekhard', 'Салехард', { at: [66.53, 66.6] }),
  ru('Noyabrsk', 'Ноябрьск', { at: [63.2, 75.45] }),
  ru('Belgorod', 'Белгород', { at: [50.6, 36.59] }),
  ru('Nizhny Novgorod', 'Нижний Новгород', { at: [56.33, 44.0] }),
  ru('Novosibirsk', 'Новосибирск', { at: [55.03, 82.92] }),
  ru('Saint Petersburg', 'Санкт-Петербург', { aliases: ['St. Petersburg', 'St Petersburg'], at: [59.94, 30.31] }),
  ru('Yeysk', 'Ейск', { aliases: ['Yeisk'], at: [46.71, 38.27] }),
  // Russia has two towns of this name; the sources do not say which.
  ru('Zheleznogorsk', 'Железногорск'),
  ru('Barnaul', 'Барнаул', { at: [53.35, 83.78] }),
  ru('Serpukhov', 'Серпухов', { at: [54.92, 37.41] }),
  ru('Shakhty', 'Шахты', { at: [47.71, 40.21] }),
  ru('Kaliningrad', 'Калининград', { at: [54.71, 20.51] }),
  ru('Omsk', 'Омск', { at: [54.99, 73.37] }),
  ru('Gelendzhik', 'Геленджик', { at: [44.56, 38.08] }),
  ru('Volgograd', 'Волгоград', { at: [48.71, 44.51] }),
  ru('Murmansk', 'Мурманск', { at: [68.97, 33.07] }),
  ru('Vladivostok', 'Владивосток', { at: [43.12, 131.89] }),
  ru('Tula', 'Тула', { at: [54.19, 37.62] }),
  ru('Yekaterinburg', 'Екатеринбург', { at: [56.84, 60.61] }),
  ru('Khabarovsk', 'Хабаровск', { at: [48.48, 135.08] }),
  ru('Krasnoyarsk', 'Красноярск', { at: [56.01, 92.87] }),
  ru('Samara', 'Самара', { at: [53.2, 50.15] }),
  ru('Severodvinsk', 'Северодвинск', { at: [64.56, 39.83] }),
  ru('Yaroslavl', 'Ярославль', { at: [57.63, 39.87] }),
];

const by = (name: string, russian: string, belarusian: string, spec: Spec = {}) =>
  place(name, 'BLR', { ...spec, official: withUkrainian(name, { be: belarusian, ru: russian, ...spec.official }) });

/**
 * Belarusian places. The English name is the one the Wikipedia list uses; every other
 * spelling a seed uses is an alias. A district never takes its town's bare name as an alias
 * (the town is another place).
 */
export const BELARUSIAN_PLACES: PlaceRecord[] = [
  by('Gomel', 'Гомель', 'Гомель', { aliases: ['Homiel', 'Homel', 'Homyel'], at: [52.44, 30.98] }),
  by('Barysaw', 'Борисов', 'Барысаў', { aliases: ['Borisov', 'Barysau'], at: [54.23, 28.5] }),
  by('Mazyr', 'Мозырь', 'Мазыр', { aliases: ['Mozyr'], at: [52.05, 29.25] }),
  by('Maladzyechna', 'Молодечно', 'Маладзечна', { aliases: ['Molodechno'], at: [54.31, 26.85] }),
  by('Baranavichy', 'Барановичи', 'Баранавічы', { aliases: ['Baranovichi'], at: [53.13, 26.01] }),
  by('Nyasvizh', 'Несвиж', 'Нясвіж', { aliases: ['Nesvizh'], at: [53.22, 26.68] }),
  by('Zhodzina', 'Жодино', 'Жодзіна', { aliases: ['Zhodino'], at: [54.1, 28.33] }),
  by('Shchuchyn', 'Щучин', 'Шчучын', { aliases: ['Szczuczyn', 'Shchuchin'], official: { pl: 'Szczuczyn' }, at: [53.6, 24.74] }),
  by('Babruysk', 'Бобруйск', 'Бабруйск', { aliases: ['Bobruisk', 'Bobruysk'], at: [53.14, 29.22] }),
  by('Mogilev', 'Могилёв', 'Магілёў', { aliases: ['Mahilyow', 'Mogilyov', 'Mahiliou'], at: [53.9, 30.33] }),
  by('Grodno', 'Гродно', 'Гродна', { aliases: ['Hrodna'], at: [53.68, 23.83] }),
  by('Vitebsk', 'Витебск', 'Віцебск', { aliases: ['Viciebsk', 'Vitsebsk'], at: [55.19, 30.21] }),
  by('Polotsk', 'Полоцк', 'Полацк', { aliases: ['Polatsk'], at: [55.49, 28.79] }),
  by('Rechytsa', 'Речица', 'Рэчыца', { aliases: ['Rechitsa'], at: [52.36, 30.39] }),
  by('Smalyavichy', 'Смолевичи', 'Смалявічы', { aliases: ['Smolevichi'], at: [54.03, 28.09] }),
  by('Brest', 'Брест', 'Брэст', { at: [52.1, 23.73] }),
  by('Minsk', 'Минск', 'Мінск', { at: [53.9, 27.56] }),
  by('Pinsk', 'Пинск', 'Пінск', { at: [52.11, 26.1] }),
  by('Orsha', 'Орша', 'Орша', { at: [54.51, 30.41] }),
  by('Braslaw District', 'Браславский район', 'Браслаўскі раён', { kind: 'district', aliases: ['Braslav District', 'Braslaw Raion'] }),
  by('Puchavichy District', 'Пуховичский район', 'Пухавіцкі раён', {
    kind: 'district',
    aliases: ['Puchavičy District', 'Pukhovichi District', 'Puchavichy Raion'],
  }),
  by('Barysaw District', 'Борисовский район', 'Барысаўскі раён', {
    kind: 'district',
    aliases: ['Borisov District', 'Borisovsky District', 'Barysaw Raion'],
  }),
  by('Mazyr District', 'Мозырский район', 'Мазырскі раён', { kind: 'district', aliases: ['Mozyr District', 'Mazyr Raion'] }),
  by('Slutsk District', 'Слуцкий район', 'Слуцкі раён', { kind: 'district', aliases: ['Slutsky District', 'Slutsk Raion'] }),
];

/** Places on the campaigns' side outside Ukraine: the US mayors' cities (003), Kaliningrad's partners (002), Cologne (004). */
export const OTHER_PLACES: PlaceRecord[] = [
  place('Chicago', 'USA'),
  place('Jacksonville', 'USA'),
  place('San Diego', 'USA'),
  place('Albany', 'USA'),
  place('San Jose', 'USA'),
  // The Wikipedia list writes "Portland, United States" under Arkhangelsk and under Khabarovsk;
  // the news item of 4 June 2022 says "American Portland" for Khabarovsk's. None names the state:
  // the seed keeps the two real Portlands apart (run-seed.ts says which is which, and why).
  place('Portland', 'USA', { regionCode: 'US-ME', aliases: ['Portland, Maine'] }),
  place('Portland', 'USA', { regionCode: 'US-OR', aliases: ['Portland, Oregon'] }),
  place('Norfolk', 'USA'),
  place('Yerevan', 'ARM', { aliases: ['Erevan'], official: { hy: 'Երևան', ru: 'Ереван' } }),
  place('Berlin', 'DEU'),
  place('Lichtenberg', 'DEU', { kind: 'district', parent: placeSlug('Berlin', 'DEU'), aliases: ['Berlin-Lichtenberg'] }, 'Berlin'),
  place('Bodenwerder', 'DEU'),
  place('Bremerhaven', 'DEU'),
  place('Hamburg', 'DEU'),
  place('Kiel', 'DEU'),
  place('Potsdam', 'DEU'),
  place('Rostock', 'DEU'),
  place('Zeitz', 'DEU'),
  place('Mühlhausen', 'DEU', { aliases: ['Muhlhausen', 'Muehlhausen'] }),
  place('Cologne', 'DEU', { official: { de: 'Köln', ru: 'Кёльн' } }),
  place('Fyn', 'DNK', { kind: 'other', aliases: ['Funen'] }),
  place('Cagliari', 'ITA'),
  place('Forlì', 'ITA', { aliases: ['Forli'], official: { it: 'Forlì' } }),
  place('Catania', 'ITA'),
  place('Cork', 'IRL'),
  place('Dalian', 'CHN', { official: { zh: '大连' } }),
  place('Guyuan', 'CHN', { aliases: ['Guyuan Ningxia'], official: { zh: '固原' } }),
  place('Vilnius', 'LTU'),
  place('Kaunas', 'LTU'),
  place('Klaipėda', 'LTU', { aliases: ['Klaipeda'], official: { lt: 'Klaipėda' } }),
  place('Panevėžys', 'LTU', { aliases: ['Panevezys'], official: { lt: 'Panevėžys' } }),
  place('Šiauliai', 'LTU', { aliases: ['Siauliai'], official: { lt: 'Šiauliai' } }),
  place('Groningen', 'NLD'),
  place('Białystok', 'POL', { aliases: ['Bialystok'], official: { pl: 'Białystok' } }),
  place('Gdańsk', 'POL', { aliases: ['Gdansk'], official: { pl: 'Gdańsk' } }),
  place('Gdynia', 'POL'),
  place('Zabrze', 'POL'),
  place('Łódź', 'POL', { aliases: ['Lodz'], official: { pl: 'Łódź' } }),
  place('Olsztyn', 'POL'),
  place('Kętrzyn County', 'POL', { kind: 'county', aliases: ['PowiatKetrzynski', 'Ketrzyn County'], official: { pl: 'Powiat kętrzyński' } }),
  place('Racibórz', 'POL', { aliases: ['Raciborz'], official: { pl: 'Racibórz' } }),
  place('Toruń', 'POL', { aliases: ['Torun'], official: { pl: 'Toruń' } }),
  place('Elbląg', 'POL', { aliases: ['Elblag'], official: { pl: 'Elbląg' } }),
  place('Turku', 'FIN', { official: { fi: 'Turku', sv: 'Åbo' } }),
  place('Cherbourg', 'FRA'),
  place('Kalmar', 'SWE'),
  place('Malmö', 'SWE', { aliases: ['Malmo'], official: { sv: 'Malmö' } }),
];

export const GAZETTEER: PlaceRecord[] = [...UKRAINIAN_REGIONS, ...UKRAINIAN_PLACES, ...RUSSIAN_PLACES, ...BELARUSIAN_PLACES, ...OTHER_PLACES];

/** The slug the gazetteer gives a place, by its English name and country, and its region when
 * the country has that name more than once (throws on a typo, and on a name it cannot tell apart). */
export function gazetteerSlug(name: string, country: string, regionCode?: string): string {
  const found = GAZETTEER.filter((p) => p.country === country && p.name === name && (!regionCode || p.regionCode === regionCode));
  if (found.length === 0) throw new Error(`The gazetteer has no place "${name}" in ${country}${regionCode ? ` (${regionCode})` : ''}`);
  if (found.length > 1) throw new Error(`The gazetteer has ${found.length} places "${name}" in ${country}: name the region (${found.map((p) => p.regionCode).join(', ')})`);
  return found[0]!.slug;
}

export function gazetteerPlace(slug: string): PlaceRecord {
  const found = GAZETTEER.find((p) => p.slug === slug);
  if (!found) throw new Error(`The gazetteer has no place ${slug}`);
  return found;
}

export function gazetteerDataset(): Dataset {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, sources: [], places: GAZETTEER, councils: [], campaigns: [], ties: [], countryClaims: [], reviewItems: [] };
}
