import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { type Letter, letterDate } from './letter';
import { woffToSfnt } from './woff-to-sfnt';

/**
 * The letter as a PDF to print or attach: A4, the sender, the council's address block, the
 * date as the letter's language writes it, the subject in bold, then the letter itself (which
 * ends with the closing and the signer's name).
 *
 * PDFKit embeds the fonts it is given, and draws each run of text in one font. Noto Sans from
 * @fontsource comes split by script, as WOFF files (unwrapped once: woff-to-sfnt.ts), so each
 * line is cut into runs by the subset that covers each character, the way a browser picks a
 * font by `unicode-range`: Ukrainian in the Cyrillic subset, Polish letters in Latin Extended.
 */

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans');
/** The subsets in order of preference; a character none covers is drawn with the first. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const;
type Subset = (typeof SUBSETS)[number];
type Weight = 400 | 700;

type FontSet = { files: Map<string, Buffer>; ranges: Map<Subset, [number, number][]> };
let fonts: FontSet | undefined;

/**
 * Each subset's `unicode-range` (U+0000-00FF,U+0131,...), from the package's stylesheet for
 * the regular weight, where every subset has its own commented @font-face block.
 */
function parseUnicodeRanges(css: string): Map<Subset, [number, number][]> {
  const ranges = new Map<Subset, [number, number][]>();
  for (const block of css.matchAll(/\/\* noto-sans-([a-z-]+)-400-normal \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
    const subset = block[1] as Subset;
    const declaration = /unicode-range:\s*([^;]+);/.exec(block[2]!);
    if (!(SUBSETS as readonly string[]).includes(subset) || !declaration) continue;
    ranges.set(
      subset,
      declaration[1]!.split(',').map((part) => {
        const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
      }),
    );
  }
  const missing = SUBSETS.filter((s) => !ranges.has(s));
  if (missing.length > 0) throw new Error(`@fontsource/noto-sans/400.css has no unicode-range for ${missing.join(', ')}`);
  return ranges;
}

function loadFonts(): FontSet {
  if (fonts) return fonts;
  const files = new Map<string, Buffer>();
  for (const subset of SUBSETS) {
    for (const weight of [400, 700] as const) {
      files.set(fontName(subset, weight), woffToSfnt(readFileSync(path.join(FONT_DIR, 'files', `noto-sans-${subset}-${weight}-normal.woff`))));
    }
  }
  fonts = { files, ranges: parseUnicodeRanges(readFileSync(path.join(FONT_DIR, '400.css'), 'utf8')) };
  return fonts;
}

const fontName = (subset: Subset, weight: Weight) => `noto-${subset}-${weight}`;

const subsetCache = new Map<number, Subset>();

function subsetFor(codePoint: number, ranges: FontSet['ranges']): Subset {
  let found = subsetCache.get(codePoint);
  if (!found) {
    found = SUBSETS.find((subset) => ranges.get(subset)!.some(([from, to]) => codePoint >= from && codePoint <= to)) ?? 'latin';
    subsetCache.set(codePoint, found);
  }
  return found;
}

type Run = { subset: Subset; text: string };

/** Text cut into runs of one subset. Only the space is in every subset's file, so it joins whichever run it is in. */
export function fontRuns(text: string, ranges = loadFonts().ranges): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const current = runs[runs.length - 1];
    const subset = current && char === ' ' ? current.subset : subsetFor(char.codePointAt(0)!, ranges);
    if (current && current.subset === subset) current.text += char;
    else runs.push({ subset, text: char });
  }
  return runs;
}

export type LetterPdfInput = {
  letter: Letter;
  /** The council's block (addressBlock in letter.ts). */
  addressBlock: readonly string[];
  sender: { name: string; city: string };
  date: Date;
  /** The council's country: English dates are written the American way for American councils. */
  councilCountry: string;
  /** Tests turn compression off to read the text back. */
  compress?: boolean;
};

const MARGIN = 64;
const BODY_SIZE = 11;
const LINE_GAP = 3;
const PARAGRAPH_GAP = 9;
/**
 * Measuring text is much of the work (fontkit shapes every string), and letters of one
 * campaign share most of their words: widths at the one body size are kept across letters.
 */
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 50_000;

