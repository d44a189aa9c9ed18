import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { campaigns, ties, users } from '../../db/schema';
import { runAction } from '../auth/action';
import { statusChangesAtom } from '../feed/status-changes-atom';
import { getPlacePage } from '../places/place-page';
import { createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { getCouncilPage } from '../ties/council-page';
import { publicTieRecords } from '../ties/public-tie-records';
import { getHeadlineNumbers, listCampaigns, listCouncilsHoldingTies } from '../ties/queries';
import { searchTies } from '../ties/search-ties';
import { listStatusChanges } from '../ties/status-changes';
import { recordTieEvent } from '../ties/tie-event-action';
import { parseTieFilters } from '../ties/tie-filters';
import { banPerson, unbanPerson } from './bans';
import { createPerson } from './test-people';

/**
 * A banned person's tie events leave every public view, and come back when the ban is lifted.
 * The tie's status they set stays (shown without its event) until an organiser corrects it.
 */
describeEachEngine('public content of a banned person', ({ db }) => {
  it('hides the events they recorded from every public view, and only theirs', async () => {
    const tie = await createTie(db(), { status: 'appealed', placeName: 'Bannedville' });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    const quote = 'The council voted to end the tie (a false claim).';
    const fired = await runAction(
      recordTieEvent,
      { db: db(), user: staff.user },
      { tieId: tie.tieId, type: 'severed', occurredOn: '2025-03-01', sourceUrl: 'https://example.org/fake-decision', quote },
    );
    expect(fired).toMatchObject({ ok: true, value: { status: 'severed' } });

    const views = async () => {
      const council = await getCouncilPage(db(), tie.council.slug, { locale: 'en' });
      const changes = await listStatusChanges(db(), { locale: 'en', limit: 500 });
      const [record] = await publicTieRecords(db(), [tie.tieId]);
      const search = await searchTies(db(), { ...parseTieFilters({ q: 'Bannedville', closed: '1' }).filters }, { locale: 'en' });
      const placePage = await getPlacePage(db(), tie.partner.slug, { locale: 'en' });
      const feed = statusChangesAtom(changes, { appUrl: 'https://untwin.example', statusName: (s) => s });
      return {
        timeline: council!.ties.flatMap((t) => t.events.map((e) => e.type)),
        changes: changes.filter((c) => c.tieId === tie.tieId).map((c) => c.type),
        api: record!.events.map((e) => e.type),
        trackerLastEvent: search.rows.find((r) => r.id === tie.tieId)?.lastEvent?.type ?? null,
        placeLastEventOn: placePage!.ties.find((t) => t.id === tie.tieId)?.lastEventOn ?? null,
        feedQuotes: feed.includes('a false claim'),
        status: record!.status,
      };
    };

    expect(await views()).toEqual({
      timeline: ['recorded', 'appealed', 'severed'],
      changes: ['severed', 'appealed', 'recorded'],
      api: ['recorded', 'appealed', 'severed'],
      trackerLastEvent: 'severed',
      placeLastEventOn: { date: '2025-03-01', precision: 'day' },
      feedQuotes: true,
      status: 'severed',
    });

    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: staff.row.email, reason: 'Recorded a decision that was never taken' })).toMatchObject({ ok: true });
    expect(await views()).toEqual({
      timeline: ['recorded', 'appealed'],
      changes: ['appealed', 'recorded'],
      api: ['recorded', 'appealed'],
      trackerLastEvent: null,
      placeLastEventOn: null,
      feedQuotes: false,
      // The status stays: the record says what the tie is until an organiser corrects it.
      status: 'severed',
    });

    // The organiser's correction is public, and becomes what the tracker shows.
    const corrected = await runAction(
      recordTieEvent,
      { db: db(), user: organiser.user },
      { tieId: tie.tieId, type: 'corrected', targetStatus: 'appealed', reason: 'The severance was recorded by a banned account; no such decision exists.' },
    );
    expect(corrected).toMatchObject({ ok: true, value: { status: 'appealed' } });
    const after = await views();
    expect(after).toMatchObject({ timeline: ['recorded', 'appealed', 'corrected'], trackerLastEvent: 'corrected', status: 'appealed' });

    expect(await runAction(unbanPerson, { db: db(), user: organiser.user }, { email: staff.row.email })).toMatchObject({ ok: true });
    expect((await views()).timeline).toEqual(['recorded', 'appealed', 'severed', 'corrected']);
    const [row] = await db().select({ status: ties.status }).from(ties).where(eq(ties.id, tie.tieId));
    expect(row!.status).toBe('appealed');
    const [person] = await db().select({ bannedAt: users.bannedAt }).from(users).where(eq(users.id, staff.row.id));
    expect(person!.bannedAt).toBeNull();
  });

  it('leaves their dates out of the home page figures: latest event of a campaign and of a council', async () => {
    const tie = await createTie(db(), { status: 'appealed' });
    const [campaign] = await db().select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, tie.campaignId));
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: tie.campaignId }] });
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: tie.council.id }] });
    expect(await runAction(recordTieEvent, { db: db(), user: staff.user }, { tieId: tie.tieId, type: 'responded', occurredOn: '2025-01' })).toMatchObject({ ok: true });

    const figures = async () => ({
      headline: (await getHeadlineNumbers(db(), { campaignSlug: campaign!.slug })).lastEventOn,
      campaign: (await listCampaigns(db())).find((c) => c.slug === campaign!.slug)!.headline.lastEventOn,
      council: (await listCouncilsHoldingTies(db(), { campaignSlug: campaign!.slug, locale: 'en' }))[0]!.ties[0]!.lastEventOn,
    });
    const theirs = { date: '2025-01-01', precision: 'month' };
    expect(await figures()).toEqual({ headline: theirs, campaign: theirs, council: theirs });
    expect(await runAction(banPerson, { db: db(), user: organiser.user }, { email: staff.row.email, reason: 'Made-up reply' })).toMatchObject({ ok: true });
    const seed = { date: '2022-05-25', precision: 'day' };
    expect(await figures()).toEqual({ headline: seed, campaign: seed, council: null });
  });
});
