import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sources, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { createPerson } from '../people/test-people';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTieEvent } from './tie-event-action';

describeEachEngine('recordTieEvent', ({ db }) => {
  async function world(status: 'appealed' | 'pledged' = 'appealed') {
    const tie = await createTie(db(), { status });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    return { tie, staff, organiser };
  }
  const tieRow = async (id: number) => (await db().select().from(ties).where(eq(ties.id, id)))[0]!;
  const sourceCount = async (url: string) => (await db().select().from(sources).where(eq(sources.key, url))).length;

  it('records a severance with its decision, a new source for its address, and the person who recorded it', async () => {
    const { tie, staff } = await world('pledged');
    const url = `https://rada.example.gov.ua/decisions/${tie.tieId}`;
    const result = await runAction(
      recordTieEvent,
      { db: db(), user: staff.user },
      {
        tieId: String(tie.tieId),
        type: 'severed',
        expectedRevision: '3',
        occurredOn: '2025-04',
        occurredByDate: 'on',
        sourceUrl: url,
        quote: 'Припинити дію угоди',
        decisionNumber: '123-VIII',
        decisionDate: '2025-04-17',
        note: '',
      },
    );
    expect(result).toEqual({ ok: true, value: { eventId: expect.any(Number), status: 'severed', revision: 4 } });
    const [event] = await db().select().from(tieEvents).where(eq(tieEvents.id, result.ok ? result.value.eventId : 0));
    const [source] = await db().select().from(sources).where(eq(sources.key, url));
    expect(source).toMatchObject({ url, title: url });
    expect(event).toMatchObject({
      type: 'severed',
      fromStatus: 'pledged',
      toStatus: 'severed',
      occurredOn: '2025-04-01',
      occurredPrecision: 'month',
      occurredByDate: true,
      sourceId: source!.id,
      quote: 'Припинити дію угоди',
      evidence: { decisionNumber: '123-VIII', decisionDate: '2025-04-17' },
      note: null,
      recordedBy: staff.user.id,
    });
    expect(await tieRow(tie.tieId)).toMatchObject({ status: 'severed', revision: 4 });
  });

  it("reuses a source already on record, and accepts a decision in place of a source", async () => {
    const { tie, organiser } = await world();
    const first = await runAction(recordTieEvent, { db: db(), user: organiser.user }, { tieId: tie.tieId, type: 'noted', sourceUrl: tie.source.url });
    expect(first).toMatchObject({ ok: true });
    expect(await sourceCount(tie.source.url!)).toBe(1);
    const [event] = await db().select().from(tieEvents).where(eq(tieEvents.id, first.ok ? first.value.eventId : 0));
    expect(event!.sourceId).toBe(tie.source.id);
    const byDecision = await runAction(recordTieEvent, { db: db(), user: organiser.user }, { tieId: tie.tieId, type: 'noted', decisionUrl: 'https://rada.example/d/1' });
    expect(byDecision).toMatchObject({ ok: true });
  });

  it("says which field the lifecycle's requirement needs, and leaves no source behind", async () => {
    const { tie, staff, organiser } = await world('pledged');
    const url = `https://example.org/undated/${tie.tieId}`;
    const undated = await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'severed', sourceUrl: url });
    expect(undated).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { occurredOn: [expect.stringContaining('date')] } } });
    expect(await sourceCount(url)).toBe(0);
    const unsourced = await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'severed', occurredOn: '2025' });
    expect(unsourced).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { sourceUrl: expect.any(Array) } } });
    const noReason = await runAction(recordTieEvent, { db: db(), user: organiser.user }, { tieId: tie.tieId, type: 'corrected', targetStatus: 'active' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { reason: expect.any(Array) } } });
    const sameStatus = await runAction(recordTieEvent, { db: db(), user: organiser.user }, { tieId: tie.tieId, type: 'corrected', targetStatus: 'pledged', reason: 'x' });
    expect(sameStatus).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { targetStatus: expect.any(Array) } } });
    expect(await tieRow(tie.tieId)).toMatchObject({ status: 'pledged', revision: 3 });
  });

  it('calls an event that no longer fits, or a tie that moved since the page was read, a conflict', async () => {
    const { tie, staff } = await world();
    const stale = await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'responded', expectedRevision: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const resumed = await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'suspended' });
    expect(resumed).toMatchObject({ ok: true });
    const notAllowed = await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'refused' });
    expect(notAllowed).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('suspended') } });
  });

  it('lets staff record only rows the table gives staff, and never a new tie', async () => {
    const { tie, staff } = await world();
    expect(await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'corrected', targetStatus: 'active', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'recorded' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { type: expect.any(Array) } },
    });
    expect(await tieRow(tie.tieId)).toMatchObject({ status: 'appealed', revision: 2 });
  });
});
