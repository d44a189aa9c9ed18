import { sql } from 'drizzle-orm';
import { type AnyPgColumn, char, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { placeKind } from './enums';

/** ISO 3166-1 alpha-3 countries; rows come from the migration that creates the table. */
export const countries = pgTable('countries', {
  code: char('code', { length: 3 }).primaryKey(),
  alpha2: char('alpha2', { length: 2 }).notNull().unique(),
  name: text('name').notNull(),
});

/** One record per place, however it is spelt. Districts have a parent (Leninsky -> Minsk). */
export const places = pgTable(
  'places',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(), // the English display name; every spelling is in place_names
    country: char('country', { length: 3 })
      .notNull()
      .references(() => countries.code),
    kind: placeKind('kind').notNull().default('settlement'),
    parentId: integer('parent_id').references((): AnyPgColumn => places.id),
    regionId: integer('region_id').references((): AnyPgColumn => places.id),
    // ISO 3166-2 subdivision (US-ME, US-OR): what tells two places of one name and country apart.
    regionCode: text('region_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('places_country_idx').on(t.country),
    index('places_parent_idx').on(t.parentId),
    check('places_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('places_lat_range', sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check('places_lon_range', sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
  ],
);

/**
 * Every spelling of a place: official names, transliterations, historical names.
 * `key` is the normalised form (lib/places/normalise-name.ts) that search and import match on.
 */
export const placeNames = pgTable(
  'place_names',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    placeId: integer('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    key: text('key').notNull(),
    lang: text('lang').notNull(), // BCP 47 language of the spelling: en, uk, ru, be, pl, de...
    kind: text('kind', { enum: ['official', 'english', 'transliteration', 'alias', 'historical'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('place_names_place_lang_name_uq').on(t.placeId, t.lang, t.name), index('place_names_key_idx').on(t.key)],
);
