import type { CampaignRecord, CouncilRecord, Dataset, ReviewItemRecord, TieRecord } from '../../lib/import/dataset';
import { at, emptySeedDataset, event } from './build';
import { gazetteerSlug } from './gazetteer';
import { SOURCES, seedSources } from './sources';

/**
 * The US mayors 2022 campaign, from the news item of 4 June 2022 (seed 003): the President of
 * Ukraine asked the mayors of American cities, at the Conference of Mayors, to break their
 * twinning ties with Russian cities, and named six. The campaign also holds every other tie of
 * a US city (run-seed adds them): the item speaks of "dozens of American cities".
 */
export const CAMPAIGN_SLUG = 'us-mayors-2022';
const SRC = SOURCES.zelenskyUsMayors;
const APPEAL_DATE = '2022-06-04';

export const Q = {
  appeal: 'President of Ukraine Volodymyr Zelensky has appealed to the mayors of American cities asking to break twinning ties with Russian ones.',
  fourPairs:
    'You know that dozens of American cities maintain the so-called twinning ties with the cities of the Russian Federation. Chicago and Moscow. Jacksonville and Murmansk. San Diego - Vladivostok. Albany and Tula.',
  sanJose:
    'And one of the deadliest Russian missiles are designed and manufactured in Yekaterinburg, which, by the way, is still twinned with the city of San Jose',
  portland: 'And the capital of this region, the city of Khabarovsk, is still twinned with American Portland',
} as const;

/**
 * The two Portlands. The Wikipedia list (001) writes "Portland, United States" under Arkhangelsk
 * and under Khabarovsk, and the news item (003) says "American Portland" for Khabarovsk's partner:
 * no document names the state. They are two cities, each with its own council, so one letter
 * must not go to "Portland" about both: the seed places Arkhangelsk's partner in Maine and
 * Khabarovsk's in Oregon, where each city's sister-city programme is, says so on each tie, and
 * files a review item asking for a source for each (seed-001-portland-which-state).
 */
export const PORTLAND_OF: Readonly<Record<string, { regionCode: 'US-ME' | 'US-OR'; note: string }>> = {
  Arkhangelsk: {
    regionCode: 'US-ME',
    note: 'The list writes “Portland, United States” here and under Khabarovsk alike, naming no state. The seed takes Arkhangelsk’s partner to be Portland, Maine (US-ME): outside knowledge, not the documents’ (review item seed-001-portland-which-state).',
  },
  Khabarovsk: {
    regionCode: 'US-OR',
    note: 'The list writes “Portland, United States” here and under Arkhangelsk alike, naming no state; the news item of 4 June 2022 says “American Portland”. The seed takes Khabarovsk’s partner to be Portland, Oregon (US-OR): outside knowledge, not the documents’ (review item seed-001-portland-which-state).',
  },
};
const PORTLAND_FOR_KHABAROVSK = gazetteerSlug('Portland', 'USA', PORTLAND_OF.Khabarovsk!.regionCode);

const PAIRS: [usCity: string, russianCity: string, quote: string][] = [
  [gazetteerSlug('Chicago', 'USA'), 'Moscow', Q.fourPairs],
  [gazetteerSlug('Jacksonville', 'USA'), 'Murmansk', Q.fourPairs],
  [gazetteerSlug('San Diego', 'USA'), 'Vladivostok', Q.fourPairs],
  [gazetteerSlug('Albany', 'USA'), 'Tula', Q.fourPairs],
  [gazetteerSlug('San Jose', 'USA'), 'Yekaterinburg', Q.sanJose],
  [PORTLAND_FOR_KHABAROVSK, 'Khabarovsk', Q.portland],
];

export function usMayors2022Ties(): TieRecord[] {
  return PAIRS.map(([city, partner, quote]) => ({
    place: at(city),
    partner: at(gazetteerSlug(partner, 'RUS')),
    kind: 'twin_town',
    status: 'appealed',
    campaigns: [CAMPAIGN_SLUG],
    events: [
      event(SRC, 'recorded', 'active', {
        date: APPEAL_DATE,
        quote,
        note: ['Named as still twinned in the President of Ukraine’s speech of 4 June 2022.', city === PORTLAND_FOR_KHABAROVSK ? PORTLAND_OF.Khabarovsk!.note : null]
          .filter(Boolean)
          .join(' '),
      }),
      event(SRC, 'appealed', 'appealed', {
        date: APPEAL_DATE,
        quote,
        note: 'The President of Ukraine asked the mayors of American cities, by video link to the Conference of Mayors, to break these twinning ties.',
      }),
    ],
  }));
}

