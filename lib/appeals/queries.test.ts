import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaignTies, campaigns, councils } from '../../db/schema';
import { runAction } from '../auth/action';
import { actorOf } from '../auth/session';
import { createPerson } from '../people/test-people';
import { createCampaign } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { prepareAppeal } from './draft';
import { moderateAppeal } from './moderate-appeal';
import { getAppealLetter, listMyAppeals, moderationQueue } from './queries';
import { recordExternalAppeal } from './record-external-appeal';
import { sendAppeal } from './send-appeal';
import { councilWithTie, externalLetterFor, letterFor } from './test-appeals';

/** What the appeal pages read: the prepared letter, my appeals, the moderation queue, one letter. */
describeEachEngine('appeal queries', ({ db }) => {
  let clock = Date.parse('2031-01-01T10:00:00Z');
  const later = () => new Date((clock += 5000));

  describe('prepareAppeal', () => {
    it('composes the letter in the council’s language, signed by the person, with where it can go', async () => {
      const x = await councilWithTie(db(), { contactEmails: ['rada@prepare.example'] });
      const person = await createPerson(db());
      const user = { ...person.user, name: 'Олена Коваль', city: 'Житомир' };
      const prepared = await prepareAppeal(db(), { councilSlug: x.council.slug, user, locale: 'en' });
      expect(prepared).toMatchObject({
        ok: true,
        council: { id: x.council.id, slug: x.council.slug, contactEmails: ['rada@prepare.example'], languages: ['uk'] },
        campaign: { id: x.campaignId, letterDelivery: 'individual' },
        ties: [{ id: x.tieId, partnerName: x.partner.name, status: 'active' }],
        languages: ['uk', 'en'],
        recipients: ['rada@prepare.example'],
        canSendFromApp: true,
        blockedReason: null,
        opensAgainAt: null,
        needsModeration: true,
      });
      if (!prepared.ok) return;
      expect(prepared.letter.language).toBe('uk');
      expect(prepared.letter.subject).toContain(x.partner.name);
      expect(prepared.letter.body.endsWith('З повагою\nОлена Коваль\nЖитомир')).toBe(true);

      const english = await prepareAppeal(db(), { councilSlug: x.council.slug, user, locale: 'uk', language: 'en' });
      expect(english.ok && english.letter.language).toBe('en');
      expect(english.ok && english.letter.body).toContain('Yours sincerely,\nОлена Коваль');
      // A language the campaign does not offer falls back to the default.
      const german = await prepareAppeal(db(), { councilSlug: x.council.slug, user, locale: 'en', language: 'de' });
      expect(german.ok && german.letter.language).toBe('uk');
    });

    it('says why the app cannot send, and when the person may write again', async () => {
      const none = await councilWithTie(db(), { contactEmails: [] });
      const person = await createPerson(db());
      expect(await prepareAppeal(db(), { councilSlug: none.council.slug, user: person.user, locale: 'en' })).toMatchObject({
        ok: true,
        canSendFromApp: false,
        blockedReason: 'no_contact_address',
      });
      const x = await councilWithTie(db());
      const at = later();
      await runAction(recordExternalAppeal, { db: db(), user: person.user, now: at }, externalLetterFor(x, 'print'));
      const prepared = await prepareAppeal(db(), { councilSlug: x.council.slug, user: person.user, locale: 'en', now: at });
      expect(prepared.ok && prepared.opensAgainAt).toEqual(new Date(at.getTime() + 30 * 24 * 3600_000));
      // A visitor may still read, copy and print the letter, unsigned.
      expect(await prepareAppeal(db(), { councilSlug: x.council.slug, user: null, locale: 'en' })).toMatchObject({ ok: true, opensAgainAt: null });
    });

    it('answers not_found and no_ties_in_force', async () => {
      expect(await prepareAppeal(db(), { councilSlug: 'no-such-council', user: null, locale: 'en' })).toEqual({ ok: false, code: 'not_found' });
      const severed = await councilWithTie(db(), { status: 'severed' });
      expect(await prepareAppeal(db(), { councilSlug: severed.council.slug, user: null, locale: 'en' })).toEqual({ ok: false, code: 'no_ties_in_force' });
      const x = await councilWithTie(db());
      const other = await councilWithTie(db());
      expect(await prepareAppeal(db(), { councilSlug: x.council.slug, tieIds: [other.tieId], user: null, locale: 'en' })).toEqual({ ok: false, code: 'not_found' });
    });

    it('writes in the active campaign that holds most of the ties', async () => {
      const x = await councilWithTie(db());
      const closed = await createCampaign(db());
      await db().update(campaigns).set({ state: 'closed' }).where(eq(campaigns.id, closed.id));
      await db().insert(campaignTies).values({ campaignId: closed.id, tieId: x.tieId });
      const prepared = await prepareAppeal(db(), { councilSlug: x.council.slug, user: null, locale: 'en' });
      expect(prepared.ok && prepared.campaign.id).toBe(x.campaignId);
    });
  });

  describe('my appeals, the moderation queue and one letter', () => {
    it("lists a person's appeals with their state and their ties' status now; organisers see only their campaigns' queue", async () => {
      const writer = await createPerson(db());
      const x = await councilWithTie(db());
      const y = await councilWithTie(db());
      await db().update(councils).set({ localName: 'Житомирська міська рада', name: 'Zhytomyr City Council' }).where(eq(councils.id, x.council.id));

      const external = await runAction(recordExternalAppeal, { db: db(), user: writer.user, now: later() }, externalLetterFor(x, 'mailto'));
      const waiting = await runAction(sendAppeal, { db: db(), user: writer.user, now: later() }, letterFor(y, { subject: 'Прошу розірвати' }));
      expect(external.ok && waiting.ok).toBe(true);
      const externalId = external.ok ? external.value.appealId : 0;
      const waitingId = waiting.ok ? waiting.value.appealId : 0;

      const mine = await listMyAppeals(db(), writer.row.id, 'uk');
      expect(mine.map((a) => [a.id, a.state, a.channel])).toEqual([
        [waitingId, 'awaiting_moderation', 'app'],
        // Reported as sent elsewhere by a new activist: it waits for an organiser too.
        [externalId, 'awaiting_moderation', 'mailto'],
      ]);
      expect(mine[1]).toMatchObject({
        council: { slug: x.council.slug, name: 'Житомирська міська рада' },
        // A report of a letter sent elsewhere never moves a tie.
        ties: [{ id: x.tieId, partnerName: x.partner.name, statusNow: 'active' }],
        language: 'uk',
        deliveredAt: null,
      });
      expect(mine[1]!.sentAt).toBeNull();
      expect(mine[0]!.ties).toEqual([{ id: y.tieId, partnerName: y.partner.name, statusNow: 'active' }]);
      expect(await listMyAppeals(db(), (await createPerson(db())).row.id, 'uk')).toEqual([]);

      // The queue: the organiser of y's campaign sees it, another organiser does not; an admin sees all.
      const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: y.campaignId }] });
      const other = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: x.campaignId }] });
      const admin = await createPerson(db(), { roles: [{ role: 'admin' }] });
      const queue = await moderationQueue(db(), actorOf(organiser.user), 'en');
      expect(queue.map((q) => q.id)).toEqual([waitingId]);
      expect(queue[0]).toMatchObject({ subject: 'Прошу розірвати', signerName: 'Олена Коваль', author: { id: writer.row.id, email: writer.row.email }, council: { id: y.council.id } });
      expect((await moderationQueue(db(), actorOf(other.user))).map((q) => q.id)).not.toContain(waitingId);
      expect((await moderationQueue(db(), actorOf(other.user))).map((q) => q.id)).toContain(externalId);
      expect((await moderationQueue(db(), actorOf(admin.user))).map((q) => q.id)).toContain(waitingId);
      expect(await moderationQueue(db(), actorOf(writer.user))).toEqual([]);
      expect(await moderationQueue(db(), { kind: 'public' })).toEqual([]);

      await runAction(moderateAppeal, { db: db(), user: organiser.user }, { appealId: waitingId, decision: 'reject', reason: 'Please be polite' });
      expect((await moderationQueue(db(), actorOf(organiser.user))).map((q) => q.id)).not.toContain(waitingId);
      expect((await listMyAppeals(db(), writer.row.id, 'en'))[0]).toMatchObject({ id: waitingId, state: 'rejected', rejectionReason: 'Please be polite' });

      // One letter, for its writer only.
      const letter = await getAppealLetter(db(), externalId, writer.row.id, 'en');
      expect(letter).toMatchObject({ id: externalId, language: 'uk', council: { slug: x.council.slug, name: 'Zhytomyr City Council' }, recipients: x.contactEmails, tieIds: [x.tieId] });
      expect(letter!.body).toBe(letterFor(x).body);
      expect(await getAppealLetter(db(), externalId, organiser.row.id)).toBeNull();
    });
  });
});
