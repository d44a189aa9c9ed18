import { getDb } from '@/db/client';
import { applyResendDelivery, verifyResendDelivery } from '@/lib/appeals/resend-webhook';
import { env } from '@/lib/env';
import { BODY_LIMITS, readBodyWithin } from '@/lib/http/read-body';

/**
 * Resend's delivery webhooks. Not a person's action: the Svix signature is the authority, so
 * this is no action-wrapper route (lib/actions/mutations-through-wrapper.test.ts lists it as an
 * exception). The body is read within its cap and the signature checked before the database is
 * opened; everything else is in lib/appeals/resend-webhook.ts.
 */
export async function POST(request: Request): Promise<Response> {
  // Anyone may post here, signed or not: a body past the cap is refused before it is held.
  const body = await readBodyWithin(request, BODY_LIMITS.webhook);
  if (!body.ok) return body.response;
  const verified = verifyResendDelivery({
    // The exact bytes: the signature covers the body as sent, not as re-serialised.
    body: new TextDecoder().decode(body.bytes),
    headers: {
      id: request.headers.get('svix-id'),
      timestamp: request.headers.get('svix-timestamp'),
      signature: request.headers.get('svix-signature'),
    },
    secret: env().RESEND_WEBHOOK_SECRET,
  });
  const reply = verified.ok ? await applyResendDelivery(await getDb(), verified.delivery) : verified.reply;
  return Response.json(reply.body, { status: reply.status });
}
