import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { appealTies, appeals, councils, mailMessages, places, users } from '../../db/schema';
import { ACTIONS } from '../actions/registry';
import { ANSWER_TYPES } from '../council-staff/answer-for-council';
import { makeTestPdf } from '../documents/test-pdf';
import { type MailQueue, startQueue } from '../mail/queue';
import { createPerson } from '../people/test-people';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { FIRABLE_EVENT_TYPES } from '../ties/tie-event-action';
import { type ActionErrorCode, allPermissions, runAction } from './action';
import type { Permission } from './permissions';
import type { CurrentUser } from './session';

/**
 * The permission matrix: every role (and an anonymous visitor) against every action in the
 * registry, each aimed at something in council B or campaign B that they do not own. Each must
 * be refused, and every table must be exactly as it was: row counts and a checksum of every row.
 * Then a positive control per action: its owner can do the same to council A / campaign A and
 * the database does change, so the refusals cannot pass for want of anything working.
 */
type Role = 'public' | 'activist' | 'council_staff' | 'organiser' | 'admin';
const NON_ADMIN: Role[] = ['public', 'activist', 'council_staff', 'organiser'];

type World = Awaited<ReturnType<typeof buildWorld>>;
type Refusal = { input: (w: World) => Record<string, unknown>; roles?: Role[]; code?: ActionErrorCode; what: string };
type Positive = { actor: (w: World) => CurrentUser; input: (w: World) => Record<string, unknown> };
type Case = { foreign: Refusal[]; owner: Positive };

async function buildWorld(db: Database) {
  const a = await createTie(db, { status: 'appealed' });
  const b = await createTie(db, { status: 'appealed' });
  await db.update(councils).set({ emailDomains: ['rada-a.example'], contactEmails: ['info@rada-a.example'] }).where(eq(councils.id, a.council.id));
  await db.update(councils).set({ emailDomains: ['rada-b.example'], contactEmails: ['info@rada-b.example'] }).where(eq(councils.id, b.council.id));
  const person = (roles: Parameters<typeof createPerson>[1] = {}) => createPerson(db, roles);

  const actors: Record<Exclude<Role, 'public'>, CurrentUser> = {
    activist: (await person()).user,
    council_staff: (await person({ roles: [{ role: 'council_staff', councilId: a.council.id }] })).user,
    organiser: (await person({ roles: [{ role: 'organiser', campaignId: a.campaignId }] })).user,
    admin: (await person({ roles: [{ role: 'admin' }] })).user,
  };
  // Things in B (and people) nobody above owns, except the admin.
  const claimB = await person({ email: 'claimant@rada-b.example', roles: [{ role: 'council_staff', councilId: b.council.id, state: 'pending' }] });
  const staffB = await person({ roles: [{ role: 'council_staff', councilId: b.council.id }] });
  const organiserB = await person({ roles: [{ role: 'organiser', campaignId: b.campaignId }] });
  const otherAdmin = await person({ roles: [{ role: 'admin' }] });
  const bannedOrganiser = await person({ roles: [{ role: 'organiser', campaignId: b.campaignId }] });
  await db.update(users).set({ bannedAt: new Date(), bannedReason: 'test' }).where(eq(users.id, bannedOrganiser.row.id));
  // What the owners act on in A.
  const claimant = await person({ email: 'claimant@rada-a.example' });
  const claimA = await person({ email: 'second@rada-a.example', roles: [{ role: 'council_staff', councilId: a.council.id, state: 'pending' }] });
  const staffA2 = await person({ roles: [{ role: 'council_staff', councilId: a.council.id }] });
  const victim = await person();
  const bannedActivist = await person();
  await db.update(users).set({ bannedAt: new Date(), bannedReason: 'test' }).where(eq(users.id, bannedActivist.row.id));
  const [failedMail] = await db
    .insert(mailMessages)
    .values({ kind: 'notification', state: 'failed', fromAddress: 'a@example.org', to: ['x@example.org'], subject: 's', html: 'h', text: 't', failedAt: new Date(), attempts: 8 })
    .returning({ id: mailMessages.id });

  // A new activist's appeals, one in each campaign, waiting for an organiser.
  const appealWriter = await person();
  const waitingAppeal = async (tie: typeof a) => {
    const [row] = await db
      .insert(appeals)
      .values({ userId: appealWriter.row.id, councilId: tie.council.id, campaignId: tie.campaignId, language: 'uk', channel: 'app', state: 'awaiting_moderation', subject: 'Звернення', body: 'Шановні депутати!', signerName: 'Олена' })
      .returning({ id: appeals.id });
    await db.insert(appealTies).values({ appealId: row!.id, tieId: tie.tieId });
    return row!.id;
  };
  const appealA = await waitingAppeal(a);
  const appealB = await waitingAppeal(b);
  // Who is within which campaign, for bans: these wrote to campaign A's council, that one to B's.
  const wrote = (who: { row: { id: string } }, tie: typeof a) =>
    db.insert(appeals).values({ userId: who.row.id, councilId: tie.council.id, campaignId: tie.campaignId, language: 'uk', channel: 'print', state: 'sent', subject: 'Звернення', body: 'Текст', signerName: 'Олена' });
  await wrote(victim, a);
  await wrote(bannedActivist, a);
  const writerB = await person();
  await wrote(writerB, b);
  // A tie of campaign A whose partner its source did not name (lib/places/name-partner.ts).
  const unnamedA = await createTie(db, { campaignId: a.campaignId, partnerCountry: 'BLR' });
  await db.update(places).set({ kind: 'unnamed' }).where(eq(places.id, unnamedA.partner.id));

  const pdf = await makeTestPdf();
  return { pdf, a, b, unnamedA, actors, claimB, staffB, organiserB, otherAdmin, bannedOrganiser, claimant, claimA, staffA2, victim, bannedActivist, failedMailId: failedMail!.id, appealA, appealB, writerB };
}

