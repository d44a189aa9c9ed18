import { describe, expect, it } from 'vitest';
import { documentResponse, documentUrl, isDocumentId, newDocumentId } from './documents';
import { MAX_DOCUMENT_BYTES, pdfProblem } from './pdf-check';
import { makeTestPdf } from './test-pdf';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('pdfProblem', () => {
  it('accepts a real PDF', async () => {
    expect(pdfProblem(await makeTestPdf())).toBeNull();
  });

  it('refuses by content, whatever the name: images, HTML, text, a bare header, a truncated PDF', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(pdfProblem(png)).toBe('not_pdf');
    expect(pdfProblem(bytes('<html><body>%PDF-1.7</body></html>'))).toBe('not_pdf');
    expect(pdfProblem(bytes(' %PDF-1.4\n'))).toBe('not_pdf');
    expect(pdfProblem(bytes('%PDF-1.4\nnothing else'))).toBe('damaged');
    const real = await makeTestPdf();
    expect(pdfProblem(real.slice(0, Math.floor(real.byteLength / 2)))).toBe('damaged');
    // A trailer whose xref offset points outside the file.
    expect(pdfProblem(bytes('%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n999999\n%%EOF\n'))).toBe('damaged');
    expect(pdfProblem(new Uint8Array(0))).toBe('empty');
  });

  it('accepts a minimal well-formed PDF and refuses one over 10 MB', () => {
    const body = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n';
    const pdf = bytes(`${body}${body.indexOf('xref')}\n%%EOF\n`);
    expect(pdfProblem(pdf)).toBeNull();
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf);
    expect(pdfProblem(big)).toBe('too_large');
  });
});

describe('document ids and responses', () => {
  it('makes 128-bit base64url ids, and takes no other shape', () => {
    const ids = new Set(Array.from({ length: 200 }, newDocumentId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(isDocumentId(id)).toBe(true);
    expect(Buffer.from([...ids][0]!, 'base64url')).toHaveLength(16);
    for (const bad of ['', '../etc/passwd', 'a'.repeat(21), 'a'.repeat(23), 'abc def'.padEnd(22, 'x'), 42]) expect(isDocumentId(bad)).toBe(false);
    expect(documentUrl('AAAAAAAAAAAAAAAAAAAAAA')).toBe('/api/documents/AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('serves a document as a PDF download that is never sniffed', async () => {
    const content = await makeTestPdf();
    const response = documentResponse({ id: 'AAAAAAAAAAAAAAAAAAAAAA', content, size: content.byteLength, sha256: 'abc' });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="AAAAAAAAAAAAAAAAAAAAAA.pdf"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content);
  });
});
