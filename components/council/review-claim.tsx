import { useTranslations } from 'next-intl';
import type { ReviewClaim } from '@/lib/ties/council-page';
import { QuoteBlock } from '../timeline/quote-block';
import { SourceCitation } from '../timeline/source-citation';

/**
 * A claim the record does not settle: what the record says about it, then each source's own
 * words with the source named. Summaries are written by the importers, in English.
 */
export function ReviewClaimBlock({
  claim,
  heading,
  headingLevel,
}: {
  claim: ReviewClaim;
  heading: React.ReactNode;
  headingLevel: 3 | 4;
}) {
  const t = useTranslations('Council');
  const timeline = useTranslations('Timeline');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  const conflict = claim.kind === 'conflicting_claims';
  const id = `claim-${claim.id}`;
  return (
    <article id={id} aria-labelledby={`${id}-heading`} data-claim={claim.kind} className="border-l-4 border-ink bg-surface px-4 py-3">
      <Heading id={`${id}-heading`} className="text-lg font-bold">
        {heading}
      </Heading>
      {conflict ? (
        <p className="mt-1">
          <span className="font-bold">{t('claimState')}:</span>{' '}
          {claim.state === 'resolved' ? t('claimResolved') : t('claimOpen')}
        </p>
      ) : null}
      <p className="mt-2 max-w-prose">
        <span className="font-bold">{t('summaryLabel')}:</span> <span lang="en">{claim.summary}</span>
      </p>
      {claim.state === 'resolved' && claim.resolution ? (
        <p className="mt-2 max-w-prose">
          <span className="font-bold">{t('claimResolved')}:</span> {claim.resolution}
        </p>
      ) : null}
      {claim.quote ? (
        <>
          <Sub className="mt-3 font-bold">{conflict && claim.otherQuote ? t('oneSourceSays') : t('sourceSays')}</Sub>
          <QuoteBlock quote={claim.quote} lang={claim.source?.language ?? null}>
            {claim.source ? (
              <>
                {timeline('source')}: <SourceCitation source={claim.source} />
              </>
            ) : null}
          </QuoteBlock>
          {claim.moreQuotes.map((quote) => (
            <QuoteBlock key={quote} quote={quote} lang={claim.source?.language ?? null} />
          ))}
        </>
      ) : null}
      {claim.otherQuote ? (
        <>
          <Sub className="mt-3 font-bold">{t('otherSourceSays')}</Sub>
          <QuoteBlock quote={claim.otherQuote} lang={claim.otherSource?.language ?? null}>
            {claim.otherSource ? (
              <>
                {timeline('source')}: <SourceCitation source={claim.otherSource} />
                {claim.otherQuoteListedUnder ? <>, {t('listedUnder', { place: claim.otherQuoteListedUnder })}</> : null}
              </>
            ) : claim.otherQuoteListedUnder ? (
              t('listedUnder', { place: claim.otherQuoteListedUnder })
            ) : null}
          </QuoteBlock>
        </>
      ) : null}
    </article>
  );
}
