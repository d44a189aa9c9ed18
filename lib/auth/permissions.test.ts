import { describe, expect, it } from 'vitest';
import { TIE_EVENT_TYPES, canFire, eventRoles } from '../ties/lifecycle';
import { type Actor, type Grant, PERMISSIONS, PERMISSION_NAMES, ROLES, can, isPrivileged, rolesFor, rolesOf } from './permissions';

const user = (...grants: Grant[]): Actor => ({ kind: 'user', userId: 'u', grants });
const activist: Grant = { role: 'activist' };
const inCouncil = (councilId: number, ...campaignIds: number[]) => ({ councilId, campaignIds });

describe('the permission table', () => {
  it('has a row for every tie event, which the lifecycle reads', () => {
    for (const type of TIE_EVENT_TYPES) {
      expect(PERMISSION_NAMES).toContain(`tie.${type}`);
      expect(eventRoles(type)).toBe(PERMISSIONS[`tie.${type}`]);
    }
  });

  it('names only known roles; every row but the self-service ones grants admins', () => {
    for (const name of PERMISSION_NAMES) {
      for (const role of rolesFor(name)) expect(ROLES).toContain(role);
    }
    expect(PERMISSION_NAMES.filter((p) => !rolesFor(p).includes('admin')).sort()).toEqual(['account.update', 'appeal.record_external', 'appeal.send', 'staff.claim']);
  });

  it('lets council staff act only on their own council', () => {
    const staff = user(activist, { role: 'council_staff', councilId: 7 });
    expect(can(staff, 'tie.severed', inCouncil(7))).toBe(true);
    expect(can(staff, 'tie.severed', inCouncil(8, 1, 2))).toBe(false);
    expect(can(staff, 'tie.severed', { councilId: null, campaignIds: [1] })).toBe(false);
    // Rows staff do not hold, even on their own council:
    expect(can(staff, 'tie.corrected', inCouncil(7))).toBe(false);
    expect(can(staff, 'staff.decide', inCouncil(7))).toBe(false);
  });

  it('lets organisers act only within their campaigns', () => {
    const organiser = user(activist, { role: 'organiser', campaignId: 3 });
    expect(can(organiser, 'tie.corrected', inCouncil(9, 3))).toBe(true);
    expect(can(organiser, 'tie.corrected', inCouncil(9, 4))).toBe(false);
    expect(can(organiser, 'staff.decide', inCouncil(9, 2, 3))).toBe(true);
    expect(can(organiser, 'staff.decide', inCouncil(9))).toBe(false);
    expect(can(organiser, 'admin.invite', 'anywhere')).toBe(false);
    expect(can(organiser, 'mail.retry', 'anywhere')).toBe(false);
  });

  it('adds up several grants of one person', () => {
    const both = user(activist, { role: 'organiser', campaignId: 3 }, { role: 'council_staff', councilId: 7 });
    expect(can(both, 'tie.responded', inCouncil(7))).toBe(true);
    expect(can(both, 'tie.responded', inCouncil(1, 3))).toBe(true);
    expect(can(both, 'tie.responded', inCouncil(1, 4))).toBe(false);
    expect(rolesOf(both).sort()).toEqual(['activist', 'council_staff', 'organiser']);
  });

  it('lets admins do everything, anywhere', () => {
    const admin = user(activist, { role: 'admin' });
    for (const name of PERMISSION_NAMES) expect(can(admin, name, inCouncil(123, 456)), name).toBe(true);
  });

  it('gives an activist only the rows that name activists', () => {
    const person = user(activist);
    const allowed = PERMISSION_NAMES.filter((p) => can(person, p, 'anywhere')).sort();
    expect(allowed).toEqual(['account.update', 'appeal.record_external', 'appeal.send', 'staff.claim']);
  });

  it('gives a person without a confirmed address (no grants) and the public nothing', () => {
    for (const actor of [user(), { kind: 'public' } as const]) {
      for (const name of PERMISSION_NAMES) expect(can(actor, name, 'anywhere'), name).toBe(false);
    }
    expect(rolesOf({ kind: 'public' })).toEqual(['public']);
  });

  it("lets the operator's own scripts do anything", () => {
    for (const name of PERMISSION_NAMES) expect(can({ kind: 'system', label: 'admin:create' }, name, inCouncil(1))).toBe(true);
  });

  it('asks the same table when the lifecycle decides who may fire an event', () => {
    const staff = user(activist, { role: 'council_staff', councilId: 7 });
    for (const type of TIE_EVENT_TYPES) {
      expect(canFire(staff, type, inCouncil(7)), type).toBe(can(staff, `tie.${type}`, inCouncil(7)));
    }
  });

  it('counts staff, organisers and admins as privileged, activists not', () => {
    expect(isPrivileged([activist])).toBe(false);
    expect(isPrivileged([activist, { role: 'council_staff', councilId: 1 }])).toBe(true);
    expect(isPrivileged([{ role: 'admin' }])).toBe(true);
  });
});
