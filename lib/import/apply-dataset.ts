import { and, eq } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client';
import {
  campaignFigures,
  campaignTies,
  campaigns,
  councils,
  countries,
  countryClaims,
  places,
  type RecorderRole,
  reviewItems,
  sources,
  tieEvents,
  ties,
} from '../../db/schema';
import { type PartialDate, formatPartialDate, parsePartialDate } from '../dates/partial-date';
import { type IndexedPlace, PlaceIndex, planPlace, planPlaceNames, resolveTiePlace } from '../places/match-place';
import { normaliseName } from '../places/normalise-name';
import type { AttributionKind } from '../ties/attribution';
import { fireTieEvent } from '../ties/fire-tie-event';
import type { Actor, TieStatus } from '../ties/lifecycle';
import { recordTie } from '../ties/record-tie';
import { storeTieHistories } from '../ties/tie-history-store';
import {
  type CampaignRecord,
  type CountryClaimRecord,
  type CouncilRecord,
  type Dataset,
  type DatasetInput,
  type EventRecord,
  type PlaceRecord,
  type ReviewItemRecord,
  type SourceRef,
  type TiePlace,
  type TieRecord,
  datasetSchema,
  sourceKey,
} from './dataset';

/**
 * Writes a dataset (from the Wikipedia list or CSV parsers, the seed, or an export) into the
 * database, all or nothing. Places are found through every known spelling before any is
 * created; new ties go through recordTie and their later events through fireTieEvent, so the
 * lifecycle's rules hold for imports too. What is already there is left alone, so importing
 * the same file twice adds nothing. Disagreements between sources are kept and filed for
 * review, never resolved by code.
 */
export type Counts = {
  sources: number;
  places: number;
  placeNames: number;
  councils: number;
  campaigns: number;
  ties: number;
  events: number;
  countryClaims: number;
  reviewItems: number;
};
export type ImportReport = {
  added: Counts;
  changed: Counts;
  unchanged: Counts;
  rejected: { tie?: number; item: string; message: string }[];
  review: { kind: string; summary: string }[];
  durationMs: number;
};
export type ApplyOptions = {
  actor?: Actor;
  /** Add every tie to this campaign (it must exist or be in the dataset). */
  campaign?: string;
  /** Do everything and report it, then roll back. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export function emptyCounts(): Counts {
  return { sources: 0, places: 0, placeNames: 0, councils: 0, campaigns: 0, ties: 0, events: 0, countryClaims: 0, reviewItems: 0 };
}

class Rollback extends Error {}

export async function applyDataset(db: Database, input: Dataset | DatasetInput, options: ApplyOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const report: ImportReport = { added: emptyCounts(), changed: emptyCounts(), unchanged: emptyCounts(), rejected: [], review: [], durationMs: 0 };
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const tie = issue.path[0] === 'ties' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      report.rejected.push({ ...(tie !== undefined ? { tie } : {}), item: issue.path.join('.') || 'dataset', message: issue.message });
    }
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }
  try {
    await db.transaction(async (tx) => {
      const run = new ApplyRun(tx, parsed.data, options, report);
      await run.execute();
      if (report.rejected.length > 0 || options.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

type SourceRow = typeof sources.$inferSelect;
type TieState = {
  id: number;
  placeId: number;
  partnerId: number;
  status: TieStatus;
  kind: (typeof ties.$inferSelect)['kind'];
  agreementTitle: string | null;
  signed: string | null;
  campaignIds: Set<number>;
  /** `id` is unknown (undefined) for a recording event written in this run until it is asked for. */
  events: { id?: number; type: string; toStatus: string; sourceId: number | null; date: string | null; quote: string | null; targetEventId: number | null }[];
};
type ReviewInput = {
  key: string;
  kind: ReviewItemRecord['kind'];
  summary: string;
  quote?: string | null;
  sourceId?: number | null;
  tieId?: number | null;
  placeId?: number | null;
  otherPlaceId?: number | null;
  details?: Record<string, unknown> | null;
};

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const formatDate = (d: PartialDate | null) => (d ? formatPartialDate(d.date, d.precision) : null);

/** One apply, inside its transaction: in-memory caches of everything it looks up. */
class ApplyRun {
  private readonly db: Database;
  private readonly actor: Actor;
  private countryCodes = new Set<string>();
  private sourcesByKey = new Map<string, SourceRow>();
  private index!: PlaceIndex;
  /** The dataset's own place slugs, to the place each became (itself, or a known place it named). */
  private readonly datasetPlaces = new Map<string, IndexedPlace>();
  private councilsBySlug = new Map<string, typeof councils.$inferSelect>();
  private campaignsBySlug = new Map<string, { id: number; slug: string }>();
  private tiesByPair = new Map<string, TieState>();
  private reviewKeys = new Set<string>();
  private readonly filedNow = new Set<string>(); // a look-alike pair is met from both sides
  private readonly reservedReviewKeys: Set<string>;
  private placeRows = new Map<number, typeof places.$inferSelect>();
  /** Places to check for look-alikes once written: new ones, and ones with new spellings. */
  private toCheck = new Set<IndexedPlace>();
  /** ISO 3166-2 codes: of places in the database by id, and of places planned in this run until they have one. */
  private readonly regionCodes = new Map<number, string>();
  private readonly plannedRegionCodes = new Map<IndexedPlace, string>();
  private countryClaimRows = new Map<string, typeof countryClaims.$inferSelect>();
  /** Ties whose events this run wrote: their derived history is stored once, at the end, in the
   * same transaction (one pass for a whole list instead of one per tie). */
  private readonly historyTies = new Set<number>();
  // Places by object, not id: a planned place gets its id only when the index is flushed.
  private readonly touched = {
    places: { added: new Set<IndexedPlace>(), changed: new Set<IndexedPlace>(), seen: new Set<IndexedPlace>() },
    ties: { added: new Set<number>(), changed: new Set<number>(), seen: new Set<number>() },
  };

