import type { RecorderRole } from '../../db/schema';

/**
 * Who stands behind a public event: the one rule that every page, the feed, the API and the CSV
 * use to say it. What the council's own staff state is the council's word, whatever they cite;
 * a letter's writer reports their own letter; a letter Untwin delivered is the app's record; an
 * import or an organiser citing a source rests on that source and its publisher; an organiser
 * citing nothing is the campaign's own record.
 */
export const ATTRIBUTION_KINDS = ['council_staff', 'writer', 'untwin_letter', 'source', 'campaign'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

export type Attribution =
  | { kind: 'council_staff'; council: string | null }
  | { kind: 'writer' }
  | { kind: 'untwin_letter' }
  | { kind: 'source'; title: string; publisher: string | null }
  | { kind: 'campaign' };

export type AttributionInput = {
  recorderRole: RecorderRole;
  source: { title: string; publisher: string | null } | null;
  /** The council's name, for "stated by <council> staff". */
  council?: string | null;
};

export function attributionOf(e: AttributionInput): Attribution {
  switch (e.recorderRole) {
    case 'council_staff':
      return { kind: 'council_staff', council: e.council ?? null };
    case 'writer':
      return { kind: 'writer' };
    case 'appeal_flow':
      return { kind: 'untwin_letter' };
    default:
      return e.source ? { kind: 'source', title: e.source.title, publisher: e.source.publisher } : { kind: 'campaign' };
  }
}

/** The attribution in plain English, for machine-readable outputs (API, CSV, feed) that carry
 * both the kind and a sentence. Pages translate the kind themselves. */
export function attributionText(a: Attribution): string {
  switch (a.kind) {
    case 'council_staff':
      return a.council ? `Stated by ${a.council} staff` : 'Stated by the council’s staff';
    case 'writer':
      return 'Reported by the letter’s writer';
    case 'untwin_letter':
      return 'A letter sent through Untwin reached the council';
    case 'source':
      return a.publisher ? `${a.title} (${a.publisher})` : a.title;
    case 'campaign':
      return 'Recorded by the campaign';
  }
}
