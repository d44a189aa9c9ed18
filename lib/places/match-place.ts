import { distance } from 'fastest-levenshtein';
import type { Queryable } from '../../db/client';
import { placeNames, places } from '../../db/schema';
import type { TiePlace } from '../import/dataset';
import { type PlaceKind, placeKindFromName } from './kinds';
import { nameSkeleton, normaliseName } from './normalise-name';
import { placeSlug, uniqueSlug } from './slug';

/**
 * Finding a place by any of its names. An import loads every place and name once into a
 * PlaceIndex, then resolves each place a tie names through it: by slug, else by the key of any
 * of its spellings within its country (and under its parent, for districts). A place is only
 * ever created when no spelling is known; names that merely look alike are suggested as
 * possible duplicates for a person to decide (never merged here).
 */
export type PlaceNameKind = (typeof placeNames.$inferSelect)['kind'];
export type IndexedName = { name: string; key: string; lang: string; kind: PlaceNameKind; skeleton?: string };
export type IndexedPlace = {
  id: number;
  slug: string;
  name: string;
  country: string;
  kind: PlaceKind;
  parentId: number | null;
  names: IndexedName[];
};

export class PlaceIndex {
  /** Planned writes: places and names added in memory, not yet in the database. */
  readonly pending: {
    places: { place: IndexedPlace; regionId: number | null; latitude: number | null; longitude: number | null }[];
    names: { place: IndexedPlace; name: IndexedName }[];
  } = { places: [], names: [] };
  private nextPlaceholder = -1;
  private readonly byId = new Map<number, IndexedPlace>();
  private readonly bySlug = new Map<string, IndexedPlace>();
  private readonly byKey = new Map<string, IndexedPlace[]>(); // `${country}|${key}`
  private readonly byCountry = new Map<string, IndexedPlace[]>();

  static async load(db: Queryable): Promise<PlaceIndex> {
    const index = new PlaceIndex();
    const rows = await db
      .select({ id: places.id, slug: places.slug, name: places.name, country: places.country, kind: places.kind, parentId: places.parentId })
      .from(places)
      .orderBy(places.id);
    for (const row of rows) index.add({ ...row, names: [] });
    const names = await db
      .select({ placeId: placeNames.placeId, name: placeNames.name, key: placeNames.key, lang: placeNames.lang, kind: placeNames.kind })
      .from(placeNames)
      .orderBy(placeNames.id);
    for (const n of names) {
      const place = index.byId.get(n.placeId);
      if (place) index.addName(place, { name: n.name, key: n.key, lang: n.lang, kind: n.kind });
    }
    return index;
  }

  add(place: IndexedPlace): void {
    this.byId.set(place.id, place);
    this.bySlug.set(place.slug, place);
    const list = this.byCountry.get(place.country) ?? [];
    list.push(place);
    this.byCountry.set(place.country, list);
    const names = place.names;
    place.names = [];
    for (const n of names) this.addName(place, n);
  }

  addName(place: IndexedPlace, name: IndexedName): void {
    place.names.push(name);
    const k = `${place.country}|${name.key}`;
    const list = this.byKey.get(k) ?? [];
    if (!list.includes(place)) list.push(place);
    this.byKey.set(k, list);
  }

  placeholderId(): number {
    return this.nextPlaceholder--;
  }

