/**
 * The tie lifecycle: the one home of every rule about a tie's status.
 *
 * Pure: no database, no framework. The database enums are built from these lists
 * (db/schema/ties.ts), the write path (lib/ties/fire-tie-event.ts) asks `planTieEvent`
 * whether an event may happen, and pages ask the same functions which actions to offer.
 */

import { type Actor, type Role, can, rolesFor } from '../auth/permissions';

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

/** What each event must carry. A source is a URL or seed document; evidence is a
 * decision document (number, date, link or file) supplied by council staff or organisers. */
export type EventRequirement = 'date' | 'source_or_evidence' | 'reason' | 'target_status';
export const EVENT_REQUIREMENTS: Readonly<Record<TieEventType, readonly EventRequirement[]>> = {
  recorded: ['source_or_evidence', 'target_status'],
  appealed: [],
  responded: [],
  promised: [],
  draft_registered: [],
  vote_scheduled: [],
  in_progress: [],
  severed: ['date', 'source_or_evidence'],
  suspended: [],
  found_not_signed: ['source_or_evidence'],
  occupied: [],
  refused: [],
  resumed: ['source_or_evidence'],
  noted: ['source_or_evidence'],
  corrected: ['reason', 'target_status'],
};

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
  if (event === 'corrected') return target && target !== from ? target : null;
  return TRANSITIONS[from][event] ?? null;
}

/** The events that may happen next from a status, for a role (drives which buttons a page shows). */
export function availableEvents(from: TieStatus, role?: Role): TieEventType[] {
  return TIE_EVENT_TYPES.filter(
    (e) => e !== 'recorded' && (e === 'corrected' || TRANSITIONS[from][e] !== undefined) && (!role || eventRoles(e).includes(role)),
  );
}

export type EventInput = {
  type: TieEventType;
  occurredOn?: string | null;
  sourceId?: number | null;
  hasEvidence?: boolean;
  reason?: string | null;
  targetStatus?: TieStatus | null;
};

export type PlanError =
  | { code: 'forbidden'; message: string }
  | { code: 'invalid_transition'; message: string }
  | { code: 'missing_requirement'; requirement: EventRequirement; message: string };

export type Plan = { ok: true; from: TieStatus; to: TieStatus } | ({ ok: false } & PlanError);

export function missingRequirement(input: EventInput): EventRequirement | null {
  for (const req of EVENT_REQUIREMENTS[input.type]) {
    if (req === 'date' && !input.occurredOn) return req;
    if (req === 'source_or_evidence' && !input.sourceId && !input.hasEvidence) return req;
    if (req === 'reason' && !input.reason?.trim()) return req;
    if (req === 'target_status' && !input.targetStatus) return req;
  }
  return null;
}

/** The whole rule check for moving an existing tie: permission, transition, requirements. */
export function planTieEvent(actor: Actor, from: TieStatus, input: EventInput, target: TieTarget): Plan {
  if (!canFire(actor, input.type, target)) {
    return { ok: false, code: 'forbidden', message: `You may not record "${input.type}" on this tie.` };
  }
  const to = nextStatus(from, input.type, input.targetStatus ?? undefined);
  if (!to) {
    return { ok: false, code: 'invalid_transition', message: `"${input.type}" cannot happen to a tie that is ${from}.` };
  }
  const missing = missingRequirement(input);
  if (missing) {
    return { ok: false, code: 'missing_requirement', requirement: missing, message: `"${input.type}" needs ${missing.replaceAll('_', ' ')}.` };
  }
  return { ok: true, from, to };
}
