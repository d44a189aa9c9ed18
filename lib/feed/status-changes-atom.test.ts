import { describe, expect, it } from 'vitest';
import en from '../../messages/en/common.json';
import type { StatusChange } from '../ties/status-changes';
import { statusChangeLink, statusChangeTitle, statusChangesAtom } from './status-changes-atom';

const statusName = (s: keyof typeof en.TieStatus) => en.TieStatus[s];
const APP = 'https://untwin.example.org';

function change(init: Partial<StatusChange> = {}): StatusChange {
  return {
    eventId: 976,
    tieId: 12,
    type: 'severed',
    fromStatus: 'pledged',
    toStatus: 'severed',
    occurredOn: { date: '2022-06-27', precision: 'day' },
    occurredByDate: true,
    recordedAt: new Date('2024-01-02T03:04:05.678Z'),
    council: { id: 1, slug: 'chernihiv-ukr', name: 'Chernihiv City Council' },
    place: { id: 1, slug: 'chernihiv-ukr', name: 'Chernihiv', country: { code: 'UKR', name: 'Ukraine' } },
    partner: { id: 2, slug: 'gomel-blr', name: 'Homiel', country: { code: 'BLR', name: 'Belarus' } },
    source: { id: 1, title: 'Twin municipalities', url: null, publisher: 'Transparent Cities', seedDocument: '000_2d2a49441774a397.txt', language: 'en' },
    quote: 'Chernihiv ... officially ceased cooperation with ... Homiel',
    attribution: { kind: 'source', title: 'Twin municipalities', publisher: 'Transparent Cities' },
    correction: null,
    ...init,
  };
}

describe('the Atom feed of status changes', () => {
  it('names each change by its pair and its new status', () => {
    expect(statusChangeTitle(change(), statusName)).toBe('Chernihiv – Homiel: severed');
    expect(statusChangeTitle(change({ type: 'recorded', fromStatus: null, toStatus: 'active' }), statusName)).toBe(
      'Chernihiv – Homiel: recorded as active',
    );
    expect(statusChangeTitle(change({ toStatus: 'pledged' }), statusName)).toBe('Chernihiv – Homiel: pledged to end');
  });

  it('links to the council page, or to the place page when there is no council', () => {
    expect(statusChangeLink(change(), `${APP}/`)).toBe(`${APP}/en/councils/chernihiv-ukr`);
    expect(statusChangeLink(change({ council: null }), APP)).toBe(`${APP}/en/places/chernihiv-ukr`);
  });

  it('gives every entry a stable tag URI, its date, link and a summary with the source', () => {
    const xml = statusChangesAtom([change()], { appUrl: `${APP}/`, statusName });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain('<id>tag:untwin.example.org,2025:untwin/tie-event/976</id>');
    expect(xml).toContain('<title type="text">Chernihiv – Homiel: severed</title>');
    // When it happened, at the start of the day (or month, or year) the source gives.
    expect(xml).toContain('<updated>2022-06-27T00:00:00Z</updated>');
    expect(xml).toContain(`<link rel="alternate" type="text/html" hreflang="en" href="${APP}/en/councils/chernihiv-ukr"/>`);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${APP}/feed.xml"/>`);
    expect(xml).toContain(
      '<summary type="text">The tie between Chernihiv (Ukraine) and Homiel (Belarus) went from pledged to end to severed, on or before 27 June 2022. Source: “Twin municipalities”, Transparent Cities (seed document 000_2d2a49441774a397.txt).',
    );
    // The feed is as new as its newest entry, or its latest recording.
    expect(xml).toContain('<updated>2024-01-02T03:04:05Z</updated>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it('escapes what the data holds, in text and in attributes', () => {
    const xml = statusChangesAtom(
      [
        change({
          place: { id: 1, slug: 'a', name: 'Tom & <Jerry>', country: { code: 'UKR', name: 'Ukraine' } },
          source: { id: 2, title: 'A "quoted" <title>', url: 'https://example.org/?a=1&b=2', publisher: null, seedDocument: null, language: null },
          quote: 'ends with \u0007 a bell',
        }),
      ],
      { appUrl: APP, statusName },
    );
    expect(xml).toContain('<title type="text">Tom &amp; &lt;Jerry&gt; – Homiel: severed</title>');
    expect(xml).toContain('<link rel="related" href="https://example.org/?a=1&amp;b=2" title="A &quot;quoted&quot; &lt;title&gt;"/>');
    expect(xml).toContain('“ends with  a bell”');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('dates a change by month or year as precisely as its source, or by when it was recorded', () => {
    const month = statusChangesAtom([change({ occurredOn: { date: '2025-03-01', precision: 'month' }, occurredByDate: false })], {
      appUrl: APP,
      statusName,
    });
    expect(month).toContain('<updated>2025-03-01T00:00:00Z</updated>');
    expect(month).toContain('to severed, in March 2025.');
    const undated = statusChangesAtom([change({ occurredOn: null, occurredByDate: false })], { appUrl: APP, statusName });
    expect(undated).toContain('<entry>\n    <id>tag:untwin.example.org,2025:untwin/tie-event/976</id>\n    <title type="text">Chernihiv – Homiel: severed</title>\n    <updated>2024-01-02T03:04:05Z</updated>');
  });

  it('is the same document for the same data, with no entries too', () => {
    const a = statusChangesAtom([change(), change({ eventId: 977 })], { appUrl: APP, statusName });
    const b = statusChangesAtom([change(), change({ eventId: 977 })], { appUrl: APP, statusName });
    expect(a).toBe(b);
    const empty = statusChangesAtom([], { appUrl: APP, statusName });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});
