import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { campaignTies, campaigns, councils, places, reviewItems, tieEvents, ties } from '../schema';
import type { CouncilRecord, Dataset, SourceRef } from '../../lib/import/dataset';
import { type ImportReport, applyDataset } from '../../lib/import/apply-dataset';
import { parseWikipediaList } from '../../lib/import/wikipedia-list';
import type { Actor } from '../../lib/ties/lifecycle';
import { at, emptySeedDataset } from './build';
import { CAMPAIGN_SLUG as EUROPE, EUROPE_2025_COUNTRIES, europe2025Dataset } from './europe-2025';
import { gazetteerDataset, gazetteerSlug } from './gazetteer';
import { kaliningradDataset } from './kaliningrad';
import { SEED_FILES, SOURCES, type SeedFile, seedSources } from './sources';
import { OCCUPIED_COUNCIL_TIES, CAMPAIGN_SLUG as UKRAINE, occupiedEvent, ukraine2022Dataset } from './ukraine-2022';
import { PORTLAND_OF, CAMPAIGN_SLUG as US, usMayors2022Dataset } from './us-mayors-2022';

/**
 * Seeds a database with the seed documents: the places, the Wikipedia list (001), Kaliningrad's
 * list (002), the Ukraine 2022 campaign (000), the US mayors' appeal (003), the 2025 report
 * (004), then campaign membership by country. Every step goes through applyDataset, which
 * leaves what is already there alone, so seeding twice adds nothing.
 */

/** The documents ship with the app (db/seed/documents), byte-identical to ../shared/seeds. */
export const SEED_DOCUMENTS_DIR = path.join(process.cwd(), 'db', 'seed', 'documents');

export function readSeedDocument(file: SeedFile): string {
  return fs.readFileSync(path.join(SEED_DOCUMENTS_DIR, file), 'utf8');
}

export const SEED_ACTOR: Actor = { kind: 'system', label: 'seed' };

/** Which campaign holds the ties of which countries' councils (the Ukraine campaign lists its ties itself). */
export const CAMPAIGN_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  [US]: ['USA'],
  [EUROPE]: EUROPE_2025_COUNTRIES,
};

/** The language a council's letters go in, for the councils the seed creates without a name. */
const COUNCIL_LANGUAGES: Readonly<Record<string, string>> = {
  AUT: 'de', BEL: 'nl', BGR: 'bg', HRV: 'hr', CYP: 'el', CZE: 'cs', DNK: 'da', EST: 'et', FIN: 'fi', FRA: 'fr', DEU: 'de',
  GRC: 'el', HUN: 'hu', IRL: 'en', ITA: 'it', LVA: 'lv', LTU: 'lt', LUX: 'lb', MLT: 'mt', NLD: 'nl', POL: 'pl', PRT: 'pt',
  ROU: 'ro', SVK: 'sk', SVN: 'sl', ESP: 'es', SWE: 'sv', ISL: 'is', LIE: 'de', NOR: 'no', GBR: 'en', CHE: 'de', ALA: 'sv',
  FRO: 'fo', USA: 'en', UKR: 'uk',
};

export type SeedStep = { name: string; report: ImportReport };
export type SeedSummary = {
  ties: number;
  places: number;
  councils: number;
  events: number;
  reviewItems: number;
  tiesPerCampaign: Record<string, number>;
  /** Ties each seed step added (the rest it found already there). */
  steps: { name: string; addedTies: number; addedEvents: number; addedReviewItems: number; ms: number }[];
  seconds: number;
};

export class SeedError extends Error {
  constructor(
    readonly step: string,
    readonly problems: string[],
  ) {
    super(`Seeding failed at ${step}:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`);
    this.name = 'SeedError';
  }
}

/** The Wikipedia list as a dataset; every line must parse. */
export function wikipediaDataset(): Dataset {
  const { dataset, errors } = parseWikipediaList(readSeedDocument(SEED_FILES.wikipediaRussia), { source: SOURCES.wikipediaRussia as SourceRef });
  if (errors.length) throw new SeedError('the Wikipedia list (001)', errors.map((e) => `line ${e.line}: ${e.message} (${e.text.trim()})`));
  placePortlands(dataset);
  return dataset;
}

/**
 * "Portland, United States" is two cities in the list, told apart by the Russian city it is
 * listed under (us-mayors-2022.ts, PORTLAND_OF, says which and why); a Portland under any other
 * city stops the seed rather than be guessed.
 */
function placePortlands(dataset: Dataset): void {
  for (const tie of dataset.ties) {
    if (tie.place.country !== 'USA' || tie.place.name !== 'Portland') continue;
    const which = PORTLAND_OF[tie.partner.name];
    if (!which) throw new SeedError('the Wikipedia list (001)', [`"Portland, United States" under ${tie.partner.name}: which Portland it is has not been decided.`]);
    tie.place = at(gazetteerSlug('Portland', 'USA', which.regionCode));
    const recorded = tie.events[0]!;
    recorded.note = `${recorded.note}. ${which.note}`;
  }
}

/** The occupation the article reports, on the occupied councils' ties that other seeds document. */
export function occupiedCouncilsDataset(): Dataset {
  const dataset = emptySeedDataset();
  dataset.sources = seedSources().filter((s) => s.seed === SEED_FILES.transparentCities);
  dataset.ties = OCCUPIED_COUNCIL_TIES.map(({ place, partner, from }) => ({
    place: at(place),
    partner: at(partner),
    kind: 'unknown',
    status: 'occupied',
    campaigns: [UKRAINE],
    events: [occupiedEvent(from)],
  }));
  return dataset;
}

