/**
 * Is this a PDF? Decided by the bytes, never by the file's name or the type the browser declared:
 * the `%PDF-1.x` / `%PDF-2.x` header at the very start, then a sanity check of its structure that
 * a renamed image, an HTML page or a truncated upload fails: at least one indirect object
 * (`n g obj … endobj`), and a trailer (`startxref` with an offset inside the file, then `%%EOF`)
 * near the end. It does not render the PDF; it refuses what is plainly not one.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type PdfProblem = 'empty' | 'not_pdf' | 'damaged' | 'too_large';

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

export function pdfProblem(bytes: Uint8Array): PdfProblem | null {
  if (bytes.byteLength === 0) return 'empty';
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return 'too_large';
  if (!/^%PDF-[12]\.\d/.test(latin1(bytes, 0, 8))) return 'not_pdf';
  // The trailer: within the last 2 KiB (writers may add a few bytes of whitespace after it).
  const tail = latin1(bytes, Math.max(0, bytes.byteLength - 2048), bytes.byteLength);
  const trailer = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!trailer) return 'damaged';
  const xref = Number(trailer[1]);
  if (!Number.isSafeInteger(xref) || xref <= 0 || xref >= bytes.byteLength) return 'damaged';
  // At least one object, whole: the body holds the pages.
  const head = latin1(bytes, 0, Math.min(bytes.byteLength, 1024 * 1024));
  if (!/\d+\s+\d+\s+obj\b[\s\S]*?\bendobj\b/.test(head)) return 'damaged';
  return null;
}