  constructor(
    private readonly tx: Transaction,
    private readonly dataset: Dataset,
    private readonly options: ApplyOptions,
    private readonly report: ImportReport,
  ) {
    // recordTie and fireTieEvent open their own transactions; on `tx` those nest as savepoints.
    this.db = tx as unknown as Database;
    this.actor = options.actor ?? { kind: 'system', label: 'import' };
    this.reservedReviewKeys = new Set(dataset.reviewItems.map((r) => r.key));
  }

  async execute(): Promise<void> {
    await this.load();
    for (const s of this.dataset.sources) await this.upsertSource(s);
    for (const p of this.orderedPlaces()) await this.applyPlace(p);
    await this.flushPlaces();
    for (const c of this.dataset.councils) await this.applyCouncil(c);
    for (const c of this.dataset.campaigns) await this.applyCampaign(c);
    // Every place the ties name is resolved (new ones written in bulk) before the first tie.
    const sides = this.dataset.ties.map((tie, i) => this.resolveSides(tie, i));
    await this.flushPlaces();
    const total = this.dataset.ties.length;
    for (const [i, tie] of this.dataset.ties.entries()) {
      const resolved = sides[i];
      if (resolved) await this.applyTie(tie, i, resolved.place, resolved.partner);
      this.options.onProgress?.(i + 1, total);
    }
    for (const c of this.dataset.countryClaims) await this.applyCountryClaim(c);
    for (const r of this.dataset.reviewItems) await this.applyReviewItem(r);
    // A rejected run rolls back anyway.
    if (this.report.rejected.length === 0) await storeTieHistories(this.q, [...this.historyTies]);
    this.tally();
  }

  private get q(): Queryable {
    return this.tx;
  }

  private async load(): Promise<void> {
    const q = this.q;
    this.countryCodes = new Set((await q.select({ code: countries.code }).from(countries)).map((c) => c.code));
    for (const s of await q.select().from(sources)) this.sourcesByKey.set(s.key, s);
    this.index = await PlaceIndex.load(q);
    for (const p of await q.select().from(places)) {
      this.placeRows.set(p.id, p);
      if (p.regionCode) this.regionCodes.set(p.id, p.regionCode);
    }
    for (const c of await q.select().from(countryClaims)) this.countryClaimRows.set(c.key, c);
    for (const c of await q.select().from(councils)) this.councilsBySlug.set(c.slug, c);
    for (const c of await q.select({ id: campaigns.id, slug: campaigns.slug }).from(campaigns)) this.campaignsBySlug.set(c.slug, c);
    const byId = new Map<number, TieState>();
    for (const t of await q.select().from(ties)) {
      const state: TieState = {
        id: t.id,
        placeId: t.placeId,
        partnerId: t.partnerId,
        status: t.status,
        kind: t.kind,
        agreementTitle: t.agreementTitle,
        signed: t.signedOn && t.signedPrecision ? formatPartialDate(t.signedOn, t.signedPrecision) : null,
        campaignIds: new Set(),
        events: [],
      };
      byId.set(t.id, state);
      this.tiesByPair.set(pairKey(t.placeId, t.partnerId), state);
    }
    for (const m of await q.select().from(campaignTies)) byId.get(m.tieId)?.campaignIds.add(m.campaignId);
    const events = await q
      .select({
        id: tieEvents.id,
        tieId: tieEvents.tieId,
        type: tieEvents.type,
        targetEventId: tieEvents.targetEventId,
        toStatus: tieEvents.toStatus,
        sourceId: tieEvents.sourceId,
        occurredOn: tieEvents.occurredOn,
        occurredPrecision: tieEvents.occurredPrecision,
        quote: tieEvents.quote,
      })
      .from(tieEvents)
      .orderBy(tieEvents.tieId, tieEvents.revision);
    for (const e of events) {
      byId.get(e.tieId)?.events.push({
        id: e.id,
        targetEventId: e.targetEventId,
        type: e.type,
        toStatus: e.toStatus,
        sourceId: e.sourceId,
        date: e.occurredOn && e.occurredPrecision ? formatPartialDate(e.occurredOn, e.occurredPrecision) : null,
        quote: e.quote,
      });
    }
    for (const r of await q.select({ key: reviewItems.key }).from(reviewItems)) this.reviewKeys.add(r.key);
  }

  private reject(item: string, message: string, tie?: number): void {
    this.report.rejected.push({ ...(tie !== undefined ? { tie } : {}), item, message });
  }

  // --- sources -------------------------------------------------------------------------------