/** Every seed dataset, in the order they are applied (membership comes after, from the database). */
export function seedDatasets(): { name: string; dataset: Dataset }[] {
  const steps = [
    { name: 'gazetteer', dataset: gazetteerDataset() },
    { name: '001 Wikipedia list', dataset: wikipediaDataset() },
    { name: '002 Kaliningrad', dataset: kaliningradDataset(readSeedDocument(SEED_FILES.kaliningrad)) },
    { name: '000 Ukraine 2022', dataset: ukraine2022Dataset() },
    { name: '000 occupied councils', dataset: occupiedCouncilsDataset() },
    { name: '003 US mayors 2022', dataset: usMayors2022Dataset() },
    { name: '004 Europe 2025', dataset: europe2025Dataset() },
  ];
  return steps;
}

async function apply(db: Database, name: string, dataset: Dataset, steps: SeedStep[], log: (line: string) => void): Promise<void> {
  const report = await applyDataset(db, dataset, { actor: SEED_ACTOR });
  if (report.rejected.length) throw new SeedError(name, report.rejected.map((r) => `${r.item}: ${r.message}`));
  steps.push({ name, report });
  const a = report.added;
  log(`${name}: +${a.places} places, +${a.councils} councils, +${a.ties} ties, +${a.events} events, +${a.reviewItems} review items (${report.durationMs} ms)`);
}

/** Puts every tie of a campaign's countries into it; returns how many were added. */
async function addCampaignMembers(db: Database, slug: string, countryCodes: readonly string[]): Promise<number> {
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign) throw new SeedError(`membership of ${slug}`, [`No campaign ${slug}.`]);
  const place = alias(places, 'place');
  const partner = alias(places, 'partner');
  const rows = await db
    .select({ id: ties.id })
    .from(ties)
    .innerJoin(place, eq(place.id, ties.placeId))
    .innerJoin(partner, eq(partner.id, ties.partnerId))
    .where(or(inArray(place.country, [...countryCodes]), inArray(partner.country, [...countryCodes])));
  if (rows.length === 0) return 0;
  const added = await db
    .insert(campaignTies)
    .values(rows.map((r) => ({ campaignId: campaign.id, tieId: r.id })))
    .onConflictDoNothing()
    .returning({ tieId: campaignTies.tieId });
  return added.length;
}

/** A council (without a name: the seeds do not give one) for each campaign-side place that has none. */
async function missingCouncils(db: Database): Promise<Dataset> {
  const dataset = emptySeedDataset();
  const seen = new Set<string>();
  for (const [slug, countryCodes] of Object.entries(CAMPAIGN_COUNTRIES)) {
    for (const side of ['placeId', 'partnerId'] as const) {
      const rows = await db
        .select({ slug: places.slug, country: places.country })
        .from(campaignTies)
        .innerJoin(campaigns, eq(campaigns.id, campaignTies.campaignId))
        .innerJoin(ties, eq(ties.id, campaignTies.tieId))
        .innerJoin(places, eq(places.id, ties[side]))
        .leftJoin(councils, eq(councils.placeId, places.id))
        .where(and(eq(campaigns.slug, slug), inArray(places.country, [...countryCodes]), isNull(councils.id)));
      for (const r of rows) {
        if (seen.has(r.slug)) continue;
        seen.add(r.slug);
        const language = COUNCIL_LANGUAGES[r.country];
        const council: CouncilRecord = { slug: r.slug, place: r.slug, name: null, localName: null, contactEmails: [], emailDomains: [], languages: language ? [language] : [] };
        dataset.councils.push(council);
      }
    }
  }
  dataset.councils.sort((a, b) => a.slug.localeCompare(b.slug));
  return dataset;
}

export async function countSeeded(db: Database): Promise<Omit<SeedSummary, 'steps' | 'seconds'>> {
  const perCampaign = await db
    .select({ slug: campaigns.slug, ties: count(campaignTies.tieId) })
    .from(campaigns)
    .leftJoin(campaignTies, eq(campaignTies.campaignId, campaigns.id))
    .groupBy(campaigns.slug)
    .orderBy(campaigns.slug);
  return {
    ties: await db.$count(ties),
    places: await db.$count(places),
    councils: await db.$count(councils),
    events: await db.$count(tieEvents),
    reviewItems: await db.$count(reviewItems),
    tiesPerCampaign: Object.fromEntries(perCampaign.map((c) => [c.slug, Number(c.ties)])),
  };
}

export async function seedDatabase(db: Database, options: { log?: (line: string) => void } = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const steps: SeedStep[] = [];
  for (const { name, dataset } of seedDatasets()) await apply(db, name, dataset, steps, log);

  for (const [slug, countryCodes] of Object.entries(CAMPAIGN_COUNTRIES)) {
    const added = await addCampaignMembers(db, slug, countryCodes);
    log(`membership of ${slug}: +${added} ties`);
  }
  await apply(db, 'councils of campaign places', await missingCouncils(db), steps, log);

  const counts = await countSeeded(db);
  return {
    ...counts,
    steps: steps.map(({ name, report }) => ({
      name,
      addedTies: report.added.ties,
      addedEvents: report.added.events,
      addedReviewItems: report.added.reviewItems,
      ms: report.durationMs,
    })),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** True when the database holds no places, ties or campaigns: nothing to lose by seeding. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  for (const table of [places, ties, campaigns]) {
    if ((await db.$count(table)) > 0) return false;
  }
  return true;
}
