import type { ReactNode } from 'react';

/** A source's own words, marked with their language so they are read out and hyphenated right. */
export function QuoteBlock({ quote, lang, children }: { quote: string; lang: string | null; children?: ReactNode }) {
  return (
    <figure className="my-2">
      <blockquote lang={lang ?? undefined} className="border-l-4 border-rule pl-4 whitespace-pre-line">
        <p>{quote}</p>
      </blockquote>
      {children ? <figcaption className="mt-1 pl-5 text-sm">{children}</figcaption> : null}
    </figure>
  );
}
