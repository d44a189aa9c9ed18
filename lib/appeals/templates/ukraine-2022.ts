import type { TemplateFamily } from './types';

/**
 * Letters to Ukrainian councils that still hold ties with Russian or Belarusian cities. The
 * arguments follow the Transparent Cities appeal of 2022 (seed 000): the aggressor's isolation
 * must be complete and local government is part of it; twinning exists to share experience,
 * and Ukrainian communities need none from these cities; many councils have already ended such
 * ties; the council should put the decision on its next session's agenda and publish it.
 */
export const ukraine2022Templates: TemplateFamily = {
  key: 'ukraine-2022',
  drawnFrom: 'Transparent Cities (Transparency International Ukraine), article of 26 May 2022 and update of 27 June 2022',
  templates: {
    uk: {
      subject: 'Звернення щодо розірвання побратимських і партнерських зв’язків ({partner}, {partnerCountry})',
      body: `{greeting}

Звертаюся до вас щодо зв’язків вашої громади з містами держави-агресора та її союзниці. {tiesInForce}

Побратимство міст існує для того, щоб громади обмінювалися досвідом в економіці, культурі, освіті, спорті, туризмі та міському господарстві. Українським громадам нема чого переймати в міст держави, яка веде проти України загарбницьку війну, чи держави, яка надала для цієї війни свою територію. Ізоляція агресора має бути повною, і місцеве самоврядування — така сама її частина, як санкції чи дипломатія.

{facts}

{pledgeReminder}

Прошу внести питання про розірвання цих зв’язків до порядку денного найближчої сесії ради, ухвалити рішення та оприлюднити його на офіційному сайті. Якщо рішення вже ухвалено, прошу повідомити його номер і дату, щоб відкриті дані про громаду були точними.

{personal}

З повагою
{signerName}
{signerCity}`,
    },
    en: {
      subject: 'Request to end twin and partner city ties ({partner}, {partnerCountry})',
      body: `{greeting}

I am writing to {councilName} about the ties that still link your community with cities of the state waging war on Ukraine and of its ally. {tiesInForce}

Twinning exists so that communities can share experience in the economy, culture, education, sport, tourism and the running of a city. There is nothing a Ukrainian community needs to learn from the cities of a state that is waging a war of conquest against Ukraine, or of a state that has lent its territory to that war. The aggressor must be isolated completely, and local government is as much a part of that as sanctions or diplomacy.

{facts}

{pledgeReminder}

I ask the council to put the ending of these ties on the agenda of its next session, to adopt the decision and to publish it on its website. If the decision has already been taken, please let me know its number and date, so that the public record of {place} is accurate.

{personal}

Yours sincerely,
{signerName}
{signerCity}`,
    },
  },
};
