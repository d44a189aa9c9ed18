/**
 * The tie lifecycle: the one home of every rule about a tie's status.
 *
 * Pure: no database, no framework. The database enums are built from these lists
 * (db/schema/ties.ts), the write path (lib/ties/fire-tie-event.ts) asks `planTieEvent`
 * whether an event may happen, and pages ask the same functions which actions to offer.
 */

import { type Actor, type Role, can, rolesFor } from '../auth/permissions';
import type { DatePrecision, PartialDate } from '../dates/partial-date';

/** Where a tie stands. Order matters: it is the funnel order used by stats and sorting. */
export const TIE_STATUSES = [
  'active', // in force, nothing asked yet
  'appealed', // an appeal reached the council
  'responded', // the council answered without a commitment
  'pledged', // the council committed: a promise, a draft decision, a vote scheduled
  'severed', // a decision ended it (needs a date and a source or decision document)
  'suspended', // frozen without formal termination
  'not_signed', // it turns out no agreement was ever signed
  'occupied', // the council cannot act: occupation or active hostilities
  'refused', // the council declined
] as const;
export type TieStatus = (typeof TIE_STATUSES)[number];

/** What can happen to a tie. Each one is a row in tie_events. */
export const TIE_EVENT_TYPES = [
  'recorded', // a source first documents the tie (in whatever status the source reports)
  'appealed', // someone appealed to the council to end the tie
  'responded', // the council answered without committing
  'promised', // the council (or its head) promised to end the tie
  'draft_registered', // a draft decision to end the tie was registered
  'vote_scheduled', // the council will vote on it at a named or next session
  'in_progress', // the council reports the termination is "in the process"
  'severed', // a decision ended the tie
  'suspended', // cooperation frozen without formal termination
  'found_not_signed', // no agreement was ever signed
  'occupied', // the council cannot act (occupation, active hostilities)
  'refused', // the council declined to end the tie
  'resumed', // back in force: suspension lifted, council liberated, tie re-established
  'noted', // a new source or fact that does not change the status
  'corrected', // an organiser corrects the record; needs a reason
  // Corrections of one earlier event (`target_event_id`): they move no status themselves; the
  // effective history (lib/ties/effective-history.ts) replays the tie without or with them.
  'withdrawn', // an earlier event was wrong (wrong tie, never happened): it stops counting
  'amended', // an earlier event's date or source was wrong: this one gives the right one
  'checked', // someone looked (the council's partner page, a list): still listed, or not
] as const;
export type TieEventType = (typeof TIE_EVENT_TYPES)[number];


/**
 * Where each event leads from each status. A missing entry means "not allowed".
 * `corrected` is absent on purpose: it may go from any status to any other (see below).
 * `recorded` is absent too: it creates a tie, it never moves one.
 */
const PLEDGES = ['promised', 'draft_registered', 'vote_scheduled', 'in_progress'] as const;
const pledgeTo = (s: TieStatus) => Object.fromEntries(PLEDGES.map((e) => [e, s])) as Record<(typeof PLEDGES)[number], TieStatus>;

export const TRANSITIONS: Readonly<Record<TieStatus, Partial<Record<TieEventType, TieStatus>>>> = {
  active: {
    appealed: 'appealed',
    responded: 'responded',
    ...pledgeTo('pledged'),
    severed: 'severed',
    suspended: 'suspended',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    refused: 'refused',
    noted: 'active',
  },
  appealed: {
    appealed: 'appealed', // a further appeal does not change where the tie stands
    responded: 'responded',
    ...pledgeTo('pledged'),
    severed: 'severed',
    suspended: 'suspended',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    refused: 'refused',
    noted: 'appealed',
  },
  responded: {
    appealed: 'responded',
    responded: 'responded',
    ...pledgeTo('pledged'),
    severed: 'severed',
    suspended: 'suspended',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    refused: 'refused',
    noted: 'responded',
  },
  pledged: {
    appealed: 'pledged', // a reminder to a council that promised
    responded: 'pledged',
    ...pledgeTo('pledged'), // a promise followed by a draft, then a vote date
    severed: 'severed',
    suspended: 'suspended',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    refused: 'refused', // a council can go back on its word
    noted: 'pledged',
  },
  severed: {
    resumed: 'active', // re-established: a new agreement
    noted: 'severed',
  },
  suspended: {
    appealed: 'suspended', // asking for the formal decision
    responded: 'suspended',
    ...pledgeTo('pledged'),
    severed: 'severed',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    resumed: 'active',
    noted: 'suspended',
  },
  not_signed: {
    noted: 'not_signed',
  },
  occupied: {
    severed: 'severed', // a council in exile can still decide
    resumed: 'active', // the council can act again
    noted: 'occupied',
  },
  refused: {
    appealed: 'refused',
    responded: 'refused',
    ...pledgeTo('pledged'),
    severed: 'severed',
    suspended: 'suspended',
    found_not_signed: 'not_signed',
    occupied: 'occupied',
    noted: 'refused',
  },
};

