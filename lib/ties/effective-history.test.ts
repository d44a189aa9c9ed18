import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../dates/partial-date';
import { type HistoryEvent, effectiveHistory } from './effective-history';

let nextId = 1;
const day = (date: string): PartialDate => ({ date, precision: 'day' });
function ev(type: HistoryEvent['type'], init: Partial<HistoryEvent> = {}): HistoryEvent {
  const id = init.id ?? nextId++;
  return {
    id,
    type,
    recordedAt: init.recordedAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, id)),
    occurred: init.occurred ?? null,
    occurredByDate: init.occurredByDate ?? false,
    sourceId: init.sourceId ?? null,
    toStatus: init.toStatus ?? 'active',
    targetEventId: init.targetEventId ?? null,
    checkResult: init.checkResult ?? null,
  };
}

describe('effective history', () => {
  it('orders by when things happened, the recording first, then by when they were recorded', () => {
    const recorded = ev('recorded', { occurred: day('2022-05-02'), recordedAt: new Date('2026-03-01') });
    const severed = ev('severed', { occurred: day('2022-06-27'), recordedAt: new Date('2026-01-01') });
    const appealed = ev('appealed', { occurred: day('2022-05-25'), recordedAt: new Date('2026-02-01') });
    const h = effectiveHistory([severed, appealed, recorded]);
    expect(h.events.map((e) => e.event.type)).toEqual(['recorded', 'appealed', 'severed']);
    expect(h.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'active'],
      ['active', 'appealed'],
      ['appealed', 'severed'],
    ]);
    expect(h.status).toBe('severed');
  });

  it('keeps a withdrawn event, marked, and replays the tie without it', () => {
    const recorded = ev('recorded', { occurred: day('2022-05-02') });
    const pledged = ev('promised', { occurred: day('2022-05-20') });
    const severed = ev('severed', { occurred: day('2022-06-27'), sourceId: 4 });
    const withdrawal = ev('withdrawn', { targetEventId: severed.id, recordedAt: new Date('2026-12-01') });
    const h = effectiveHistory([recorded, pledged, severed, withdrawal]);
    expect(h.status).toBe('pledged');
    const s = h.events.find((e) => e.event.id === severed.id)!;
    expect(s).toMatchObject({ counts: false, withdrawnBy: withdrawal.id, noLongerFits: false });
    const w = h.events.find((e) => e.event.id === withdrawal.id)!;
    expect(w).toMatchObject({ counts: false, fromStatus: 'pledged', toStatus: 'pledged' });
    expect(h.confirmation).toEqual({ eventId: pledged.id, on: day('2022-05-20') });
  });

  it('says which later events no longer fit once an earlier one is withdrawn', () => {
    const recorded = ev('recorded', { occurred: day('2020-01-01') });
    const severed = ev('severed', { occurred: day('2022-06-27') });
    const resumed = ev('resumed', { occurred: day('2024-01-01') });
    const withdrawal = ev('withdrawn', { targetEventId: severed.id });
    const h = effectiveHistory([recorded, severed, resumed, withdrawal]);
    expect(h.events.find((e) => e.event.id === resumed.id)).toMatchObject({ counts: false, noLongerFits: true, toStatus: 'active' });
    expect(h.status).toBe('active');
  });

  it('moves an amended event to its corrected date and source', () => {
    const recorded = ev('recorded', { occurred: day('2020-01-01') });
    const appealed = ev('appealed', { occurred: day('2022-05-25'), sourceId: 1 });
    const promised = ev('promised', { occurred: day('2022-05-01'), sourceId: 1 });
    const amendment = ev('amended', { targetEventId: promised.id, occurred: day('2022-06-10'), sourceId: 2 });
    const h = effectiveHistory([recorded, appealed, promised, amendment]);
    const p = h.events.find((e) => e.event.id === promised.id)!;
    expect(p).toMatchObject({ amendedBy: amendment.id, occurred: day('2022-06-10'), sourceId: 2, fromStatus: 'appealed', toStatus: 'pledged' });
    expect(h.events.filter((e) => e.counts).map((e) => e.event.type)).toEqual(['recorded', 'appealed', 'promised']);
  });

  it('confirms nothing from undated events or appeals; a check that no longer finds the tie unconfirms it', () => {
    const listed = ev('recorded');
    expect(effectiveHistory([listed]).confirmation).toBeNull();
    const appealed = ev('appealed', { occurred: day('2022-06-04') });
    expect(effectiveHistory([listed, appealed]).confirmation).toBeNull();
    const seen = ev('checked', { occurred: day('2025-01-10'), checkResult: 'listed', sourceId: 9 });
    expect(effectiveHistory([listed, appealed, seen]).confirmation).toEqual({ eventId: seen.id, on: day('2025-01-10') });
    const gone = ev('checked', { occurred: day('2026-01-10'), checkResult: 'not_listed', sourceId: 9 });
    const h = effectiveHistory([listed, appealed, seen, gone]);
    expect(h.confirmation).toBeNull();
    expect(h.status).toBe('appealed');
  });

  it('sets the status a correction names, whatever came before', () => {
    const recorded = ev('recorded', { toStatus: 'severed', occurred: day('2022-05-26'), occurredByDate: true });
    const corrected = ev('corrected', { toStatus: 'pledged' });
    expect(effectiveHistory([recorded, corrected]).status).toBe('pledged');
  });
});