  private async upsertSource(s: Dataset['sources'][number]): Promise<SourceRow> {
    const key = sourceKey(s);
    const existing = this.sourcesByKey.get(key);
    const published = s.published ? parsePartialDate(s.published) : null;
    if (!existing) {
      const [row] = await this.q
        .insert(sources)
        .values({
          key,
          url: s.url ?? null,
          seedDocument: s.seed ?? null,
          title: s.title,
          publisher: s.publisher ?? null,
          publishedOn: published?.date ?? null,
          publishedPrecision: published?.precision ?? null,
          language: s.language ?? null,
          ...(s.kind ? { kind: s.kind } : {}),
        })
        .returning();
      this.sourcesByKey.set(key, row!);
      this.report.added.sources++;
      return row!;
    }
    // Fill in what the record lacks; what it already says stays (it came first).
    const placeholderTitle = existing.title === (existing.url ?? existing.seedDocument);
    const update: Partial<SourceRow> = {};
    if (placeholderTitle && s.title !== existing.title) update.title = s.title;
    if (!existing.publisher && s.publisher) update.publisher = s.publisher;
    if (!existing.publishedOn && published) Object.assign(update, { publishedOn: published.date, publishedPrecision: published.precision });
    if (!existing.language && s.language) update.language = s.language;
    // What kind of source it is can be said better later (a page first seen as news turns out to be
    // the council's own): a kind the file states replaces the stored one; none leaves it.
    if (s.kind && s.kind !== existing.kind) update.kind = s.kind;
    if (Object.keys(update).length === 0) {
      this.report.unchanged.sources++;
      return existing;
    }
    const [row] = await this.q.update(sources).set(update).where(eq(sources.id, existing.id)).returning();
    this.sourcesByKey.set(key, row!);
    this.report.changed.sources++;
    return row!;
  }

  /** The id of the source a reference names; sources only referenced are created from the reference. */
  private async sourceId(ref: SourceRef | null | undefined): Promise<number | null> {
    if (!ref) return null;
    const known = this.sourcesByKey.get(sourceKey(ref));
    if (known) return known.id;
    const row = await this.upsertSource({ ...ref, title: ref.title ?? ref.url ?? ref.seed! });
    return row.id;
  }

  private sourceById(id: number | null): SourceRow | undefined {
    if (id === null) return undefined;
    for (const s of this.sourcesByKey.values()) if (s.id === id) return s;
    return undefined;
  }

  private sourceLabel(id: number | null): string {
    const s = this.sourceById(id);
    return s ? `"${s.title}"` : 'an unsourced claim';
  }

  /** Review keys name sources by their key, never by row id: the same claim gets the same key in any database. */
  private sourceKeyOf(id: number | null): string {
    return this.sourceById(id)?.key ?? 'unsourced';
  }

  // --- places --------------------------------------------------------------------------------

  /** Parents and regions before the places in them. */
  private orderedPlaces(): PlaceRecord[] {
    const bySlug = new Map(this.dataset.places.map((p) => [p.slug, p]));
    const seen = new Set<string>(); // marked on entry, so a cycle cannot loop
    const out: PlaceRecord[] = [];
    const visit = (p: PlaceRecord) => {
      if (seen.has(p.slug)) return;
      seen.add(p.slug);
      for (const up of [p.parent, p.region]) {
        const q = up ? bySlug.get(up) : undefined;
        if (q) visit(q);
      }
      out.push(p);
    };
    for (const p of this.dataset.places) visit(p);
    return out;
  }

  private placeBySlug(slug: string): IndexedPlace | undefined {
    return this.datasetPlaces.get(slug) ?? this.index.getBySlug(slug);
  }

  private async applyPlace(p: PlaceRecord): Promise<void> {
    const item = `place ${p.slug}`;
    if (!this.countryCodes.has(p.country)) return this.reject(item, `Unknown country code ${p.country}.`);
    const parent = p.parent ? this.placeBySlug(p.parent) : undefined;
    const region = p.region ? this.placeBySlug(p.region) : undefined;
    if (p.parent && !parent) return this.reject(item, `Its parent ${p.parent} is not a known place.`);
    if (p.region && !region) return this.reject(item, `Its region ${p.region} is not a known place.`);
    const names = p.names.some((n) => n.name === p.name) ? p.names : [{ name: p.name, lang: 'en', kind: 'english' as const }, ...p.names];

    let place = this.index.getBySlug(p.slug);
    if (!place) {
      // A place the database knows under another slug is one place, whatever the dataset calls
      // it; unless the dataset lists that slug too (then they are two places of one name).
      const named =
        (p.regionCode ? this.findInRegion(names.map((n) => n.name), p.country, p.regionCode, parent?.id) : null) ??
        this.index.find(
          names.map((n) => n.name),
          p.country,
          parent?.id,
        );
      // Two places of one name told apart by their regions (Portland, US-ME and US-OR) stay two.
      const otherRegion = named ? this.regionCodeOf(named) : null;
      if (named && !this.datasetPlaceSlugs.has(named.slug) && !(p.regionCode && otherRegion && otherRegion !== p.regionCode)) place = named;
    }
    if (!place) {
      const created = planPlace(this.index, {
        slug: p.slug,
        name: p.name,
        country: p.country,
        kind: p.kind,
        parentId: parent?.id ?? null,
        parentName: parent?.name ?? null,
        regionId: region?.id ?? null,
        latitude: p.latitude ?? null,
        longitude: p.longitude ?? null,
        names,
      });
      this.datasetPlaces.set(p.slug, created);
      if (p.regionCode) this.plannedRegionCodes.set(created, p.regionCode);
      this.touched.places.added.add(created);
      this.report.added.placeNames += created.names.length;
      this.toCheck.add(created);
      return;
    }
    this.datasetPlaces.set(p.slug, place);
    this.touched.places.seen.add(place);
    const row = this.placeRows.get(place.id);
    if (place.slug === p.slug && row && row.country === p.country) {
      // What the record says replaces what is stored; what it leaves out (no parent, no
      // coordinates, the default kind) does not blank what someone else filled in.
      const wanted: Partial<typeof places.$inferSelect> = { name: p.name };
      if (p.kind !== 'settlement') wanted.kind = p.kind;
      if (parent) wanted.parentId = parent.id;
      if (region) wanted.regionId = region.id;
      if (p.latitude != null) wanted.latitude = p.latitude;
      if (p.longitude != null) wanted.longitude = p.longitude;
      if (p.regionCode) wanted.regionCode = p.regionCode;
      // A parent only planned in this run has no id yet; leave that move to a second import.
      if (!sameValues(row, wanted) && (wanted.parentId ?? 0) >= 0 && (wanted.regionId ?? 0) >= 0) {
        await this.q.update(places).set(wanted).where(eq(places.id, place.id));
        this.placeRows.set(place.id, { ...row, ...wanted });
        if (wanted.regionCode) this.regionCodes.set(place.id, wanted.regionCode);
        Object.assign(place, { name: p.name, kind: wanted.kind ?? place.kind, parentId: wanted.parentId ?? place.parentId });
        this.touched.places.changed.add(place);
      }
    }
    const added = planPlaceNames(this.index, place, names);
    this.report.added.placeNames += added;
    this.report.unchanged.placeNames += names.length - added;
    if (added > 0) {
      this.touched.places.changed.add(place);
      this.toCheck.add(place);
    }
  }

