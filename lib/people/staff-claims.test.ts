import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { councils, mailMessages, memberships } from '../../db/schema';
import { runAction } from '../auth/action';
import { loadGrants } from '../auth/session';
import { createTie } from '../testing/factories';
import { type MailQueue, startQueue } from '../mail/queue';
import { describeEachEngine } from '../testing/test-database';
import { claimStaff, decideStaffClaim } from './staff-claims';
import { createPerson } from './test-people';

describeEachEngine('staff claims', ({ db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
  });
  let n = 0;
  /** A council at kyiv-N.gov.ua with a tie in a campaign, and an organiser of that campaign. */
  async function council() {
    const domain = `kyiv-${++n}.gov.ua`;
    const tie = await createTie(db());
    await db().update(councils).set({ emailDomains: [domain.toUpperCase()] }).where(eq(councils.id, tie.council.id));
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    return { domain, tie, councilId: tie.council.id, organiser };
  }
  const claimsOf = (userId: string) => db().select().from(memberships).where(eq(memberships.userId, userId));

  it('lets a person at the council domain claim staff status, which grants nothing until approved', async () => {
    const c = await council();
    const olena = await createPerson(db(), { email: `Olena@${c.domain}` });
    const claim = await runAction(claimStaff, { db: db(), user: olena.user }, { councilId: String(c.councilId) });
    expect(claim).toMatchObject({ ok: true });
    expect(await claimsOf(olena.row.id)).toMatchObject([{ role: 'council_staff', councilId: c.councilId, state: 'pending' }]);
    expect(await loadGrants(db(), olena.row.id, new Date())).toEqual([{ role: 'activist' }]);

    const approved = await runAction(decideStaffClaim, { db: db(), user: c.organiser.user }, { membershipId: String(claim.ok && claim.value.membershipId), decision: 'approve' });
    expect(approved).toEqual({ ok: true, value: { membershipId: claim.ok && claim.value.membershipId, state: 'active' } });
    expect(await loadGrants(db(), olena.row.id, new Date())).toEqual([{ role: 'activist' }, { role: 'council_staff', councilId: c.councilId }]);
    expect(await claimsOf(olena.row.id)).toMatchObject([{ state: 'active', grantedBy: c.organiser.row.id, decidedBy: c.organiser.row.id }]);
  });

  it('refuses addresses at look-alike domains and leaves no claim', async () => {
    const c = await council();
    for (const email of [`x${n}@evil-${c.domain}`, `y${n}@mail.${c.domain}`, `z${n}@${c.domain}.example.com`]) {
      const person = await createPerson(db(), { email });
      const result = await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId });
      expect(result, email).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await claimsOf(person.row.id)).toEqual([]);
    }
  });

  it('refuses a person whose address is not confirmed (no activist grant)', async () => {
    const c = await council();
    const person = await createPerson(db(), { email: `unconfirmed@${c.domain}`, verified: false });
    expect(await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('calls a second claim a conflict, and one for a council that does not exist not found', async () => {
    const c = await council();
    const person = await createPerson(db(), { email: `twice@${c.domain}` });
    expect(await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId })).toMatchObject({ ok: true });
    expect(await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await runAction(claimStaff, { db: db(), user: person.user }, { councilId: 9_999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await claimsOf(person.row.id)).toHaveLength(1);
  });

  it('needs a reason to reject, keeps it, and decides a claim only once', async () => {
    const c = await council();
    const person = await createPerson(db(), { email: `reject@${c.domain}` });
    const claim = await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId });
    const membershipId = claim.ok ? claim.value.membershipId : 0;
    const noReason = await runAction(decideStaffClaim, { db: db(), user: c.organiser.user }, { membershipId, decision: 'reject', reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { reason: ['Say why the claim is rejected.'] } } });
    const rejected = await runAction(decideStaffClaim, { db: db(), user: c.organiser.user }, { membershipId, decision: 'reject', reason: 'Not on the staff list' });
    expect(rejected).toMatchObject({ ok: true, value: { state: 'revoked' } });
    expect(await claimsOf(person.row.id)).toMatchObject([{ state: 'revoked', decisionReason: 'Not on the staff list', grantedBy: null }]);
    const again = await runAction(decideStaffClaim, { db: db(), user: c.organiser.user }, { membershipId, decision: 'approve' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await loadGrants(db(), person.row.id, new Date())).toEqual([{ role: 'activist' }]);
  });

  it("forbids organisers of other campaigns and staff from deciding, and nobody decides their own claim", async () => {
    const c = await council();
    const elsewhere = await council();
    const person = await createPerson(db(), { email: `wait@${c.domain}` });
    const claim = await runAction(claimStaff, { db: db(), user: person.user }, { councilId: c.councilId });
    const membershipId = claim.ok ? claim.value.membershipId : 0;
    const colleague = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: c.councilId }] });
    for (const decider of [elsewhere.organiser.user, colleague.user, person.user]) {
      expect(await runAction(decideStaffClaim, { db: db(), user: decider }, { membershipId, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // An organiser of the council's campaign who claims staff status there too must leave the decision to another.
    const organiserClaim = await createPerson(db(), { email: `org@${c.domain}`, roles: [{ role: 'organiser', campaignId: c.tie.campaignId }] });
    const own = await runAction(claimStaff, { db: db(), user: organiserClaim.user }, { councilId: c.councilId });
    const ownId = own.ok ? own.value.membershipId : 0;
    expect(await runAction(decideStaffClaim, { db: db(), user: organiserClaim.user }, { membershipId: ownId, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await claimsOf(person.row.id)).toMatchObject([{ state: 'pending' }]);
  });

  it('tells the organisers of a claim, and the claimant of the decision, each in their language (the council’s, when they chose none)', async () => {
    const c = await council();
    const olena = await createPerson(db(), { email: `olena.mail@${c.domain}` });
    const claim = await runAction(claimStaff, { db: db(), user: olena.user }, { councilId: c.councilId });
    if (!claim.ok) throw new Error(claim.error.message);
    const to = async (email: string) => (await db().select().from(mailMessages)).filter((m) => m.to.includes(email));
    expect((await to(c.organiser.row.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/^A staff claim for .+ to decide$/)]);
    expect((await to(c.organiser.row.email))[0]!.text).toContain(`olena.mail@${c.domain}`);

    const rejected = await runAction(decideStaffClaim, { db: db(), user: c.organiser.user }, { membershipId: claim.value.membershipId, decision: 'reject', reason: 'Not on the council’s staff list.' });
    expect(rejected).toMatchObject({ ok: true });
    const mails = await to(olena.row.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Вашу заявку працівника ради не схвалено: /)]);
    expect(mails[0]!.text).toContain('Not on the council’s staff list.');
  });
});
