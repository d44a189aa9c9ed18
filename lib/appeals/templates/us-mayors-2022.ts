import type { TemplateFamily } from './types';

/**
 * Letters to American councils whose cities are still twinned with Russian ones. The arguments
 * follow the President of Ukraine's appeal to US mayors of 4 June 2022 (seed 003): the ties
 * give the American city nothing but let Russia claim it is not isolated; Russia's missiles
 * fall mostly on Ukrainian cities; the crimes in occupied towns such as Bucha; and the offer
 * of a better partnership, helping a Ukrainian city rebuild. City-specific claims of the
 * speech (which missiles are made where) are left to the activist's own paragraph.
 */
export const usMayors2022Templates: TemplateFamily = {
  key: 'us-mayors-2022',
  drawnFrom: 'The President of Ukraine’s address to the US Conference of Mayors, 4 June 2022',
  templates: {
    en: {
      subject: 'Please end the sister-city tie between {place} and {partner}',
      kinds: { twin_town: 'the sister-city agreement', unknown: 'the sister-city tie' },
      body: `{greeting}

I am writing to ask {councilName} to end the sister-city relationship between {place} and {partner}, {partnerCountry}. {tiesInForce}

Sister-city ties were made to bring people together, and for decades they did. Today a tie with a Russian city does something else: it lets the Russian state tell its own people and the world that it is not isolated, whatever it does in Ukraine. For {place}, the tie brings nothing in return.

Since February 2022 Russia has launched thousands of missiles at Ukraine, most of them at cities: at homes, power plants, hospitals and schools. In Bucha and other towns that Russian troops occupied, civilians were tortured and killed. Russian city governments serve the state that wages this war.

{facts}

{pledgeReminder}

I respectfully ask the council to vote to end the tie and to publish its decision. If {place} wishes to keep a friendship abroad, there is a better partner: a Ukrainian city that is rebuilding after Russian attacks and would welcome the support of American friends.

{personal}

Sincerely,
{signerName}
{signerCity}`,
    },
    uk: {
      subject: 'Прохання розірвати побратимські зв’язки: {place} — {partner}',
      body: `{greeting}

Звертаюся до вас із проханням розірвати побратимські зв’язки вашого міста з російським містом. {tiesInForce}

Побратимство міст задумували, щоб зближувати людей, і десятиліттями воно саме це й робило. Сьогодні зв’язок із російським містом служить іншому: він дає російській державі змогу казати своїм громадянам і світові, що вона не в ізоляції, хоч би що вона чинила в Україні. Вашому місту цей зв’язок натомість не дає нічого.

Від лютого 2022 року Росія випустила по Україні тисячі ракет, здебільшого по містах: по житлових будинках, електростанціях, лікарнях і школах. У Бучі та інших містах, які окупували російські війська, цивільних катували й убивали. Влада російських міст служить державі, яка веде цю війну.

{facts}

{pledgeReminder}

Шанобливо прошу раду проголосувати за розірвання цього зв’язку й оприлюднити рішення. Якщо ваше місто хоче й далі мати друзів за кордоном, є кращий партнер: українське місто, яке відбудовується після російських ударів і буде вдячне за підтримку американських друзів.

{personal}

З повагою
{signerName}
{signerCity}`,
    },
  },
};
