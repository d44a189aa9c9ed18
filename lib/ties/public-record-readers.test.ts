import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { campaigns, councils, countryClaims, places, sources, tieEventEffects, tieEvents } from '../../db/schema';
import { statusChangesAtom } from '../feed/status-changes-atom';
import { getPlacePage } from '../places/place-page';
import { listSitemapPages } from '../seo/list-sitemap-pages';
import { getSourcePage } from '../sources/source-page';
import { createCampaign, createCouncil, createPlace, createSource, createTie, createUser } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { getCouncilPage } from './council-page';
import { fireTieEvent } from './fire-tie-event';
import type { Actor } from './lifecycle';
import { publicTieRecords } from './public-tie-records';
import { getHeadlineNumbers, listCouncilsHoldingTies } from './queries';
import { recordTie } from './record-tie';
import { searchTies } from './search-ties';
import { getFunnel, getProgress } from './stats';
import { listStatusChanges } from './status-changes';
import { tiesToCsv } from './tie-csv';
import { parseTieFilters } from './tie-filters';

/**
 * What the public sees once events are read through each tie's effective history: a withdrawn
 * event stops counting everywhere at once and stays visible as withdrawn, the correction itself is
 * news, every event says who stands behind it, confirmed and only-listed ties are counted apart,
 * a partner the source does not name is shown as such, and a claim about a whole country is shown
 * on each tie it covers without moving any status.
 */
const system: Actor = { kind: 'system', label: 'readers test' };
const statusName = (s: string) => s;

async function campaignSlug(db: Parameters<typeof getFunnel>[0], id: number): Promise<string> {
  const [row] = await db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, id));
  return row!.slug;
}

async function eventOf(db: Parameters<typeof getFunnel>[0], tieId: number, type: 'severed' | 'recorded') {
  const [row] = await db.select().from(tieEvents).where(and(eq(tieEvents.tieId, tieId), eq(tieEvents.type, type)));
  return row!;
}