export async function letterPdf(input: LetterPdfInput): Promise<Buffer> {
  const { files, ranges } = loadFonts();
  const { letter } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: input.compress ?? true,
    lang: letter.language,
    displayTitle: true,
    info: { Title: letter.subject, Author: input.sender.name, Creator: 'Untwin' },
    // No default font: PDFKit would load its built-in Helvetica from its data files. (Our own
    // font as the default is worse: PDFKit then reopens the registered font of the same name on
    // every switch, inflating the WOFF tables each time.)
    font: null as unknown as string,
  });
  for (const [name, data] of files) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const runWidth = (run: Run, weight: Weight) => {
    const key = `${fontName(run.subset, weight)}\u0000${run.text}`;
    let w = widthCache.get(key);
    if (w === undefined) {
      w = doc.font(fontName(run.subset, weight)).widthOfString(run.text);
      if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
      widthCache.set(key, w);
    }
    return w;
  };
  const runsWidth = (runs: readonly Run[], weight: Weight) => runs.reduce((sum, run) => sum + runWidth(run, weight), 0);
  /** A word's runs; a word wider than the line (a long web address) is cut into pieces that fit. */
  const measureWord = (word: string, weight: Weight): { runs: Run[]; width: number }[] => {
    const runs = fontRuns(word, ranges);
    const w = runsWidth(runs, weight);
    if (w <= width) return [{ runs, width: w }];
    const pieces: { runs: Run[]; width: number }[] = [];
    let piece = '';
    for (const char of word) {
      if (piece && runsWidth(fontRuns(piece + char, ranges), weight) > width) {
        const pieceRuns = fontRuns(piece, ranges);
        pieces.push({ runs: pieceRuns, width: runsWidth(pieceRuns, weight) });
        piece = '';
      }
      piece += char;
    }
    const lastRuns = fontRuns(piece, ranges);
    return [...pieces, { runs: lastRuns, width: runsWidth(lastRuns, weight) }];
  };
  // PDFKit wraps each run on its own, and a run boundary can fall inside a word (the apostrophe
  // of "зв’язки" is in the Latin subset), so lines are broken here, at spaces only.
  const wrap = (line: string, weight: Weight): { runs: Run[]; width: number }[] => {
    const lines: { runs: Run[]; width: number }[] = [];
    let current: Run[] = [];
    let used = 0;
    const space = runWidth({ subset: 'latin', text: ' ' }, weight);
    for (const word of line.split(' ').flatMap((w) => measureWord(w, weight))) {
      if (current.length > 0 && used + space + word.width > width) {
        lines.push({ runs: current, width: used });
        current = [];
        used = 0;
      }
      if (current.length > 0) {
        current.push({ subset: 'latin', text: ' ' });
        used += space;
      }
      current.push(...word.runs);
      used += word.width;
    }
    lines.push({ runs: current, width: used });
    return lines;
  };
  const writeLine = (line: string, weight: Weight, align: 'left' | 'right') => {
    for (const { runs, width: lineWidth } of wrap(line, weight)) {
      // Every subset of Noto Sans has the same vertical metrics: the Latin one speaks for all.
      const lineHeight = doc.font(fontName('latin', weight)).currentLineHeight(true) + LINE_GAP;
      if (doc.y + lineHeight > doc.page.height - MARGIN) doc.addPage();
      let x = align === 'right' ? MARGIN + width - lineWidth : MARGIN;
      const y = doc.y;
      for (const run of runs) {
        doc.font(fontName(run.subset, weight)).text(run.text, x, y, { lineBreak: false });
        x += runWidth(run, weight);
      }
      doc.x = MARGIN;
      doc.y = y + lineHeight;
    }
  };
  const writeBlock = (lines: readonly string[], weight: Weight = 400, align: 'left' | 'right' = 'left') => {
    for (const line of lines) writeLine(line, weight, align);
    doc.y += PARAGRAPH_GAP;
  };

  doc.fontSize(BODY_SIZE).fillColor('#0b0c0c');
  writeBlock([input.sender.name, input.sender.city].filter((l) => l.trim() !== ''), 400, 'right');
  writeBlock(input.addressBlock);
  writeBlock([letterDate(input.date, letter.language, input.councilCountry)], 400, 'right');
  writeBlock([letter.subject], 700);
  for (const paragraph of letter.body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    if (paragraph.trim() === '') continue;
    writeBlock(paragraph.split('\n'));
  }
  doc.end();
  return done;
}
