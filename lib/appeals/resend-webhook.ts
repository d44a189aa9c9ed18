import { and, eq, inArray } from 'drizzle-orm';
import { Resend } from 'resend';
import { z } from 'zod';
import type { Database, Transaction } from '../../db/client';
import { appeals, councils, emailSuppressions, mailMessages, reviewItems, webhookDeliveries } from '../../db/schema';
import { appealReachedCouncil } from './appeal-reached-council';
import { addressKey, recipientKey } from './recipients';
import type { AppealState } from './rules';

/**
 * Resend's delivery webhooks (`POST /api/webhooks/resend`). Nobody is signed in: the signature
 * is the authority. It is checked with the SDK's own `resend.webhooks.verify` (Svix: an
 * HMAC-SHA256 of `id.timestamp.body` under the endpoint's secret), which also refuses a
 * timestamp more than 5 minutes off, so a recorded delivery cannot be replayed later. Each
 * delivery id is stored with the change it makes, in one transaction: a delivery seen before
 * is answered 200 and changes nothing, however often Resend retries it.
 *
 * The events move the email's appeals: delivered, bounced, complained, failed. A bounce or a
 * complaint also puts the address on the suppression list (nothing is sent to it again until
 * someone clears it), and when it is a council's contact address, files a review item so an
 * organiser fixes the council's addresses.
 */

export type VerifiedDelivery = { id: string; event: ResendEvent; raw: unknown };
export type WebhookReply = { status: number; body: { ok: boolean; outcome?: string; error?: string } };

/** The part of Resend's event payload this app reads; the rest is stored as it came. */
const resendEvent = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z.object({ message: z.string().optional(), type: z.string().optional(), subType: z.string().optional() }).partial().optional(),
      failed: z.object({ reason: z.string().optional() }).partial().optional(),
    })
    .loose()
    .optional(),
});
type ResendEvent = z.infer<typeof resendEvent>;

// Verifying needs no API call and no key; the SDK's constructor insists on one (and would read
// RESEND_API_KEY from process.env itself without it), so it is given a placeholder.
let verifier: Resend | undefined;
const sdk = () => (verifier ??= new Resend('re_webhook_verification_only'));

export type WebhookRequest = {
  /** The body exactly as received: the signature covers these bytes. */
  body: string;
  headers: { id: string | null; timestamp: string | null; signature: string | null };
  secret: string | undefined;
};