  private placeSlugSet: Set<string> | undefined;
  private get datasetPlaceSlugs(): Set<string> {
    this.placeSlugSet ??= new Set(this.dataset.places.map((x) => x.slug));
    return this.placeSlugSet;
  }

  /** Both places of a tie, found or planned; null (and a rejection) when one cannot be. */
  private resolveSides(tie: TieRecord, i: number): { place: IndexedPlace; partner: IndexedPlace } | null {
    const item = `tie ${i + 1}: ${tie.place.name} – ${tie.partner.name}`;
    for (const tp of [tie.place, tie.partner]) {
      for (const c of [tp.country, tp.parent?.country]) {
        if (c && !this.countryCodes.has(c)) {
          this.reject(item, `Unknown country code ${c} for ${tp.name}.`, i);
          return null;
        }
      }
    }
    const resolve = (tp: TiePlace): IndexedPlace => {
      const mapped = tp.slug ? this.datasetPlaces.get(tp.slug) : undefined;
      const resolved = resolveTiePlace(this.index, mapped ? { ...tp, slug: mapped.slug } : tp);
      for (const p of resolved.created) {
        this.touched.places.added.add(p);
        this.toCheck.add(p);
      }
      for (const p of resolved.renamed) {
        this.touched.places.changed.add(p);
        this.toCheck.add(p);
      }
      this.touched.places.seen.add(resolved.place);
      if (resolved.parent) this.touched.places.seen.add(resolved.parent);
      this.report.added.placeNames += resolved.namesAdded;
      return resolved.place;
    };
    return { place: resolve(tie.place), partner: resolve(tie.partner) };
  }

  /** Writes the planned places, then files look-alikes of the new and renamed ones. */
  private async flushPlaces(): Promise<void> {
    await this.index.flush(this.q);
    for (const [place, code] of this.plannedRegionCodes) {
      if (place.id < 0) continue; // still waiting for its parent
      await this.q.update(places).set({ regionCode: code }).where(eq(places.id, place.id));
      this.regionCodes.set(place.id, code);
      this.plannedRegionCodes.delete(place);
    }
    const toCheck = [...this.toCheck];
    this.toCheck.clear();
    for (const p of toCheck) await this.checkDuplicates(p);
  }

  private async checkDuplicates(place: IndexedPlace): Promise<void> {
    for (const other of this.index.possibleDuplicates(place)) {
      // A partner a source does not name has no name to confuse; places of one name in different
      // regions are two places by record.
      if (place.kind === 'unnamed' || other.kind === 'unnamed') continue;
      const [ra, rb] = [this.regionCodeOf(place), this.regionCodeOf(other)];
      if (ra && rb && ra !== rb) continue;
      const [a, b] = [place, other].sort((x, y) => (x.slug < y.slug ? -1 : 1)) as [IndexedPlace, IndexedPlace];
      await this.fileReview({
        key: `possible-duplicate:${a.slug}:${b.slug}`,
        kind: 'possible_duplicate_place',
        summary: `"${a.name}" (${a.slug}) and "${b.name}" (${b.slug}) in ${a.country} have similar names and may be one place. If they are, merge them; if not, dismiss this.`,
        placeId: a.id,
        otherPlaceId: b.id,
      });
    }
  }

  /** A place of one of these names in that region (of two Portlands, the one in US-OR). */
  private findInRegion(spellings: readonly string[], country: string, regionCode: string, parentId?: number): IndexedPlace | null {
    const keys = new Set(spellings.map(normaliseName).filter(Boolean));
    const found = this.index
      .inCountry(country)
      .filter((x) => this.regionCodeOf(x) === regionCode && (parentId === undefined || x.parentId === parentId) && x.names.some((n) => keys.has(n.key)));
    return [...found].sort((a, b) => a.id - b.id)[0] ?? null;
  }

  private regionCodeOf(place: IndexedPlace): string | null {
    return this.plannedRegionCodes.get(place) ?? this.regionCodes.get(place.id) ?? null;
  }

  // --- councils and campaigns ----------------------------------------------------------------

