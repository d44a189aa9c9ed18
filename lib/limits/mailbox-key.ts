/**
 * The key a limit counts an email address under: one per mailbox, however the address is
 * written, so nobody gets a fresh allowance by writing it another way.
 *
 * - Case does not matter (RFC 5321 lets a local part be case-sensitive; no provider people use
 *   makes it so).
 * - `+tag` is dropped: every common provider delivers `name+anything@` to `name@`.
 * - Dots in the local part are dropped only at Gmail (gmail.com, and googlemail.com, its other
 *   name): Gmail ignores them, but elsewhere `j.smith` and `jsmith` may be two people.
 *
 * Only for counting: mail still goes to the address as written. Merging two real mailboxes
 * (two `+` users of one domain that delivers them apart) only makes their limit shared.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function mailboxKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
