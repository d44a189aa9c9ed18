import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tieEvents, ties } from '../../db/schema';
import { createCampaign, createTie, createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { fireTieEvent } from './fire-tie-event';
import type { Actor } from './lifecycle';
import { TIE_STATUSES } from './lifecycle';

const system: Actor = { kind: 'system', label: 'test' };

describeEachEngine('fireTieEvent', ({ db }) => {
  const staffOf = async (councilId: number): Promise<Actor> => ({
    kind: 'user',
    userId: (await createUser(db())).id,
    grants: [{ role: 'council_staff', councilId }],
  });

  async function snapshot(tieId: number) {
    const [tie] = await db().select().from(ties).where(eq(ties.id, tieId));
    const events = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tieId)).orderBy(tieEvents.revision);
    return { status: tie!.status, revision: tie!.revision, events: events.map((e) => `${e.revision}:${e.type}:${e.fromStatus}->${e.toStatus}`) };
  }

  it('builds a tie in every status through the write path', async () => {
    const campaign = await createCampaign(db());
    for (const status of TIE_STATUSES) {
      const { tieId } = await createTie(db(), { status, campaignId: campaign.id });
      expect((await snapshot(tieId)).status).toBe(status);
    }
  });

  it('moves the tie and appends one event, recording who and from where', async () => {
    const { tieId, source } = await createTie(db(), { status: 'appealed' });
    const result = await fireTieEvent(db(), system, { tieId, type: 'promised', expectedStatus: 'appealed', sourceId: source.id, quote: 'will consider' });
    expect(result).toMatchObject({ ok: true, status: 'pledged', revision: 3 });
    expect(await snapshot(tieId)).toEqual({
      status: 'pledged',
      revision: 3,
      events: ['1:recorded:null->active', '2:appealed:active->appealed', '3:promised:appealed->pledged'],
    });
  });

  it('refuses a forbidden actor and changes nothing', async () => {
    const { tieId, council, source } = await createTie(db(), { status: 'pledged' });
    const before = await snapshot(tieId);
    const input = { tieId, type: 'severed' as const, occurred: { date: '2022-06-27', precision: 'day' as const }, sourceId: source.id };
    expect(await fireTieEvent(db(), await staffOf(council.id + 1000), input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await fireTieEvent(db(), { kind: 'public' }, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshot(tieId)).toEqual(before);
    expect(await fireTieEvent(db(), await staffOf(council.id), input)).toMatchObject({ ok: true, status: 'severed' });
  });

  it('refuses an event the lifecycle does not allow, or one missing its evidence, and changes nothing', async () => {
    const { tieId, source } = await createTie(db(), { status: 'severed' });
    const before = await snapshot(tieId);
    expect(await fireTieEvent(db(), system, { tieId, type: 'appealed' })).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(await fireTieEvent(db(), system, { tieId, type: 'corrected', targetStatus: 'active' })).toMatchObject({
      ok: false,
      code: 'missing_requirement',
      requirement: 'reason',
    });
    expect(await snapshot(tieId)).toEqual(before);
    const corrected = await fireTieEvent(db(), system, { tieId, type: 'corrected', targetStatus: 'pledged', reason: 'The vote was postponed', sourceId: source.id });
    expect(corrected).toMatchObject({ ok: true, status: 'pledged' });
  });

  it('refuses an event based on a stale view of the tie', async () => {
    const { tieId } = await createTie(db(), { status: 'appealed' });
    expect(await fireTieEvent(db(), system, { tieId, type: 'responded', expectedStatus: 'active' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await fireTieEvent(db(), system, { tieId, type: 'responded', expectedRevision: 1 })).toMatchObject({ ok: false, code: 'conflict' });
    expect((await snapshot(tieId)).revision).toBe(2);
  });

  it('lets exactly one of several concurrent transitions from the same state land', async () => {
    const { tieId, source } = await createTie(db(), { status: 'appealed' });
    const attempts = (['promised', 'refused', 'responded', 'suspended', 'occupied', 'draft_registered'] as const).map((type) =>
      fireTieEvent(db(), system, { tieId, type, expectedStatus: 'appealed', expectedRevision: 2, sourceId: source.id }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill('conflict'));
    const after = await snapshot(tieId);
    expect(after.revision).toBe(3);
    expect(after.events).toHaveLength(3);
  });

  it('never loses or duplicates an event under concurrent writers without expectations', async () => {
    const { tieId, source } = await createTie(db(), { status: 'active' });
    const results = await Promise.all(Array.from({ length: 10 }, () => fireTieEvent(db(), system, { tieId, type: 'noted', sourceId: source.id })));
    const landed = results.filter((r) => r.ok).length;
    expect(landed).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.code).toBe('conflict');
    const after = await snapshot(tieId);
    // Every landed event has its own revision, with no gap: nothing skipped, nothing doubled.
    expect(after.revision).toBe(1 + landed);
    expect(after.events.map((e) => Number(e.split(':')[0]))).toEqual(Array.from({ length: 1 + landed }, (_, i) => i + 1));
  });
});
