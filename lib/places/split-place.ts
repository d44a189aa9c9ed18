import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { councils, placeNames, places, ties } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { can } from '../auth/permissions';
import { loadTieTarget } from '../ties/fire-tie-event';
import { normaliseName } from './normalise-name';
import { placeSlug, uniqueSlug } from './slug';

/**
 * Two real places wrongly merged into one record (one "Portland" for Portland, Maine and
 * Portland, Oregon): an organiser splits them. The second place is created, in the same country,
 * told apart by its ISO 3166-2 region, with the place's names in every language (not its aliases,
 * which may be the other place's); when the place has a council, the new place gets its own,
 * empty of everything that belongs to the other (contacts, domains, head, staff): letters about
 * one never go to the other. The chosen ties are re-pointed at the new place and keep their id,
 * events and campaigns, so their history is untouched; nothing is recorded on them, since
 * nothing happened to them in the world. All in one transaction.
 *
 * The permission is the table's `place.split` against the campaigns of the chosen ties: an
 * organiser must hold every one of them.
 */
const regionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as US-OR');

export const splitPlaceInput = z.strictObject({
  placeId: z.coerce.number().int().positive(),
  /** The second place's English name (usually the same name). */
  newName: z.string().trim().min(1).max(200),
  /** Where the second place is: what tells the two apart. */
  newRegionCode: regionCode,
  /** Where the first place is, when its record does not say yet. */
  placeRegionCode: regionCode.optional(),
  tieIds: z.array(z.coerce.number().int().positive()).min(1, 'choose the ties that belong to the other place').max(1000),
  reason: z.string().trim().min(1).max(2000),
});
export type SplitPlaceInput = z.input<typeof splitPlaceInput>;

export type SplitPlaceResult = {
  placeId: number;
  newPlaceId: number;
  newSlug: string;
  newCouncilId: number | null;
  movedTieIds: number[];
  reason: string;
};

async function campaignsOfTies(db: Queryable, tieIds: readonly number[]) {
  const rows = await db.select({ id: ties.id, placeId: ties.placeId }).from(ties).where(inArray(ties.id, [...tieIds]));
  return Promise.all(rows.map(async (t) => ({ tieId: t.id, target: await loadTieTarget(db, t) })));
}

export const splitPlace = defineAction({
  name: 'splitPlace',
  permission: 'place.split',
  input: splitPlaceInput,
  target: async (ctx, input) => {
    const [place] = await ctx.db.select({ id: places.id }).from(places).where(eq(places.id, input.placeId));
    if (!place) return null;
    const targets = await campaignsOfTies(ctx.db, [...new Set(input.tieIds)]);
    if (targets.length === 0) return null;
    return { councilId: null, campaignIds: [...new Set(targets.flatMap((t) => t.target.campaignIds))].sort((a, b) => a - b) };
  },
  run: async (ctx, input): Promise<SplitPlaceResult> =>
    ctx.db.transaction(async (tx) => {
      const tieIds = [...new Set(input.tieIds)];
      const [place] = await tx.select().from(places).where(eq(places.id, input.placeId));
      if (!place) fail('not_found', 'No such place.');
      if (place.kind === 'unnamed') fail('invalid_input', 'A partner the source does not name is not a place to split: name it instead.');

      const chosen = await tx.select().from(ties).where(inArray(ties.id, tieIds));
      const missing = tieIds.filter((id) => !chosen.some((t) => t.id === id));
      if (missing.length) fail('not_found', `No tie ${missing.join(', ')}.`);
      // The union of campaigns let the action through; each tie must be the organiser's own.
      for (const { tieId, target } of await campaignsOfTies(tx, tieIds)) {
        if (!can(ctx.actor, 'place.split', target)) fail('forbidden', `Tie ${tieId} is not in a campaign you organise.`);
      }
      const foreign = chosen.filter((t) => t.placeId !== place.id && t.partnerId !== place.id);
      if (foreign.length) {
        fail('invalid_input', `Tie ${foreign.map((t) => t.id).join(', ')} does not involve ${place.name}.`, { fieldErrors: { tieIds: ['not_this_place'] } });
      }
      const placeRegion = place.regionCode ?? input.placeRegionCode ?? null;
      if (placeRegion === input.newRegionCode && normaliseName(input.newName) === normaliseName(place.name)) {
        fail('invalid_input', `${place.name} is already the place in ${input.newRegionCode}: give the other place's region.`, { fieldErrors: { newRegionCode: ['same_region'] } });
      }
      if (!place.regionCode && input.placeRegionCode) await tx.update(places).set({ regionCode: input.placeRegionCode }).where(eq(places.id, place.id));

      const taken = new Set((await tx.select({ slug: places.slug }).from(places)).map((p) => p.slug));
      const slug = uniqueSlug(placeSlug(`${input.newName} ${input.newRegionCode}`, place.country), (s) => taken.has(s));
      const [created] = await tx
        .insert(places)
        .values({ slug, name: input.newName, country: place.country, kind: place.kind, regionCode: input.newRegionCode })
        .returning({ id: places.id });
      const newPlaceId = created!.id;

      // Its name in every language is the shared name's; aliases and old names may be the other place's.
      const names = await tx
        .select({ name: placeNames.name, lang: placeNames.lang, kind: placeNames.kind })
        .from(placeNames)
        .where(and(eq(placeNames.placeId, place.id), inArray(placeNames.kind, ['official', 'english', 'transliteration'])));
      const newNames = [
        { name: input.newName, lang: 'en', kind: 'english' as const },
        ...names.filter((n) => !(n.lang === 'en' && n.kind === 'english')),
      ].filter((n, i, all) => all.findIndex((m) => m.name === n.name && m.lang === n.lang) === i);
      await tx.insert(placeNames).values(newNames.map((n) => ({ placeId: newPlaceId, name: n.name, key: normaliseName(n.name), lang: n.lang, kind: n.kind })));

      const [council] = await tx.select().from(councils).where(eq(councils.placeId, place.id));
      let newCouncilId: number | null = null;
      if (council) {
        const councilSlugs = new Set((await tx.select({ slug: councils.slug }).from(councils)).map((c) => c.slug));
        const [row] = await tx
          .insert(councils)
          // Only what is true of any council there: the language its letters go in.
          .values({ slug: uniqueSlug(slug, (s) => councilSlugs.has(s)), placeId: newPlaceId, languages: council.languages })
          .returning({ id: councils.id });
        newCouncilId = row!.id;
      }

      for (const t of chosen) {
        await tx
          .update(ties)
          .set(t.placeId === place.id ? { placeId: newPlaceId } : { partnerId: newPlaceId })
          .where(eq(ties.id, t.id));
      }
      return { placeId: place.id, newPlaceId, newSlug: slug, newCouncilId, movedTieIds: chosen.map((t) => t.id).sort((a, b) => a - b), reason: input.reason };
    }),
});