/** Which roles may fire each event: rows `tie.<event>` of the one permission table
 * (lib/auth/permissions.ts); council staff only on their own council's ties and organisers only
 * within their campaigns (checked by `canFire` against the target). */
export function eventRoles(event: TieEventType): readonly Role[] {
  return rolesFor(`tie.${event}`);
}

/**
 * What each event must carry:
 * - `date`: when it happened (never in the future, never before the tie was signed);
 * - `source_or_evidence`: a source (URL or seed document) or a decision document;
 * - `source_or_document`: a severance is believed only with something a reader can open: a
 *   source, or the decision itself (its link or uploaded file); a decision number alone is not;
 * - `appeal_or_source`: `appealed` comes from the appeal flow (a letter sent by Untwin that
 *   reached the council) or from an organiser who cites where the appeal was made;
 * - `reason`, `target_status` (corrections), `target_event` and `amendment` (withdrawing or
 *   amending an earlier event), `check_result` (what a check found).
 */
export type EventRequirement =
  | 'date'
  | 'source_or_evidence'
  | 'source_or_document'
  | 'appeal_or_source'
  | 'reason'
  | 'target_status'
  | 'target_event'
  | 'amendment'
  | 'check_result'
  | 'source';
export const EVENT_REQUIREMENTS: Readonly<Record<TieEventType, readonly EventRequirement[]>> = {
  recorded: ['source_or_evidence', 'target_status'],
  appealed: ['appeal_or_source'],
  responded: [],
  promised: [],
  draft_registered: [],
  vote_scheduled: [],
  in_progress: [],
  severed: ['date', 'source_or_document'],
  suspended: [],
  found_not_signed: ['source_or_evidence'],
  occupied: [],
  refused: [],
  resumed: ['source_or_evidence'],
  noted: ['source_or_evidence'],
  corrected: ['reason', 'target_status'],
  withdrawn: ['reason', 'target_event'],
  amended: ['reason', 'target_event', 'amendment'],
  checked: ['date', 'source', 'check_result'],
};

/** Problems with an event's dates, checked with its requirements. */
export type DateProblem = 'date_in_future' | 'date_before_signed' | 'session_before_event';

/** Named groups used by queries and pages. Every status is in exactly one of
 * `inForce`, `closed` and `blocked`. */
export const STATUS_GROUPS = {
  /** The agreement still stands: the council still holds the tie. */
  inForce: ['active', 'appealed', 'responded', 'pledged', 'suspended', 'refused'],
  /** Nothing left to do: ended, or never existed. */
  closed: ['severed', 'not_signed'],
  /** The council cannot act now. */
  blocked: ['occupied'],
  /** The campaign must move next: appeal, push, escalate, or ask for the formal decision. */
  needsAction: ['active', 'responded', 'refused', 'suspended'],
  /** The council has the next move. */
  awaitingCouncil: ['appealed', 'pledged'],
} as const satisfies Record<string, readonly TieStatus[]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];

/** The campaign funnel, in order. */
export const FUNNEL: readonly TieStatus[] = ['active', 'appealed', 'responded', 'pledged', 'severed'];

/** The outcomes besides severance and the road to it (the funnel); with FUNNEL, every status once. */
export const SIDE_OUTCOMES = ['suspended', 'not_signed', 'occupied', 'refused'] as const satisfies readonly TieStatus[];
export type SideOutcome = (typeof SIDE_OUTCOMES)[number];

export function isInGroup(status: TieStatus, group: StatusGroup): boolean {
  return (STATUS_GROUPS[group] as readonly TieStatus[]).includes(status);
}

export type { Actor, Grant as ActorGrant } from '../auth/permissions';

export type TieTarget = { councilId: number | null; campaignIds: readonly number[] };

/** May this actor fire this event on this tie? The permission table decides. */
export function canFire(actor: Actor, event: TieEventType, target: TieTarget): boolean {
  return can(actor, `tie.${event}`, target);
}

/** Where `event` leads from `from`, or null when it is not allowed. */
export function nextStatus(from: TieStatus, event: TieEventType, target?: TieStatus): TieStatus | null {
  if (event === 'recorded') return null;
  if (event === 'withdrawn' || event === 'amended' || event === 'checked') return from; // the history replays what they change
  if (event === 'corrected') return target && target !== from ? target : null;
  return TRANSITIONS[from][event] ?? null;
}

/** The events that may happen next from a status, for a role (drives which buttons a page shows). */
export function availableEvents(from: TieStatus, role?: Role): TieEventType[] {
  return TIE_EVENT_TYPES.filter(
    (e) =>
      e !== 'recorded' &&
      (e === 'corrected' || e === 'checked' || TRANSITIONS[from][e] !== undefined) &&
      e !== 'withdrawn' &&
      e !== 'amended' && // offered per event on the timeline, not as a next step
      (!role || eventRoles(e).includes(role)),
  );
}

