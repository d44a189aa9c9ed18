/**
 * Council staff prove who they are by their address: a confirmed address at one of the
 * council's official domains. The match is the whole domain, compared without case, so
 * `evil-kyiv.gov.ua` or `kyiv.gov.ua.example.com` never pass for `kyiv.gov.ua`.
 */

/** The domain of an address, lower-cased; null when it has none. */
export function emailDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return null;
  return normaliseDomain(address.slice(at + 1));
}

/** A domain as councils list it: an `@` or a trailing dot written by hand does not matter. */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

/** Is this address at one of these domains (exactly, not a sub- or look-alike domain)? */
export function isAddressAtDomains(address: string, domains: readonly string[]): boolean {
  const domain = emailDomain(address);
  return domain !== null && domains.some((d) => normaliseDomain(d) === domain);
}

/** Addresses are compared and stored lower-cased: invitations must meet the account they invite. */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
