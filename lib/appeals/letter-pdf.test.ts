import { describe, expect, it } from 'vitest';
import { fontRuns, letterPdf } from './letter-pdf';

/**
 * Reads the text back out of an uncompressed PDF from PDFKit: each font's ToUnicode map turns
 * the glyph ids of the page's TJ operators back into characters. Enough to check what a
 * reader of the PDF sees, without a PDF library.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const cmapOf = (fontObject: number): Map<number, string> => {
    const map = new Map<number, string>();
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject) ?? '');
    if (!toUnicode) return map;
    const cmap = Buffer.from(objects.get(Number(toUnicode[1]))!, 'latin1').toString('utf8');
    for (const m of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const from = parseInt(m[1]!, 16);
      [...m[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((d, i) => map.set(from + i, utf16(d[1]!)));
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const m of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) if (!fonts.has(m[1]!)) fonts.set(m[1]!, cmapOf(Number(m[2])));
  let text = '';
  let font = new Map<number, string>();
  for (const m of source.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (m[1]) font = fonts.get(m[1]) ?? new Map();
    else for (const hex of m[2]!.matchAll(/<([0-9a-f]+)>/gi)) for (let i = 0; i < hex[1]!.length; i += 4) text += font.get(parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '\uFFFD';
  }
  return text;
}
const squash = (text: string) => text.replace(/\s+/g, '');
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const ukrainianLetter = {
  language: 'uk' as const,
  subject: 'Звернення щодо розірвання побратимських і партнерських зв’язків (Гомель, Білорусь)',
  body: 'Шановні пані та панове!\n\nЗвертаюся до вас щодо зв’язків вашої громади з містами держави-агресора та її союзниці. За відкритими даними, досі чинні такі зв’язки: угода про побратимство — Гомель (Білорусь, підписано 1997 року).\n\nЗ повагою\nОлена Коваль\nЖитомир',
};
const input = {
  letter: ukrainianLetter,
  addressBlock: ['Чернігівська міська рада', 'Чернігів, Україна', 'rada@chernigiv-rada.gov.ua'],
  sender: { name: 'Олена Коваль', city: 'Житомир' },
  date: new Date('2025-05-12T09:00:00Z'),
  councilCountry: 'UKR',
};

describe('letterPdf', () => {
  it('makes an A4 PDF with the sender, the council’s address, the date in Ukrainian, the subject and the letter', async () => {
    const pdf = await letterPdf({ ...input, compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pageCount(pdf)).toBe(1);
    const text = squash(pdfText(pdf));
    const order = [
      'ОленаКовальЖитомир',
      'Чернігівськаміськарада',
      'rada@chernigiv-rada.gov.ua',
      '12травня2025р.',
      squash(ukrainianLetter.subject),
      squash(ukrainianLetter.body),
    ].map((part) => text.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('\uFFFD');
  });

  it('draws Ukrainian, German and Polish letters with embedded Noto Sans, no glyph missing', async () => {
    const letter = {
      language: 'pl' as const,
      subject: 'Zakończenie partnerstwa: Kolonia – Volgograd',
      body: 'Szanowni Państwo,\n\nzwracam się z prośbą o zakończenie partnerstwa. Grüße aus Köln; зв’язки з Гомелем.\n\nZ poważaniem\nJan Nowak\nKraków',
    };
    const pdf = await letterPdf({ ...input, letter, sender: { name: 'Jan Nowak', city: 'Kraków' }, councilCountry: 'DEU', compress: false });
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash(letter.body));
    expect(text).toContain('12maja2025');
    const source = pdf.toString('latin1');
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(source).not.toMatch(/Helvetica/);
  });

  it('runs on to further pages for a long letter, and compresses by default', async () => {
    const long = { ...ukrainianLetter, body: Array.from({ length: 40 }, (_, i) => `${i + 1}. ${'Прошу розірвати ці зв’язки. '.repeat(8)}`).join('\n\n') };
    const pdf = await letterPdf({ ...input, letter: long, compress: false });
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(squash(pdfText(pdf))).toContain(squash(long.body));
    const compressed = await letterPdf({ ...input, letter: long });
    expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compressed.length).toBeLessThan(pdf.length);
  });

  it('breaks a word longer than the line into pieces instead of running off the page', async () => {
    const url = `https://example.org/${'segment/'.repeat(40)}end`;
    const pdf = await letterPdf({ ...input, letter: { ...ukrainianLetter, body: `Див. ${url}` }, compress: false });
    expect(squash(pdfText(pdf))).toContain(url);
    const xs = [...pdf.toString('latin1').matchAll(/1 0 0 1 ([\d.]+) [\d.]+ Tm/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(595.28 - 64);
  });
});

describe('fontRuns', () => {
  it('cuts text by the Noto Sans subset that has each character, keeping spaces in the run', () => {
    expect(fontRuns('Київ, Łódź і Köln').map((r) => [r.subset, r.text])).toEqual([
      ['cyrillic', 'Київ'],
      ['latin', ', '],
      ['latin-ext', 'Ł'],
      ['latin', 'ód'],
      ['latin-ext', 'ź '],
      ['cyrillic', 'і '],
      ['latin', 'Köln'],
    ]);
  });
});
