import { useFormatter, useTranslations } from 'next-intl';
import type { EventCorrection, TimelineEvent } from '@/lib/ties/council-page';
import { type PartialDate, parsePartialDate } from '@/lib/dates/partial-date';
import { webAddress } from '@/lib/sources/web-address';
import { partialDateValues } from '../partial-date-text';
import { AttributionLine } from './attribution-line';
import { EventDate } from './event-date';
import { QuoteBlock } from './quote-block';
import { SourceCitation } from './source-citation';

/**
 * A tie's events in the order things happened (its effective history, lib/ties/effective-history.ts):
 * when, what happened, who stands behind it (a source, the council's staff, the campaign, a
 * letter's writer), the source's words, and any note. A withdrawn event stays, struck through and
 * marked with when and why it was withdrawn; an amended one shows its corrected date or source
 * and what it was recorded with. So the timeline can be checked line by line.
 */
export function TieTimeline({ events, labelledBy }: { events: TimelineEvent[]; labelledBy: string }) {
  const t = useTranslations('Timeline');
  const council = useTranslations('Council');
  if (events.length === 0) return <p>{council('noEvents')}</p>;
  return (
    <ol aria-labelledby={labelledBy} className="space-y-6 border-l-2 border-ink pl-5">
      {events.map((event) => (
        <li
          key={event.id}
          data-event={event.type}
          data-withdrawn={event.withdrawn ? 'true' : undefined}
          data-counts={event.counts ? 'true' : 'false'}
          data-attribution={event.attribution.kind}
          className={event.withdrawn ? 'relative text-muted' : 'relative'}
        >
          {/* The dot on the line: decoration only, the list itself carries the order. */}
          <span
            aria-hidden="true"
            className={`absolute top-2 -left-[27px] h-3 w-3 rounded-full border-2 ${event.withdrawn ? 'border-dashed border-muted' : 'border-ink'} bg-white`}
          />
          {event.withdrawn ? <WithdrawnMark correction={event.withdrawn} /> : null}
          <div className={event.withdrawn ? 'line-through decoration-2' : undefined}>
            <TimelineEntry event={event} />
          </div>
          <AttributionLine attribution={event.attribution} />
          {event.quote ? (
            <QuoteBlock quote={event.quote} lang={event.source?.language ?? null}>
              {event.source ? (
                <>
                  {t('source')}: <SourceCitation source={event.source} />
                </>
              ) : null}
            </QuoteBlock>
          ) : event.source || event.attribution.kind === 'source' ? (
            <p className="mt-1 text-sm">
              {t('source')}: {event.source ? <SourceCitation source={event.source} /> : t('noSource')}
            </p>
          ) : null}
          {event.amended ? <AmendedMark event={event} amended={event.amended} /> : null}
          {!event.counts && !event.withdrawn ? <p className="mt-1 max-w-prose text-sm font-bold">{t('noLongerFits')}</p> : null}
          {event.note ? (
            <p className="mt-1 max-w-prose text-sm">
              <span className="font-bold">{t('note')}:</span> {event.note}
            </p>
          ) : null}
          {event.reason ? (
            <p className="mt-1 max-w-prose text-sm">
              <span className="font-bold">{t('reason')}:</span> {event.reason}
            </p>
          ) : null}
          {event.evidence ? <DecisionEvidence evidence={event.evidence} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** "Withdrawn": when, by whom and why; the event below it is struck through and counts no more. */
function WithdrawnMark({ correction }: { correction: EventCorrection }) {
  const t = useTranslations('Timeline');
  const format = useFormatter();
  return (
    <div className="mb-1 border-l-4 border-[#d4351c] pl-3 text-ink" data-withdrawal={correction.eventId}>
      <p>
        <span className="mr-2 inline-block border-2 border-[#d4351c] px-1.5 text-sm font-bold leading-6 text-[#d4351c]">{t('withdrawnBadge')}</span>
        {t.rich('withdrawnOn', partialDateValues(format, recordedDay(correction.recordedAt)))}
      </p>
      {correction.reason ? (
        <p className="max-w-prose text-sm">
          <span className="font-bold">{t('withdrawnReason')}:</span> {correction.reason}
        </p>
      ) : null}
      <AttributionLine attribution={correction.attribution} />
    </div>
  );
}

/** An amended event: the corrected date or source is shown above; here, when and why, and what it was recorded with. */
function AmendedMark({ event, amended }: { event: TimelineEvent; amended: NonNullable<TimelineEvent['amended']> }) {
  const t = useTranslations('Timeline');
  const format = useFormatter();
  const dateChanged = amended.originalOccurredOn?.date !== event.occurredOn?.date || amended.originalOccurredOn?.precision !== event.occurredOn?.precision;
  const sourceChanged = amended.originalSource?.id !== event.source?.id;
  return (
    <div className="mt-2 border-l-4 border-rule pl-3 text-sm" data-amendment={amended.eventId}>
      <p className="font-bold">{t.rich('amendedOn', partialDateValues(format, recordedDay(amended.recordedAt)))}</p>
      {amended.reason ? (
        <p className="max-w-prose">
          <span className="font-bold">{t('amendedReason')}:</span> {amended.reason}
        </p>
      ) : null}
      {dateChanged ? (
        <p>
          {t('originalDate')}: <EventDate date={amended.originalOccurredOn} byDate={amended.originalOccurredByDate} />
        </p>
      ) : null}
      {sourceChanged ? (
        <p>
          {t('originalSource')}: {amended.originalSource ? <SourceCitation source={amended.originalSource} /> : t('noSource')}
        </p>
      ) : null}
      <AttributionLine attribution={amended.attribution} className="mt-1" />
    </div>
  );
}

/** The day something was recorded, as a date (UTC). */
function recordedDay(at: Date): PartialDate {
  return { date: at.toISOString().slice(0, 10), precision: 'day' };
}

function TimelineEntry({ event }: { event: TimelineEvent }) {
  const t = useTranslations('Timeline');
  const types = useTranslations('Event');
  const status = useTranslations('TieStatus');
  const format = useFormatter();
  const changed = event.fromStatus !== null && event.fromStatus !== event.toStatus;
  return (
    <>
      <p className="font-bold">
        <EventDate date={event.occurredOn} byDate={event.occurredByDate} />
      </p>
      <p className="text-lg">{types(event.type)}</p>
      {event.type === 'checked' && event.checkResult ? <p>{t(event.checkResult === 'listed' ? 'checkListed' : 'checkNotListed')}</p> : null}
      {event.sessionOn ? <p>{t.rich('sessionOn', partialDateValues(format, { date: event.sessionOn, precision: 'day' }))}</p> : null}
      <p className="text-sm text-muted">
        {t('statusChange')}:{' '}
        {changed ? (
          <>
            {status(event.fromStatus!)} → <span className="font-bold text-ink">{status(event.toStatus)}</span>
          </>
        ) : (
          <>
            {status(event.toStatus)}
            {event.fromStatus !== null ? ` (${t('unchanged')})` : null}
          </>
        )}
      </p>
    </>
  );
}

function DecisionEvidence({ evidence }: { evidence: NonNullable<TimelineEvent['evidence']> }) {
  const t = useTranslations('Timeline');
  const format = useFormatter();
  const date = evidence.decisionDate ? parsePartialDate(evidence.decisionDate) : null;
  const url = webAddress(evidence.url);
  if (!evidence.decisionNumber && !date && !url && !evidence.description) return null;
  return (
    <div className="mt-2 text-sm">
      <p className="font-bold">{t('decision')}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3">
        {evidence.decisionNumber ? (
          <>
            <dt>{t('decisionNumber')}</dt>
            <dd>{evidence.decisionNumber}</dd>
          </>
        ) : null}
        {date ? (
          <>
            <dt>{t('decisionDate')}</dt>
            <dd>{t.rich('on', partialDateValues(format, date))}</dd>
          </>
        ) : null}
        {evidence.description ? (
          <>
            <dt>{t('decisionDocument')}</dt>
            <dd>{evidence.description}</dd>
          </>
        ) : null}
      </dl>
      {url ? (
        <p>
          <a href={url} rel="noopener noreferrer">
            {t('decisionLink')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