/** Checks the signature and the timestamp; nothing here touches the database. */
export function verifyResendDelivery(request: WebhookRequest): { ok: true; delivery: VerifiedDelivery } | { ok: false; reply: WebhookReply } {
  if (!request.secret) {
    console.error('[webhooks] RESEND_WEBHOOK_SECRET is not set: every Resend webhook is refused');
    return { ok: false, reply: { status: 503, body: { ok: false, error: 'webhooks are not configured' } } };
  }
  const { id, timestamp, signature } = request.headers;
  if (!id || !timestamp || !signature) return { ok: false, reply: { status: 401, body: { ok: false, error: 'missing signature headers' } } };
  let payload: unknown;
  try {
    payload = sdk().webhooks.verify({ payload: request.body, headers: { id, timestamp, signature }, webhookSecret: request.secret });
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'WebhookVerificationError') {
      return { ok: false, reply: { status: 401, body: { ok: false, error: e instanceof Error ? e.message : 'invalid signature' } } };
    }
    // The signature held (the SDK parses only after checking it), but the body is no JSON: the
    // sender's mistake, not ours.
    if (e instanceof SyntaxError) return { ok: false, reply: { status: 400, body: { ok: false, error: 'the body is not JSON' } } };
    // A secret that is not base64 after `whsec_`: the configuration is wrong, not the request.
    console.error(`[webhooks] could not verify a Resend webhook: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, reply: { status: 500, body: { ok: false, error: 'webhook verification is misconfigured' } } };
  }
  const event = resendEvent.safeParse(payload);
  if (!event.success) return { ok: false, reply: { status: 400, body: { ok: false, error: 'not a Resend event' } } };
  return { ok: true, delivery: { id, event: event.data, raw: payload } };
}

const OUTCOMES = {
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
} as const satisfies Record<string, AppealState>;
type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];

/**
 * From which states each outcome moves an appeal. A late event never undoes a worse one: a
 * `delivered` that arrives after the bounce is stale, and ignored. `queued` is there because
 * Resend may report before the worker has recorded the send.
 */
const MOVES_FROM: Record<Outcome, readonly AppealState[]> = {
  delivered: ['queued', 'sent'],
  bounced: ['queued', 'sent', 'delivered'],
  complained: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent'],
};

/** An event about an email we have not recorded sending yet is retried by Resend for this long. */
const UNKNOWN_EMAIL_RETRY_MS = 60 * 60 * 1000;

class RetryLater extends Error {}

/** Applies a verified delivery once. */
export async function applyResendDelivery(db: Database, delivery: VerifiedDelivery, now = new Date()): Promise<WebhookReply> {
  try {
    return await db.transaction(async (tx) => {
      const [fresh] = await tx
        .insert(webhookDeliveries)
        .values({ id: delivery.id, type: delivery.event.type, payload: delivery.raw })
        .onConflictDoNothing({ target: webhookDeliveries.id })
        .returning({ id: webhookDeliveries.id });
      if (!fresh) return { status: 200, body: { ok: true, outcome: 'already applied' } };
      const outcome = OUTCOMES[delivery.event.type as keyof typeof OUTCOMES] as Outcome | undefined;
      if (!outcome) return { status: 200, body: { ok: true, outcome: 'ignored' } };
      return { status: 200, body: { ok: true, outcome: await applyOutcome(tx, delivery.event, outcome, now) } };
    });
  } catch (e) {
    // Nothing was stored: the same delivery, retried by Resend later, is applied then.
    if (e instanceof RetryLater) return { status: 503, body: { ok: false, error: e.message } };
    throw e;
  }
}

/** Verify, then apply: the whole webhook for a caller that already holds the database. */
export async function handleResendWebhook(db: Database, request: WebhookRequest, now = new Date()): Promise<WebhookReply> {
  const verified = verifyResendDelivery(request);
  if (!verified.ok) return verified.reply;
  return applyResendDelivery(db, verified.delivery, now);
}

async function applyOutcome(tx: Transaction, event: ResendEvent, outcome: Outcome, now: Date): Promise<string> {
  const emailId = event.data?.email_id;
  if (!emailId) return 'ignored: no email id';
  const [mail] = await tx
    .select({ id: mailMessages.id, to: mailMessages.to, cc: mailMessages.cc })
    .from(mailMessages)
    .where(eq(mailMessages.providerMessageId, emailId))
    .limit(1);
  const at = eventTime(event, now);
  if (!mail) {
    // The worker records the provider's id just after Resend accepts the email, and a crash in
    // between is repaired by its retry: an event that early is asked for again, an old one is not ours.
    if (now.getTime() - at.getTime() < UNKNOWN_EMAIL_RETRY_MS) throw new RetryLater(`no email ${emailId} recorded yet`);
    return 'ignored: unknown email';
  }

  const moved = await tx
    .update(appeals)
    .set(
      outcome === 'delivered'
        ? { state: 'delivered', deliveredAt: at }
        : { state: outcome },
    )
    .where(and(eq(appeals.mailMessageId, mail.id), inArray(appeals.state, [...MOVES_FROM[outcome]])))
    .returning({ id: appeals.id, userId: appeals.userId, sentAt: appeals.sentAt, councilId: appeals.councilId, campaignId: appeals.campaignId });

  if (outcome === 'delivered') {
    // Delivered before the worker recorded the send: it reached the council all the same.
    for (const appeal of moved.filter((a) => a.sentAt === null).sort((a, b) => a.id - b.id)) {
      await tx.update(appeals).set({ sentAt: at }).where(eq(appeals.id, appeal.id));
      await appealReachedCouncil(tx, { id: appeal.id, userId: appeal.userId, sentAt: at });
    }
  }

  if (outcome === 'bounced' || outcome === 'complained') {
    await suppressRecipients(tx, mail, event, outcome);
  }
  return `${outcome}: ${moved.length} appeal(s)`;
}

function eventTime(event: ResendEvent, now: Date): Date {
  const at = event.created_at ? new Date(event.created_at) : null;
  return at && !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime() ? at : now;
}

/**
 * Which of the email's recipients bounced or complained go on the suppression list. Resend
 * reports per email, not per address: when the bounce message names recipients (the receiving
 * server's "550 <address>: no such user"), those; otherwise the To addresses the event lists
 * (all of the email's when it lists none). The Cc (the activist's copy) is suppressed only when
 * named: an email to a council and its writer bounces far more often at the council. An email to
 * several of a council's addresses may so suppress each; an organiser clears the good ones.
 */
async function suppressRecipients(tx: Transaction, mail: { id: string; to: string[]; cc: string[] }, event: ResendEvent, outcome: 'bounced' | 'complained') {
  const named = event.data?.to === undefined ? [] : Array.isArray(event.data.to) ? event.data.to : [event.data.to];
  const ours = new Set(mail.to.map(recipientKey));
  const namedOurs = named.map(recipientKey).filter((a) => ours.has(a));
  const message = (event.data?.bounce?.message ?? '').toLowerCase();
  const mentioned = [...new Set([...mail.to, ...mail.cc].map(recipientKey))].filter((a) => mentions(message, a));
  const addresses = [...new Set(mentioned.length > 0 ? mentioned : namedOurs.length > 0 ? namedOurs : [...ours])];
  if (addresses.length === 0) return;
  const detail = outcome === 'bounced' ? [event.data?.bounce?.type, event.data?.bounce?.subType, event.data?.bounce?.message].filter(Boolean).join(': ') : 'marked as spam';
  await tx
    .insert(emailSuppressions)
    .values(addresses.map((address) => ({ address, reason: outcome === 'bounced' ? ('bounce' as const) : ('complaint' as const), detail: detail || null })))
    .onConflictDoNothing({ target: emailSuppressions.address });

  // The councils this email wrote to, through its appeals, whose directory lists the address.
  const linked = await tx
    .selectDistinct({ councilId: councils.id, slug: councils.slug, name: councils.name, contactEmails: councils.contactEmails, campaignId: appeals.campaignId })
    .from(appeals)
    .innerJoin(councils, eq(councils.id, appeals.councilId))
    .where(eq(appeals.mailMessageId, mail.id));
  for (const council of linked) {
    const listed = council.contactEmails.map(addressKey);
    for (const address of addresses.filter((a) => listed.includes(a))) {
      const what = outcome === 'bounced' ? 'bounced' : 'was marked as spam';
      const summary = `Mail to ${address}, a contact address of ${council.name ?? council.slug}, ${what}${detail && outcome === 'bounced' ? ` (${detail})` : ''}. Nothing more is sent to it: correct the council's contact addresses, then clear the address from the suppression list.`;
      const details = { address, reason: outcome, detail, mailMessageId: mail.id, providerMessageId: event.data?.email_id ?? null };
      await tx
        .insert(reviewItems)
        .values({ key: `council_contact_bounced:${council.councilId}:${address}`, kind: 'council_contact_bounced', summary, councilId: council.councilId, campaignId: council.campaignId, details })
        // Bounced again after someone closed it: open again, with the latest reason.
        .onConflictDoUpdate({ target: reviewItems.key, set: { state: 'open', summary, details, resolvedAt: null, resolvedBy: null, resolution: null } });
    }
  }
}

/** Does the text name this address as a whole (not "ann@x.org" inside "joann@x.org")? */
function mentions(text: string, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9._%+-])${escaped}(?![a-z0-9-]|\\.[a-z0-9])`).test(text);
}
