import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type TieEventType,
  type TieStatus,
  EVENT_REQUIREMENTS,
  FUNNEL,
  SIDE_OUTCOMES,
  STATUS_GROUPS,
  TIE_EVENT_TYPES,
  TIE_STATUSES,
  availableEvents,
  canFire,
  nextStatus,
  planTieEvent,
} from './lifecycle';

// The whole transition table, written out independently of lifecycle.ts: rows are the status a
// tie is in, columns the event, cells where the tie ends up ('-' = refused). `corrected` is tested
// apart: it may go anywhere but where the tie already is.
const ABBR: Record<string, TieStatus> = {
  ac: 'active', ap: 'appealed', re: 'responded', pl: 'pledged', se: 'severed',
  su: 'suspended', ns: 'not_signed', oc: 'occupied', rf: 'refused',
};
const COLUMNS: TieEventType[] = [
  'recorded', 'appealed', 'responded', 'promised', 'draft_registered', 'vote_scheduled', 'in_progress',
  'severed', 'suspended', 'found_not_signed', 'occupied', 'refused', 'resumed', 'noted',
];
const MATRIX = `
              rec app res pro dra vot inp sev sus fns occ ref rsm not
  active       -  ap  re  pl  pl  pl  pl  se  su  ns  oc  rf  -   ac
  appealed     -  ap  re  pl  pl  pl  pl  se  su  ns  oc  rf  -   ap
  responded    -  re  re  pl  pl  pl  pl  se  su  ns  oc  rf  -   re
  pledged      -  pl  pl  pl  pl  pl  pl  se  su  ns  oc  rf  -   pl
  severed      -  -   -   -   -   -   -   -   -   -   -   -   ac  se
  suspended    -  su  su  pl  pl  pl  pl  se  -   ns  oc  -   ac  su
  not_signed   -  -   -   -   -   -   -   -   -   -   -   -   -   ns
  occupied     -  -   -   -   -   -   -   se  -   -   -   -   ac  oc
  refused      -  rf  rf  pl  pl  pl  pl  se  su  ns  oc  -   -   rf
`;
const expected = new Map<string, TieStatus | null>();
for (const line of MATRIX.trim().split('\n').slice(1)) {
  const [from, ...cells] = line.trim().split(/\s+/);
  cells.forEach((cell, i) => expected.set(`${from}|${COLUMNS[i]}`, cell === '-' ? null : ABBR[cell]!));
}

describe('tie lifecycle: every status x event', () => {
  it('covers every status and every event but corrections', () => {
    expect(new Set([...expected.keys()].map((k) => k.split('|')[0]))).toEqual(new Set(TIE_STATUSES));
    // Corrections of one event and checks move no status by themselves: the effective history
    // replays them (lib/ties/effective-history.test.ts).
    expect(new Set([...COLUMNS, 'corrected', 'withdrawn', 'amended', 'checked'])).toEqual(new Set(TIE_EVENT_TYPES));
  });

  for (const from of TIE_STATUSES) {
    for (const event of COLUMNS) {
      const want = expected.get(`${from}|${event}`);
      it(`${from} + ${event} -> ${want ?? 'refused'}`, () => {
        expect(nextStatus(from, event)).toBe(want);
      });
    }
  }

  for (const from of TIE_STATUSES) {
    it(`${from} + corrected goes to any other status, never to itself`, () => {
      for (const to of TIE_STATUSES) expect(nextStatus(from, 'corrected', to)).toBe(to === from ? null : to);
      expect(nextStatus(from, 'corrected')).toBeNull();
    });
  }
});

describe('status groups', () => {
  it('put every status in exactly one of in force, closed and blocked', () => {
    for (const s of TIE_STATUSES) {
      const homes = (['inForce', 'closed', 'blocked'] as const).filter((g) => (STATUS_GROUPS[g] as readonly string[]).includes(s));
      expect(homes, s).toHaveLength(1);
    }
  });
  it('split the ties in force between "needs action" and "awaiting the council"', () => {
    expect([...STATUS_GROUPS.needsAction, ...STATUS_GROUPS.awaitingCouncil].sort()).toEqual([...STATUS_GROUPS.inForce].sort());
  });
  it('split every status between the funnel and the side outcomes', () => {
    expect([...FUNNEL, ...SIDE_OUTCOMES].sort()).toEqual([...TIE_STATUSES].sort());
  });
  it('offer no appeal on a tie that is closed', () => {
    for (const s of STATUS_GROUPS.closed) expect(availableEvents(s)).not.toContain('appealed');
  });
});

const COUNCIL = 7;
const CAMPAIGN = 3;
const target = { councilId: COUNCIL, campaignIds: [CAMPAIGN] };
const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({ kind: 'user', userId: 'u', grants });

