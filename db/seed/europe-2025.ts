import type { CampaignRecord, CountryClaimRecord, CouncilRecord, Dataset, ReviewItemRecord, TieRecord } from '../../lib/import/dataset';
import { at, emptySeedDataset, event } from './build';
import { gazetteerSlug } from './gazetteer';
import { SOURCES, seedSources } from './sources';

/**
 * The Europe 2025 campaign and the facts of the vkurier.news report of 20 June 2025 (seed 004,
 * in Russian; quotes stay in Russian). The campaign holds every tie of a European council from
 * any source (run-seed adds them by country); the report itself adds the ties it names, in its
 * own dates. Where it conflicts with the Wikipedia list (Cologne), both claims are kept.
 *
 * A tie's start is its `signed` date ("since 2009", "in 2024", "19 June 2025"); the event that
 * records it is the report's own date, when the report documents it: a start date is never an
 * event date. What the report says about whole countries (Poland, the Baltic states and Finland)
 * is kept as country claims: shown on each tie of that country, moving no status.
 */
export const CAMPAIGN_SLUG = 'europe-2025';
const SRC = SOURCES.vkurier2025;
const ARTICLE_DATE = '2025-06-20';

/** EU27, the EEA (Iceland, Liechtenstein, Norway), the United Kingdom, Switzerland, Åland and the Faroe Islands. */
export const EUROPE_2025_COUNTRIES = [
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX',
  'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
  'ISL', 'LIE', 'NOR',
  'GBR', 'CHE', 'ALA', 'FRO',
] as const;

export const Q = {
  omskVitebsk: '19 июня 2025 года Омск и Витебск официально заключили соглашение о побратимстве.',
  planned: 'Планируется, что аналогичные соглашения будут подписаны также с Брестом и Гродно.',
  cologne: 'Например, в марте 2025 года Кёльн разорвал договор с Санкт-Петербургом.',
  poland: 'Власти Польши призвали свои города прекратить сотрудничество с российскими муниципалитетами ещё раньше.',
  balticsFinland: 'Латвия, Литва, Эстония и Финляндия сделали это сразу после начала полномасштабного вторжения в 2022 году.',
  gelendzhik: 'Сам Витебск уже давно связан с российским Геленджиком — их соглашение действует с 2009 года.',
  regions:
    'Ранее Витебская область сотрудничала и с российскими Смоленской и Брянской областями, но некоторые из этих связей к настоящему времени потеряли актуальность.',
  simferopol: 'Также в 2024 году Витебск заключил соглашение с оккупированным Симферополем — столицей аннексированного Крыма.',
} as const;

const slug = {
  cologne: gazetteerSlug('Cologne', 'DEU'),
  saintPetersburg: gazetteerSlug('Saint Petersburg', 'RUS'),
  volgograd: gazetteerSlug('Volgograd', 'RUS'),
  omsk: gazetteerSlug('Omsk', 'RUS'),
  vitebsk: gazetteerSlug('Vitebsk', 'BLR'),
  gelendzhik: gazetteerSlug('Gelendzhik', 'RUS'),
  simferopol: gazetteerSlug('Simferopol', 'UKR'),
  brest: gazetteerSlug('Brest', 'BLR'),
  grodno: gazetteerSlug('Grodno', 'BLR'),
};

export function europe2025Ties(): TieRecord[] {
  return [
    {
      // A new tie between Russia and Belarus: no campaign targets it, but it is data.
      place: at(slug.vitebsk, 'Витебск'),
      partner: at(slug.omsk, 'Омск'),
      kind: 'twin_town',
      signed: '2025-06-19',
      status: 'active',
      campaigns: [],
      events: [
        event(SRC, 'recorded', 'active', {
          date: ARTICLE_DATE,
          quote: Q.omskVitebsk,
          note: 'The report of 20 June 2025 says the agreement was signed on 19 June 2025 (its signed date), by the mayor of Omsk, Sergei Shelest, and the chairman of the Vitebsk city executive committee, Alexei Geroev.',
        }),
      ],
    },
    {
      // The Wikipedia list does not have this tie (it gives Volgograd as Cologne's partner): the
      // report's claim is kept as it stands, and the conflict is a review item.
      place: at(slug.cologne, 'Кёльн'),
      partner: at(slug.saintPetersburg, 'Санкт-Петербург'),
      kind: 'unknown',
      status: 'severed',
      campaigns: [CAMPAIGN_SLUG],
      events: [event(SRC, 'recorded', 'severed', { date: '2025-03', quote: Q.cologne, note: 'The report says Cologne broke the agreement in March 2025.' })],
    },
    {
      place: at(slug.vitebsk, 'Витебск'),
      partner: at(slug.gelendzhik, 'Геленджик'),
      kind: 'unknown',
      signed: '2009',
      status: 'active',
      campaigns: [],
      events: [
        event(SRC, 'recorded', 'active', {
          date: ARTICLE_DATE,
          quote: Q.gelendzhik,
          note: 'In force as of the report of 20 June 2025. The report says the agreement has been in force since 2009: that is the tie’s signed date, not this event’s.',
        }),
      ],
    },
    {
      place: at(slug.simferopol, 'Симферополь'),
      partner: at(slug.vitebsk, 'Витебск'),
      kind: 'unknown',
      signed: '2024',
      status: 'active',
      campaigns: [],
      events: [
        event(SRC, 'recorded', 'active', {
          date: ARTICLE_DATE,
          quote: Q.simferopol,
          note: 'Documented by the report of 20 June 2025, which calls Simferopol occupied and the capital of annexed Crimea; it says Vitebsk concluded the agreement in 2024 (the tie’s signed date).',
        }),
      ],
    },
  ];
}