/** The appeal went to the mayors; the item names no council, so only the ones whose name is not in doubt are named. */
export function usMayors2022Councils(): CouncilRecord[] {
  const names: Record<string, string | null> = {
    [gazetteerSlug('Chicago', 'USA')]: 'Chicago City Council',
    [gazetteerSlug('Jacksonville', 'USA')]: 'Jacksonville City Council',
    [gazetteerSlug('San Diego', 'USA')]: 'San Diego City Council',
    [gazetteerSlug('San Jose', 'USA')]: 'San Jose City Council',
    [gazetteerSlug('Albany', 'USA')]: null, // the item does not say which Albany
    [PORTLAND_FOR_KHABAROVSK]: null, // nor which Portland (see PORTLAND_OF); Maine's gets its own council from run-seed
  };
  return Object.entries(names).map(([place, name]) => ({ slug: place, place, name, localName: null, contactEmails: [], emailDomains: [], languages: ['en'] }));
}

export function usMayors2022Campaign(): CampaignRecord {
  return {
    slug: CAMPAIGN_SLUG,
    name: 'US mayors 2022',
    nameUk: 'Мери міст США 2022',
    description:
      'On 4 June 2022 the President of Ukraine asked the mayors of American cities, speaking to the Conference of Mayors, to break their twinning ties with Russian cities: Chicago and Moscow, Jacksonville and Murmansk, San Diego and Vladivostok, Albany and Tula, San Jose and Yekaterinburg, Portland and Khabarovsk.',
    descriptionUk:
      '4 червня 2022 року Президент України звернувся до мерів американських міст на Конференції мерів із закликом розірвати побратимські зв’язки з російськими містами: Чикаго і Москва, Джексонвілл і Мурманськ, Сан-Дієго і Владивосток, Олбані і Тула, Сан-Хосе і Єкатеринбург, Портленд і Хабаровськ.',
    state: 'active',
    countries: ['USA'],
    languages: ['en'],
    startedOn: APPEAL_DATE,
    letterDelivery: 'individual',
    figures: [],
  };
}

export function usMayors2022ReviewItems(): ReviewItemRecord[] {
  return [
    {
      key: 'seed-001-portland-which-state',
      kind: 'ambiguous_claim',
      summary:
        'The Wikipedia list names “Portland, United States” as a partner of both Arkhangelsk and Khabarovsk without a state, and the news item of 4 June 2022 says only “American Portland” for Khabarovsk’s partner. The seed keeps two places and two councils: Portland, Maine as Arkhangelsk’s partner and Portland, Oregon as Khabarovsk’s. That is outside knowledge, not what the documents say: confirm each with a source (each city’s own sister-city page), or split or merge the places if it is wrong.',
      quote: 'USA Portland, United States',
      source: { ...SOURCES.wikipediaRussia },
      campaign: CAMPAIGN_SLUG,
      place: gazetteerSlug('Portland', 'USA', 'US-ME'),
      otherPlace: PORTLAND_FOR_KHABAROVSK,
      details: { listedUnder: ['Arkhangelsk', 'Khabarovsk'], placedIn: { Arkhangelsk: 'US-ME', Khabarovsk: 'US-OR' }, otherSource: SOURCES.zelenskyUsMayors.seed, otherQuote: Q.portland },
    },
  ];
}

export function usMayors2022Dataset(): Dataset {
  const dataset = emptySeedDataset();
  dataset.sources = seedSources().filter((s) => s.seed === SRC.seed || s.seed === SOURCES.wikipediaRussia.seed);
  dataset.campaigns = [usMayors2022Campaign()];
  dataset.councils = usMayors2022Councils();
  dataset.ties = usMayors2022Ties();
  dataset.reviewItems = usMayors2022ReviewItems();
  return dataset;
}
