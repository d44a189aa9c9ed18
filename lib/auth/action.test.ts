import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tieEvents, ties, users } from '../../db/schema';
import { createPerson } from '../people/test-people';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTieEvent } from '../ties/tie-event-action';
import { ACTION_ERROR_CODES, type ActionErrorCode, allPermissions, defineAction, fail, runAction, statusOf } from './action';

/** The wrapper, through the real tie-event action: every refusal leaves the tie as it was. */
describeEachEngine('runAction', ({ db }) => {
  async function world() {
    const tie = await createTie(db(), { status: 'appealed' });
    const other = await createTie(db(), { status: 'appealed' });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const stranger = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: other.council.id }] });
    return { tie, staff, stranger };
  }
  const tieState = async (tieId: number) => {
    const [tie] = await db().select({ status: ties.status, revision: ties.revision }).from(ties).where(eq(ties.id, tieId));
    const events = await db().select({ id: tieEvents.id }).from(tieEvents).where(eq(tieEvents.tieId, tieId));
    return { ...tie, events: events.length };
  };
  const respond = (tieId: number, extra: Record<string, unknown> = {}) => ({ tieId: String(tieId), type: 'responded', ...extra });

  it('runs the action for someone the table allows on this target', async () => {
    const { tie, staff } = await world();
    const result = await runAction(recordTieEvent, { db: db(), user: staff.user }, respond(tie.tieId, { note: 'The mayor answered.' }));
    expect(result).toMatchObject({ ok: true, value: { status: 'responded', revision: 3 } });
    expect(await tieState(tie.tieId)).toEqual({ status: 'responded', revision: 3, events: 3 });
    const [event] = await db().select().from(tieEvents).where(eq(tieEvents.tieId, tie.tieId)).orderBy(tieEvents.revision).offset(2);
    expect(event).toMatchObject({ type: 'responded', recordedBy: staff.user.id, note: 'The mayor answered.' });
  });

  it('refuses a banned person before anything else, even with input that would not parse', async () => {
    const { tie, staff } = await world();
    await db().update(users).set({ bannedAt: new Date(), bannedReason: 'spam' }).where(eq(users.id, staff.user.id));
    const banned = { ...staff.user, bannedAt: new Date() };
    const before = await tieState(tie.tieId);
    for (const input of [respond(tie.tieId), { nonsense: true }]) {
      const result = await runAction(recordTieEvent, { db: db(), user: banned }, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'banned' } });
    }
    expect(await tieState(tie.tieId)).toEqual(before);
  });

  it('asks an anonymous visitor to sign in', async () => {
    const { tie } = await world();
    const before = await tieState(tie.tieId);
    const result = await runAction(recordTieEvent, { db: db(), user: null }, respond(tie.tieId));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await tieState(tie.tieId)).toEqual(before);
  });

  it('names each field zod refused', async () => {
    const { tie, staff } = await world();
    const before = await tieState(tie.tieId);
    const result = await runAction(
      recordTieEvent,
      { db: db(), user: staff.user },
      respond(tie.tieId, { type: 'exploded', occurredOn: '2024-02-30', sourceUrl: 'javascript:alert(1)' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(['occurredOn', 'sourceUrl', 'type']);
    expect(result.error.fieldErrors?.occurredOn?.[0]).toContain('YYYY');
    expect(await tieState(tie.tieId)).toEqual(before);
  });

  it('refuses fields the action does not take', async () => {
    const { tie, staff } = await world();
    const result = await runAction(recordTieEvent, { db: db(), user: staff.user }, respond(tie.tieId, { recordedBy: 'someone-else' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('says not found for a target that does not exist', async () => {
    const { staff } = await world();
    const result = await runAction(recordTieEvent, { db: db(), user: staff.user }, respond(2_000_000));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('forbids staff of another council, and an activist an event only staff and organisers may record', async () => {
    const { tie, stranger } = await world();
    const activist = await createPerson(db());
    const before = await tieState(tie.tieId);
    expect(await runAction(recordTieEvent, { db: db(), user: stranger.user }, respond(tie.tieId))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await runAction(recordTieEvent, { db: db(), user: activist.user }, respond(tie.tieId))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await tieState(tie.tieId)).toEqual(before);
    // Not even an appeal: an activist's letter moves a tie only once Untwin delivered it.
    expect(await runAction(recordTieEvent, { db: db(), user: activist.user }, { tieId: tie.tieId, type: 'appealed' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await tieState(tie.tieId)).toEqual(before);
  });

  it('turns fail() in the body into a typed error and lets anything else through as a bug', async () => {
    const { staff } = await world();
    const failing = defineAction({
      name: 'test.failing',
      permission: 'account.update',
      input: z.object({ how: z.enum(['typed', 'bug']) }),
      target: () => 'anywhere' as const,
      run: async (_ctx, input) => {
        if (input.how === 'typed') fail('conflict', 'moved on');
        throw new Error('a bug');
      },
    });
    expect(await runAction(failing, { db: db(), user: staff.user }, { how: 'typed' })).toEqual({ ok: false, error: { code: 'conflict', message: 'moved on' } });
    await expect(runAction(failing, { db: db(), user: staff.user }, { how: 'bug' })).rejects.toThrow('a bug');
  });
});

describe('the wrapper without a database', () => {
  it('maps every error code to an HTTP status', () => {
    const expected: Record<ActionErrorCode, number> = {
      unauthenticated: 401,
      banned: 403,
      foreign_origin: 403,
      invalid_input: 422,
      not_found: 404,
      forbidden: 403,
      conflict: 409,
      rate_limited: 429,
      unavailable: 503,
    };
    for (const code of ACTION_ERROR_CODES) expect(statusOf(code), code).toBe(expected[code]);
  });

  it('needs the list of rows an input-dependent permission may check', () => {
    expect(allPermissions(recordTieEvent)).toContain('tie.severed');
    expect(allPermissions(recordTieEvent)).not.toContain('tie.recorded');
    expect(() => allPermissions({ permission: () => 'tie.noted' })).toThrow(/must list `permissions`/);
  });
});
