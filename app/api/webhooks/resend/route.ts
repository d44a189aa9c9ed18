import { getDb } from '@/db/client';
import { applyResendDelivery, verifyResendDelivery } from '@/lib/appeals/resend-webhook';
import { env } from '@/lib/env';

/**
 * Resend's delivery webhooks. Not a person's action: the Svix signature is the authority, so
 * this is no action-wrapper route (lib/actions/mutations-through-wrapper.test.ts lists it as an
 * exception). The signature is checked before the database is opened; everything else is in
 * lib/appeals/resend-webhook.ts.
 */
export async function POST(request: Request): Promise<Response> {
  const verified = verifyResendDelivery({
    // The exact bytes: the signature covers the body as sent, not as re-serialised.
    body: await request.text(),
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
