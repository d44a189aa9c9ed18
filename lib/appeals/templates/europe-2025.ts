import type { TemplateFamily } from './types';

/**
 * Letters to European councils that still hold ties with Russian or Belarusian cities. The
 * arguments: twinning was made for reconciliation and now serves Russia's claim that it is not
 * isolated (the US mayors appeal, seed 003); Belarus lent its territory to the war, and
 * Russian and Belarusian cities now sign partnerships with occupied Ukrainian cities, and
 * European councils keep ending such ties (the report of 20 June 2025, seed 004); ending the
 * tie is not aimed at the partner's people; a Ukrainian partner city is the better friendship.
 */
export const europe2025Templates: TemplateFamily = {
  key: 'europe-2025',
  drawnFrom: 'The US mayors appeal of 4 June 2022 and the report of 20 June 2025 on European cities ending such ties',
  templates: {
    en: {
      subject: '{place}: ending the partnership with {partner}',
      body: `{greeting}

I am writing to ask {councilName} to end what remains of the partnership of {place} with {partner} ({partnerCountry}). {tiesInForce}

Town twinning grew out of reconciliation after the Second World War, to bring people together across borders. A partnership with a Russian or Belarusian city now does the opposite. Russia uses such ties to show that it is not isolated while it wages war on Ukraine, and the regime in Belarus has lent its territory to that war. Russian and Belarusian cities are even signing new partnerships with Ukrainian cities under occupation.

{facts}

{pledgeReminder}

Ending the partnership is not a step against the people of {partner}: it withdraws an official recognition that their authorities put to their own use. I ask the council to end the partnership by a formal decision and to publish that decision. Many towns have instead deepened their friendship with a partner city in Ukraine, which would be a fine next step for {place} too.

{personal}

Yours sincerely,
{signerName}
{signerCity}`,
    },
    de: {
      subject: '{place}: Beendigung der Partnerschaft mit {partner}',
      body: `{greeting}

ich bitte Sie, die noch bestehenden Verbindungen Ihrer Stadt mit {partner} ({partnerCountry}) zu beenden. {tiesInForce}

Städtepartnerschaften sind aus der Versöhnung nach dem Zweiten Weltkrieg entstanden; sie sollten Menschen über Grenzen hinweg zusammenbringen. Eine Partnerschaft mit einer russischen oder belarussischen Stadt bewirkt heute das Gegenteil. Russland nutzt solche Verbindungen, um zu zeigen, dass es trotz seines Krieges gegen die Ukraine nicht isoliert ist, und das Regime in Belarus hat sein Staatsgebiet für diesen Krieg zur Verfügung gestellt. Russische und belarussische Städte schließen inzwischen sogar neue Partnerschaften mit besetzten ukrainischen Städten.

{facts}

{pledgeReminder}

Die Beendigung richtet sich nicht gegen die Menschen in {partner}; sie entzieht den dortigen Behörden eine offizielle Anerkennung, die diese für ihre Zwecke nutzen. Ich bitte den Rat daher, die Partnerschaft durch einen förmlichen Beschluss zu beenden und diesen Beschluss zu veröffentlichen. Viele Städte haben stattdessen die Freundschaft mit einer Partnerstadt in der Ukraine vertieft – das wäre auch für {place} ein guter nächster Schritt.

{personal}

Mit freundlichen Grüßen
{signerName}
{signerCity}`,
    },
    pl: {
      subject: 'Zakończenie partnerstwa: {place} – {partner}',
      body: `{greeting}

zwracam się z prośbą o zakończenie partnerstwa, które nadal łączy Państwa miasto z miastem rosyjskim lub białoruskim. {tiesInForce}

Partnerstwa miast wyrosły z pojednania po II wojnie światowej i miały zbliżać ludzi ponad granicami. Dziś partnerstwo z miastem rosyjskim lub białoruskim służy czemuś przeciwnemu. Rosja wykorzystuje takie więzi, by pokazać, że mimo wojny przeciwko Ukrainie nie jest odizolowana, a reżim na Białorusi udostępnił na potrzeby tej wojny swoje terytorium. Rosyjskie i białoruskie miasta zawierają nawet nowe umowy partnerskie z okupowanymi miastami Ukrainy.

{facts}

{pledgeReminder}

Zakończenie partnerstwa nie jest wymierzone w mieszkańców miasta partnerskiego: odbiera jedynie tamtejszym władzom oficjalne uznanie, które wykorzystują one do własnych celów. Uprzejmie proszę Radę o podjęcie formalnej uchwały o zakończeniu partnerstwa i o jej opublikowanie. Wiele miast postanowiło w zamian pogłębić przyjaźń z miastem partnerskim w Ukrainie – byłby to dobry kolejny krok także dla Państwa miasta.

{personal}

Z poważaniem
{signerName}
{signerCity}`,
    },
    uk: {
      subject: 'Припинення партнерства: {place} — {partner}',
      body: `{greeting}

Звертаюся до вас із проханням припинити партнерство вашого міста з російським чи білоруським містом. {tiesInForce}

Побратимство європейських міст виросло з примирення після Другої світової війни: воно мало зближувати людей понад кордонами. Партнерство з російським чи білоруським містом сьогодні служить протилежному. Росія використовує такі зв’язки, щоб показати, що попри війну проти України вона не в ізоляції, а режим у Білорусі надав для цієї війни свою територію. Російські та білоруські міста навіть укладають нові угоди з окупованими українськими містами.

{facts}

{pledgeReminder}

Розірвання партнерства не спрямоване проти мешканців міста-партнера: воно лише позбавляє тамтешню владу офіційного визнання, яке та використовує у своїх цілях. Прошу раду ухвалити офіційне рішення про припинення партнерства та оприлюднити його. Багато міст натомість поглибили дружбу з містом-партнером в Україні — це був би добрий наступний крок і для вашого міста.

{personal}

З повагою
{signerName}
{signerCity}`,
    },
  },
};
