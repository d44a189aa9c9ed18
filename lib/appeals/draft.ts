import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { campaignTies, campaigns, councils, places, ties } from '../../db/schema';
import type { CurrentUser } from '../auth/session';
import { localisedPlaceNames } from '../places/localised-place-names';
import { councilNameIn } from '../ties/council-page';
import { type TieStatus, isInGroup } from '../ties/lifecycle';
import { type Letter, composeLetter, letterLanguages } from './letter';
import { loadLetterData } from './letter-data';
import { type BlockedReason, blockedReasonOf, councilRecipients } from './recipients';
import { councilOpensAgainAt, needsModeration } from './rules';

/**
 * Everything the appeal page needs before the activist edits and sends: the council, the
 * campaign the letter is written in, the ties it is about, the languages it may be written in
 * (the default first), the letter composed from the data and signed with the person's name and
 * city, and whether the app can send it (the council has a usable address) or the person must
 * take it elsewhere.
 *
 * A council's ties may be in several campaigns; the letter is written in one: the active
 * campaign holding most of the chosen ties (then the oldest), and only its ties are in it.
 */
export type PreparedAppeal =
  | {
      ok: true;
      council: { id: number; slug: string; name: string | null; place: string; contactEmails: string[]; languages: string[] };
      campaign: { id: number; slug: string; name: string; languages: string[]; letterDelivery: 'individual' | 'digest' };
      ties: { id: number; partnerName: string; status: TieStatus }[];
      languages: string[];
      letter: Letter;
      /** The addresses the app would send to: the directory's, less suppressed ones. */
      recipients: string[];
      canSendFromApp: boolean;
      blockedReason: BlockedReason | null;
      /** The 30-day rule: when this person may write to this council again; null when they may now. */
      opensAgainAt: Date | null;
      /** Whether an organiser reads this person's appeal before it goes out. */
      needsModeration: boolean;
    }
  | { ok: false; code: 'not_found' | 'no_ties_in_force' };

export type PrepareAppealInput = {
  councilSlug: string;
  tieIds?: readonly number[];
  language?: string;
  /** Who writes: their name and city sign the letter. Null: a visitor, who may still copy or print it. */
  user: CurrentUser | null;
  /** The page's language, for names on the page (the letter's own names are in its language). */
  locale: string;
  now?: Date;
};

export async function prepareAppeal(db: Queryable, input: PrepareAppealInput): Promise<PreparedAppeal> {
  const [council] = await db
    .select({ council: councils, placeName: places.name })
    .from(councils)
    .innerJoin(places, eq(places.id, councils.placeId))
    .where(eq(councils.slug, input.councilSlug));
  if (!council) return { ok: false, code: 'not_found' };
  const { council: c } = council;

  const ofCouncil = or(eq(ties.placeId, c.placeId), eq(ties.partnerId, c.placeId));
  const rows = await db
    .select({ id: ties.id, status: ties.status, placeId: ties.placeId, partnerId: ties.partnerId, campaignId: campaigns.id, campaignState: campaigns.state })
    .from(ties)
    .innerJoin(campaignTies, eq(campaignTies.tieId, ties.id))
    .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
    .where(input.tieIds ? and(ofCouncil, inArray(ties.id, input.tieIds.length ? [...input.tieIds] : [-1])) : ofCouncil)
    .orderBy(asc(ties.id));
  if (input.tieIds && input.tieIds.some((id) => !rows.some((r) => r.id === id))) return { ok: false, code: 'not_found' };
  const inForce = rows.filter((r) => isInGroup(r.status, 'inForce'));
  if (inForce.length === 0) return { ok: false, code: 'no_ties_in_force' };

  const campaignId = chooseCampaign(inForce);
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  const chosen = inForce.filter((r) => r.campaignId === campaignId);
  const tieIds = chosen.map((r) => r.id);

  const languages: string[] = letterLanguages(campaign!, c);
  const language = input.language && languages.includes(input.language) ? input.language : languages[0];
  if (!language) throw new Error(`Campaign ${campaign!.slug} offers letters in no language the templates are written in.`);
  const data = await loadLetterData(db, { councilId: c.id, tieIds, locale: language });
  if (!data.ok) return { ok: false, code: data.code === 'council_not_found' || data.code === 'tie_not_of_council' ? 'not_found' : 'no_ties_in_force' };
  const letter = composeLetter({
    data: data.data,
    campaign: campaign!,
    language,
    signer: { name: input.user?.name ?? '', city: input.user?.city ?? '' },
    personal: '',
  });

  const partnerOf = (r: (typeof chosen)[number]) => (r.placeId === c.placeId ? r.partnerId : r.placeId);
  const partnerIds = chosen.map(partnerOf);
  const [localised, english, recipients] = await Promise.all([
    localisedPlaceNames(db, [c.placeId, ...partnerIds], input.locale),
    db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.id, partnerIds)),
    councilRecipients(db, c.contactEmails),
  ]);
  const englishName = new Map(english.map((p) => [p.id, p.name]));
  const now = input.now ?? new Date();
  return {
    ok: true,
    council: {
      id: c.id,
      slug: c.slug,
      name: councilNameIn(c, input.locale)?.text ?? null,
      place: localised.get(c.placeId) ?? council.placeName,
      contactEmails: c.contactEmails,
      languages: c.languages,
    },
    campaign: {
      id: campaign!.id,
      slug: campaign!.slug,
      name: (input.locale === 'uk' && campaign!.nameUk) || campaign!.name,
      languages: campaign!.languages,
      letterDelivery: campaign!.letterDelivery,
    },
    ties: chosen.map((r) => ({ id: r.id, partnerName: localised.get(partnerOf(r)) ?? englishName.get(partnerOf(r)) ?? '', status: r.status })),
    languages,
    letter,
    recipients: recipients.usable,
    canSendFromApp: recipients.usable.length > 0,
    blockedReason: blockedReasonOf(recipients),
    opensAgainAt: input.user ? await councilOpensAgainAt(db, input.user.id, c.id, now) : null,
    needsModeration: input.user ? await needsModeration(db, input.user.id) : true,
  };
}

/** The active campaign holding most of these ties, then the oldest. */
function chooseCampaign(rows: readonly { campaignId: number; campaignState: string }[]): number {
  const tally = new Map<number, { n: number; active: boolean }>();
  for (const r of rows) {
    const t = tally.get(r.campaignId) ?? { n: 0, active: r.campaignState === 'active' };
    t.n++;
    tally.set(r.campaignId, t);
  }
  return [...tally.entries()].sort(([a, x], [b, y]) => Number(y.active) - Number(x.active) || y.n - x.n || a - b)[0]![0];
}