  private async applyCouncil(c: CouncilRecord): Promise<void> {
    const item = `council ${c.slug}`;
    const place = this.placeBySlug(c.place);
    if (!place) return this.reject(item, `Its place ${c.place} is not a known place.`);
    const values = {
      slug: c.slug,
      placeId: place.id,
      name: c.name ?? null,
      localName: c.localName ?? null,
      headName: c.headName ?? null,
      website: c.website ?? null,
      contactEmails: c.contactEmails,
      emailDomains: c.emailDomains,
      languages: c.languages,
    };
    const existing = this.councilsBySlug.get(c.slug);
    const other = [...this.councilsBySlug.values()].find((x) => x.placeId === place.id && x.slug !== c.slug);
    if (other) return this.reject(item, `${place.name} already has a council: ${other.slug}.`);
    if (!existing) {
      const [row] = await this.q.insert(councils).values(values).returning();
      this.councilsBySlug.set(c.slug, row!);
      this.report.added.councils++;
      return;
    }
    if (sameValues(existing, values)) {
      this.report.unchanged.councils++;
      return;
    }
    const [row] = await this.q
      .update(councils)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(councils.id, existing.id))
      .returning();
    this.councilsBySlug.set(c.slug, row!);
    this.report.changed.councils++;
  }

  private async applyCampaign(c: CampaignRecord): Promise<void> {
    const values = {
      slug: c.slug,
      name: c.name,
      nameUk: c.nameUk ?? null,
      description: c.description ?? null,
      descriptionUk: c.descriptionUk ?? null,
      state: c.state,
      countries: c.countries,
      languages: c.languages,
      startedOn: c.startedOn ?? null,
      letterDelivery: c.letterDelivery,
    };
    const known = this.campaignsBySlug.get(c.slug);
    let id: number;
    let changed = false;
    if (!known) {
      const [row] = await this.q.insert(campaigns).values(values).returning({ id: campaigns.id });
      id = row!.id;
      this.campaignsBySlug.set(c.slug, { id, slug: c.slug });
    } else {
      id = known.id;
      const [row] = await this.q.select().from(campaigns).where(eq(campaigns.id, id));
      if (row && !sameValues(row, values)) {
        await this.q.update(campaigns).set(values).where(eq(campaigns.id, id));
        changed = true;
      }
    }
    const existingFigures = new Map((await this.q.select().from(campaignFigures).where(eq(campaignFigures.campaignId, id))).map((f) => [f.key, f]));
    for (const [position, f] of c.figures.entries()) {
      const figure = {
        campaignId: id,
        key: f.key,
        value: f.value,
        label: f.label,
        labelUk: f.labelUk ?? null,
        sourceId: (await this.sourceId(f.source))!,
        quote: f.quote ?? null,
        position,
      };
      const old = existingFigures.get(f.key);
      if (!old) {
        await this.q.insert(campaignFigures).values(figure);
        changed = true;
      } else if (!sameValues(old, figure)) {
        await this.q.update(campaignFigures).set(figure).where(eq(campaignFigures.id, old.id));
        changed = true;
      }
    }
    if (!known) this.report.added.campaigns++;
    else if (changed) this.report.changed.campaigns++;
    else this.report.unchanged.campaigns++;
  }

  // --- ties ----------------------------------------------------------------------------------

  private async applyTie(tie: TieRecord, i: number, place: IndexedPlace, partner: IndexedPlace): Promise<void> {
    const label = `${tie.place.name} – ${tie.partner.name}`;
    const item = `tie ${i + 1}: ${label}`;
    if (place.id === partner.id) return this.reject(item, `Both sides are the same place (${place.slug}).`, i);

    const campaignSlugs = [...new Set([...tie.campaigns, ...(this.options.campaign ? [this.options.campaign] : [])])];
    const campaignIds: number[] = [];
    for (const slug of campaignSlugs) {
      const c = this.campaignsBySlug.get(slug);
      if (!c) return this.reject(item, `No campaign "${slug}": create it first or include it in the dataset.`, i);
      campaignIds.push(c.id);
    }

    let state = this.tiesByPair.get(pairKey(place.id, partner.id));
    let events = tie.events;
    const conflicts: string[] = [];
    if (!state) {
      const [first, ...rest] = tie.events;
      if (!first || first.type !== 'recorded') {
        return this.reject(item, `${label} is not known yet, so its first event must be "recorded" (it is "${first?.type}").`, i);
      }
      const signed = tie.signed ? parsePartialDate(tie.signed) : null;
      const sourceId = await this.sourceId(first.source);
      const occurred = first.date ? parsePartialDate(first.date) : null;
      const result = await recordTie(this.db, this.actorFor(first), {
        placeId: place.id,
        partnerId: partner.id,
        status: first.status,
        kind: tie.kind,
        agreementTitle: tie.agreementTitle ?? null,
        signed,
        campaignIds,
        sourceId,
        evidence: first.evidence ?? null,
        occurred,
        occurredByDate: first.dateIsUpperBound,
        quote: first.quote ?? null,
        note: first.note ?? null,
        ...(first.recordedAt ? { recordedAt: new Date(first.recordedAt) } : {}),
        deferHistory: true,
      });
      if (!result.ok) return this.reject(item, `Cannot record ${label}: ${result.message}`, i);
      this.historyTies.add(result.tieId);
      // recordTie says who stands behind it from the actor; a file that states it (an export of
      // staff's or the campaign's own record) keeps it.
      const role = first.attribution ? recorderRoleFor(first.attribution) : null;
      if (role && role !== 'import') {
        await this.q
          .update(tieEvents)
          .set({ recorderRole: role })
          .where(and(eq(tieEvents.tieId, result.tieId), eq(tieEvents.revision, 1)));
      }
      state = {
        id: result.tieId,
        placeId: place.id,
        partnerId: partner.id,
        status: first.status,
        kind: tie.kind,
        agreementTitle: tie.agreementTitle ?? null,
        signed: formatDate(signed),
        campaignIds: new Set(campaignIds),
        events: [{ type: 'recorded', toStatus: first.status, sourceId, date: formatDate(occurred), quote: first.quote ?? null, targetEventId: null }],
      };
      this.tiesByPair.set(pairKey(place.id, partner.id), state);
      this.touched.ties.added.add(state.id);
      this.report.added.events++;
      events = rest;
    } else {
      this.touched.ties.seen.add(state.id);
      await this.mergeTieFacts(state, tie, place, partner, conflicts);
      const missing = campaignIds.filter((id) => !state!.campaignIds.has(id));
      if (missing.length) {
        await this.q
          .insert(campaignTies)
          .values(missing.map((campaignId) => ({ campaignId, tieId: state!.id })))
          .onConflictDoNothing();
        for (const id of missing) state.campaignIds.add(id);
        this.touched.ties.changed.add(state.id);
      }
    }

    const offset = tie.events.length - events.length;
    let appended = offset > 0; // the tie was recorded just now
    // The id each of the dataset's events has in the database, for corrections that name one by
    // its number; the recording event of a tie recorded just now is looked up when asked for.
    const ids: (number | undefined)[] = offset > 0 ? [undefined] : [];
    for (const [k, ev] of events.entries()) {
      const outcome = await this.appendEvent(state, ev, ids, { label, item, tieIndex: i, eventNumber: offset + k + 1, place, partner, conflicts });
      if (outcome.result === 'refused') return;
      if (outcome.result === 'appended') appended = true;
      ids.push(outcome.id);
    }
    // A dataset's status must follow from its events. Nothing to check when all of them were
    // already there (the tie may have moved on since, through other sources), or when the
    // dataset's claim was filed as a conflict.
    if (appended && state.status !== tie.status && !conflicts.includes('status')) {
      this.reject(item, `The events of ${label} leave it ${state.status}, but its status says ${tie.status}.`, i);
    }
  }

  /** Kind, agreement title and signing date: fill in what is missing; a different claim is filed, the first kept. */
  private async mergeTieFacts(state: TieState, tie: TieRecord, place: IndexedPlace, partner: IndexedPlace, conflicts: string[]): Promise<void> {
    const first = tie.events[0];
    const sourceId = first ? await this.sourceId(first.source) : null;
    const update: Partial<typeof ties.$inferInsert> = {};
    const incomingSigned = tie.signed ? parsePartialDate(tie.signed) : null;
    const incomingSignedText = formatDate(incomingSigned);
    const claims: { field: string; kept: string; claimed: string }[] = [];

    if (tie.kind !== 'unknown' && tie.kind !== state.kind) {
      if (state.kind === 'unknown') update.kind = tie.kind;
      else claims.push({ field: 'kind', kept: state.kind.replaceAll('_', ' '), claimed: tie.kind.replaceAll('_', ' ') });
    }
    if (tie.agreementTitle && tie.agreementTitle !== state.agreementTitle) {
      if (!state.agreementTitle) update.agreementTitle = tie.agreementTitle;
      else claims.push({ field: 'agreement', kept: `"${state.agreementTitle}"`, claimed: `"${tie.agreementTitle}"` });
    }
    if (incomingSigned && incomingSignedText !== state.signed) {
      if (!state.signed || incomingSignedText!.startsWith(state.signed)) {
        Object.assign(update, { signedOn: incomingSigned.date, signedPrecision: incomingSigned.precision });
      } else if (!state.signed.startsWith(incomingSignedText!)) {
        claims.push({ field: 'signed', kept: state.signed, claimed: incomingSignedText! });
      }
    }
    if (Object.keys(update).length) {
      await this.q.update(ties).set(update).where(eq(ties.id, state.id));
      if (update.kind) state.kind = update.kind;
      if (update.agreementTitle) state.agreementTitle = update.agreementTitle;
      if (update.signedOn) state.signed = incomingSignedText;
      this.touched.ties.changed.add(state.id);
    }
    const [p, r] = this.storedSides(state, place, partner);
    const source = this.sourceLabel(sourceId);
    const what: Record<string, string> = { kind: 'the kind of agreement of', agreement: 'the agreement title of', signed: 'when they signed' };
    for (const c of claims) {
      conflicts.push(c.field);
      await this.fileReview({
        key: `conflicting-claims:${c.field}:${p.slug}:${r.slug}:${this.sourceKeyOf(sourceId)}`,
        kind: 'conflicting_claims',
        summary:
          c.field === 'signed'
            ? `Sources disagree on when ${p.name} and ${r.name} signed: the record says ${c.kept}; ${source} says ${c.claimed}. The record is kept until a person decides.`
            : `Sources disagree on ${what[c.field]} ${p.name} – ${r.name}: the record says ${c.kept}; ${source} says ${c.claimed}. The record is kept until a person decides.`,
        sourceId,
        tieId: state.id,
        quote: first?.quote ?? null,
        details: { field: c.field, kept: c.kept, claimed: c.claimed },
      });
    }
  }

  /** The tie's place and partner as stored (an incoming tie may name them the other way round). */
  private storedSides(state: TieState, a: IndexedPlace, b: IndexedPlace): [IndexedPlace, IndexedPlace] {
    return state.placeId === a.id ? [a, b] : [b, a];
  }

  private actorFor(ev: EventRecord): Actor {
    if (this.actor.kind === 'system' && ev.recordedBy) return { kind: 'system', label: ev.recordedBy };
    return this.actor;
  }

  /** The database id of the dataset's event number `n` (1-based) of this tie, as far as it has been applied. */
  private async eventIdAt(state: TieState, ids: readonly (number | undefined)[], n: number): Promise<number | null> {
    if (n < 1 || n > ids.length) return null;
    const known = ids[n - 1];
    if (known !== undefined) return known;
    const [row] = await this.q
      .select({ id: tieEvents.id })
      .from(tieEvents)
      .where(and(eq(tieEvents.tieId, state.id), eq(tieEvents.revision, 1)));
    const recorded = state.events.find((e) => e.type === 'recorded' && e.id === undefined);
    if (recorded && row) recorded.id = row.id;
    return row?.id ?? null;
  }

  /** Appends one event unless the tie has it already. */
  private async appendEvent(
    state: TieState,
    ev: EventRecord,
    ids: readonly (number | undefined)[],
    ctx: { label: string; item: string; tieIndex: number; eventNumber: number; place: IndexedPlace; partner: IndexedPlace; conflicts: string[] },
  ): Promise<{ result: 'appended' | 'present' | 'refused'; id?: number }> {
    const sourceId = await this.sourceId(ev.source);
    const occurred = ev.date ? parsePartialDate(ev.date) : null;
    const date = formatDate(occurred);
    const quote = ev.quote ?? null;
    const described = `event ${ctx.eventNumber} "${ev.type}"${date ? ` of ${date}` : ''}`;
    let targetEventId: number | null = null;
    if (ev.targetEvent) {
      targetEventId = ev.targetEvent < ctx.eventNumber ? await this.eventIdAt(state, ids, ev.targetEvent) : null;
      if (targetEventId === null) {
        this.reject(ctx.item, `${ctx.label}: ${described} names event ${ev.targetEvent}, which is not an earlier event of this tie.`, ctx.tieIndex);
        return { result: 'refused' };
      }
    }
    const present = state.events.find(
      (e) =>
        e.sourceId === sourceId &&
        e.date === date &&
        e.quote === quote &&
        e.targetEventId === targetEventId &&
        (ev.type === 'recorded' ? e.type === 'recorded' || e.type === 'noted' : e.type === ev.type && (isCorrection(ev.type) || e.toStatus === ev.status)),
    );
    if (present) {
      this.report.unchanged.events++;
      return { result: 'present', id: present.id ?? (await this.eventIdAt(state, [undefined], 1)) ?? undefined };
    }
    // Another source recording a known tie is a new source for it; a different status is a
    // conflicting claim, kept as written and filed for a person.
    const claimsOther = ev.type === 'recorded' && ev.status !== state.status;
    const type = ev.type === 'recorded' ? 'noted' : ev.type;
    const note = claimsOther ? [ev.note, `This source says the tie is ${ev.status}; the record says ${state.status}.`].filter(Boolean).join(' ') : ev.note;
    const result = await fireTieEvent(this.db, this.actorFor(ev), {
      tieId: state.id,
      type,
      occurred,
      occurredByDate: ev.dateIsUpperBound,
      sourceId,
      quote,
      evidence: ev.evidence ?? null,
      note: note ?? null,
      reason: ev.reason ?? null,
      targetStatus: type === 'corrected' ? ev.status : null,
      targetEventId,
      checkResult: ev.checkResult ?? null,
      sessionOn: ev.sessionOn ?? null,
      ...(ev.attribution ? { recorderRole: recorderRoleFor(ev.attribution) } : {}),
      ...(ev.recordedAt ? { recordedAt: new Date(ev.recordedAt) } : {}),
      deferHistory: true,
    });
    if (!result.ok) {
      this.reject(ctx.item, `${ctx.label}: ${described} was refused: ${result.message}`, ctx.tieIndex);
      return { result: 'refused' };
    }
    this.historyTies.add(state.id);
    // An event's status is where it left the tie at its place in the history (one dated before
    // later events leaves it where it then stood); a correction's is where the tie stood when it
    // was made. The tie's status after all of them is checked against the dataset's tie.
    if (type !== 'noted' && !isCorrection(type) && result.event.toStatus !== ev.status) {
      this.reject(ctx.item, `${ctx.label}: ${described} leaves the tie ${result.event.toStatus}, but the dataset says ${ev.status}.`, ctx.tieIndex);
      return { result: 'refused' };
    }
    const from = state.status;
    state.status = result.status;
    state.events.push({ id: result.event.id, type, toStatus: result.event.toStatus, sourceId, date, quote, targetEventId });
    this.report.added.events++;
    if (!this.touched.ties.added.has(state.id)) this.touched.ties.changed.add(state.id);
    if (claimsOther) {
      ctx.conflicts.push('status');
      const [p, r] = this.storedSides(state, ctx.place, ctx.partner);
      await this.fileReview({
        key: `conflicting-claims:status:${p.slug}:${r.slug}:${this.sourceKeyOf(sourceId)}`,
        kind: 'conflicting_claims',
        summary: `Sources disagree on ${p.name} – ${r.name}: the record says it is ${from}; ${this.sourceLabel(sourceId)} says it is ${ev.status}${date ? ` (${date})` : ''}. Both claims are kept until a person decides.`,
        quote,
        sourceId,
        tieId: state.id,
        details: { field: 'status', kept: from, claimed: ev.status, date },
      });
    }
    return { result: 'appended', id: result.event.id };
  }

  // --- country claims ------------------------------------------------------------------------

  /** A claim about a whole country's ties: added, or merged by key (what the file leaves out stays). */
  private async applyCountryClaim(c: CountryClaimRecord): Promise<void> {
    const item = `country claim ${c.key}`;
    if (!this.countryCodes.has(c.country)) return this.reject(item, `Unknown country code ${c.country}.`);
    const sourceId = (await this.sourceId(c.source))!;
    const values: Partial<typeof countryClaims.$inferInsert> = { key: c.key, country: c.country, kind: c.kind, sourceId, quote: c.quote };
    if (c.date !== undefined) {
      const date = c.date ? parsePartialDate(c.date) : null;
      Object.assign(values, { occurredOn: date?.date ?? null, occurredPrecision: date?.precision ?? null });
    }
    if (c.note !== undefined) values.note = c.note ?? null;
    const existing = this.countryClaimRows.get(c.key);
    if (!existing) {
      const [row] = await this.q
        .insert(countryClaims)
        .values({ ...values, key: c.key, country: c.country, kind: c.kind, sourceId, quote: c.quote })
        .returning();
      this.countryClaimRows.set(c.key, row!);
      this.report.added.countryClaims++;
      return;
    }
    if (sameValues(existing, values)) {
      this.report.unchanged.countryClaims++;
      return;
    }
    const [row] = await this.q.update(countryClaims).set(values).where(eq(countryClaims.id, existing.id)).returning();
    this.countryClaimRows.set(c.key, row!);
    this.report.changed.countryClaims++;
  }

  // --- review items --------------------------------------------------------------------------

  private async fileReview(r: ReviewInput): Promise<void> {
    // The dataset's own item with this key wins: it carries its state and resolution.
    if (this.reservedReviewKeys.has(r.key) || this.filedNow.has(r.key)) return;
    if (this.reviewKeys.has(r.key)) {
      this.report.unchanged.reviewItems++;
      return;
    }
    await this.q.insert(reviewItems).values(r).onConflictDoNothing();
    this.reviewKeys.add(r.key);
    this.filedNow.add(r.key);
    this.report.added.reviewItems++;
    this.report.review.push({ kind: r.kind, summary: r.summary });
  }

  private async applyReviewItem(r: ReviewItemRecord): Promise<void> {
    const item = `review item ${r.key}`;
    if (this.reviewKeys.has(r.key)) {
      this.report.unchanged.reviewItems++;
      return;
    }
    const refs: Record<string, number | null> = {};
    const need = (name: string, value: number | undefined | null, what: string | null | undefined): boolean => {
      if (!what) {
        refs[name] = null;
        return true;
      }
      if (value === undefined || value === null) {
        this.reject(item, `Its ${name} ${what} is not known.`);
        return false;
      }
      refs[name] = value;
      return true;
    };
    const tieId = (t: { place: string; partner: string } | null | undefined) => {
      if (!t) return null;
      const a = this.placeBySlug(t.place);
      const b = this.placeBySlug(t.partner);
      return a && b ? this.tiesByPair.get(pairKey(a.id, b.id))?.id : undefined;
    };
    const ok =
      need('campaign', r.campaign ? this.campaignsBySlug.get(r.campaign)?.id : null, r.campaign) &&
      need('council', r.council ? this.councilsBySlug.get(r.council)?.id : null, r.council) &&
      need('place', r.place ? this.placeBySlug(r.place)?.id : null, r.place) &&
      need('otherPlace', r.otherPlace ? this.placeBySlug(r.otherPlace)?.id : null, r.otherPlace) &&
      need('tie', tieId(r.tie), r.tie ? `${r.tie.place} – ${r.tie.partner}` : null) &&
      need('otherTie', tieId(r.otherTie), r.otherTie ? `${r.otherTie.place} – ${r.otherTie.partner}` : null);
    if (!ok) return;
    await this.q.insert(reviewItems).values({
      key: r.key,
      kind: r.kind,
      state: r.state ?? 'open',
      summary: r.summary,
      quote: r.quote ?? null,
      sourceId: await this.sourceId(r.source),
      campaignId: refs.campaign ?? null,
      councilId: refs.council ?? null,
      placeId: refs.place ?? null,
      otherPlaceId: refs.otherPlace ?? null,
      tieId: refs.tie ?? null,
      otherTieId: refs.otherTie ?? null,
      details: r.details ?? null,
      resolution: r.resolution ?? null,
    });
    this.reviewKeys.add(r.key);
    this.report.added.reviewItems++;
    this.report.review.push({ kind: r.kind, summary: r.summary });
  }

  // --- totals --------------------------------------------------------------------------------

  private tally(): void {
    for (const kind of ['places', 'ties'] as const) {
      const t: { added: Set<unknown>; changed: Set<unknown>; seen: Set<unknown> } = this.touched[kind];
      this.report.added[kind] += t.added.size;
      this.report.changed[kind] += [...t.changed].filter((x) => !t.added.has(x)).length;
      this.report.unchanged[kind] += [...t.seen].filter((x) => !t.added.has(x) && !t.changed.has(x)).length;
    }
  }
}

const isCorrection = (type: string) => type === 'withdrawn' || type === 'amended';

/** The role to record for an event whose file says who stands behind it: the one whose public
 * attribution (lib/ties/attribution.ts) is that again, so an export imported elsewhere reads the same. */
function recorderRoleFor(attribution: AttributionKind): RecorderRole {
  switch (attribution) {
    case 'council_staff':
      return 'council_staff';
    case 'writer':
      return 'writer';
    case 'untwin_letter':
      return 'appeal_flow';
    case 'campaign':
      return 'organiser';
    case 'source':
      return 'import';
  }
}

/** Whether every given value equals the row's (arrays by content). */
function sameValues(row: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([k, v]) => {
    const old = row[k];
    if (Array.isArray(v) && Array.isArray(old)) return v.length === old.length && v.every((x, i) => x === old[i]);
    return old === v;
  });
}
