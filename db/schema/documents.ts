import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { councils } from './councils';
import { users } from './auth';

/** Raw bytes: postgres.js hands back a Buffer, PGlite a Uint8Array; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer)),
});

/**
 * Documents uploaded as evidence (a council's decision, as PDF), kept in the database itself so
 * every app instance and every backup has them. The id is 128 random bits (base64url): the
 * document's address is unguessable, and it is what a tie event's evidence.fileId holds
 * (lib/documents).
 */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    councilId: integer('council_id').references(() => councils.id, { onDelete: 'set null' }),
    /** The name it was uploaded under: shown to the council's staff only, never served. */
    filename: text('filename'),
    contentType: text('content_type').notNull().default('application/pdf'),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_council_idx').on(t.councilId, t.createdAt)],
);