  /**
   * Writes the planned places and names in a few multi-row inserts (an import creates hundreds;
   * one round trip each would dominate its time), then gives the places their real ids.
   */
  async flush(db: Queryable): Promise<void> {
    const waiting = this.pending.places;
    this.pending.places = [];
    while (waiting.length) {
      // A district can only be written once its city has its real id.
      const ready = waiting.filter((w) => (w.place.parentId ?? 0) >= 0 && (w.regionId ?? 0) >= 0);
      if (ready.length === 0) throw new Error('Planned places refer to each other in a cycle.');
      for (const batch of chunks(ready, 500)) {
        const rows = await db
          .insert(places)
          .values(
            batch.map(({ place, regionId, latitude, longitude }) => ({
              slug: place.slug,
              name: place.name,
              country: place.country,
              kind: place.kind,
              parentId: place.parentId,
              regionId,
              latitude,
              longitude,
            })),
          )
          .returning({ id: places.id, slug: places.slug });
        const ids = new Map(rows.map((r) => [r.slug, r.id]));
        for (const { place } of batch) {
          const id = ids.get(place.slug)!;
          const placeholder = place.id;
          this.byId.delete(placeholder);
          place.id = id;
          this.byId.set(id, place);
          for (const w of waiting) {
            if (w.place.parentId === placeholder) w.place.parentId = id;
            if (w.regionId === placeholder) w.regionId = id;
          }
        }
      }
      for (const r of ready) waiting.splice(waiting.indexOf(r), 1);
    }
    const names = this.pending.names;
    this.pending.names = [];
    for (const batch of chunks(names, 1000)) {
      await db
        .insert(placeNames)
        .values(batch.map(({ place, name }) => ({ placeId: place.id, name: name.name, key: name.key, lang: name.lang, kind: name.kind })))
        .onConflictDoNothing();
    }
  }

  getById(id: number): IndexedPlace | undefined {
    return this.byId.get(id);
  }

  getBySlug(slug: string): IndexedPlace | undefined {
    return this.bySlug.get(slug);
  }

  inCountry(country: string): readonly IndexedPlace[] {
    return this.byCountry.get(country) ?? [];
  }

  /**
   * The place one of these spellings names in this country. With a parent (a district), only
   * places under that parent count; without one, a place that has no parent wins over a
   * district of the same name. The first spelling that matches decides.
   */
  find(spellings: readonly string[], country: string, parentId?: number): IndexedPlace | null {
    for (const spelling of spellings) {
      const key = normaliseName(spelling);
      if (!key) continue;
      const candidates = this.byKey.get(`${country}|${key}`) ?? [];
      const fitting =
        parentId !== undefined
          ? candidates.filter((p) => p.parentId === parentId)
          : candidates.some((p) => p.parentId === null)
            ? candidates.filter((p) => p.parentId === null)
            : candidates;
      const best = [...fitting].sort((a, b) => a.id - b.id)[0];
      if (best) return best;
    }
    return null;
  }

