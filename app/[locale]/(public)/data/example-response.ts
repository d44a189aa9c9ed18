import type { PublicTieRecord } from '@/lib/ties/public-tie-records';

/**
 * What /api/v1/ties?q=Chernihiv&partnerCountry=BLR&closed=1 answers with the seed data,
 * shortened to the first and last of the tie's four events (ids and times as an example). Written out rather than fetched,
 * so the page documents the shape even on an empty database; typed as the API's record, so
 * the example cannot drift from the API without the type check saying so.
 */
export function exampleResponse(appUrl: string) {
  const source = {
    seed: '000_2d2a49441774a397.txt',
    title: 'Twin municipalities of Ukrainian cities in russia and Belarus — who has already severed the ties?',
    publisher: 'Transparent Cities programme (Transparency International Ukraine)',
    published: '2022-05-26',
    language: 'en',
  };
  const self = `${appUrl}/api/v1/ties?q=Chernihiv&partnerCountry=BLR&closed=1`;
  return {
    data: [
      {
        id: 937,
        council: 'chernihiv-ukr',
        place: { slug: 'chernihiv-ukr', name: 'Chernihiv', country: 'UKR', aliases: ['Chernigov', 'Чернигов', 'Чернігів'] },
        partner: { slug: 'gomel-blr', name: 'Gomel', country: 'BLR', aliases: ['Homel', 'Homiel', 'Homyel', 'Гомель'] },
        kind: 'unknown',
        agreementTitle: null,
        signed: null,
        status: 'severed',
        campaigns: ['ukraine-2022'],
        partnerNamed: true,
        confirmation: { confirmed: true, on: '2022-06-27', by: 'report', eventId: 1412, source },
        countryClaims: [],
        events: [
          {
            type: 'recorded',
            status: 'active',
            date: '2022-05-02',
            dateIsUpperBound: false,
            source,
            quote: 'Chernihiv city council at the next session will consider the issue of breaking partnerships with Homiel',
            note: 'In the article’s twinning data, which are as of 2 May 2022.',
            reason: null,
            evidence: null,
            recordedAt: '2025-01-15T09:30:00.000Z',
            id: 1409,
            position: 0,
            counts: true,
            withdrawn: false,
            withdrawal: null,
            amendment: null,
            targetEventId: null,
            effectiveDate: '2022-05-02',
            effectiveDateIsUpperBound: false,
            effectiveSource: source,
            attribution: 'source',
            attributionText: `${source.title} (${source.publisher})`,
          },
          {
            type: 'severed',
            status: 'severed',
            date: '2022-06-27',
            dateIsUpperBound: true,
            source,
            quote:
              'Another 5 Ukrainian municipalities — Kovel, Lutsk, Mykolayiv, Poltava, Chernihiv — officially ceased cooperation with PinskBrestMogilevBraslaw districtBaranavichy, and Homiel, respectively.',
            note: null,
            reason: null,
            evidence: null,
            recordedAt: '2025-01-15T09:30:00.000Z',
            id: 1412,
            position: 3,
            counts: true,
            withdrawn: false,
            withdrawal: null,
            amendment: null,
            targetEventId: null,
            effectiveDate: '2022-06-27',
            effectiveDateIsUpperBound: true,
            effectiveSource: source,
            attribution: 'source',
            attributionText: `${source.title} (${source.publisher})`,
          },
        ],
      } satisfies PublicTieRecord,
    ],
    page: 1,
    perPage: 50,
    total: 1,
    links: { self, first: self, prev: null, next: null, last: self },
  };
}
