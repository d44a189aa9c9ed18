import { useFormatter, useTranslations } from 'next-intl';
import type { CountryClaim } from '@/lib/ties/country-claims';
import { partialDateValues } from '../partial-date-text';
import { QuoteBlock } from '../timeline/quote-block';
import { SourceCitation } from '../timeline/source-citation';

/** What a claim about the whole country says, as a claim: it moves no status, and is not yet confirmed for this council. */
export function CountryClaimNote({ claim }: { claim: CountryClaim }) {
  const t = useTranslations('Claim');
  const timeline = useTranslations('Timeline');
  const format = useFormatter();
  const country = claim.country.name;
  const text =
    claim.kind === 'ended'
      ? claim.occurredOn
        ? t.rich('ended', { country, ...partialDateValues(format, claim.occurredOn) })
        : t('endedUndated', { country })
      : claim.occurredOn
        ? t.rich('urged', { country, ...partialDateValues(format, claim.occurredOn) })
        : t('urgedUndated', { country });
  return (
    <div className="border-l-4 border-[#f47738] bg-surface px-3 py-2" data-country-claim={claim.key} data-claim-kind={claim.kind}>
      <p className="font-bold">{text}</p>
      <QuoteBlock quote={claim.quote} lang={claim.source.language}>
        {timeline('source')}: <SourceCitation source={claim.source} />
      </QuoteBlock>
      {claim.note ? <p className="text-sm">{claim.note}</p> : null}
    </div>
  );
}

/** One line for lists and table cells. */
export function CountryClaimShort({ claims }: { claims: readonly CountryClaim[] }) {
  const t = useTranslations('Claim');
  const format = useFormatter();
  const ended = claims.find((c) => c.kind === 'ended');
  const claim = ended ?? claims[0];
  if (!claim) return null;
  return (
    <span className="block text-sm" data-country-claim={claim.key}>
      {claim.kind === 'ended'
        ? claim.occurredOn
          ? t.rich('short', partialDateValues(format, claim.occurredOn))
          : t('shortUndated')
        : t('shortUrged')}
    </span>
  );
}