  /**
   * Places in the same country whose names look like this place's (same transliteration
   * skeleton, or keys of 5+ letters within two edits), excluding its own parent and children
   * and districts of other cities. For a person to review, never to merge.
   */
  possibleDuplicates(place: IndexedPlace): IndexedPlace[] {
    return this.inCountry(place.country).filter((other) => {
      if (other.id === place.id || other.id === place.parentId || other.parentId === place.id) return false;
      if (place.parentId !== null && other.parentId !== null && place.parentId !== other.parentId) return false;
      return other.names.some((n) => place.names.some((m) => namesLookAlike(m, n)));
    });
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function skeletonOf(n: IndexedName): string {
  n.skeleton ??= nameSkeleton(n.name);
  return n.skeleton;
}

/**
 * Spellings worth a second look: the same key or transliteration skeleton (Gomel/Homiel), or
 * keys of 5+ letters whose skeletons are within two edits that only touch vowels
 * (Kharkov/Kharkiv, Chernigov/Chernihiv). Consonant changes are left out on purpose: on real
 * lists they flag different towns (Minsk/Pinsk, Kursk/Kansk, Changzhou/Hangzhou).
 */
export function namesLookAlike(a: IndexedName, b: IndexedName): boolean {
  if (a.key === b.key) return true;
  const sa = skeletonOf(a);
  const sb = skeletonOf(b);
  if (sa === sb) return true;
  if (a.key.length < 5 || b.key.length < 5) return false;
  return consonants(sa) === consonants(sb) && distance(sa, sb) <= 2;
}

function consonants(skeleton: string): string {
  return skeleton.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
}

/** The language of a spelling when the source does not say: English for Latin script. */
export function guessNameLang(name: string): string {
  return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{M}]+$/u.test(name) ? 'en' : 'und';
}

export type NewPlace = {
  slug?: string;
  name: string;
  country: string;
  kind: PlaceKind;
  parentId: number | null;
  parentName?: string | null;
  regionId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  names: { name: string; lang: string; kind: PlaceNameKind }[];
};

/**
 * Adds a new place and its names to the index, to be written by `flush`. Until then its id is
 * a negative placeholder. The main name is always one of its names.
 */
export function planPlace(index: PlaceIndex, input: NewPlace): IndexedPlace {
  const slug =
    input.slug && !index.getBySlug(input.slug)
      ? input.slug
      : uniqueSlug(placeSlug(input.name, input.country, input.parentName), (s) => Boolean(index.getBySlug(s)));
  const place: IndexedPlace = {
    id: index.placeholderId(),
    slug,
    name: input.name,
    country: input.country,
    kind: input.kind,
    parentId: input.parentId,
    names: [],
  };
  index.add(place);
  index.pending.places.push({ place, regionId: input.regionId ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null });
  const names = input.names.some((n) => n.name === input.name) ? input.names : [{ name: input.name, lang: 'en', kind: 'english' as const }, ...input.names];
  planPlaceNames(index, place, names);
  return place;
}

/** Adds the spellings the place does not have yet (written by `flush`); returns how many. */
export function planPlaceNames(index: PlaceIndex, place: IndexedPlace, names: readonly { name: string; lang: string; kind: PlaceNameKind }[]): number {
  let added = 0;
  for (const n of names) {
    const name = n.name.trim();
    const key = normaliseName(name);
    if (!key || place.names.some((x) => x.name === name && x.lang === n.lang)) continue;
    const entry: IndexedName = { name, key, lang: n.lang, kind: n.kind };
    index.addName(place, entry);
    index.pending.names.push({ place, name: entry });
    added++;
  }
  return added;
}

/** A spelling a tie gives that the place does not have in any language yet. */
function isNewSpelling(place: IndexedPlace, name: string): boolean {
  return !place.names.some((n) => n.name === name);
}

export type ResolvedPlace = {
  place: IndexedPlace;
  parent: IndexedPlace | null;
  /** Places this resolution created: the place itself, and its parent city when that was new too. */
  created: IndexedPlace[];
  /** Places that got spellings they did not have. */
  renamed: IndexedPlace[];
  namesAdded: number;
};

/**
 * The place a tie names: by slug when known, else by any spelling in its country (under its
 * parent), else a new place with all its spellings. The spellings of a found place that it did
 * not know yet become its aliases, so the next import finds it by them too. Nothing is written
 * until `index.flush(db)`.
 */
export function resolveTiePlace(index: PlaceIndex, tp: TiePlace): ResolvedPlace {
  const created: IndexedPlace[] = [];
  const renamed: IndexedPlace[] = [];
  let namesAdded = 0;
  let parent: IndexedPlace | null = null;
  if (tp.parent) {
    const resolved = resolveTiePlace(index, { name: tp.parent.name, country: tp.parent.country, aliases: [] });
    parent = resolved.place;
    created.push(...resolved.created);
    renamed.push(...resolved.renamed);
    namesAdded += resolved.namesAdded;
  }
  const spellings = [...new Set([tp.name, ...tp.aliases])];
  const bySlug = tp.slug ? index.getBySlug(tp.slug) : undefined;
  const found = bySlug ?? index.find(spellings, tp.country, parent ? parent.id : undefined);
  if (found) {
    const added = planPlaceNames(
      index,
      found,
      spellings.filter((s) => isNewSpelling(found, s)).map((name) => ({ name, lang: guessNameLang(name), kind: 'alias' as const })),
    );
    if (added > 0) renamed.push(found);
    return { place: found, parent, created, renamed, namesAdded: namesAdded + added };
  }
  const place = planPlace(index, {
    slug: tp.slug,
    name: tp.name,
    country: tp.country,
    kind: tp.kind ?? (parent ? 'district' : placeKindFromName(tp.name)),
    parentId: parent?.id ?? null,
    parentName: parent?.name ?? null,
    names: [
      { name: tp.name, lang: 'en', kind: 'english' },
      ...spellings.slice(1).map((name) => ({ name, lang: guessNameLang(name), kind: 'alias' as const })),
    ],
  });
  created.push(place);
  return { place, parent, created, renamed, namesAdded: namesAdded + place.names.length };
}
