import type { TieEventType } from '../ties/lifecycle';

/**
 * Who may do what: the one permission table. Pure (no database, no framework), so pages ask it
 * which buttons to show, the action wrapper (lib/auth/action.ts) asks it before every mutation,
 * and the tie lifecycle asks it who may fire which event (`tie.<event>` rows below).
 *
 * A role's grant is scoped: council staff act only on their council, organisers only within
 * their campaigns; admins everywhere. An activist is anyone signed in with a confirmed address.
 */
export const ROLES = ['public', 'activist', 'council_staff', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Grant =
  | { role: 'activist' }
  | { role: 'council_staff'; councilId: number }
  | { role: 'organiser'; campaignId: number }
  | { role: 'admin' };

export type Actor =
  | { kind: 'public' }
  | { kind: 'system'; label: string } // the seed, the import CLI, admin:create: run by the operator
  | { kind: 'user'; userId: string; grants: readonly Grant[] };

/**
 * What an action acts on. `council` and `campaignIds` scope staff and organiser grants; an
 * action on a person (`anywhere`) needs only the role, with its own rule about whom (see run).
 */
export type Target = { councilId: number | null; campaignIds: readonly number[] } | 'anywhere';

type TieEventPermission = `tie.${TieEventType}`;

const STAFF_OR_ORGANISER = ['council_staff', 'organiser', 'admin'] as const;
const ORGANISER = ['organiser', 'admin'] as const;

export const PERMISSIONS = {
  // --- The tie lifecycle: who may fire which event (lib/ties/lifecycle.ts reads these rows) ---
  'tie.recorded': ORGANISER,
  // Activists never fire this themselves: their letter does, through the appeal flow, once it
  // reached the council (lib/appeals/appeal-reached-council.ts acts as the system).
  'tie.appealed': ORGANISER,
  'tie.responded': STAFF_OR_ORGANISER,
  'tie.promised': STAFF_OR_ORGANISER,
  'tie.draft_registered': STAFF_OR_ORGANISER,
  'tie.vote_scheduled': STAFF_OR_ORGANISER,
  'tie.in_progress': STAFF_OR_ORGANISER,
  'tie.severed': STAFF_OR_ORGANISER,
  'tie.suspended': STAFF_OR_ORGANISER,
  'tie.found_not_signed': STAFF_OR_ORGANISER,
  'tie.occupied': ORGANISER,
  'tie.refused': STAFF_OR_ORGANISER,
  'tie.resumed': ORGANISER,
  'tie.noted': STAFF_OR_ORGANISER,
  'tie.corrected': ORGANISER,
  'tie.withdrawn': ORGANISER,
  'tie.amended': ORGANISER,
  'tie.checked': STAFF_OR_ORGANISER, // "the council's partner page on <date>: still listed / not listed"
  // Two real places wrongly merged into one record: split them (lib/places/split-place.ts).
  'place.split': ORGANISER,
  // A partner a source did not name, named later (lib/places/name-partner.ts).
  'tie.name_partner': ORGANISER,

  // --- A council's own work (lib/council-staff): its staff, and organisers of its campaigns ---
  'council.update_directory': STAFF_OR_ORGANISER, // contact addresses, website, head, postal address
  'document.upload': STAFF_OR_ORGANISER, // a decision as PDF, evidence for an answer

  // --- A person's own account ---
  'account.update': ['activist'], // name, city, language: always one's own
  'staff.claim': ['activist'], // only from an address at the council's official domain

  // --- People, within the organiser's campaigns (a council is in a campaign through its ties) ---
  'staff.decide': ORGANISER, // approve or reject a staff claim
  'staff.invite': ORGANISER,
  'staff.revoke': ORGANISER,
  'organiser.invite': ORGANISER,
  'organiser.revoke': ORGANISER,
  'person.ban': ORGANISER, // organisers ban activists; only admins ban organisers or admins
  'person.unban': ORGANISER,

  // --- Appeals (lib/appeals): any activist writes to any council; organisers within their campaigns ---
  'appeal.send': ['activist'], // sent by the app: rate ladder, 30-day rule, moderation (lib/appeals/rules.ts)
  'appeal.record_external': ['activist'], // "I sent it myself" (mailto, print, PDF, copied text)
  'appeal.moderate': ORGANISER, // approve or reject a new activist's appeal
  'campaign.set_letter_delivery': ORGANISER, // individual letters or one daily digest per council

  // --- Running the service ---
  'admin.invite': ['admin'],
  'admin.revoke': ['admin'],
  'mail.read_failed': ['admin'],
  'mail.retry': ['admin'],
} as const satisfies Record<TieEventPermission | string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function rolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/** Does this one grant allow the permission on the target? */
function grantAllows(grant: Grant, roles: readonly Role[], target: Target): boolean {
  if (!roles.includes(grant.role)) return false;
  switch (grant.role) {
    case 'admin':
    case 'activist':
      return true;
    case 'council_staff':
      return target === 'anywhere' || target.councilId === grant.councilId;
    case 'organiser':
      return target === 'anywhere' || target.campaignIds.includes(grant.campaignId);
  }
}

/** May this actor do this on this target? The operator's own scripts (`system`) may do anything. */
export function can(actor: Actor, permission: Permission, target: Target): boolean {
  if (actor.kind === 'system') return true;
  const roles = PERMISSIONS[permission];
  if (actor.kind === 'public') return (roles as readonly Role[]).includes('public');
  return actor.grants.some((g) => grantAllows(g, roles, target));
}

/** The roles an actor holds, for pages that show "you are signed in as …". */
export function rolesOf(actor: Actor): Role[] {
  if (actor.kind !== 'user') return ['public'];
  return [...new Set(actor.grants.map((g) => g.role))];
}

/** Does the person hold any of these roles (anywhere)? For pages choosing what to show; actions ask `can`. */
export function holdsRole(grants: readonly Grant[], ...roles: Role[]): boolean {
  return grants.some((g) => roles.includes(g.role));
}

export function isPrivileged(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role !== 'activist');
}
