import { and, asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import type { CurrentUser } from '../auth/session';
import { recordExternalAppeal } from '../appeals/record-external-appeal';
import { externalLetterFor } from '../appeals/test-appeals';
import { createPerson } from '../people/test-people';
import { createCampaign, createCouncil, createPlace, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import type { TieStatus } from './lifecycle';
import { FIRABLE_EVENT_TYPES, type RecordTieEventInput, recordTieEvent } from './tie-event-action';

/**
 * Every role against every path by which a person can change a tie's status: the tie-event
 * form's action for each event, and a letter reported as sent elsewhere. The expectations are
 * written out here, not read from the permission table, so a change to the table that lets the
 * wrong person in fails this test.
 */
type Who = 'anonymous' | 'activist' | 'staff of the council' | 'staff of another council' | 'organiser of the campaign' | 'organiser of another campaign' | 'admin';
type Firable = (typeof FIRABLE_EVENT_TYPES)[number];

const STAFF_MAY: readonly Firable[] = ['responded', 'promised', 'draft_registered', 'vote_scheduled', 'in_progress', 'severed', 'suspended', 'found_not_signed', 'refused', 'noted', 'checked'];
const EXPECTED: Record<Who, readonly Firable[]> = {
  anonymous: [],
  activist: [], // an activist's letter moves a tie only when Untwin delivered it (appeal flow)
  'staff of the council': STAFF_MAY,
  'staff of another council': [],
  'organiser of the campaign': FIRABLE_EVENT_TYPES,
  'organiser of another campaign': [],
  admin: FIRABLE_EVENT_TYPES,
};

/** Where each event can happen from, and what it must carry, so that only permission decides. */
const START: Partial<Record<Firable, TieStatus>> = { appealed: 'active', resumed: 'suspended' };
function inputFor(type: Firable, tieId: number, appealEventId: number): RecordTieEventInput {
  const base = { tieId, type, occurredOn: '2023-03-01', sourceUrl: `https://example.org/walk/${type}`, decisionUrl: 'https://example.org/decision.pdf' };
  switch (type) {
    case 'corrected':
      return { ...base, targetStatus: 'responded', reason: 'Walk: correction' };
    case 'withdrawn':
      return { tieId, type, targetEventId: appealEventId, reason: 'Walk: withdrawal' };
    case 'amended':
      return { tieId, type, targetEventId: appealEventId, occurredOn: '2022-05-26', reason: 'Walk: amendment' };
    case 'checked':
      return { ...base, checkResult: 'listed' };
    default:
      return base;
  }
}

describeEachEngine('who may change a tie’s status', ({ db }) => {
  it('walks every role against every status-changing path', { timeout: 240_000 }, async () => {
    const campaign = await createCampaign(db());
    const otherCampaign = await createCampaign(db());
    const otherCouncil = await createCouncil(db(), (await createPlace(db())).id);
    // One council for every tie: its place, with ties to fresh partners.
    const first = await createTie(db(), { campaignId: campaign.id });
    const councilId = first.council.id;

    const people: Record<Who, CurrentUser | null> = {
      anonymous: null,
      activist: (await createPerson(db())).user,
      'staff of the council': (await createPerson(db(), { roles: [{ role: 'council_staff', councilId }] })).user,
      'staff of another council': (await createPerson(db(), { roles: [{ role: 'council_staff', councilId: otherCouncil.id }] })).user,
      'organiser of the campaign': (await createPerson(db(), { roles: [{ role: 'organiser', campaignId: campaign.id }] })).user,
      'organiser of another campaign': (await createPerson(db(), { roles: [{ role: 'organiser', campaignId: otherCampaign.id }] })).user,
      admin: (await createPerson(db(), { roles: [{ role: 'admin' }] })).user,
    };

    async function freshTie(type: Firable) {
      const made = await createTie(db(), { status: START[type] ?? 'appealed', campaignId: campaign.id });
      // Move the new tie under the one council: give its place to that council's place.
      await db().update(ties).set({ placeId: first.place.id }).where(eq(ties.id, made.tieId));
      const [appeal] = await db().select({ id: tieEvents.id }).from(tieEvents).where(and(eq(tieEvents.tieId, made.tieId), eq(tieEvents.type, 'appealed'))).orderBy(asc(tieEvents.id));
      return { tieId: made.tieId, appealEventId: appeal?.id ?? 0 };
    }
    const state = async (tieId: number) => {
      const [row] = await db().select({ status: ties.status, revision: ties.revision }).from(ties).where(eq(ties.id, tieId));
      return row!;
    };

    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const type of FIRABLE_EVENT_TYPES) {
      let tie = await freshTie(type);
      for (const [who, user] of Object.entries(people) as [Who, CurrentUser | null][]) {
        const before = await state(tie.tieId);
        const result = await runAction(recordTieEvent, { db: db(), user }, inputFor(type, tie.tieId, tie.appealEventId));
        const after = await state(tie.tieId);
        const key = `${who} × ${type}`;
        expected[key] = EXPECTED[who].includes(type) ? 'recorded' : 'refused';
        if (result.ok) {
          outcome[key] = after.revision === before.revision + 1 ? 'recorded' : 'recorded without moving the revision';
          tie = await freshTie(type);
        } else {
          const unchanged = after.status === before.status && after.revision === before.revision;
          outcome[key] = ['forbidden', 'unauthenticated'].includes(result.error.code) && unchanged ? 'refused' : `${result.error.code}: ${result.error.message}`;
        }
      }
    }
    expect(outcome).toEqual(expected);

    // A letter reported as sent elsewhere counts as an appeal and moves no tie, whoever reports it.
    for (const [who, user] of Object.entries(people) as [Who, CurrentUser | null][]) {
      const made = await createTie(db(), { status: 'active', campaignId: campaign.id });
      const before = await state(made.tieId);
      const result = await runAction(recordExternalAppeal, { db: db(), user }, externalLetterFor({ council: made.council, campaignId: campaign.id, tieId: made.tieId }, 'print'));
      expect(await state(made.tieId), who).toEqual(before);
      if (who === 'anonymous') expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });
});
