import { describe, expect, it } from 'vitest';
import { STATUS_GROUPS, TIE_STATUSES } from './lifecycle';
import { DEFAULT_TIE_FILTERS, parseTieFilters, selectedStatuses, tieFiltersHref, tieFiltersToSearchParams } from './tie-filters';

const parse = (query: string) => parseTieFilters(new URLSearchParams(query));

describe('parseTieFilters', () => {
  it('gives the defaults for an empty address: ties in force, by country, 50 a page', () => {
    const { filters, errors } = parse('');
    expect(errors).toEqual([]);
    expect(filters).toEqual(DEFAULT_TIE_FILTERS);
    expect(filters).toMatchObject({ closed: false, sort: 'country', dir: 'asc', page: 1, perPage: 50, status: [] });
  });

  it('reads every filter', () => {
    const { filters, errors } = parse(
      'campaign=ukraine-2022&country=ukr&region=kyiv-oblast-ukr&partnerCountry=blr&status=appealed&status=pledged&group=awaitingCouncil&q=%20Homiel%20&closed=1&sort=updated&dir=asc&page=3&perPage=200',
    );
    expect(errors).toEqual([]);
    expect(filters).toEqual({
      campaign: 'ukraine-2022',
      country: 'UKR',
      region: 'kyiv-oblast-ukr',
      partnerCountry: 'BLR',
      status: ['appealed', 'pledged'],
      group: 'awaitingCouncil',
      q: 'Homiel',
      closed: true,
      sort: 'updated',
      dir: 'asc',
      page: 3,
      perPage: 200,
    });
  });

  it('reads whether the ties are confirmed by a dated source or only listed', () => {
    expect(parse('confirmation=unconfirmed').filters.confirmation).toBe('unconfirmed');
    expect(parse('confirmation=Confirmed').filters.confirmation).toBe('confirmed');
    expect(parse('confirmation=maybe').errors).toEqual([{ param: 'confirmation', message: 'must be one of confirmed, unconfirmed' }]);
    expect(tieFiltersHref('/en/tracker', parse('closed=1').filters, { confirmation: 'unconfirmed' })).toBe('/en/tracker?closed=1&confirmation=unconfirmed');
  });

  it('treats the empty fields a GET form sends as not given', () => {
    const { filters, errors } = parse('q=&campaign=&country=&region=&partnerCountry=&group=&sort=&page=');
    expect(errors).toEqual([]);
    expect(filters).toEqual(DEFAULT_TIE_FILTERS);
  });

  it('takes statuses as repeated parameters or a comma-separated list, in lifecycle order, once each', () => {
    expect(parse('status=severed,active&status=severed').filters.status).toEqual(['active', 'severed']);
  });

  it('sorts the newest change first unless told otherwise', () => {
    expect(parse('sort=updated').filters.dir).toBe('desc');
    expect(parse('sort=place').filters.dir).toBe('asc');
    expect(parse('sort=place&dir=desc').filters.dir).toBe('desc');
  });

  it.each([
    ['status=open', 'status', 'each value must be one of active, appealed'],
    ['partnerCountry=UKR', 'partnerCountry', 'must be one of RUS, BLR'],
    ['country=Ukraine', 'country', 'ISO 3166-1 alpha-3'],
    ['campaign=Ukraine 2022', 'campaign', 'slug of a campaign'],
    ['region=Kyiv%20Oblast', 'region', 'slug of a region'],
    ['group=finished', 'group', 'must be one of inForce, closed'],
    ['sort=name', 'sort', 'must be one of place, country, status, updated'],
    ['dir=up', 'dir', 'must be asc or desc'],
    ['page=0', 'page', 'must be at least 1'],
    ['page=two', 'page', 'must be a whole number'],
    ['perPage=500', 'perPage', 'must be at most 200'],
    ['perPage=-1', 'perPage', 'must be a whole number'],
    ['closed=maybe', 'closed', 'must be 1 or 0'],
    ['q=%3F%21', 'q', 'must contain a letter or a digit'],
    [`q=${'a'.repeat(101)}`, 'q', 'at most 100 characters'],
  ])('says what is wrong with %s and keeps the default', (query, param, message) => {
    const { filters, errors } = parse(`${query}&partnerCountry=RUS&page=2`.replace(/^&/, ''));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.param).toBe(param);
    expect(errors[0]!.message).toContain(message);
    // The parameter that was wrong is dropped; the good ones still apply.
    expect((filters as Record<string, unknown>)[param]).toEqual((DEFAULT_TIE_FILTERS as Record<string, unknown>)[param]);
    if (param !== 'partnerCountry') expect(filters.partnerCountry).toBe('RUS');
  });

  it('ignores parameters it does not know (tracking tags)', () => {
    expect(parse('utm_source=newsletter&country=POL')).toEqual({ filters: { ...DEFAULT_TIE_FILTERS, country: 'POL' }, errors: [] });
  });

  it('reads the searchParams object Next gives a page', () => {
    const { filters } = parseTieFilters({ status: ['active', 'appealed'], q: 'Гомель', closed: '1' });
    expect(filters).toMatchObject({ status: ['active', 'appealed'], q: 'Гомель', closed: true });
  });
});

describe('selectedStatuses', () => {
  it('shows ties in force by default, and every status with closed', () => {
    expect(selectedStatuses({ status: [], closed: false })).toEqual(STATUS_GROUPS.inForce);
    expect(selectedStatuses({ status: [], closed: true })).toEqual(TIE_STATUSES);
  });

  it('lets an explicit status or group decide, whatever closed says', () => {
    expect(selectedStatuses({ status: ['severed'], closed: false })).toEqual(['severed']);
    expect(selectedStatuses({ status: [], group: 'closed', closed: false })).toEqual(STATUS_GROUPS.closed);
  });

  it('narrows statuses to the group, down to nothing when they do not meet', () => {
    expect(selectedStatuses({ status: ['active', 'appealed', 'severed'], group: 'inForce', closed: false })).toEqual(['active', 'appealed']);
    expect(selectedStatuses({ status: ['severed'], group: 'inForce', closed: true })).toEqual([]);
  });
});

describe('tieFiltersToSearchParams', () => {
  it('leaves out defaults, so an unfiltered view has a bare address', () => {
    expect(tieFiltersHref('/en/tracker', DEFAULT_TIE_FILTERS)).toBe('/en/tracker');
  });

  it('writes a view that reads back the same', () => {
    const { filters } = parse('q=Gomel&status=active&status=refused&closed=1&sort=updated&dir=asc&page=2&perPage=20&region=kyiv-oblast-ukr');
    const query = tieFiltersToSearchParams(filters);
    expect(parseTieFilters(query)).toEqual({ filters, errors: [] });
    expect(query.toString()).toBe('q=Gomel&region=kyiv-oblast-ukr&status=active&status=refused&closed=1&sort=updated&dir=asc&page=2&perPage=20');
  });

  it('applies changes such as another page, keeping the filters', () => {
    const { filters } = parse('country=DEU&page=4');
    expect(tieFiltersHref('/uk/tracker', filters, { page: 5 })).toBe('/uk/tracker?country=DEU&page=5');
    expect(tieFiltersHref('/uk/tracker', filters, { page: 1 })).toBe('/uk/tracker?country=DEU');
  });
});