describeEachEngine('the public record, read through the effective history', ({ db }) => {
  it('a withdrawn severance leaves status, stats, home and feed, and stays on the timeline marked withdrawn', async () => {
    const campaign = await createCampaign(db());
    const slug = await campaignSlug(db(), campaign.id);
    const tie = await createTie(db(), { status: 'severed', campaignId: campaign.id, placeName: 'Withdrawtown' });
    const severance = await eventOf(db(), tie.tieId, 'severed');
    expect((await getFunnel(db(), { campaignSlug: slug })).stages.find((s) => s.status === 'severed')?.reached).toBe(1);
    expect((await listStatusChanges(db(), { campaignSlug: slug }))[0]?.eventId).toBe(severance.id);

    const organiser = await createUser(db());
    const actor: Actor = { kind: 'user', userId: organiser.id, grants: [{ role: 'organiser', campaignId: campaign.id }] };
    const reason = 'No such decision exists: the council’s register has no vote on it.';
    const withdrawn = await fireTieEvent(db(), actor, { tieId: tie.tieId, type: 'withdrawn', targetEventId: severance.id, reason });
    expect(withdrawn).toMatchObject({ ok: true, status: 'pledged' });
    if (!withdrawn.ok) return;

    // Stats: "reached severed" counts only events that still count.
    const funnel = await getFunnel(db(), { campaignSlug: slug });
    expect(funnel.stages.find((s) => s.status === 'severed')).toMatchObject({ reached: 0, now: 0 });
    expect(funnel.stages.find((s) => s.status === 'pledged')).toMatchObject({ reached: 1, now: 1 });
    expect((await getProgress(db(), { campaignSlug: slug })).dated.severed).toBe(0);

    // Home: figures by the one definition.
    const headline = await getHeadlineNumbers(db(), { campaignSlug: slug });
    expect(headline.figures).toMatchObject({ severed: 0, closed: 0, inForce: 1 });

    // Latest changes and the feed: the correction is an entry, the severance no longer is.
    const changes = await listStatusChanges(db(), { campaignSlug: slug });
    expect(changes.some((c) => c.eventId === severance.id)).toBe(false);
    expect(changes[0]).toMatchObject({
      eventId: withdrawn.event.id,
      type: 'withdrawn',
      attribution: { kind: 'campaign' },
      correction: { reason, target: { eventId: severance.id, type: 'severed', toStatus: 'severed', occurredOn: { date: '2022-05-25' } } },
    });
    const feed = statusChangesAtom(changes, { appUrl: 'https://untwin.example.org', statusName, eventName: () => 'The council ended the tie' });
    expect(feed).toContain('Correction: Withdrawtown');
    expect(feed).toContain('“The council ended the tie” was withdrawn');
    expect(feed).toContain(`Reason: ${reason}`);
    expect(feed).toContain('Who stands behind the correction: Recorded by the campaign.');
    expect(feed).not.toContain(`tie-event/${severance.id}<`);

    // The council page: still on the timeline, marked, with when, why and by whom.
    const page = await getCouncilPage(db(), tie.council.slug, { locale: 'en' });
    const timeline = page!.ties[0]!.events;
    expect(timeline.map((e) => e.type)).toEqual(['recorded', 'appealed', 'promised', 'severed']);
    expect(timeline.at(-1)).toMatchObject({
      id: severance.id,
      counts: false,
      fromStatus: 'pledged',
      toStatus: 'severed',
      withdrawn: { eventId: withdrawn.event.id, reason, attribution: { kind: 'campaign' } },
    });
    expect(page!.ties[0]!.status).toBe('pledged');

    // The tracker's latest event, the API and the CSV.
    const search = await searchTies(db(), parseTieFilters({ campaign: slug }).filters, { locale: 'en' });
    expect(search.rows[0]?.lastEvent?.type).toBe('promised');
    const [record] = await publicTieRecords(db(), [tie.tieId]);
    expect(record!.events.find((e) => e.id === severance.id)).toMatchObject({ withdrawn: true, counts: false, withdrawal: { reason } });
    expect(tiesToCsv(search.rows)).toContain(',pledged,');

    // The source page marks the fact that no longer counts... the severance's source still backs the others.
    const sourcePage = await getSourcePage(db(), tie.source.id, { locale: 'en' });
    expect(sourcePage!.citing.ties.find((t) => t.id === tie.tieId)?.counts).toBe(true);
  });

  it('orders a timeline by when things happened, not by when they were typed', async () => {
    const tie = await createTie(db(), { placeName: 'Latetyper' });
    const responded = await fireTieEvent(db(), system, { tieId: tie.tieId, type: 'responded', occurred: { date: '2022-06-10', precision: 'day' }, sourceId: tie.source.id });
    const appealed = await fireTieEvent(db(), system, { tieId: tie.tieId, type: 'appealed', occurred: { date: '2022-06-01', precision: 'day' }, sourceId: tie.source.id });
    expect(responded.ok && appealed.ok).toBe(true);
    const page = await getCouncilPage(db(), tie.council.slug, { locale: 'en' });
    expect(page!.ties[0]!.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['recorded', null, 'active'],
      ['appealed', 'active', 'appealed'],
      ['responded', 'appealed', 'responded'],
    ]);
  });

  it('says who stands behind each event: the council’s staff, the campaign, a source, a letter’s writer, a letter Untwin delivered', async () => {
    const campaign = await createCampaign(db());
    const tie = await createTie(db(), { campaignId: campaign.id, placeName: 'Attributionville' });
    await db().update(councils).set({ name: 'Attributionville City Council' }).where(eq(councils.id, tie.council.id));
    const staff = await createUser(db());
    const organiser = await createUser(db());
    const asStaff: Actor = { kind: 'user', userId: staff.id, grants: [{ role: 'council_staff', councilId: tie.council.id }] };
    const asOrganiser: Actor = { kind: 'user', userId: organiser.id, grants: [{ role: 'organiser', campaignId: campaign.id }] };
    const on = (date: string) => ({ date, precision: 'day' as const });

    const viaApp = await fireTieEvent(db(), system, { tieId: tie.tieId, type: 'appealed', occurred: on('2023-01-01'), viaAppeal: true, recorderRole: 'appeal_flow' });
    const writer = await fireTieEvent(db(), system, { tieId: tie.tieId, type: 'appealed', occurred: on('2023-01-02'), sourceId: tie.source.id, recorderRole: 'writer' });
    const stated = await fireTieEvent(db(), asStaff, { tieId: tie.tieId, type: 'responded', occurred: on('2023-01-03') });
    const campaignNote = await fireTieEvent(db(), asOrganiser, { tieId: tie.tieId, type: 'promised', occurred: on('2023-01-04') });
    const sourced = await fireTieEvent(db(), asOrganiser, { tieId: tie.tieId, type: 'noted', occurred: on('2023-01-05'), sourceId: tie.source.id });
    for (const r of [viaApp, writer, stated, campaignNote, sourced]) expect(r.ok).toBe(true);

    const page = await getCouncilPage(db(), tie.council.slug, { locale: 'en' });
    expect(page!.ties[0]!.events.map((e) => [e.type, e.recorderRole, e.attribution])).toEqual([
      ['recorded', 'import', { kind: 'source', title: tie.source.title, publisher: null }],
      ['appealed', 'appeal_flow', { kind: 'untwin_letter' }],
      ['appealed', 'writer', { kind: 'writer' }],
      ['responded', 'council_staff', { kind: 'council_staff', council: 'Attributionville City Council' }],
      ['promised', 'organiser', { kind: 'campaign' }],
      ['noted', 'organiser', { kind: 'source', title: tie.source.title, publisher: null }],
    ]);

    const changes = await listStatusChanges(db(), { campaignSlug: await campaignSlug(db(), campaign.id) });
    expect(changes.find((c) => c.type === 'responded')?.attribution).toEqual({ kind: 'council_staff', council: 'Attributionville City Council' });
    const feed = statusChangesAtom(changes, { appUrl: 'https://untwin.example.org', statusName });
    expect(feed).toContain('Who stands behind it: Stated by Attributionville City Council staff.');
    const [record] = await publicTieRecords(db(), [tie.tieId]);
    expect(record!.events.map((e) => e.attribution)).toEqual(['source', 'untwin_letter', 'writer', 'council_staff', 'campaign', 'source']);
    expect(record!.events.find((e) => e.type === 'responded')?.attributionText).toBe('Stated by Attributionville City Council staff');
    // The staff's answer is dated: it confirms where the tie stands, and says so by whom.
    expect(page!.ties[0]!.confirmation).toMatchObject({ confirmed: true, basis: 'news', on: { date: '2023-01-05' } });
  });

  it('counts confirmed in force and listed, not confirmed apart, everywhere', async () => {
    const campaign = await createCampaign(db());
    const slug = await campaignSlug(db(), campaign.id);
    const listed = await createTie(db(), { campaignId: campaign.id, placeName: 'Listedburg' });
    const confirmed = await createTie(db(), { campaignId: campaign.id, placeName: 'Checkedburg', status: 'responded' });

    const headline = await getHeadlineNumbers(db(), { campaignSlug: slug });
    expect(headline.figures).toMatchObject({ inForce: 2, confirmedInForce: 1, listedNotConfirmed: 1, severed: 0, closed: 0 });
    expect((await getFunnel(db(), { campaignSlug: slug })).figures).toMatchObject({ confirmedInForce: 1, listedNotConfirmed: 1 });

    const all = await searchTies(db(), parseTieFilters({ campaign: slug }).filters, { locale: 'en' });
    expect(all.confirmationCounts).toEqual({ confirmed: 1, unconfirmed: 1 });
    const onlyListed = await searchTies(db(), parseTieFilters({ campaign: slug, confirmation: 'unconfirmed' }).filters, { locale: 'en' });
    expect(onlyListed.rows.map((r) => r.id)).toEqual([listed.tieId]);
    expect(onlyListed.total).toBe(1);
    expect(onlyListed.confirmationCounts).toEqual({ confirmed: 1, unconfirmed: 1 });
    const searched = await searchTies(db(), parseTieFilters({ q: 'Listedburg', confirmation: 'confirmed' }).filters, { locale: 'en' });
    expect(searched).toMatchObject({ total: 0, confirmationCounts: { confirmed: 0, unconfirmed: 1 } });

    const listedRow = all.rows.find((r) => r.id === listed.tieId)!;
    expect(listedRow.confirmation).toEqual({ confirmed: false, listedBy: expect.objectContaining({ title: listed.source.title }) });
    const confirmedRow = all.rows.find((r) => r.id === confirmed.tieId)!;
    expect(confirmedRow.confirmation).toMatchObject({ confirmed: true, on: { date: '2022-05-25' }, eventType: 'responded', basis: 'news' });
    const csv = tiesToCsv(all.rows);
    expect(csv).toContain(`no,,,,${listed.source.title}`);

    const page = await getCouncilPage(db(), listed.council.slug, { locale: 'en' });
    expect(page!.figures).toMatchObject({ inForce: 1, confirmedInForce: 0, listedNotConfirmed: 1 });
    expect(page!.ties[0]!.confirmation).toMatchObject({ confirmed: false, listedBy: { id: listed.source.id } });
    // A listed tie can still be asked about: a letter asks the council to end what is listed.
    expect(page).toMatchObject({ situation: 'holds', askable: 1 });

    const councilsList = await listCouncilsHoldingTies(db(), { campaignSlug: slug, locale: 'en' });
    expect(councilsList.flatMap((c) => c.ties.map((t) => [t.id, t.confirmed]))).toEqual(
      expect.arrayContaining([
        [listed.tieId, false],
        [confirmed.tieId, true],
      ]),
    );
  });

  it('tells severed from closed, and never counts occupation as closed or as nothing left to ask', async () => {
    const campaign = await createCampaign(db());
    const slug = await campaignSlug(db(), campaign.id);
    const severed = await createTie(db(), { campaignId: campaign.id, status: 'severed' });
    await createTie(db(), { campaignId: campaign.id, status: 'not_signed' });
    const occupied = await createTie(db(), { campaignId: campaign.id, status: 'occupied' });

    const headline = await getHeadlineNumbers(db(), { campaignSlug: slug });
    expect(headline.figures).toMatchObject({ total: 3, severed: 1, notSigned: 1, closed: 2, blocked: 1, inForce: 0 });
    expect(headline.byStatus.severed).toBe(1);

    const blocked = await getCouncilPage(db(), occupied.council.slug, { locale: 'en' });
    expect(blocked).toMatchObject({ situation: 'blocked', askable: 0, figures: { blocked: 1, closed: 0 } });
    const closed = await getCouncilPage(db(), severed.council.slug, { locale: 'en' });
    expect(closed).toMatchObject({ situation: 'closed', askable: 0 });
  });

  it('shows a partner the source does not name as such, in both languages, and keeps it out of the sitemap', async () => {
    const campaign = await createCampaign(db());
    const place = await createPlace(db(), { name: 'Namelesston' });
    const council = await createCouncil(db(), place.id, { name: 'Namelesston City Council' });
    const partner = await createPlace(db(), { name: 'Unnamed Belarusian partner of Namelesston', country: 'BLR' });
    await db().update(places).set({ kind: 'unnamed' }).where(eq(places.id, partner.id));
    const source = await createSource(db());
    const recorded = await recordTie(db(), system, {
      placeId: place.id,
      partnerId: partner.id,
      status: 'active',
      campaignIds: [campaign.id],
      sourceId: source.id,
      occurred: { date: '2022-05-02', precision: 'day' },
      quote: 'Namelesston is still “friends” with Belarusian cities.',
    });
    if (!recorded.ok) throw new Error(recorded.message);

    const en = await getCouncilPage(db(), council.slug, { locale: 'en' });
    expect(en!.ties[0]!.partner).toMatchObject({ name: 'a Belarusian partner the source does not name', unnamed: true, spellings: [] });
    const uk = await getCouncilPage(db(), council.slug, { locale: 'uk' });
    expect(uk!.ties[0]!.partner.name).toBe('білоруський партнер, якого джерело не називає');
    // Counted in the council's figures like any tie; dated by the source, so confirmed; since: not known.
    expect(en!.figures).toMatchObject({ total: 1, confirmedInForce: 1 });
    expect(en!.ties[0]!.signedOn).toBeNull();

    const row = (await searchTies(db(), parseTieFilters({ q: 'Namelesston' }).filters, { locale: 'en' })).rows[0]!;
    expect(row.partner).toMatchObject({ name: 'a Belarusian partner the source does not name', unnamed: true });
    expect(tiesToCsv([row])).toContain('a Belarusian partner the source does not name,');
    const [record] = await publicTieRecords(db(), [recorded.tieId]);
    expect(record).toMatchObject({ partnerNamed: false, partner: { name: 'a Belarusian partner the source does not name', aliases: [] } });
    const placePage = await getPlacePage(db(), partner.slug, { locale: 'uk' });
    expect(placePage!.place).toMatchObject({ unnamed: true, name: 'білоруський партнер, якого джерело не називає' });

    const sitemap = await listSitemapPages(db());
    expect(sitemap.places.map((p) => p.slug)).toContain(place.slug);
    expect(sitemap.places.map((p) => p.slug)).not.toContain(partner.slug);
  });

  it('shows a claim about a whole country on each tie it covers, moves no status, and offers no letter', async () => {
    const campaign = await createCampaign(db());
    const place = await createPlace(db(), { name: 'Claimsville', country: 'LTU' });
    const council = await createCouncil(db(), place.id);
    const partner = await createPlace(db(), { name: 'Claimsgrad', country: 'RUS' });
    const listSource = await createSource(db());
    const recorded = await recordTie(db(), system, { placeId: place.id, partnerId: partner.id, status: 'active', campaignIds: [campaign.id], sourceId: listSource.id });
    if (!recorded.ok) throw new Error(recorded.message);
    const [claimSource] = await db()
      .insert(sources)
      .values({ key: 'seed:claims-test.txt', seedDocument: 'claims-test.txt', title: 'A report on the Baltic states', language: 'ru', kind: 'news' })
      .returning();
    const quote = 'Латвия, Литва, Эстония и Финляндия сделали это сразу после начала полномасштабного вторжения в 2022 году.';
    await db().insert(countryClaims).values({ key: 'test-ended-2022-ltu', country: 'LTU', kind: 'ended', occurredOn: '2022-01-01', occurredPrecision: 'year', sourceId: claimSource!.id, quote });

    const page = await getCouncilPage(db(), council.slug, { locale: 'en' });
    const tie = page!.ties[0]!;
    expect(tie.status).toBe('active');
    expect(tie.countryClaims).toEqual([
      expect.objectContaining({ kind: 'ended', country: { code: 'LTU', name: 'Lithuania' }, quote, occurredOn: { date: '2022-01-01', precision: 'year' } }),
    ]);
    expect(tie).toMatchObject({ canAskToEnd: false, confirmation: { confirmed: false } });
    expect(page).toMatchObject({ situation: 'holds', askable: 0, endedClaims: [expect.objectContaining({ key: 'test-ended-2022-ltu' })] });

    const row = (await searchTies(db(), parseTieFilters({ q: 'Claimsville' }).filters, { locale: 'en' })).rows[0]!;
    expect(row).toMatchObject({ canAskToEnd: false, countryClaims: [expect.objectContaining({ key: 'test-ended-2022-ltu' })] });
    const [record] = await publicTieRecords(db(), [recorded.tieId]);
    expect(record!.countryClaims).toEqual([expect.objectContaining({ kind: 'ended', country: 'LTU', date: '2022', quote })]);
    const partnerPage = await getPlacePage(db(), partner.slug, { locale: 'en' });
    expect(partnerPage!.ties[0]!.countryClaims.map((c) => c.key)).toEqual(['test-ended-2022-ltu']);
  });

  it('never makes a date in the future the latest event, though old data may hold one', async () => {
    const campaign = await createCampaign(db());
    const slug = await campaignSlug(db(), campaign.id);
    const tie = await createTie(db(), { campaignId: campaign.id, status: 'appealed' });
    const [appeal] = await db().select().from(tieEvents).where(and(eq(tieEvents.tieId, tie.tieId), eq(tieEvents.type, 'appealed')));
    // Written before the write path refused future dates.
    await db().update(tieEvents).set({ occurredOn: '2031-01-15' }).where(eq(tieEvents.id, appeal!.id));
    await db().update(tieEventEffects).set({ occurredOn: '2031-01-15' }).where(eq(tieEventEffects.eventId, appeal!.id));
    expect((await getHeadlineNumbers(db(), { campaignSlug: slug })).lastEventOn).toBeNull();
    expect((await getProgress(db(), { campaignSlug: slug })).dated.appealed).toBe(0);
    const councilsList = await listCouncilsHoldingTies(db(), { campaignSlug: slug, locale: 'en' });
    expect(councilsList[0]!.ties[0]!.lastEventOn).toBeNull();
  });
});
