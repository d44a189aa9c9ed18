import PDFDocument from 'pdfkit';

/** A small real PDF (a council's decision, as tests and e2e upload it). */
export function makeTestPdf(text = 'Decision No. 1234 of the city council: the partnership is terminated.'): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Decision' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.fontSize(14).text(text);
  doc.end();
  return done;
}
