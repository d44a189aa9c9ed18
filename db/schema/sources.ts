import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { datePrecision } from './enums';

/** What a source is, for how sure a fact it carries is (lib/ties/confirmation.ts): the council's
 * own page or decision, the council's answer, news, a report by a research programme, or a list
 * compiled by others (Wikipedia). */
export const SOURCE_KINDS = ['official', 'council_answer', 'news', 'report', 'list'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * A web address the database accepts (sources.url, councils.website): http or https and no space
 * or control character, whoever writes it (an import, a form, psql). The app's own rule, with
 * the parsing and the messages, is lib/sources/web-address.ts; this is its last line of defence,
 * so a `javascript:` address can never be stored and exported.
 */
export const webAddressCheck = (column: AnyPgColumn) => sql`${column} is null or ${column} ~* ${sql.raw(`'^https?://[^[:space:][:cntrl:]]+$'`)}`;

/** Where a fact comes from: a URL, or one of the seed documents in ../shared/seeds. */
export const sources = pgTable(
  'sources',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    // The identity of a source: its URL, or `seed:<file name>`. Importers upsert on it.
    key: text('key').notNull().unique(),
    url: text('url'),
    seedDocument: text('seed_document'),
    title: text('title').notNull(),
    publisher: text('publisher'),
    publishedOn: date('published_on'),
    publishedPrecision: datePrecision('published_precision'),
    language: text('language'),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull().default('news'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('sources_url_or_seed', sql`${t.url} is not null or ${t.seedDocument} is not null`),
    check('sources_url_web', webAddressCheck(t.url)),
    check('sources_published_pair', sql`(${t.publishedOn} is null) = (${t.publishedPrecision} is null)`),
  ],
);
