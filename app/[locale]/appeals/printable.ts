import type { PrintedLetterView } from '@/components/appeals/composer-state';
import type { Queryable } from '@/db/client';
import { addressBlock, letterDate } from '@/lib/appeals/letter';
import { loadLetterData } from '@/lib/appeals/letter-data';
import { letterPdf } from '@/lib/appeals/letter-pdf';
import { isLetterLanguage } from '@/lib/appeals/templates/phrases';

/**
 * A letter laid out for paper: the print view (components/appeals/printed-letter.tsx) and the
 * PDF (lib/appeals/letter-pdf.ts) draw the same blocks, so what is printed from the page and
 * what is downloaded say the same thing.
 */
export type PrintableLetter = PrintedLetterView & { councilCountry: string; sender: { name: string; city: string }; at: Date };

export type PrintableInput = {
  councilId: number;
  tieIds: readonly number[];
  language: string;
  subject: string;
  body: string;
  signerName: string;
  signerCity: string;
  at: Date;
  /** The council's block when the record cannot give it in the letter's language. */
  fallbackAddress: readonly string[];
};

export async function printableLetter(db: Queryable, input: PrintableInput): Promise<PrintableLetter> {
  // The address block needs the council, not the ties: once a tie has ended, any of the
  // council's ties in force will do, and a council with none left is addressed as the page names it.
  const data =
    (await loadLetterData(db, { councilId: input.councilId, tieIds: input.tieIds, locale: input.language }).then((r) => (r.ok ? r.data : null))) ??
    (await loadLetterData(db, { councilId: input.councilId, locale: input.language }).then((r) => (r.ok ? r.data : null)));
  const language = isLetterLanguage(input.language) ? input.language : 'en';
  const councilCountry = data?.place.country.code ?? '';
  return {
    language,
    senderLines: [input.signerName, input.signerCity].filter((l) => l.trim() !== ''),
    addressLines: data ? addressBlock(data, language) : [...input.fallbackAddress],
    date: letterDate(input.at, language, councilCountry),
    subject: input.subject,
    body: input.body,
    councilCountry,
    sender: { name: input.signerName, city: input.signerCity },
    at: input.at,
  };
}

export function printableLetterPdf(letter: PrintableLetter): Promise<Buffer> {
  return letterPdf({
    letter: { language: isLetterLanguage(letter.language) ? letter.language : 'en', subject: letter.subject, body: letter.body },
    addressBlock: letter.addressLines,
    sender: letter.sender,
    date: letter.at,
    councilCountry: letter.councilCountry,
  });
}

/** A file name for the PDF: the letter's date and the council, in plain ASCII. */
export function pdfFileName(councilSlug: string, at: Date): string {
  return `appeal-${councilSlug.replace(/[^a-z0-9-]/g, '')}-${at.toISOString().slice(0, 10)}.pdf`;
}
