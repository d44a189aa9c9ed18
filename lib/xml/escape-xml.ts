/**
 * Text for XML 1.0, in element content or a double-quoted attribute. Characters XML 1.0 cannot
 * hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped rather than escaped:
 * no escape makes them legal, and one stray control character in a pasted quote would otherwise
 * make the whole feed unreadable to every reader.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(NOT_IN_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
