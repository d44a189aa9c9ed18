import { printableLetter, printableLetterPdf, pdfFileName } from '@/app/[locale]/appeals/printable';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { getAppealLetter } from '@/lib/appeals/queries';
import { getCurrentUser } from '@/lib/auth/current-user';

/**
 * One of your appeals as a PDF, to print or to attach. Only for the person who wrote it; a GET
 * that changes nothing, so no action wrapper. Someone else's appeal is "not found", as is one
 * that does not exist: the answer does not tell which.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: rawId } = await params;
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : null;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your letters.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const requested = new URL(request.url).searchParams.get('locale');
  const locale = (routing.locales as readonly string[]).includes(requested ?? '') ? requested! : routing.defaultLocale;
  const db = await getDb();
  const letter = id === null ? null : await getAppealLetter(db, id, user.id, locale);
  if (!letter) return new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  const printable = await printableLetter(db, {
    councilId: letter.council.id,
    tieIds: letter.tieIds,
    language: letter.language,
    subject: letter.subject,
    body: letter.body,
    signerName: letter.signerName ?? user.name ?? '',
    signerCity: letter.signerCity ?? user.city ?? '',
    at: letter.createdAt,
    fallbackAddress: [letter.council.name ?? letter.council.place, ...letter.recipients],
  });
  const pdf = await printableLetterPdf(printable);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${pdfFileName(letter.council.slug, letter.createdAt)}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
