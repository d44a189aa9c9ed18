import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tieEventEffects, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from './fire-tie-event';
import type { Actor } from './lifecycle';
import { recordTieEvent } from './tie-event-action';

const on = (date: string) => ({ date, precision: 'day' as const });

/**
 * Corrections through the one write path: an organiser withdraws or amends an earlier event with
 * a reason; the event stays and stops counting, the tie's status and every derived row follow.
 */
describeEachEngine('corrections and the dates of events', ({ db }) => {
  async function organiserOf(campaignId: number): Promise<Actor> {
    const person = await createPerson(db(), { roles: [{ role: 'organiser', campaignId }] });
    return { kind: 'user', userId: person.row.id, grants: person.user.grants };
  }
  const effects = async (tieId: number) =>
    db()
      .select({ type: tieEvents.type, counts: tieEventEffects.counts, withdrawnBy: tieEventEffects.withdrawnBy, to: tieEventEffects.toStatus })
      .from(tieEventEffects)
      .innerJoin(tieEvents, eq(tieEvents.id, tieEventEffects.eventId))
      .where(eq(tieEventEffects.tieId, tieId))
      .orderBy(asc(tieEventEffects.position));
  const tieRow = async (tieId: number) => (await db().select().from(ties).where(eq(ties.id, tieId)))[0]!;

  it('withdraws a severance with a reason: it stays, marked, stops counting, and the tie is pledged again', async () => {
    const { tieId, campaignId, source } = await createTie(db(), { status: 'severed' });
    const organiser = await organiserOf(campaignId);
    const [severance] = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tieId)).orderBy(asc(tieEvents.id)).then((r) => r.filter((e) => e.type === 'severed'));
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'withdrawn', targetEventId: severance!.id })).toMatchObject({ ok: false, code: 'missing_requirement', requirement: 'reason' });
    const withdrawn = await fireTieEvent(db(), organiser, { tieId, type: 'withdrawn', targetEventId: severance!.id, reason: 'The decision was about another city.' });
    expect(withdrawn).toMatchObject({ ok: true, status: 'pledged' });
    expect((await tieRow(tieId)).status).toBe('pledged');
    expect(await effects(tieId)).toEqual([
      { type: 'recorded', counts: true, withdrawnBy: null, to: 'active' },
      { type: 'appealed', counts: true, withdrawnBy: null, to: 'appealed' },
      { type: 'promised', counts: true, withdrawnBy: null, to: 'pledged' },
      { type: 'severed', counts: false, withdrawnBy: withdrawn.ok ? withdrawn.event.id : -1, to: 'pledged' },
      { type: 'withdrawn', counts: false, withdrawnBy: null, to: 'pledged' },
    ]);
    // Once only; never the recording event; never a correction.
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'withdrawn', targetEventId: severance!.id, reason: 'again' })).toMatchObject({ ok: false, code: 'invalid_transition' });
    const [recording] = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tieId)).orderBy(asc(tieEvents.id));
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'withdrawn', targetEventId: recording!.id, reason: 'x' })).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'withdrawn', targetEventId: withdrawn.ok ? withdrawn.event.id : 0, reason: 'x' })).toMatchObject({ ok: false, code: 'invalid_transition' });
    // The severance can be recorded again, rightly, with its source.
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'severed', occurred: on('2022-07-01'), sourceId: source.id })).toMatchObject({ ok: true, status: 'severed' });
  });

  it('amends an event’s date: the history is replayed in the corrected order', async () => {
    const { tieId, campaignId, source } = await createTie(db(), { status: 'appealed' });
    const organiser = await organiserOf(campaignId);
    const promised = await fireTieEvent(db(), organiser, { tieId, type: 'promised', occurred: on('2022-06-01'), sourceId: source.id });
    expect(promised.ok).toBe(true);
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'amended', targetEventId: promised.ok ? promised.event.id : 0, reason: 'typo' })).toMatchObject({
      ok: false,
      requirement: 'amendment',
    });
    const amended = await fireTieEvent(db(), organiser, { tieId, type: 'amended', targetEventId: promised.ok ? promised.event.id : 0, occurred: on('2022-06-10'), reason: 'The source says 10 June.' });
    expect(amended).toMatchObject({ ok: true, status: 'pledged' });
    const [row] = await db().select().from(tieEventEffects).where(eq(tieEventEffects.eventId, promised.ok ? promised.event.id : 0));
    expect(row).toMatchObject({ occurredOn: '2022-06-10', amendedBy: amended.ok ? amended.event.id : -1, counts: true });
  });

  it('refuses a date in the future, a date before signing, and an event that would strand later ones, changing nothing', async () => {
    const { tieId, campaignId, source } = await createTie(db(), { status: 'pledged' });
    const organiser = await organiserOf(campaignId);
    const before = await tieRow(tieId);
    const future = await fireTieEvent(db(), organiser, { tieId, type: 'severed', occurred: on('2027-01-15'), sourceId: source.id, today: '2026-12-06' });
    expect(future).toMatchObject({ ok: false, code: 'missing_requirement', requirement: 'date_in_future' });
    await db().update(ties).set({ signedOn: '2009-01-01', signedPrecision: 'year' }).where(eq(ties.id, tieId));
    expect(await fireTieEvent(db(), organiser, { tieId, type: 'noted', occurred: on('2008-05-01'), sourceId: source.id })).toMatchObject({
      ok: false,
      requirement: 'date_before_signed',
    });
    // The tie was appealed and promised on 2022-05-25: a refusal dated before the appeal would
    // leave the appeal... still fitting (refused -> appealed is allowed), but a severance dated
    // before them would strand both.
    const stranding = await fireTieEvent(db(), organiser, { tieId, type: 'severed', occurred: on('2022-01-01'), sourceId: source.id });
    expect(stranding).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(stranding.ok ? '' : stranding.message).toMatch(/no longer fit/);
    const after = await tieRow(tieId);
    expect({ status: after.status, revision: after.revision }).toEqual({ status: before.status, revision: before.revision });
  });

  it('refuses a number-only severance and a future date at once, each on its field', async () => {
    const { tieId, campaignId } = await createTie(db(), { status: 'pledged' });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId }] });
    const result = await runAction(recordTieEvent, { db: db(), user: organiser.user }, { tieId, type: 'severed', occurredOn: '2099-01-15', decisionNumber: '123-VIII' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { sourceUrl: ['source_or_document'], occurredOn: ['date_in_future'] } } });
    expect((await tieRow(tieId)).status).toBe('pledged');
  });

  it('records a check: a tie no longer listed loses its confirmation, its status stays', async () => {
    const { tieId, campaignId, source } = await createTie(db(), { status: 'active' });
    const organiser = await organiserOf(campaignId);
    expect((await tieRow(tieId)).confirmedEventId).toBeNull();
    const seen = await fireTieEvent(db(), organiser, { tieId, type: 'checked', occurred: on('2025-01-10'), sourceId: source.id, checkResult: 'listed' });
    expect(seen).toMatchObject({ ok: true, status: 'active' });
    expect(await tieRow(tieId)).toMatchObject({ confirmedEventId: seen.ok ? seen.event.id : -1, confirmedOn: '2025-01-10' });
    await fireTieEvent(db(), organiser, { tieId, type: 'checked', occurred: on('2026-01-10'), sourceId: source.id, checkResult: 'not_listed' });
    expect(await tieRow(tieId)).toMatchObject({ status: 'active', confirmedEventId: null, confirmedOn: null });
  });
});
