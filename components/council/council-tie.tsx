import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { CouncilPageTie } from '@/lib/ties/council-page';
import { partialDateValues } from '../partial-date-text';
import { TieTimeline } from '../timeline/tie-timeline';
import { StatusLabel } from '../ties/status-label';
import { OtherSpellings, hasOtherSpellings } from './other-spellings';

/** One tie of a council: the partner, where the tie stands and on what, then its whole history. */
export function CouncilTie({ tie }: { tie: CouncilPageTie }) {
  const t = useTranslations('Council');
  const timeline = useTranslations('Timeline');
  const kinds = useTranslations('AgreementKind');
  const format = useFormatter();
  const locale = useLocale();
  const headingId = `tie-${tie.id}-heading`;
  const timelineId = `tie-${tie.id}-timeline`;
  return (
    <section id={`tie-${tie.id}`} aria-labelledby={headingId} data-tie={tie.partner.slug} className="border-t-2 border-ink pt-4">
      <h3 id={headingId} className="text-2xl font-bold">
        {tie.partner.name}, {tie.partner.country.name}
      </h3>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-bold">{t('status')}</dt>
        <dd>
          <StatusLabel status={tie.status} />
        </dd>
        <dt className="font-bold">{t('kind')}</dt>
        <dd>{kinds(tie.kind)}</dd>
        {tie.agreementTitle ? (
          <>
            <dt className="font-bold">{t('agreement')}</dt>
            <dd>{tie.agreementTitle}</dd>
          </>
        ) : null}
        {tie.signedOn ? (
          <>
            <dt className="font-bold">{t('signed')}</dt>
            <dd>{timeline.rich('on', partialDateValues(format, tie.signedOn))}</dd>
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
      <p className="mt-2">
        <a href={`/${locale}/places/${tie.partner.slug}`}>{t('partnerPage', { place: tie.partner.name })}</a>
      </p>
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
