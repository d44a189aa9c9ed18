import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { places } from './places';
import { webAddressCheck } from './sources';

/** The body that governs a place and decides on its ties. */
export const councils = pgTable(
  'councils',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull().unique(),
    placeId: integer('place_id')
      .notNull()
      .unique()
      .references(() => places.id),
    name: text('name'), // official English name when known; pages fall back to "council of <place>"
    localName: text('local_name'), // official name in the council's first language
    headName: text('head_name'), // head of council, for letters
    website: text('website'),
    postalAddress: text('postal_address'), // for letters on paper and PDF; staff may correct it
    contactEmails: text('contact_emails').array().notNull().default([]),
    emailDomains: text('email_domains').array().notNull().default([]), // staff sign in from these
    languages: text('languages').array().notNull().default([]), // letters go in the first one
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('councils_website_web', webAddressCheck(t.website))],
);
