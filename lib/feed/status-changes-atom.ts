import { type PartialDate, formatPartialDate } from '../dates/partial-date';
import { partialDateFormat, partialDateValue } from '../i18n/partial-date-format';
import { attributionText } from '../ties/attribution';
import type { TieEventType, TieStatus } from '../ties/lifecycle';
import type { StatusChange } from '../ties/status-changes';
import { escapeXml } from '../xml/escape-xml';

/**
 * The Atom 1.0 document (RFC 4287) of the latest status changes, in English. Built only from
 * the data, never from the clock, so the same data gives the same bytes and the same ETag.
 */

export type AtomOptions = {
  /** The public address of the app (APP_URL), for absolute links and the tag URIs. */
  appUrl: string;
  /** The English name of a status ("Pledged to end"), from the messages. */
  statusName: (status: TieStatus) => string;
  /** What an event says happened ("The council ended the tie"), from the messages; for corrections. */
  eventName?: (type: TieEventType) => string;
};

/** Without the messages: the event's type, readable. */
const plainEventName = (type: TieEventType) => type.replace(/_/g, ' ');

/**
 * Tag URIs (RFC 4151) need a date on which the authority owned its name; it is part of every
 * id, so it must never change once entries are published.
 */
const TAG_DATE = '2025';

export const FEED_PATH = '/feed.xml';

function tagUri(appUrl: string, specific: string): string {
  return `tag:${new URL(appUrl).hostname},${TAG_DATE}:untwin/${specific}`;
}

const dateText = (date: PartialDate): string => new Intl.DateTimeFormat('en-GB', partialDateFormat(date.precision)).format(partialDateValue(date));

function englishDateOf(date: PartialDate | null, byDate: boolean): string | null {
  if (!date) return null;
  const text = dateText(date);
  return byDate ? `on or before ${text}` : date.precision === 'day' ? `on ${text}` : `in ${text}`;
}

const englishDate = (change: StatusChange): string | null => englishDateOf(change.occurredOn, change.occurredByDate);

const dayOf = (at: Date): PartialDate => ({ date: at.toISOString().slice(0, 10), precision: 'day' });