const CASES: Record<string, Case> = {
  updateAccount: {
    // Self-only: the input cannot name another person; trying to is refused whole.
    foreign: [{ what: "another person's account", input: (w) => ({ userId: w.victim.row.id, name: 'Hijacked', locale: 'en' }), roles: [...NON_ADMIN, 'admin'], code: 'invalid_input' }],
    owner: { actor: (w) => w.actors.activist, input: () => ({ name: 'Olena', city: 'Lviv', locale: 'en' }) },
  },
  claimStaff: {
    foreign: [{ what: 'council B, from an address not at its domain', input: (w) => ({ councilId: w.b.council.id }), roles: [...NON_ADMIN, 'admin'] }],
    owner: { actor: (w) => w.claimant.user, input: (w) => ({ councilId: w.a.council.id }) },
  },
  decideStaffClaim: {
    foreign: [
      { what: 'a claim for council B', input: (w) => ({ membershipId: w.claimB.membershipIds[0], decision: 'approve' }) },
      { what: 'a rejection of a claim for council B', input: (w) => ({ membershipId: w.claimB.membershipIds[0], decision: 'reject', reason: 'No' }) },
    ],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ membershipId: w.claimA.membershipIds[0], decision: 'approve' }) },
  },
  inviteStaff: {
    foreign: [{ what: 'staff of council B', input: (w) => ({ email: 'new.staff@rada-b.example', councilId: w.b.council.id }) }],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ email: 'new.staff@rada-a.example', councilId: w.a.council.id }) },
  },
  inviteOrganiser: {
    foreign: [{ what: 'an organiser of campaign B', input: (w) => ({ email: 'new.organiser@example.org', campaignId: w.b.campaignId }) }],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ email: 'new.organiser@example.org', campaignId: w.a.campaignId }) },
  },
  inviteAdmin: {
    foreign: [{ what: 'a new admin', input: () => ({ email: 'new.admin@example.org' }) }],
    owner: { actor: (w) => w.actors.admin, input: () => ({ email: 'new.admin@example.org' }) },
  },
  revokeMembership: {
    foreign: [
      { what: 'staff of council B', input: (w) => ({ membershipId: w.staffB.membershipIds[0], role: 'council_staff', reason: 'x' }) },
      { what: 'an organiser of campaign B', input: (w) => ({ membershipId: w.organiserB.membershipIds[0], role: 'organiser', reason: 'x' }) },
      { what: 'an admin', input: (w) => ({ membershipId: w.otherAdmin.membershipIds[0], role: 'admin', reason: 'x' }) },
    ],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ membershipId: w.staffA2.membershipIds[0], role: 'council_staff', reason: 'Left the council' }) },
  },
  banPerson: {
    foreign: [
      { what: 'staff of council B', input: (w) => ({ email: w.staffB.row.email, reason: 'x' }) },
      { what: 'an activist who wrote only in campaign B', input: (w) => ({ email: w.writerB.row.email, reason: 'x' }) },
      { what: 'an organiser of campaign B', input: (w) => ({ email: w.organiserB.row.email, reason: 'x' }) },
      { what: 'an admin', input: (w) => ({ email: w.otherAdmin.row.email, reason: 'x' }) },
      { what: 'themselves', input: (w) => ({ email: w.actors.organiser.email, reason: 'x' }), roles: ['organiser'] },
      { what: 'themselves, as admin', input: (w) => ({ email: w.actors.admin.email, reason: 'x' }), roles: ['admin'] },
    ],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ email: w.victim.row.email, reason: 'Spam' }) },
  },
  unbanPerson: {
    foreign: [
      { what: 'a banned organiser', input: (w) => ({ email: w.bannedOrganiser.row.email }) },
      { what: 'an activist who wrote only in campaign B', input: (w) => ({ email: w.writerB.row.email }) },
    ],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ email: w.bannedActivist.row.email }) },
  },
  recordTieEvent: {
    // Every event a person may record, with all it could need. Anyone with a confirmed address is
    // an activist and may appeal to any council: for an appeal only the anonymous are refused.
    foreign: FIRABLE_EVENT_TYPES.map((type) => ({
      what: `"${type}" on a tie of council B and campaign B`,
      input: (w: World) => ({ tieId: w.b.tieId, type, occurredOn: '2025', sourceUrl: 'https://example.org/x', targetStatus: 'active', reason: 'x' }),
      roles: type === 'appealed' ? ['public'] : NON_ADMIN,
    })),
    owner: { actor: (w) => w.actors.council_staff, input: (w) => ({ tieId: w.a.tieId, type: 'responded', note: 'The council replied.' }) },
  },
  'mail.retry': {
    foreign: [{ what: 'a failed message', input: (w) => ({ messageId: w.failedMailId }) }],
    owner: { actor: (w) => w.actors.admin, input: (w) => ({ messageId: w.failedMailId }) },
  },
  // Any signed-in person is an activist and may write to any council: only the anonymous are
  // refused; everyone is refused a subject that would smuggle in a mail header.
  sendAppeal: {
    foreign: [
      { what: 'a letter to council B', input: (w) => letterTo(w.b), roles: ['public'] },
      { what: 'a letter whose subject carries a Bcc header', input: (w) => ({ ...letterTo(w.b), subject: 'Hello\r\nBcc: all@example.org' }), roles: [...NON_ADMIN, 'admin'], code: 'invalid_input' },
    ],
    owner: { actor: (w) => w.actors.activist, input: (w) => letterTo(w.a) },
  },
  recordExternalAppeal: {
    foreign: [
      { what: 'a printed letter to council B', input: (w) => ({ ...letterTo(w.b, false), channel: 'print' }), roles: ['public'] },
      { what: 'a letter whose subject carries a Bcc header', input: (w) => ({ ...letterTo(w.b, false), channel: 'mailto', subject: 'Hi\nBcc: all@example.org' }), roles: [...NON_ADMIN, 'admin'], code: 'invalid_input' },
    ],
    owner: { actor: (w) => w.claimant.user, input: (w) => ({ ...letterTo(w.a, false), channel: 'print' }) },
  },
  moderateAppeal: {
    foreign: [
      { what: 'an approval of an appeal in campaign B', input: (w) => ({ appealId: w.appealB, decision: 'approve' }) },
      { what: 'a rejection of an appeal in campaign B', input: (w) => ({ appealId: w.appealB, decision: 'reject', reason: 'Off topic' }) },
    ],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ appealId: w.appealA, decision: 'approve' }) },
  },
  setLetterDelivery: {
    foreign: [{ what: 'campaign B', input: (w) => ({ campaignId: w.b.campaignId, mode: 'digest' }) }],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ campaignId: w.a.campaignId, mode: 'digest' }) },
  },
  splitPlace: {
    foreign: [{ what: 'the partner of a tie in campaign B', input: (w) => ({ placeId: w.b.partner.id, newName: 'Other', newRegionCode: 'RU-MOS', tieIds: [w.b.tieId], reason: 'Two places' }) }],
    owner: { actor: (w) => w.actors.organiser, input: (w) => ({ placeId: w.a.partner.id, newName: 'Other', newRegionCode: 'RU-MOS', tieIds: [w.a.tieId], reason: 'Two places' }) },
  },
  namePartner: {
    foreign: [{ what: 'a tie in campaign B', input: (w) => ({ tieId: w.b.tieId, place: { name: 'Pinsk', country: 'RUS' }, sourceUrl: 'https://example.org/pinsk', reason: 'Named' }) }],
    owner: {
      actor: (w) => w.actors.organiser,
      input: (w) => ({ tieId: w.unnamedA.tieId, place: { name: 'Pinsk', country: 'BLR' }, sourceUrl: 'https://example.org/pinsk', reason: 'The council named it.' }),
    },
  },
  // The council workspace (lib/council-staff): staff of council B and organisers of campaign B only.
  answerForCouncil: {
    foreign: ANSWER_TYPES.map((type) => ({
      what: `"${type}" for council B`,
      input: (w: World) => ({ councilId: w.b.council.id, tieIds: [w.b.tieId], type, occurredOn: '2025-01-10', sessionOn: '2025-02-01', decisionUrl: 'https://rada-b.example/d/1' }),
    })),
    owner: { actor: (w) => w.actors.council_staff, input: (w) => ({ councilId: w.a.council.id, tieIds: [w.a.tieId], type: 'responded', note: 'We are considering it.' }) },
  },
  updateCouncilDirectory: {
    foreign: [{ what: "council B's directory entry", input: (w) => ({ councilId: w.b.council.id, contactEmails: 'evil@example.org' }) }],
    owner: { actor: (w) => w.actors.council_staff, input: (w) => ({ councilId: w.a.council.id, contactEmails: 'rada@rada-a.example', postalAddress: '1 Main Street' }) },
  },
  uploadCouncilDocument: {
    foreign: [{ what: 'a document for council B', input: (w) => ({ councilId: w.b.council.id, file: new File([w.pdf], 'd.pdf') }) }],
    owner: { actor: (w) => w.actors.council_staff, input: (w) => ({ councilId: w.a.council.id, file: new File([w.pdf], 'd.pdf') }) },
  },
};

