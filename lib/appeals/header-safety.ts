/**
 * What may reach a mail header. A line break in a subject, a name or an address would end that
 * header and start another (a `Bcc:` of the writer's choosing), so any field that reaches a
 * header is refused when it holds one, or any other control character, rather than cleaned:
 * what the person typed is what goes out, or nothing does.
 */

// C0 controls (CR, LF, NUL, …) and DEL, and the Unicode line and paragraph separators, which
// some mail programs also break lines on. A tab is allowed: a header may fold on it harmlessly.
const HEADER_BREAKER = /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/;

export function hasHeaderBreak(value: string): boolean {
  return HEADER_BREAKER.test(value);
}

// The address part of RFC 5322 without comments, quoted local parts or display names: what
// councils publish, and nothing a header could be smuggled in (no comma, angle bracket, quote
// or space that would start a second address or a name).
const PLAIN_ADDRESS = /^[^\s@,;:<>()[\]\\"]+@[^\s@,;:<>()[\]\\".]+(\.[^\s@,;:<>()[\]\\".]+)+$/;

/** A bare address (`name@example.org`), safe to put in To, Cc or Reply-To as it is. */
export function isPlainAddress(value: string): boolean {
  return value.length <= 254 && !hasHeaderBreak(value) && PLAIN_ADDRESS.test(value);
}

/** "Name <address>" with a safe name and address, or a plain address: a campaign's sending address. */
export function isSafeSender(value: string): boolean {
  if (hasHeaderBreak(value)) return false;
  const named = /^([^<>"]*)<([^<>]+)>$/.exec(value.trim());
  return named ? isPlainAddress(named[2]!.trim()) : isPlainAddress(value.trim());
}
