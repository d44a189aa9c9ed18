import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { emailSuppressions } from '../../db/schema';
import { isPlainAddress } from './header-safety';

/**
 * Where a letter to a council goes: only the council's official contact addresses from the
 * directory (councils.contact_emails), never an address a person typed; an address that could
 * not safely stand in a header is left out, and so is one on the suppression list (it bounced
 * or complained: lib/appeals/resend-webhook.ts).
 */
export type CouncilRecipients = {
  /** The addresses a letter goes to now. */
  usable: string[];
  suppressed: string[];
  /** In the directory, but not an address the app will write to. */
  invalid: string[];
};

export type BlockedReason = 'no_contact_address' | 'all_addresses_suppressed';

/** Addresses are compared without case: the suppression list keeps them lower-cased. */
export const addressKey = (address: string) => address.trim().toLowerCase();

/** "Name <address>" and "address" alike, as the key above. */
export function recipientKey(recipient: string): string {
  const named = /<([^<>]+)>\s*$/.exec(recipient);
  return addressKey(named?.[1] ?? recipient);
}

export async function councilRecipients(db: Queryable, contactEmails: readonly string[]): Promise<CouncilRecipients> {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of contactEmails) {
    const address = raw.trim();
    if (!isPlainAddress(address)) {
      invalid.push(raw);
      continue;
    }
    if (seen.has(addressKey(address))) continue;
    seen.add(addressKey(address));
    valid.push(address);
  }
  const suppressedKeys = await suppressedAmong(db, valid);
  return {
    usable: valid.filter((a) => !suppressedKeys.has(addressKey(a))),
    suppressed: valid.filter((a) => suppressedKeys.has(addressKey(a))),
    invalid,
  };
}

/** Which of these addresses are on the suppression list (as lower-cased keys). */
export async function suppressedAmong(db: Queryable, addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db
    .select({ address: emailSuppressions.address })
    .from(emailSuppressions)
    .where(inArray(sql`lower(${emailSuppressions.address})`, addresses.map(addressKey)));
  return new Set(rows.map((r) => addressKey(r.address)));
}

/** Why the app cannot send to this council, or null when it can. */
export function blockedReasonOf(recipients: CouncilRecipients): BlockedReason | null {
  if (recipients.usable.length > 0) return null;
  return recipients.suppressed.length > 0 ? 'all_addresses_suppressed' : 'no_contact_address';
}