/** A letter about the tie's council, as the appeal page sends it (with the signer fields when sent by the app). */
function letterTo(tie: World['a'], signed = true): Record<string, unknown> {
  return {
    councilId: tie.council.id,
    campaignId: tie.campaignId,
    tieIds: [tie.tieId],
    language: 'uk',
    subject: 'Про розірвання зв’язків',
    body: 'Шановні депутати!\n\nПрошу розірвати зв’язки.',
    ...(signed ? { signerName: 'Олена Коваль', signerCity: 'Житомир' } : {}),
  };
}

/** Every row of every table, as a count and a checksum: one comparison says nothing changed. */
async function snapshot(db: Database): Promise<Record<string, string>> {
  const rowsOf = <T,>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`select table_schema as schema, table_name as name from information_schema.tables
      where (table_schema = 'public' and table_type = 'BASE TABLE') or (table_schema = 'pgboss' and table_name = 'job') order by 1, 2`),
  );
  const out: Record<string, string> = {};
  for (const { schema, name } of tables) {
    const id = sql.raw(`"${schema}"."${name}"`);
    const [row] = rowsOf<{ n: number | string; sum: string | null }>(
      await db.execute(sql`select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${id} t`),
    );
    out[`${schema}.${name}`] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

describeEachEngine('the permission matrix', ({ db, handle }) => {
  let queue: MailQueue;
  let world: World;
  beforeAll(async () => {
    queue = await startQueue(handle());
    world = await buildWorld(db());
  });
  afterAll(async () => {
    await queue.stop();
  });

  const actorFor = (role: Role): CurrentUser | null => (role === 'public' ? null : world.actors[role]);

  it('has a case for every action in the registry, and only those', () => {
    expect(Object.keys(CASES).sort()).toEqual(ACTIONS.map((a) => a.name).sort());
  });

  it('aims at every permission row an action may check', () => {
    // An action whose input picks its row is tried with a refused input for each of its rows.
    for (const action of ACTIONS) {
      const permission = action.permission as Permission | ((input: unknown) => Permission);
      const tried = CASES[action.name]!.foreign.map((f) => (typeof permission === 'function' ? permission(action.input.parse(f.input(world))) : permission));
      expect(new Set(tried), action.name).toEqual(new Set(allPermissions(action)));
    }
  });

  it.each(ACTIONS.map((a) => [a.name, a] as const))('refuses %s to everyone on what they do not own, and changes nothing', async (name, action) => {
    const before = await snapshot(db());
    let refusals = 0;
    for (const refusal of CASES[name]!.foreign) {
      for (const role of refusal.roles ?? NON_ADMIN) {
        const result = await runAction(action as never, { db: db(), user: actorFor(role) }, refusal.input(world));
        const expected = role === 'public' ? 'unauthenticated' : (refusal.code ?? 'forbidden');
        expect(result.ok ? 'ok' : result.error.code, `${role}: ${name} on ${refusal.what}`).toBe(expected);
        expect(await snapshot(db()), `${role}: ${name} on ${refusal.what} changed the database`).toEqual(before);
        refusals++;
      }
    }
    // Every role was tried on every action.
    const rolesTried = new Set(CASES[name]!.foreign.flatMap((f) => f.roles ?? NON_ADMIN));
    for (const role of NON_ADMIN) expect(rolesTried, `${name}: ${role}`).toContain(role);
    expect(refusals).toBeGreaterThanOrEqual(NON_ADMIN.length);
  });

  it.each(ACTIONS.map((a) => [a.name, a] as const))('lets the owner do %s, which changes the database', async (name, action) => {
    const { actor, input } = CASES[name]!.owner;
    const before = await snapshot(db());
    const result = await runAction(action as never, { db: db(), user: actor(world) }, input(world));
    expect(result, name).toMatchObject({ ok: true });
    expect(await snapshot(db())).not.toEqual(before);
  });
});
