import type { PrintedLetterView } from './composer-state';

/**
 * Printing shows only the letter: everything else on the page (the site's header and footer,
 * the buttons) is hidden from the printer, whatever it sits in.
 */
const PRINT_ONLY_THE_LETTER = `@media print {
  @page { margin: 20mm; }
  body * { visibility: hidden !important; }
  [data-printed-letter], [data-printed-letter] * { visibility: visible !important; }
  [data-printed-letter] { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0 !important; padding: 0 !important; }
}`;

function paragraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n'))
    .filter((lines) => lines.some((l) => l.trim() !== ''));
}

/**
 * The letter laid out as on paper, in the order the PDF draws it: the sender on the right, the
 * council's address block, the date, the subject in bold, then the letter.
 */
export function PrintedLetter({ letter, labelledBy }: { letter: PrintedLetterView; labelledBy?: string }) {
  return (
    <>
      <style>{PRINT_ONLY_THE_LETTER}</style>
      <article
        data-printed-letter
        data-testid="printed-letter"
        lang={letter.language}
        aria-labelledby={labelledBy}
        className="mt-6 max-w-[48rem] border-2 border-rule bg-white p-8 font-serif text-base leading-relaxed text-ink"
      >
        {letter.senderLines.length > 0 ? (
          <p className="text-right">
            {letter.senderLines.map((line, i) => (
              <span key={i} className="block">
                {line}
              </span>
            ))}
          </p>
        ) : null}
        <p className="mt-6">
          {letter.addressLines.map((line, i) => (
            <span key={i} className="block">
              {line}
            </span>
          ))}
        </p>
        <p className="mt-6 text-right">{letter.date}</p>
        <p className="mt-6 font-bold">{letter.subject}</p>
        {paragraphs(letter.body).map((lines, i) => (
          <p key={i} className="mt-4">
            {lines.map((line, j) => (
              <span key={j} className="block">
                {line}
              </span>
            ))}
          </p>
        ))}
      </article>
    </>
  );
}
