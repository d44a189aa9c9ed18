import type { Database } from '../../db/client';
import { campaigns, councils, placeNames, places, sources, users } from '../../db/schema';
import type { TieEventType, TieStatus } from '../ties/lifecycle';
import { fireTieEvent } from '../ties/fire-tie-event';
import { recordTie } from '../ties/record-tie';

/**
 * Builders for tests and fixtures: real rows through the real write paths, so a tie "in status X"
 * got there the way a real one would. Names are unique per call so factories can be reused on
 * one database.
 */
let counter = 0;
const next = () => ++counter;
const system = { kind: 'system', label: 'test' } as const;

export async function createPlace(db: Database, init: { name?: string; country?: string; ukName?: string } = {}) {
  const n = next();
  const name = init.name ?? `Place ${n}`;
  const country = init.country ?? 'UKR';
  const [place] = await db
    .insert(places)
    .values({ slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${country.toLowerCase()}-${n}`, name, country })
    .returning();
  await db.insert(placeNames).values({ placeId: place!.id, name, key: name.toLowerCase(), lang: 'en', kind: 'english' });
  if (init.ukName) await db.insert(placeNames).values({ placeId: place!.id, name: init.ukName, key: init.ukName.toLowerCase(), lang: 'uk', kind: 'official' });
  return place!;
}

export async function createUser(db: Database, init: { email?: string } = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: init.email ?? `person${next()}@example.org`, emailVerified: new Date() })
    .returning();
  return user!;
}

export async function createCouncil(db: Database, placeId: number, init: { name?: string } = {}) {
  const [council] = await db
    .insert(councils)
    .values({ slug: `council-${next()}`, placeId, name: init.name ?? null, languages: ['uk'] })
    .returning();
  return council!;
}

export async function createCampaign(db: Database, init: { slug?: string; name?: string } = {}) {
  const n = next();
  const [campaign] = await db
    .insert(campaigns)
    .values({ slug: init.slug ?? `campaign-${n}`, name: init.name ?? `Campaign ${n}`, countries: ['UKR'] })
    .returning();
  return campaign!;
}

export async function createSource(db: Database) {
  const n = next();
  const [source] = await db
    .insert(sources)
    .values({ key: `https://example.org/source/${n}`, url: `https://example.org/source/${n}`, title: `Source ${n}` })
    .returning();
  return source!;
}

/** The events that walk a new tie from `active` to each status. */
export const PATH_TO_STATUS: Record<TieStatus, TieEventType[]> = {
  active: [],
  appealed: ['appealed'],
  responded: ['appealed', 'responded'],
  pledged: ['appealed', 'promised'],
  severed: ['appealed', 'promised', 'severed'],
  suspended: ['suspended'],
  not_signed: ['found_not_signed'],
  occupied: ['occupied'],
  refused: ['appealed', 'refused'],
};

/** A council on the campaign's side, a Russian partner, and a tie between them in `status`. */
export async function createTie(
  db: Database,
  init: { status?: TieStatus; campaignId?: number; placeName?: string; partnerName?: string; partnerCountry?: string } = {},
) {
  const place = await createPlace(db, { name: init.placeName });
  const partner = await createPlace(db, { name: init.partnerName, country: init.partnerCountry ?? 'RUS' });
  const council = await createCouncil(db, place.id);
  const campaignId = init.campaignId ?? (await createCampaign(db)).id;
  const source = await createSource(db);
  const recorded = await recordTie(db, system, {
    placeId: place.id,
    partnerId: partner.id,
    status: 'active',
    campaignIds: [campaignId],
    sourceId: source.id,
  });
  if (!recorded.ok) throw new Error(recorded.message);
  for (const type of PATH_TO_STATUS[init.status ?? 'active']) {
    const fired = await fireTieEvent(db, system, {
      tieId: recorded.tieId,
      type,
      sourceId: source.id,
      occurred: { date: '2022-05-25', precision: 'day' },
    });
    if (!fired.ok) throw new Error(fired.message);
  }
  return { tieId: recorded.tieId, place, partner, council, campaignId, source };
}
