import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { documents } from '../../db/schema';

/**
 * Documents kept as evidence (a council's decision as PDF): stored in the database, served by
 * /api/documents/{id} as a download. The id is 128 random bits in base64url (22 characters), so
 * nobody finds a document without being given its address.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newDocumentId(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Where the public downloads a document: a path on this site (pages link to it as is). */
export function documentUrl(fileId: string): string {
  return `/api/documents/${encodeURIComponent(fileId)}`;
}

export type StoredDocument = { id: string; sha256: string; size: number };

export async function storeDocument(
  db: Queryable,
  input: { bytes: Uint8Array; filename: string | null; councilId: number | null; uploadedBy: string | null },
): Promise<StoredDocument> {
  const id = newDocumentId();
  const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
  const filename = input.filename?.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || null;
  await db.insert(documents).values({
    id,
    councilId: input.councilId,
    filename,
    contentType: 'application/pdf',
    content: input.bytes,
    sha256,
    size: input.bytes.byteLength,
    uploadedBy: input.uploadedBy,
  });
  return { id, sha256, size: input.bytes.byteLength };
}

export async function loadDocument(db: Queryable, id: string): Promise<{ id: string; content: Uint8Array; size: number; sha256: string; createdAt: Date } | null> {
  if (!isDocumentId(id)) return null;
  const [row] = await db
    .select({ id: documents.id, content: documents.content, size: documents.size, sha256: documents.sha256, createdAt: documents.createdAt })
    .from(documents)
    .where(eq(documents.id, id));
  return row ?? null;
}

/** The response that serves a document: a download, never rendered in the site's origin. */
export function documentResponse(doc: { id: string; content: Uint8Array; size: number; sha256: string }): Response {
  return new Response(new Uint8Array(doc.content), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(doc.size),
      'Content-Disposition': `attachment; filename="${doc.id}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // The content never changes under its id.
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${doc.sha256}"`,
    },
  });
}
