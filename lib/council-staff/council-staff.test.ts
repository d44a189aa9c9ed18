import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { councils, documents, mailMessages, tieEvents, ties } from '../../db/schema';
import { runAction } from '../auth/action';
import { makeTestPdf } from '../documents/test-pdf';
import { type MailQueue, startQueue } from '../mail/queue';
import { createPerson } from '../people/test-people';
import { createPlace, createSource, createTie } from '../testing/factories';
import { describeEachEngine } from '../testing/test-database';
import { recordTie } from '../ties/record-tie';
import { answerForCouncil } from './answer-for-council';
import { getStaffWorkspace } from './queries';
import { updateCouncilDirectory } from './update-directory';
import { uploadCouncilDocument } from './upload-document';

describeEachEngine('the council staff workspace', ({ db, handle }) => {
  let queue: MailQueue;
  beforeAll(async () => {
    queue = await startQueue(handle());
  });
  afterAll(async () => {
    await queue.stop();
  });

  /** A council with two ties in one campaign, one of its staff, and an organiser of the campaign. */
  async function council(status: 'appealed' | 'active' = 'appealed') {
    const first = await createTie(db(), { status });
    const partner = await createPlace(db(), { country: 'BLR' });
    const source = await createSource(db());
    const second = await recordTie(db(), { kind: 'system', label: 'test' }, { placeId: first.place.id, partnerId: partner.id, status, campaignIds: [first.campaignId], sourceId: source.id });
    if (!second.ok) throw new Error(second.message);
    const staff = await createPerson(db(), { roles: [{ role: 'council_staff', councilId: first.council.id }] });
    const organiser = await createPerson(db(), { roles: [{ role: 'organiser', campaignId: first.campaignId }] });
    return { councilId: first.council.id, tieIds: [first.tieId, second.tieId], staff, organiser, campaignId: first.campaignId };
  }
  const pdfFile = async (name = 'decision.pdf') => new File([await makeTestPdf()], name, { type: 'application/pdf' });

  it('keeps an uploaded PDF in the database under a 128-bit id, and refuses what is not a PDF or too large', async () => {
    const c = await council();
    const pdf = await pdfFile('рішення № 12.pdf');
    const ok = await runAction(uploadCouncilDocument, { db: db(), user: c.staff.user }, { councilId: c.councilId, file: pdf });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.documentId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [row] = await db().select().from(documents).where(eq(documents.id, ok.value.documentId));
    expect(row).toMatchObject({ councilId: c.councilId, filename: 'рішення № 12.pdf', size: pdf.size, uploadedBy: c.staff.row.id });
    expect(Buffer.from(row!.content)).toEqual(Buffer.from(await pdf.arrayBuffer()));

    // A PNG named .pdf and declared as application/pdf: refused by its bytes.
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'decision.pdf', { type: 'application/pdf' });
    expect(await runAction(uploadCouncilDocument, { db: db(), user: c.staff.user }, { councilId: c.councilId, file: png })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { file: ['not_pdf'] } } });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' });
    expect(await runAction(uploadCouncilDocument, { db: db(), user: c.staff.user }, { councilId: c.councilId, file: big })).toMatchObject({ ok: false, error: { fieldErrors: { file: ['too_large'] } } });

    // Staff of another council, and a plain activist, may not upload for this one.
    const other = await council();
    for (const user of [other.staff.user, (await createPerson(db())).user]) {
      expect(await runAction(uploadCouncilDocument, { db: db(), user }, { councilId: c.councilId, file: pdf })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await db().select({ id: documents.id }).from(documents).where(eq(documents.councilId, c.councilId))).toHaveLength(1);
  });

  it('confirms a severance of two ties in one answer, as the council, with the uploaded decision', async () => {
    const c = await council();
    const upload = await runAction(uploadCouncilDocument, { db: db(), user: c.staff.user }, { councilId: c.councilId, file: await pdfFile() });
    if (!upload.ok) throw new Error(upload.error.message);
    const result = await runAction(answerForCouncil, { db: db(), user: c.staff.user }, {
      councilId: String(c.councilId),
      tieIds: c.tieIds.map(String),
      type: 'severed',
      occurredOn: '2025-03-14',
      decisionNumber: '1234-VIII',
      decidedBy: 'The 25th session of the city council',
      documentId: upload.value.documentId,
      note: 'The council ended both partnerships.',
    });
    expect(result).toMatchObject({ ok: true });
    const rows = await db().select().from(ties).where(eq(ties.placeId, (await db().select().from(councils).where(eq(councils.id, c.councilId)))[0]!.placeId));
    expect(rows.map((r) => r.status)).toEqual(['severed', 'severed']);
    const events = await db().select().from(tieEvents).where(and(eq(tieEvents.type, 'severed'), eq(tieEvents.tieId, c.tieIds[0]!)));
    expect(events).toMatchObject([
      {
        recorderRole: 'council_staff',
        recordedBy: c.staff.row.id,
        occurredOn: '2025-03-14',
        note: 'The council ended both partnerships.',
        evidence: { decisionNumber: '1234-VIII', decisionDate: '2025-03-14', decidedBy: 'The 25th session of the city council', fileId: upload.value.documentId },
      },
    ]);
  });

  it('records all of an answer or none: one tie that cannot take it leaves the others as they were', async () => {
    const c = await council();
    // The second tie is severed already: a pledge cannot follow.
    const first = await runAction(answerForCouncil, { db: db(), user: c.staff.user }, { councilId: c.councilId, tieIds: [c.tieIds[1]], type: 'severed', occurredOn: '2025-01-10', decisionUrl: 'https://rada.example/decisions/1' });
    expect(first).toMatchObject({ ok: true });
    const before = await db().select({ id: ties.id, status: ties.status, revision: ties.revision }).from(ties).where(eq(ties.id, c.tieIds[0]!));
    const both = await runAction(answerForCouncil, { db: db(), user: c.staff.user }, { councilId: c.councilId, tieIds: c.tieIds, type: 'promised', occurredOn: '2025-02-01' });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { tieIds: [`transition:${c.tieIds[1]}`] } } });
    expect(await db().select({ id: ties.id, status: ties.status, revision: ties.revision }).from(ties).where(eq(ties.id, c.tieIds[0]!))).toEqual(before);
    expect(await db().select().from(tieEvents).where(and(eq(tieEvents.tieId, c.tieIds[0]!), eq(tieEvents.type, 'promised')))).toEqual([]);
  });

  it('refuses a severance with a number alone, a vote without its session, a future date, and ties of another council, naming each field', async () => {
    const c = await council();
    const other = await council();
    const as = (input: Record<string, unknown>) => runAction(answerForCouncil, { db: db(), user: c.staff.user }, { councilId: c.councilId, tieIds: c.tieIds, ...input });
    expect(await as({ type: 'severed', occurredOn: '2025-01-10', decisionNumber: '12' })).toMatchObject({ ok: false, error: { fieldErrors: { documentId: ['source_or_document'] } } });
    expect(await as({ type: 'severed', decisionNumber: '12' })).toMatchObject({ ok: false, error: { fieldErrors: { occurredOn: ['date'], documentId: ['source_or_document'] } } });
    expect(await as({ type: 'vote_scheduled', occurredOn: '2025-01-10' })).toMatchObject({ ok: false, error: { fieldErrors: { sessionOn: ['required'] } } });
    expect(await as({ type: 'responded', occurredOn: '2999-01-01' })).toMatchObject({ ok: false, error: { fieldErrors: { occurredOn: ['date_in_future'] } } });
    expect(await as({ type: 'responded', tieIds: [other.tieIds[0]] })).toMatchObject({ ok: false, error: { fieldErrors: { tieIds: ['not_council'] } } });
    expect(await as({ type: 'responded', tieIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { tieIds: expect.any(Array) } } });
    // Staff of the other council may not answer for this one; the organiser of its campaign may.
    expect(await runAction(answerForCouncil, { db: db(), user: other.staff.user }, { councilId: c.councilId, tieIds: c.tieIds, type: 'responded' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const vote = await runAction(answerForCouncil, { db: db(), user: c.organiser.user }, { councilId: c.councilId, tieIds: c.tieIds, type: 'vote_scheduled', occurredOn: '2025-01-10', sessionOn: '2025-02-20' });
    expect(vote).toMatchObject({ ok: true });
    const [event] = await db().select().from(tieEvents).where(and(eq(tieEvents.tieId, c.tieIds[0]!), eq(tieEvents.type, 'vote_scheduled')));
    expect(event).toMatchObject({ sessionOn: '2025-02-20', recorderRole: 'organiser' });
  });

  it('lets staff correct the directory entry and tells the organisers in the same transaction', async () => {
    const c = await council();
    const result = await runAction(updateCouncilDirectory, { db: db(), user: c.staff.user }, {
      councilId: c.councilId,
      contactEmails: 'Rada@Example.gov.ua\ninfo@example.gov.ua, rada@example.gov.ua',
      website: 'https://rada.example.gov.ua',
      headName: 'Ivan Petrenko',
      postalAddress: 'вул. Шевченка, 1, м. Тернопіль, 46001',
    });
    expect(result).toMatchObject({ ok: true, value: { changed: ['contactEmails', 'website', 'headName', 'postalAddress'] } });
    const [row] = await db().select().from(councils).where(eq(councils.id, c.councilId));
    expect(row).toMatchObject({ contactEmails: ['rada@example.gov.ua', 'info@example.gov.ua'], website: 'https://rada.example.gov.ua/', headName: 'Ivan Petrenko', postalAddress: 'вул. Шевченка, 1, м. Тернопіль, 46001' });
    const mails = (await db().select().from(mailMessages)).filter((m) => m.to.includes(c.organiser.row.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('rada@example.gov.ua, info@example.gov.ua');

    expect(await runAction(updateCouncilDirectory, { db: db(), user: c.staff.user }, { councilId: c.councilId, contactEmails: 'not an address' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fieldErrors: { contactEmails: expect.any(Array) } } });
    expect(await runAction(updateCouncilDirectory, { db: db(), user: c.staff.user }, { councilId: c.councilId, contactEmails: 'a@b.ua', website: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { fieldErrors: { website: expect.any(Array) } } });
    const other = await council();
    expect(await runAction(updateCouncilDirectory, { db: db(), user: other.staff.user }, { councilId: c.councilId, contactEmails: 'evil@example.org' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows staff the letters that reached the council, without the writers’ addresses', async () => {
    const c = await council();
    const work = await getStaffWorkspace(db(), (await db().select().from(councils).where(eq(councils.id, c.councilId)))[0]!.slug, 'en');
    expect(work?.ties.map((t) => t.id).sort()).toEqual([...c.tieIds].sort());
    expect(work?.target).toEqual({ councilId: c.councilId, campaignIds: [c.campaignId] });
    expect(JSON.stringify(work?.letters)).not.toContain('@');
  });
});
