import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { performAction } from '@/lib/auth/next-action';
import { councilIdBySlug } from '@/lib/council-staff/queries';
import { uploadCouncilDocument } from '@/lib/council-staff/upload-document';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/pdf-check';
import { readBodyWithin } from '@/lib/http/read-body';

/**
 * Upload of a council's decision (PDF), from the form in the council's workspace: a plain
 * multipart form, so it works without JavaScript, answered with a redirect back to the workspace
 * (`?uploaded=<id>` or `?uploadError=<code>`). Larger than 10 MB (and a little for the form's
 * other fields) is refused by its Content-Length before a byte is read, and while reading when
 * the body did not say (or lied). The permission, the session and the Origin are the action
 * wrapper's (performAction).
 */
const BODY_ALLOWANCE = 64 * 1024;

function back(locale: string, slug: string, query: string): Response {
  return new Response(null, { status: 303, headers: { Location: `/${locale}/council/${encodeURIComponent(slug)}?${query}#documents` } });
}

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const localeParam = url.searchParams.get('locale');
  const locale = (routing.locales as readonly string[]).includes(localeParam ?? '') ? localeParam! : routing.defaultLocale;
  const slug = url.searchParams.get('council') ?? '';
  const councilId = await councilIdBySlug(await getDb(), slug);
  if (councilId === null) return new Response('No such council.', { status: 404 });

  const body = await readBodyWithin(request, MAX_DOCUMENT_BYTES + BODY_ALLOWANCE);
  if (!body.ok) return back(locale, slug, 'uploadError=too_large');
  let file: FormDataEntryValue | null = null;
  try {
    const form = await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    file = form.get('file');
  } catch {
    return back(locale, slug, 'uploadError=unreadable');
  }
  const result = await performAction(uploadCouncilDocument, { councilId, file: file instanceof Blob ? file : undefined });
  if (result.ok) return back(locale, slug, `uploaded=${result.value.documentId}`);
  const code = result.error.fieldErrors?.file?.[0] ?? result.error.code;
  return back(locale, slug, `uploadError=${encodeURIComponent(code)}`);
}