export function europe2025ReviewItems(): ReviewItemRecord[] {
  const source = { ...SRC };
  return [
    {
      key: 'seed-004-cologne-saint-petersburg',
      kind: 'conflicting_claims',
      summary:
        'The report of 20 June 2025 says Cologne broke its agreement with Saint Petersburg in March 2025. The Wikipedia list gives Volgograd, not Saint Petersburg, as Cologne’s Russian partner, and does not list Cologne among Saint Petersburg’s partners. Both claims are kept: Cologne–Saint Petersburg is recorded as severed from the report, and Cologne–Volgograd is left as the list has it.',
      quote: Q.cologne,
      source,
      campaign: CAMPAIGN_SLUG,
      council: slug.cologne,
      tie: { place: slug.cologne, partner: slug.saintPetersburg },
      otherTie: { place: slug.cologne, partner: slug.volgograd },
      details: { otherSource: SOURCES.wikipediaRussia.seed, otherQuote: 'GER Cologne, Germany', otherQuoteListedUnder: 'Volgograd' },
    },
    {
      key: 'seed-004-omsk-planned-brest-grodno',
      kind: 'ambiguous_claim',
      summary:
        'The report says agreements like Omsk–Vitebsk are planned with Brest and Grodno. A planned agreement is not a tie, so none is recorded.',
      quote: Q.planned,
      source,
      place: slug.omsk,
      details: { plannedPartners: [slug.brest, slug.grodno] },
    },
    {
      key: 'seed-004-baltics-finland-2022',
      kind: 'ambiguous_claim',
      summary:
        'The report says Latvia, Lithuania, Estonia and Finland “did this” right after the full-scale invasion began in 2022, after sentences about European cities breaking ties and Polish authorities urging their cities to. It is kept as a claim that these countries ended such ties in 2022, on every tie of their places, and moves no status: “this” may also mean that their authorities urged their cities to, and the report names no city. Confirm per council.',
      quote: Q.balticsFinland,
      source,
      campaign: CAMPAIGN_SLUG,
      details: { countries: ['LVA', 'LTU', 'EST', 'FIN'], countryClaims: BALTICS_FINLAND.map((c) => `seed-004-ended-2022-${c.toLowerCase()}`) },
    },
    {
      key: 'seed-004-vitebsk-region-smolensk-bryansk',
      kind: 'ambiguous_claim',
      summary:
        'The report says Vitebsk Region used to cooperate with the Russian Smolensk and Bryansk regions and that some of these links have lost relevance, without saying which. No tie is recorded.',
      quote: Q.regions,
      source,
    },
  ];
}

const BALTICS_FINLAND = ['LVA', 'LTU', 'EST', 'FIN'] as const;

/** What the report says about whole countries: kept as claims on every tie of their places. */
export function europe2025CountryClaims(): CountryClaimRecord[] {
  const source = { ...SRC };
  return [
    ...BALTICS_FINLAND.map(
      (country): CountryClaimRecord => ({
        key: `seed-004-ended-2022-${country.toLowerCase()}`,
        country,
        kind: 'ended',
        date: '2022',
        source,
        quote: Q.balticsFinland,
        note: 'The report says Latvia, Lithuania, Estonia and Finland “did this” (сделали это) right after the full-scale invasion began in 2022, in a paragraph on European cities breaking ties with Russian partners; “this” follows the sentence on Polish authorities urging their cities to end such cooperation. It names no city: a claim about every such tie, not a council’s decision.',
      }),
    ),
    {
      key: 'seed-004-urged-pol',
      country: 'POL',
      kind: 'urged',
      // "Ещё раньше": earlier than Cologne's break of March 2025; the report gives no date.
      date: null,
      source,
      quote: Q.poland,
      note: 'The report says the Polish authorities urged Polish cities to end cooperation with Russian municipalities “even earlier” (ещё раньше) than Cologne’s break of March 2025; it gives no date and names no city.',
    },
  ];
}

export function europe2025Councils(): CouncilRecord[] {
  return [
    {
      slug: slug.cologne,
      place: slug.cologne,
      name: 'Cologne City Council',
      localName: 'Rat der Stadt Köln',
      contactEmails: [],
      emailDomains: [],
      languages: ['de'],
    },
  ];
}

export function europe2025Campaign(): CampaignRecord {
  return {
    slug: CAMPAIGN_SLUG,
    name: 'Europe 2025',
    nameUk: 'Європа 2025',
    description:
      'European councils that still hold twin or partner ties with Russian and Belarusian cities. European cities keep ending such ties: a report of 20 June 2025 says Cologne broke its agreement with Saint Petersburg in March 2025.',
    descriptionUk:
      'Ради європейських міст, які ще мають побратимські чи партнерські зв’язки з містами росії та Білорусі. Європейські міста й далі розривають такі зв’язки: за повідомленням від 20 червня 2025 року, Кельн у березні 2025 року розірвав угоду із Санкт-Петербургом.',
    state: 'active',
    countries: [...EUROPE_2025_COUNTRIES],
    languages: ['en', 'de', 'pl'],
    startedOn: null,
    letterDelivery: 'individual',
    figures: [],
  };
}

export function europe2025Dataset(): Dataset {
  const dataset = emptySeedDataset();
  dataset.sources = seedSources().filter((s) => s.seed === SRC.seed);
  dataset.campaigns = [europe2025Campaign()];
  dataset.councils = europe2025Councils();
  dataset.ties = europe2025Ties();
  dataset.countryClaims = europe2025CountryClaims();
  dataset.reviewItems = europe2025ReviewItems();
  return dataset;
}
