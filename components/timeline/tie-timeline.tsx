import { useFormatter, useTranslations } from 'next-intl';
import type { TimelineEvent } from '@/lib/ties/council-page';
import { parsePartialDate } from '@/lib/dates/partial-date';
import { webAddress } from '@/lib/sources/web-address';
import { partialDateValues } from '../partial-date-text';
import { EventDate } from './event-date';
import { QuoteBlock } from './quote-block';
import { SourceCitation } from './source-citation';

/**
 * A tie's events in the order they were recorded (the order its status moved in): when, what
 * happened, the source and its words, and any note. Each event says what its source says,
 * so the timeline can be checked line by line.
 */
export function TieTimeline({ events, labelledBy }: { events: TimelineEvent[]; labelledBy: string }) {
  const t = useTranslations('Timeline');
  const council = useTranslations('Council');
  if (events.length === 0) return <p>{council('noEvents')}</p>;
  return (
    <ol aria-labelledby={labelledBy} className="space-y-6 border-l-2 border-ink pl-5">
      {events.map((event) => (
        <li key={event.id} data-event={event.type} className="relative">
          {/* The dot on the line: decoration only, the list itself carries the order. */}
          <span aria-hidden="true" className="absolute top-2 -left-[27px] h-3 w-3 rounded-full border-2 border-ink bg-white" />
          <TimelineEntry event={event} />
          {event.quote ? (
            <QuoteBlock quote={event.quote} lang={event.source?.language ?? null}>
              {event.source ? (
                <>
                  {t('source')}: <SourceCitation source={event.source} />
                </>
              ) : null}
            </QuoteBlock>
          ) : (
            <p className="mt-1 text-sm">
              {t('source')}: {event.source ? <SourceCitation source={event.source} /> : t('noSource')}
            </p>
          )}
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

function TimelineEntry({ event }: { event: TimelineEvent }) {
  const t = useTranslations('Timeline');
  const types = useTranslations('Event');
  const status = useTranslations('TieStatus');
  const changed = event.fromStatus !== null && event.fromStatus !== event.toStatus;
  return (
    <>
      <p className="font-bold">
        <EventDate date={event.occurredOn} byDate={event.occurredByDate} />
      </p>
      <p className="text-lg">{types(event.type)}</p>
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
