import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/import/dataset';
import { KALININGRAD_PARTNERS, kindOfTitle, parseKaliningradList } from './kaliningrad';
import { SEED_DOCUMENTS_DIR, readSeedDocument, seedDatasets } from './run-seed';
import { SEED_FILES, type SeedFile } from './sources';

/**
 * The seed says exactly what its documents say: every quote it stores is in its document, and
 * the documents it ships are the project's seed documents, unchanged.
 */
const SHARED_SEEDS = path.resolve(process.cwd(), '..', 'shared', 'seeds');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const documents = new Map<string, string>(Object.values(SEED_FILES).map((f) => [f, squash(readSeedDocument(f))]));

type Quote = { where: string; seed: string | undefined; quote: string };

/** Every quote in a dataset with the seed document it cites. */
function quotesOf(name: string, dataset: Dataset): Quote[] {
  const out: Quote[] = [];
  for (const [i, tie] of dataset.ties.entries()) {
    for (const [k, ev] of tie.events.entries()) {
      out.push({ where: `${name} tie ${i + 1} (${tie.place.name} – ${tie.partner.name}) event ${k + 1}`, seed: ev.source?.seed, quote: ev.quote ?? '' });
    }
  }
  for (const c of dataset.campaigns) {
    for (const f of c.figures) out.push({ where: `${name} figure ${f.key}`, seed: f.source.seed, quote: f.quote ?? '' });
  }
  for (const c of dataset.countryClaims) out.push({ where: `${name} country claim ${c.key}`, seed: c.source.seed, quote: c.quote });
  for (const r of dataset.reviewItems) {
    out.push({ where: `${name} review item ${r.key}`, seed: r.source?.seed, quote: r.quote ?? '' });
    const details = r.details ?? {};
    for (const q of (details.quotes as string[] | undefined) ?? []) out.push({ where: `${name} review item ${r.key} (details)`, seed: r.source?.seed, quote: q });
    if (typeof details.otherQuote === 'string') {
      out.push({ where: `${name} review item ${r.key} (other source)`, seed: details.otherSource as string, quote: details.otherQuote });
    }
  }
  return out;
}

describe('the seed documents', () => {
  it('ship byte-identical to ../shared/seeds', () => {
    if (!fs.existsSync(SHARED_SEEDS)) return; // deployed without the shared folder: nothing to compare with
    const shared = fs.readdirSync(SHARED_SEEDS).filter((f) => f.endsWith('.txt') || f === 'README.md');
    expect(shared.length).toBeGreaterThanOrEqual(6);
    expect(fs.readdirSync(SEED_DOCUMENTS_DIR).sort()).toEqual(shared.sort());
    for (const f of shared) {
      expect(fs.readFileSync(path.join(SEED_DOCUMENTS_DIR, f)).equals(fs.readFileSync(path.join(SHARED_SEEDS, f))), f).toBe(true);
    }
  });
});

describe('every fact the seed stores', () => {
  const datasets = seedDatasets();
  const quotes = datasets.flatMap(({ name, dataset }) => quotesOf(name, dataset));

  it('carries a quote from a seed document', () => {
    expect(quotes.length).toBeGreaterThan(1000);
    const unsourced = quotes.filter((q) => !q.seed || !documents.has(q.seed) || !q.quote.trim()).map((q) => q.where);
    expect(unsourced).toEqual([]);
  });

  it('quotes its document verbatim', () => {
    const missing = quotes.filter((q) => q.seed && !documents.get(q.seed)?.includes(squash(q.quote))).map((q) => `${q.where}: ${q.quote}`);
    expect(missing).toEqual([]);
  });

  it('cites one of the five seed documents as a full source in each dataset that cites it', () => {
    for (const { name, dataset } of datasets) {
      const cited = new Set(quotesOf(name, dataset).filter((q) => !q.where.endsWith('(other source)')).map((q) => q.seed));
      for (const seed of cited) expect(dataset.sources.map((s) => s.seed), `${name} cites ${seed}`).toContain(seed);
    }
  });
});

describe("Kaliningrad's list (002)", () => {
  const entries = parseKaliningradList(readSeedDocument(SEED_FILES.kaliningrad as SeedFile));

  it('reads every numbered partner, one country per block of restarted numbering', () => {
    expect(entries).toHaveLength(49);
    const blocks = [...new Set(entries.map((e) => e.block))].map((b) => [...new Set(entries.filter((e) => e.block === b).map((e) => e.place.country))]);
    expect(blocks.map((c) => c.join())).toEqual([
      'RUS', 'ARM', 'BLR', 'DEU', 'DNK', 'ITA', 'IRL', 'CHN', 'LTU', 'NLD', 'POL', 'USA', 'UKR', 'FIN', 'FRA', 'SWE',
    ]);
    expect(new Set(entries.map((e) => e.written))).toEqual(new Set(Object.keys(KALININGRAD_PARTNERS)));
  });

  it('keeps titles as written and years where given', () => {
    const byName = new Map(entries.map((e) => [e.written, e]));
    expect(byName.get('Yaroslavl')).toMatchObject({ title: 'the first Agreement on cooperation', year: '1995' });
    expect(byName.get('Baranovichi')).toMatchObject({ title: 'Agreement on cooperation', year: '2007', place: { name: 'Baranavichy', country: 'BLR' } });
    expect(byName.get('Potsdam')).toMatchObject({ title: 'Agreement on cooperation', year: '1993' });
    expect(byName.get('Fyn')).toMatchObject({ title: 'Cooperation intent protocol', year: null });
    expect(byName.get('Cork')).toMatchObject({ title: null, year: null });
    expect(byName.get('Gomel')?.text).toContain('Gomel');
  });

  it('maps document titles to kinds of agreement', () => {
    expect(kindOfTitle('the first Agreement on the main areas of cooperation')).toBe('cooperation_agreement');
    expect(kindOfTitle('Memorandum on cooperation')).toBe('memorandum');
    expect(kindOfTitle('Cooperation intent protocol')).toBe('protocol_of_intent');
    expect(kindOfTitle('Cooperation protocol')).toBe('other_agreement');
    expect(kindOfTitle('the first Partner agreement')).toBe('partner_city');
    expect(kindOfTitle('Partnership Agreement')).toBe('partner_city');
    expect(kindOfTitle('Joint Statement on Strengthening Friendship and Cooperation')).toBe('joint_statement');
    expect(kindOfTitle('Agreement on the establishment of twin cities relations')).toBe('twin_town');
    expect(kindOfTitle('Preliminary Cooperation Agreement')).toBe('other_agreement');
    expect(kindOfTitle(null)).toBe('unknown');
    expect(() => kindOfTitle('Treaty of friendship')).toThrow(/no kind/);
  });

  it('refuses a block whose cities are in different countries', () => {
    const text = readSeedDocument(SEED_FILES.kaliningrad as SeedFile).replace('2. Kaunas', '2. Kiel');
    expect(() => parseKaliningradList(text)).toThrow(/block 9 mixes countries/);
  });
});
