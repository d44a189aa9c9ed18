import type { SourceKind } from '../schema/sources';
import type { SourceRef } from '../../lib/import/dataset';

/**
 * The seed documents as sources. Each field is what the document (or the seed README that
 * describes it) states; a field the documents do not state is left out rather than guessed.
 */
export const SEED_FILES = {
  transparentCities: '000_2d2a49441774a397.txt',
  wikipediaRussia: '001_6f1cc70905dcdfcc.txt',
  kaliningrad: '002_ceb23467449014f6.txt',
  zelenskyUsMayors: '003_2914fc9528b4487b.txt',
  vkurier2025: '004_3cef8f2bbfce6ba9.txt',
} as const;
export type SeedFile = (typeof SEED_FILES)[keyof typeof SEED_FILES];

export const SOURCES = {
  // "26 May 2022, 12:04" and the title are the article's first lines; "The Transparent Cities
  // program has analyzed..." names the programme, and the seed README names its organisation.
  transparentCities: {
    seed: SEED_FILES.transparentCities,
    title: 'Twin municipalities of Ukrainian cities in russia and Belarus — who has already severed the ties?',
    publisher: 'Transparent Cities programme (Transparency International Ukraine)',
    published: '2022-05-26',
    language: 'en',
    // A research programme's survey of council websites and the media: a report.
    kind: 'report',
  },
  // The text's own heading; the README calls it the Wikipedia list. It carries no date.
  wikipediaRussia: {
    seed: SEED_FILES.wikipediaRussia,
    title: 'List of twin towns and sister cities in Russia',
    publisher: 'Wikipedia',
    language: 'en',
    // Compiled by others, undated: it confirms no tie by itself.
    kind: 'list',
  },
  // Headed "Partner cities"; the README calls it the Kaliningrad city administration's own page.
  // It carries no date.
  kaliningrad: {
    seed: SEED_FILES.kaliningrad,
    title: 'Partner cities',
    publisher: 'Kaliningrad city administration',
    language: 'en',
    // The administration's own page; undated, so its events carry no date and confirm nothing.
    kind: 'official',
  },
  // " date 2022-06-04" and "11:30 04.06.2022"; the item does not name its publisher.
  zelenskyUsMayors: {
    seed: SEED_FILES.zelenskyUsMayors,
    title: 'Zelensky calls on mayors of US cities to break twinning ties with Russian',
    published: '2022-06-04',
    language: 'en',
    kind: 'news',
  },
  // "Опубликовано: 20 Июнь 2025"; "на сайте независимого СМИ vkurier.news".
  vkurier2025: {
    seed: SEED_FILES.vkurier2025,
    title: 'Омск и Витебск стали побратимами. А в Европе рвут связи с российскими городами',
    publisher: 'vkurier.news',
    published: '2025-06-20',
    language: 'ru',
    kind: 'news',
  },
} as const satisfies Record<keyof typeof SEED_FILES, SourceRef>;

/** The full source rows (dataset.sources) of every seed document. */
export function seedSources(): { seed: string; title: string; publisher: string | null; published: string | null; language: string; kind: SourceKind }[] {
  return Object.values(SOURCES).map((s) => ({
    seed: s.seed,
    title: s.title,
    publisher: 'publisher' in s ? s.publisher : null,
    published: 'published' in s ? s.published : null,
    language: s.language,
    kind: s.kind,
  }));
}
