import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Noto Sans for Open Graph images (next/og draws text with the fonts it is given, and its
 * built-in font has no Cyrillic). From @fontsource/noto-sans: the Latin and Cyrillic subsets in
 * regular and bold. Each subset is its own family: next/og falls back glyph by glyph across the
 * families named in `fontFamily` (OG_FONT_FAMILY), but not across fonts of one family name.
 */
export const OG_FONT_FAMILY = 'Noto Sans, Noto Sans Cyrillic';

const FILES = [
  ['latin', 400],
  ['latin', 700],
  ['cyrillic', 400],
  ['cyrillic', 700],
] as const;

type OgFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: 'normal' };
let loaded: Promise<OgFont[]> | undefined;

export function ogFonts(): Promise<OgFont[]> {
  loaded ??= Promise.all(
    FILES.map(async ([subset, weight]) => {
      const file = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files', `noto-sans-${subset}-${weight}-normal.woff`);
      const buf = await readFile(file);
      return { name: subset === 'cyrillic' ? 'Noto Sans Cyrillic' : 'Noto Sans', data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, weight, style: 'normal' as const };
    }),
  );
  return loaded;
}
