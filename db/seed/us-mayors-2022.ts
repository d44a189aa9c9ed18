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

const PAIRS: [usCity: string, russianCity: string, quote: string][] = [
  ['Chicago', 'Moscow', Q.fourPairs],
  ['Jacksonville', 'Murmansk', Q.fourPairs],
  ['San Diego', 'Vladivostok', Q.fourPairs],
  ['Albany', 'Tula', Q.fourPairs],
  ['San Jose', 'Yekaterinburg', Q.sanJose],
  ['Portland', 'Khabarovsk', Q.portland],
];

export function usMayors2022Ties(): TieRecord[] {
  return PAIRS.map(([city, partner, quote]) => ({
    place: at(gazetteerSlug(city, 'USA')),
    partner: at(gazetteerSlug(partner, 'RUS')),
    kind: 'twin_town',
    status: 'appealed',
    campaigns: [CAMPAIGN_SLUG],
    events: [
      event(SRC, 'recorded', 'active', { date: APPEAL_DATE, quote, note: 'Named as still twinned in the President of Ukraine’s speech of 4 June 2022.' }),
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
    Chicago: 'Chicago City Council',
    Jacksonville: 'Jacksonville City Council',
    'San Diego': 'San Diego City Council',
    'San Jose': 'San Jose City Council',
    Albany: null, // the item does not say which Albany
    Portland: null, // nor which Portland
  };
  return Object.entries(names).map(([city, name]) => {
    const place = gazetteerSlug(city, 'USA');
    return { slug: place, place, name, localName: null, contactEmails: [], emailDomains: [], languages: ['en'] };
  });
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
      key: 'seed-001-portland-one-or-two',
      kind: 'ambiguous_claim',
      summary:
        'The Wikipedia list names “Portland, United States” as a partner of both Arkhangelsk and Khabarovsk and does not say whether it is the same Portland; the seed keeps one place by that name. The news item of 4 June 2022 says only “American Portland” for Khabarovsk’s partner.',
      quote: 'USA Portland, United States',
      source: { ...SOURCES.wikipediaRussia },
      campaign: CAMPAIGN_SLUG,
      place: gazetteerSlug('Portland', 'USA'),
      details: { listedUnder: ['Arkhangelsk', 'Khabarovsk'] },
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