export type EventInput = {
  type: TieEventType;
  occurredOn?: string | null;
  occurredPrecision?: DatePrecision | null;
  sourceId?: number | null;
  /** Any decision details (number, date, link, file). */
  hasEvidence?: boolean;
  /** A decision a reader can open: its link or uploaded file. */
  hasDocument?: boolean;
  /** Fired by the appeal flow for a letter that reached the council. */
  viaAppeal?: boolean;
  reason?: string | null;
  targetStatus?: TieStatus | null;
  targetEventId?: number | null;
  /** For `amended`: whether it gives a new date or a new source. */
  amendsSomething?: boolean;
  checkResult?: string | null;
  /** The session that will vote: may be in the future, never before the event. */
  sessionOn?: string | null;
  /** When the tie was signed, if a source says. */
  signed?: PartialDate | null;
  /** Today (UTC, YYYY-MM-DD), for "not in the future"; by default the clock's. */
  today?: string;
};

export type EventProblem = { requirement: EventRequirement | DateProblem; message: string };

export type PlanError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid_transition'; message: string }
  | { code: 'missing_requirement'; requirement: EventRequirement | DateProblem; problems: EventProblem[]; message: string };

export type Plan = { ok: true; from: TieStatus; to: TieStatus } | ({ ok: false } & PlanError);

const REQUIREMENT_MESSAGES: Record<EventRequirement | DateProblem, string> = {
  date: 'needs the date it happened',
  source_or_evidence: 'needs a source or the decision document',
  source_or_document: 'needs a source address or the decision document (a link or an uploaded file); a decision number alone is not enough',
  appeal_or_source: 'needs a source showing the appeal reached the council',
  reason: 'needs a reason',
  target_status: 'needs the status it sets',
  target_event: 'needs the event it corrects',
  amendment: 'needs the corrected date or source',
  check_result: 'needs what the check found',
  source: 'needs where you looked (a web address)',
  date_in_future: 'cannot be dated in the future',
  date_before_signed: 'cannot be dated before the tie was signed',
  session_before_event: 'names a session before the event itself',
};

/** The last day of a partial date's period ("2009" ends on 2009-12-31). */
export function periodEnd(date: PartialDate): string {
  const [y, m] = date.date.split('-').map(Number) as [number, number];
  if (date.precision === 'day') return date.date;
  if (date.precision === 'year') return `${y}-12-31`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** Every requirement the event misses and every problem with its dates, all at once. */
export function eventProblems(input: EventInput): EventProblem[] {
  const missing: (EventRequirement | DateProblem)[] = [];
  for (const req of EVENT_REQUIREMENTS[input.type]) {
    const has = (() => {
      switch (req) {
        case 'date':
          return Boolean(input.occurredOn);
        case 'source_or_evidence':
          return Boolean(input.sourceId || input.hasEvidence);
        case 'source_or_document':
          return Boolean(input.sourceId || input.hasDocument);
        case 'appeal_or_source':
          return Boolean(input.viaAppeal || input.sourceId);
        case 'reason':
          return Boolean(input.reason?.trim());
        case 'target_status':
          return Boolean(input.targetStatus);
        case 'target_event':
          return Boolean(input.targetEventId);
        case 'amendment':
          return Boolean(input.amendsSomething);
        case 'check_result':
          return input.checkResult === 'listed' || input.checkResult === 'not_listed';
        case 'source':
          return Boolean(input.sourceId);
      }
    })();
    if (!has) missing.push(req);
  }
  if (input.occurredOn) {
    const today = input.today ?? new Date().toISOString().slice(0, 10);
    if (input.occurredOn > today) missing.push('date_in_future');
    const occurred: PartialDate = { date: input.occurredOn, precision: input.occurredPrecision ?? 'day' };
    if (input.signed && periodEnd(occurred) < input.signed.date) missing.push('date_before_signed');
    if (input.sessionOn && input.sessionOn < input.occurredOn) missing.push('session_before_event');
  }
  return missing.map((requirement) => ({ requirement, message: `"${input.type}" ${REQUIREMENT_MESSAGES[requirement]}.` }));
}

/** The first thing an event lacks, or null (for callers that report one thing). */
export function missingRequirement(input: EventInput): EventRequirement | DateProblem | null {
  return eventProblems(input)[0]?.requirement ?? null;
}

/** The whole rule check for moving an existing tie: permission, transition, requirements.
 * `from` is where the tie stands at the event's place in its effective history. */
export function planTieEvent(actor: Actor, from: TieStatus, input: EventInput, target: TieTarget): Plan {
  if (!canFire(actor, input.type, target)) {
    return { ok: false, code: 'forbidden', message: `You may not record "${input.type}" on this tie.` };
  }
  const to = nextStatus(from, input.type, input.targetStatus ?? undefined);
  if (!to) {
    return { ok: false, code: 'invalid_transition', message: `"${input.type}" cannot happen to a tie that is ${from}.` };
  }
  const problems = eventProblems(input);
  if (problems.length > 0) {
    return { ok: false, code: 'missing_requirement', requirement: problems[0]!.requirement, problems, message: problems.map((p) => p.message).join(' ') };
  }
  return { ok: true, from, to };
}