describe('who may fire which event', () => {
  it('refuses the public everything', () => {
    for (const e of TIE_EVENT_TYPES) expect(canFire({ kind: 'public' }, e, target)).toBe(false);
  });
  it('lets an activist fire nothing: only a letter Untwin delivered moves a tie to appealed', () => {
    const allowed = TIE_EVENT_TYPES.filter((e) => canFire(user([{ role: 'activist' }]), e, target));
    expect(allowed).toEqual([]);
  });
  it('lets council staff answer, pledge and sever for their own council only', () => {
    const own = user([{ role: 'council_staff', councilId: COUNCIL }]);
    const other = user([{ role: 'council_staff', councilId: COUNCIL + 1 }]);
    for (const e of ['responded', 'promised', 'severed', 'found_not_signed', 'refused'] as const) {
      expect(canFire(own, e, target), e).toBe(true);
      expect(canFire(other, e, target), e).toBe(false);
    }
    expect(canFire(own, 'corrected', target)).toBe(false);
    expect(canFire(own, 'occupied', target)).toBe(false);
  });
  it('lets organisers act within their campaigns only, admins everywhere', () => {
    const mine = user([{ role: 'organiser', campaignId: CAMPAIGN }]);
    const theirs = user([{ role: 'organiser', campaignId: CAMPAIGN + 1 }]);
    for (const e of TIE_EVENT_TYPES) {
      expect(canFire(mine, e, target), e).toBe(true);
      expect(canFire(theirs, e, target), e).toBe(false);
      expect(canFire(user([{ role: 'admin' }]), e, target), e).toBe(true);
    }
  });
});

describe('what each event requires', () => {
  const organiser = user([{ role: 'organiser', campaignId: CAMPAIGN }]);
  it('needs a date and a source or decision for a severance', () => {
    expect(planTieEvent(organiser, 'pledged', { type: 'severed', sourceId: 1 }, target)).toMatchObject({ ok: false, requirement: 'date' });
    expect(planTieEvent(organiser, 'pledged', { type: 'severed', occurredOn: '2022-05-25' }, target)).toMatchObject({
      ok: false,
      requirement: 'source_or_document',
    });
    // A decision number alone is a claim, not evidence: a reader must be able to open something.
    expect(planTieEvent(organiser, 'pledged', { type: 'severed', occurredOn: '2022-05-25', hasEvidence: true }, target)).toMatchObject({
      ok: false,
      requirement: 'source_or_document',
    });
    expect(planTieEvent(organiser, 'pledged', { type: 'severed', occurredOn: '2022-05-25', hasEvidence: true, hasDocument: true }, target)).toEqual({
      ok: true,
      from: 'pledged',
      to: 'severed',
    });
  });
  it('lists every missing requirement and date problem at once', () => {
    const plan = planTieEvent(organiser, 'pledged', { type: 'severed', occurredOn: '2027-01-15', hasEvidence: true, today: '2026-12-06' }, target);
    expect(plan).toMatchObject({ ok: false, code: 'missing_requirement' });
    expect(plan.ok ? [] : 'problems' in plan ? plan.problems.map((p) => p.requirement) : []).toEqual(['source_or_document', 'date_in_future']);
  });
  it('refuses a date before the tie was signed, comparing whole periods', () => {
    const signed = { date: '2009-01-01', precision: 'year' } as const;
    const at = (occurredOn: string, occurredPrecision: 'year' | 'month' | 'day') =>
      planTieEvent(organiser, 'active', { type: 'responded', occurredOn, occurredPrecision, signed, today: '2026-12-06' }, target);
    expect(at('2008-12-31', 'day')).toMatchObject({ ok: false, requirement: 'date_before_signed' });
    expect(at('2008', 'year')).toMatchObject({ ok: false, requirement: 'date_before_signed' });
    expect(at('2009-06', 'month')).toMatchObject({ ok: true });
    // A month that has begun is not in the future.
    expect(at('2026-12', 'month')).toMatchObject({ ok: true });
    expect(at('2027', 'year')).toMatchObject({ ok: false, requirement: 'date_in_future' });
  });
  it('takes an appeal from the appeal flow, or from an organiser citing a source', () => {
    expect(planTieEvent(organiser, 'active', { type: 'appealed' }, target)).toMatchObject({ ok: false, requirement: 'appeal_or_source' });
    expect(planTieEvent(organiser, 'active', { type: 'appealed', sourceId: 3 }, target)).toMatchObject({ ok: true, to: 'appealed' });
    expect(planTieEvent({ kind: 'system', label: 'appeal flow' }, 'active', { type: 'appealed', viaAppeal: true }, target)).toMatchObject({ ok: true });
  });
  it('needs a reason for a correction', () => {
    expect(planTieEvent(organiser, 'severed', { type: 'corrected', targetStatus: 'active', reason: '  ' }, target)).toMatchObject({
      ok: false,
      requirement: 'reason',
    });
    expect(planTieEvent(organiser, 'severed', { type: 'corrected', targetStatus: 'active', reason: 'wrong city' }, target)).toMatchObject({
      ok: true,
      to: 'active',
    });
  });
  it('checks permission before the transition, and the transition before requirements', () => {
    expect(planTieEvent({ kind: 'public' }, 'active', { type: 'severed' }, target)).toMatchObject({ code: 'forbidden' });
    expect(planTieEvent(organiser, 'not_signed', { type: 'severed' }, target)).toMatchObject({ code: 'invalid_transition' });
  });
  it('declares a requirement list for every event', () => {
    expect(Object.keys(EVENT_REQUIREMENTS).sort()).toEqual([...TIE_EVENT_TYPES].sort());
  });
});
