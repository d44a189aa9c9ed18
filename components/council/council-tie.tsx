import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { sentenceStart } from '@/lib/places/unnamed-place';
import type { CouncilPageTie } from '@/lib/ties/council-page';
import { partialDateValues } from '../partial-date-text';
import { TieTimeline } from '../timeline/tie-timeline';
import { ConfirmationNote } from '../ties/confirmation-note';
import { CountryClaimNote } from '../ties/country-claim-note';
import { StatusLabel } from '../ties/status-label';
import { OtherSpellings, hasOtherSpellings } from './other-spellings';

/**
 * One tie of a council: the partner, since when the tie exists, where it stands and how sure that
 * is (when last confirmed and by what, or only listed), claims about the whole country that cover
 * it, then its whole history in the order things happened.
 */
export function CouncilTie({ tie }: { tie: CouncilPageTie }) {
  const t = useTranslations('Council');
  const unnamed = useTranslations('Unnamed');
  const timeline = useTranslations('Timeline');
  const kinds = useTranslations('AgreementKind');
  const format = useFormatter();
  const locale = useLocale();
  const headingId = `tie-${tie.id}-heading`;
  const timelineId = `tie-${tie.id}-timeline`;
  const partnerName = tie.partner.unnamed ? sentenceStart(tie.partner.name) : tie.partner.name;
  return (
    <section
      id={`tie-${tie.id}`}
      aria-labelledby={headingId}
      data-tie={tie.partner.slug}
      data-unnamed-partner={tie.partner.unnamed ? 'true' : undefined}
      className="border-t-2 border-ink pt-4"
    >
      <h3 id={headingId} className="text-2xl font-bold">
        {partnerName}, {tie.partner.country.name}
      </h3>
      {tie.partner.unnamed ? <p className="mt-1 max-w-prose">{unnamed('note')}</p> : null}
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t('status')}</dt>
        <dd>
          <StatusLabel status={tie.status} />
        </dd>
        <dt className="font-bold">{t('confirmation')}</dt>
        <dd>
          <ConfirmationNote confirmation={tie.confirmation} inForce={tie.inForce} />
        </dd>
        <dt className="font-bold">{t('since')}</dt>
        <dd data-since={tie.signedOn ? tie.signedOn.date : 'unknown'}>
          {tie.signedOn ? timeline.rich('on', partialDateValues(format, tie.signedOn)) : t('sinceUnknown')}
        </dd>
        <dt className="font-bold">{t('kind')}</dt>
        <dd>{kinds(tie.kind)}</dd>
        {tie.agreementTitle ? (
          <>
            <dt className="font-bold">{t('agreement')}</dt>
            <dd>{tie.agreementTitle}</dd>
          </>
        ) : null}
        {hasOtherSpellings(tie.partner.spellings, tie.partner.name) ? (
          <>
            <dt className="font-bold">{t('partnerSpellings')}</dt>
            <dd>
              <OtherSpellings spellings={tie.partner.spellings} except={tie.partner.name} />
            </dd>
          </>
        ) : null}
      </dl>
      {tie.countryClaims.length > 0 ? (
        <div className="mt-4 space-y-3" aria-label={t('countryClaims')} role="group">
          {tie.countryClaims.map((claim) => (
            <CountryClaimNote key={claim.id} claim={claim} />
          ))}
        </div>
      ) : null}
      {/* An unnamed partner has no page worth reading: it would only say the source does not name it. */}
      {tie.partner.unnamed ? null : (
        <p className="mt-2">
          <a href={`/${locale}/places/${tie.partner.slug}`}>{t('partnerPage', { place: tie.partner.name })}</a>
        </p>
      )}
      {tie.conflictIds.length > 0 ? (
        <p className="mt-3 border-l-4 border-ink bg-surface px-3 py-2 font-bold" data-conflict-notice>
          {t('conflictNotice')} <a href={`#claim-${tie.conflictIds[0]}`}>{t('conflictLink')}</a>
        </p>
      ) : null}
      <h4 id={timelineId} className="mt-5 mb-3 text-lg font-bold">
        {t('timeline')}
      </h4>
      <TieTimeline events={tie.events} labelledBy={timelineId} />
    </section>
  );
}