/** When it happened (a partial date at the start of its period), or when it was recorded. */
function entryUpdated(change: StatusChange): string {
  if (change.occurredOn) return `${formatPartialDate(change.occurredOn.date, 'day')}T00:00:00Z`;
  return change.recordedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function statusChangeTitle(change: StatusChange, statusName: AtomOptions['statusName'], eventName: (type: TieEventType) => string = plainEventName): string {
  const pair = `${change.place.name} – ${change.partner.name}`;
  if (change.correction) {
    const what = `“${eventName(change.correction.target.type)}”`;
    return change.type === 'withdrawn' ? `Correction: ${pair}: ${what} was withdrawn` : `Correction: ${pair}: ${what} was amended`;
  }
  const to = lower(statusName(change.toStatus));
  return change.type === 'recorded' ? `${pair}: recorded as ${to}` : `${pair}: ${to}`;
}

/** The page a reader goes to: the council's, or the place's when no council is known. */
export function statusChangeLink(change: StatusChange, appUrl: string): string {
  const base = appUrl.replace(/\/+$/, '');
  return change.council ? `${base}/en/councils/${encodeURIComponent(change.council.slug)}` : `${base}/en/places/${encodeURIComponent(change.place.slug)}`;
}

function sourceSentence(s: NonNullable<StatusChange['source']>, label = 'Source'): string {
  const where = s.url ?? (s.seedDocument ? `seed document ${s.seedDocument}` : null);
  return `${label}: “${s.title}”${s.publisher ? `, ${s.publisher}` : ''}${where ? ` (${where})` : ''}.`;
}

/** "Correction: the severance of … recorded on … was withdrawn: <reason>". */
function correctionSummary(change: StatusChange, correction: NonNullable<StatusChange['correction']>, eventName: (type: TieEventType) => string): string {
  const place = `${change.place.name} (${change.place.country.name})`;
  const partner = `${change.partner.name} (${change.partner.country.name})`;
  const target = correction.target;
  const dated = englishDateOf(target.occurredOn, target.occurredByDate);
  const entry = `The entry “${eventName(target.type)}” on the tie between ${place} and ${partner}${dated ? `, dated ${dated},` : ''} recorded on ${dateText(dayOf(target.recordedAt))}`;
  const parts =
    change.type === 'withdrawn'
      ? [`Correction: ${entry}, was withdrawn from the record on ${dateText(dayOf(change.recordedAt))}: it no longer counts.`]
      : [`Correction: ${entry}, was amended on ${dateText(dayOf(change.recordedAt))}.`];
  if (change.type === 'amended') {
    const newDate = englishDateOf(correction.newOccurredOn, correction.newOccurredByDate);
    if (newDate) parts.push(`It happened ${newDate}.`);
    if (correction.newSource) parts.push(sourceSentence(correction.newSource, 'Corrected source'));
  }
  parts.push(correction.reason ? `Reason: ${correction.reason}` : 'No reason was given.');
  parts.push(`Who stands behind the correction: ${attributionText(change.attribution)}.`);
  return parts.join(' ');
}

function summary(change: StatusChange, statusName: AtomOptions['statusName'], eventName: (type: TieEventType) => string): string {
  if (change.correction) return correctionSummary(change, change.correction, eventName);
  const place = `${change.place.name} (${change.place.country.name})`;
  const partner = `${change.partner.name} (${change.partner.country.name})`;
  const what =
    change.fromStatus === null
      ? `The tie between ${place} and ${partner} was recorded as ${lower(statusName(change.toStatus))}`
      : `The tie between ${place} and ${partner} went from ${lower(statusName(change.fromStatus))} to ${lower(statusName(change.toStatus))}`;
  const when = englishDate(change);
  const parts = [`${what}${when ? `, ${when}` : ''}.`];
  const s = change.source;
  if (s) parts.push(sourceSentence(s));
  if (change.attribution.kind !== 'source') parts.push(`Who stands behind it: ${attributionText(change.attribution)}.`);
  else if (!s) parts.push('Source: none recorded.');
  if (change.quote) parts.push(`“${change.quote}”`);
  return parts.join(' ');
}

export function statusChangesAtom(changes: readonly StatusChange[], options: AtomOptions): string {
  const base = options.appUrl.replace(/\/+$/, '');
  const updatedTimes = changes.flatMap((c) => [entryUpdated(c), c.recordedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  // ISO 8601 UTC strings of one shape sort as text. With nothing to show, a fixed instant keeps
  // the document (and its ETag) stable.
  const feedUpdated = updatedTimes.length ? updatedTimes.reduce((a, b) => (a > b ? a : b)) : '1970-01-01T00:00:00Z';

  const eventName = options.eventName ?? plainEventName;
  const entries = changes.map((c) => {
    const link = statusChangeLink(c, base);
    const related = c.correction ? c.correction.newSource : c.source;
    return [
      '  <entry>',
      `    <id>${escapeXml(tagUri(base, `tie-event/${c.eventId}`))}</id>`,
      `    <title type="text">${escapeXml(statusChangeTitle(c, options.statusName, eventName))}</title>`,
      `    <updated>${entryUpdated(c)}</updated>`,
      `    <link rel="alternate" type="text/html" hreflang="en" href="${escapeXml(link)}"/>`,
      ...(related?.url ? [`    <link rel="related" href="${escapeXml(related.url)}" title="${escapeXml(related.title)}"/>`] : []),
      c.correction
        ? `    <category term="correction" label="Correction"/>`
        : `    <category term="${escapeXml(c.toStatus)}" label="${escapeXml(options.statusName(c.toStatus))}"/>`,
      `    <summary type="text">${escapeXml(summary(c, options.statusName, eventName))}</summary>`,
      '  </entry>',
    ].join('\n');
  });

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(tagUri(base, 'status-changes'))}</id>`,
    '  <title type="text">Untwin: latest status changes of twin-city ties with Russia and Belarus</title>',
    '  <subtitle type="text">Ties recorded, appealed, pledged, severed and more, newest first, each with its source.</subtitle>',
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}${FEED_PATH}`)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="en" href="${escapeXml(`${base}/en`)}"/>`,
    `  <author><name>Untwin</name><uri>${escapeXml(`${base}/en`)}</uri></author>`,
    '  <rights type="text">Data: CC BY 4.0, with attribution to the original sources named in each entry.</rights>',
    '  <generator>Untwin</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
