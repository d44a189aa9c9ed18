import type { Transaction } from '../../db/client';
import { type RateLimitResult, consumeAll, liveHits, lockRateLimitKeys } from './rate-limit';
import { mailboxKey } from './mailbox-key';
import { rateLimitRules } from './rules';

/** Requests whose client address is not known (lib/http/client-ip.ts) share one allowance. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * Whether a sign-in link may be mailed to `email`, asked from client address `ip`; counted when
 * it may. Three limits (lib/limits/rules.ts), each an hour wide:
 *
 * 1. per mailbox from one client address (5): what a person asking for their own link uses,
 *    and nobody else can use up, since nobody else asks from their address;
 * 2. per client address (20): one machine cannot mail many people;
 * 3. per mailbox from everywhere (10), a ceiling on how much mail anyone can send a person,
 *    which refuses only repeats: the first request from a client address that has not asked
 *    for this mailbox this hour passes it (it still counts towards it).
 *
 * So nobody can lock a person out: however many requests others make for their address, the
 * person's own first request of the hour from their own address gets a link (unless that
 * address itself asked for 20 mailboxes: a shared address is one client). And the mail a person
 * can be sent is bounded: the ceiling, plus one per distinct client address, each of which can
 * spend only 20 an hour. A fixed ceiling that refused everyone would let five requests from
 * anywhere lock the owner out for an hour; a limit per client address alone would let every
 * address send its own five.
 */
export async function consumeSignInLink(tx: Transaction, { email, ip }: { email: string; ip: string | null }, now: Date): Promise<RateLimitResult> {
  const rules = rateLimitRules();
  const mailbox = mailboxKey(email);
  const client = ip ?? UNKNOWN_CLIENT;
  const fromClient = { rule: rules.signInPerAddressFromClient, key: `${mailbox} ${client}` };
  const perClient = { rule: rules.signInPerIp, key: client };
  const ceiling = { rule: rules.signInPerAddress, key: mailbox };
  await lockRateLimitKeys(tx, [fromClient, perClient, ceiling]);
  const firstFromClient = (await liveHits(tx, fromClient, now)).length === 0;
  return consumeAll(tx, [fromClient, perClient, { ...ceiling, enforce: !firstFromClient }], now);
}
