import { getDb } from '@/db/client';
import { documentResponse, loadDocument } from '@/lib/documents/documents';

/** A document kept as evidence, as a download (lib/documents/documents.ts says how it is served). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const doc = await loadDocument(await getDb(), id);
  if (!doc) return new Response('Not found.', { status: 404, headers: { 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'text/plain; charset=utf-8' } });
  return documentResponse(doc);
}
