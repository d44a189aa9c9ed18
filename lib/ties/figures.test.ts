import { describe, expect, it } from 'vitest';
import { councilSituation, countFigures, FIGURES, isClosed, isInForce, nothingLeftToAsk } from './figures';
import { STATUS_GROUPS, TIE_STATUSES } from './lifecycle';

describe('the figures, one definition each', () => {
  it('counts never-signed ties as closed, never as severed', () => {
    const figures = countFigures([
      { status: 'severed', confirmed: true },
      { status: 'severed', confirmed: true },
      { status: 'not_signed', confirmed: true },
    ]);
    expect(figures).toMatchObject({ total: 3, severed: 2, notSigned: 1, closed: 3, inForce: 0 });
  });

  it('splits in force into confirmed and only listed, and counts each tie once in the two', () => {
    const figures = countFigures([
      { status: 'active', confirmed: false, n: 920 },
      { status: 'active', confirmed: true, n: 4 },
      { status: 'pledged', confirmed: true },
      { status: 'appealed', confirmed: false },
    ]);
    expect(figures).toMatchObject({ inForce: 926, confirmedInForce: 5, listedNotConfirmed: 921 });
    expect(figures.confirmedInForce + figures.listedNotConfirmed).toBe(figures.inForce);
  });

  it('counts occupation as blocked: neither in force nor closed', () => {
    expect(countFigures([{ status: 'occupied', confirmed: true }])).toMatchObject({ blocked: 1, closed: 0, inForce: 0 });
  });

  it('puts every status in exactly one of in force, closed and blocked', () => {
    for (const status of TIE_STATUSES) {
      const f = countFigures([{ status, confirmed: true }]);
      expect(f.inForce + f.closed + f.blocked, status).toBe(1);
    }
    expect(TIE_STATUSES.filter((s) => isInForce({ status: s }))).toEqual([...STATUS_GROUPS.inForce]);
    expect(FIGURES).toContain('listedNotConfirmed');
  });

  it('leaves nothing to ask only when every tie is closed', () => {
    expect(councilSituation([])).toBe('none');
    expect(councilSituation([{ status: 'severed' }, { status: 'not_signed' }])).toBe('closed');
    expect(nothingLeftToAsk([{ status: 'severed' }, { status: 'not_signed' }])).toBe(true);
    expect(councilSituation([{ status: 'occupied' }, { status: 'occupied' }])).toBe('blocked');
    expect(nothingLeftToAsk([{ status: 'occupied' }])).toBe(false);
    expect(councilSituation([{ status: 'severed' }, { status: 'occupied' }])).toBe('blocked');
    expect(councilSituation([{ status: 'severed' }, { status: 'active' }])).toBe('holds');
    expect(isClosed({ status: 'occupied' })).toBe(false);
  });
});
