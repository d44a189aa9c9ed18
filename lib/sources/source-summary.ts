import { sources } from '../../db/schema';
import type { PartialDate } from '../dates/partial-date';

/** What a page shows of a source where it cites it: enough to name it and to follow it. */
export type SourceSummary = {
  id: number;
  title: string;
  publisher: string | null;
  /** Its address on the web, when it has one. */
  url: string | null;
  /** The seed document's file name, when it is one (its text is on the source page). */
  seedDocument: string | null;
  publishedOn: PartialDate | null;
  /** BCP 47: the language its quotes are in. */
  language: string | null;
};

/** The columns to select (under any prefix-free names) to build a SourceSummary. */
export const sourceSummaryColumns = {
  sourceId: sources.id,
  sourceTitle: sources.title,
  sourcePublisher: sources.publisher,
  sourceUrl: sources.url,
  sourceSeedDocument: sources.seedDocument,
  sourcePublishedOn: sources.publishedOn,
  sourcePublishedPrecision: sources.publishedPrecision,
  sourceLanguage: sources.language,
};

type SourceSummaryRow = {
  [K in keyof typeof sourceSummaryColumns]: (typeof sourceSummaryColumns)[K]['_']['data'] | null;
};

/** From a row selected with sourceSummaryColumns (null when a left join found no source). */
export function toSourceSummary(row: SourceSummaryRow): SourceSummary | null {
  if (row.sourceId === null || row.sourceTitle === null) return null;
  return {
    id: row.sourceId,
    title: row.sourceTitle,
    publisher: row.sourcePublisher,
    url: row.sourceUrl,
    seedDocument: row.sourceSeedDocument,
    publishedOn:
      row.sourcePublishedOn && row.sourcePublishedPrecision ? { date: row.sourcePublishedOn, precision: row.sourcePublishedPrecision } : null,
    language: row.sourceLanguage,
  };
}
