import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type LETTER_DELIVERY_MODES, campaigns } from '../../db/schema';

export type LetterDeliveryMode = (typeof LETTER_DELIVERY_MODES)[number];

/**
 * How each campaign's letters reach councils (lib/appeals/set-letter-delivery.ts changes it),
 * for the organisers' page: the campaigns they organise ('all' for an admin), by name.
 */
export async function campaignLetterDelivery(
  db: Queryable,
  campaignIds: readonly number[] | 'all',
  locale: string,
): Promise<{ id: number; slug: string; name: string; letterDelivery: LetterDeliveryMode }[]> {
  if (campaignIds !== 'all' && campaignIds.length === 0) return [];
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name, nameUk: campaigns.nameUk, letterDelivery: campaigns.letterDelivery })
    .from(campaigns)
    .where(campaignIds === 'all' ? undefined : inArray(campaigns.id, [...campaignIds]))
    .orderBy(asc(campaigns.name));
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: (locale === 'uk' && c.nameUk) || c.name, letterDelivery: c.letterDelivery }));
}
