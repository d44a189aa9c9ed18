import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { placeNames, places, reviewItems, sources, ties } from '../../db/schema';
import { defineAction, fail } from '../auth/action';
import { webAddress } from '../sources/web-address';
import { fireTieEvent, loadTieTarget } from '../ties/fire-tie-event';
import { normaliseName } from './normalise-name';
import { placeSlug, uniqueSlug } from './slug';

/**
 * A partner a source did not name ("its Belarusian partners"), named later by another source:
 * the tie is re-pointed from its unnamed placeholder to the real place, so it keeps its id and
 * every event (its history), and a `noted` event with the naming source puts the naming itself on
 * the record. The placeholder goes once no tie uses it. The real place is an existing place (by
 * id), or found by name in the placeholder's country, or created; it must be in that country: a
 * source that said "a Belarusian partner" is not contradicted here. All in one transaction.
 */
const httpAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => webAddress(u) !== null, { message: 'must be a web address starting with http:// or https://' })
  .transform((u) => webAddress(u)!);

export const namePartnerInput = z.strictObject({
  tieId: z.coerce.number().int().positive(),
  /** The real place: its id, or its name and country (found by any spelling, else created). */
  place: z.union([
    z.strictObject({ placeId: z.coerce.number().int().positive() }),
    z.strictObject({ name: z.string().trim().min(1).max(200), country: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as BLR') }),
  ]),
  /** Where the name comes from. */
  sourceUrl: httpAddress,
  /** The words of the source that name it. */
  quote: z.string().trim().min(1).max(5000).optional(),
  reason: z.string().trim().min(1).max(2000),
});
export type NamePartnerInput = z.input<typeof namePartnerInput>;

export type NamePartnerResult = { tieId: number; placeId: number; created: boolean; eventId: number; placeholderRemoved: boolean };

async function sourceForUrl(db: Queryable, url: string): Promise<number> {
  const [created] = await db.insert(sources).values({ key: url, url, title: url }).onConflictDoNothing({ target: sources.key }).returning({ id: sources.id });
  if (created) return created.id;
  const [existing] = await db.select({ id: sources.id }).from(sources).where(eq(sources.key, url));
  return existing!.id;
}

/** A place of this name in this country (not a placeholder, not a district when a place of that name is not one). */
async function findPlace(db: Queryable, name: string, country: string) {
  const rows = await db
    .selectDistinct({ id: places.id, name: places.name, parentId: places.parentId })
    .from(places)
    .innerJoin(placeNames, eq(placeNames.placeId, places.id))
    .where(and(eq(places.country, country), eq(placeNames.key, normaliseName(name)), ne(places.kind, 'unnamed')))
    .orderBy(asc(places.id));
  return rows.find((r) => r.parentId === null) ?? rows[0] ?? null;
}

export const namePartner = defineAction({
  name: 'namePartner',
  permission: 'tie.name_partner',
  input: namePartnerInput,
  target: async (ctx, input) => {
    const [tie] = await ctx.db.select({ id: ties.id, placeId: ties.placeId }).from(ties).where(eq(ties.id, input.tieId));
    return tie ? loadTieTarget(ctx.db, tie) : null;
  },
  run: async (ctx, input): Promise<NamePartnerResult> =>
    ctx.db.transaction(async (tx) => {
      const [tie] = await tx.select().from(ties).where(eq(ties.id, input.tieId));
      if (!tie) fail('not_found', 'No such tie.');
      const sides = await tx.select().from(places).where(inArray(places.id, [tie.placeId, tie.partnerId]));
      const unnamed = sides.find((p) => p.kind === 'unnamed');
      if (!unnamed) fail('conflict', 'Both places of this tie are already named.');
      const other = sides.find((p) => p.id !== unnamed.id)!;

      let placeId: number;
      let created = false;
      if ('placeId' in input.place) {
        const [real] = await tx.select().from(places).where(eq(places.id, input.place.placeId));
        if (!real) fail('not_found', 'No such place.');
        if (real.kind === 'unnamed') fail('invalid_input', 'That is another unnamed partner, not a place.', { fieldErrors: { place: ['unnamed'] } });
        if (real.country !== unnamed.country) {
          fail('invalid_input', `The source named a partner in ${unnamed.country}; ${real.name} is in ${real.country}.`, { fieldErrors: { place: ['other_country'] } });
        }
        placeId = real.id;
      } else {
        if (input.place.country !== unnamed.country) {
          fail('invalid_input', `The source named a partner in ${unnamed.country}, not ${input.place.country}.`, { fieldErrors: { place: ['other_country'] } });
        }
        const found = await findPlace(tx, input.place.name, input.place.country);
        if (found) placeId = found.id;
        else {
          const taken = new Set((await tx.select({ slug: places.slug }).from(places)).map((p) => p.slug));
          const slug = uniqueSlug(placeSlug(input.place.name, input.place.country), (s) => taken.has(s));
          const [row] = await tx.insert(places).values({ slug, name: input.place.name, country: input.place.country }).returning({ id: places.id });
          placeId = row!.id;
          await tx.insert(placeNames).values({ placeId, name: input.place.name, key: normaliseName(input.place.name), lang: 'en', kind: 'english' });
          created = true;
        }
      }
      if (placeId === other.id) fail('invalid_input', 'A place cannot be its own partner.');
      const [already] = await tx
        .select({ id: ties.id })
        .from(ties)
        .where(or(and(eq(ties.placeId, other.id), eq(ties.partnerId, placeId)), and(eq(ties.placeId, placeId), eq(ties.partnerId, other.id))));
      if (already) fail('conflict', `${other.name} is already tied to that place (tie ${already.id}): this tie is the same one, recorded twice; merging ties is not naming.`);

      const [real] = await tx.select({ name: places.name }).from(places).where(eq(places.id, placeId));
      await tx
        .update(ties)
        .set(tie.placeId === unnamed.id ? { placeId } : { partnerId: placeId })
        .where(eq(ties.id, tie.id));

      const sourceId = await sourceForUrl(tx, input.sourceUrl);
      const fired = await fireTieEvent(tx, ctx.actor, {
        tieId: tie.id,
        type: 'noted',
        sourceId,
        quote: input.quote ?? null,
        reason: input.reason,
        note: `The partner is named: ${real!.name}. Until now it was recorded as a partner the source did not name.`,
      });
      if (!fired.ok) fail(fired.code === 'conflict' ? 'conflict' : fired.code === 'forbidden' ? 'forbidden' : 'invalid_input', fired.message);

      // The placeholder is one tie's; once no tie uses it, what pointed at it points at the real place.
      let placeholderRemoved = false;
      const [stillUsed] = await tx
        .select({ id: ties.id })
        .from(ties)
        .where(or(eq(ties.placeId, unnamed.id), eq(ties.partnerId, unnamed.id)));
      if (!stillUsed) {
        await tx.update(reviewItems).set({ placeId }).where(eq(reviewItems.placeId, unnamed.id));
        await tx.update(reviewItems).set({ otherPlaceId: placeId }).where(eq(reviewItems.otherPlaceId, unnamed.id));
        await tx.delete(places).where(eq(places.id, unnamed.id));
        placeholderRemoved = true;
      }
      return { tieId: tie.id, placeId, created, eventId: fired.event.id, placeholderRemoved };
    }),
});
