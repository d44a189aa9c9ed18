import { PHRASES, isLetterLanguage } from './templates/phrases';

/**
 * A `mailto:` link that opens the activist's own mail program with the letter in it
 * (RFC 6068). Spaces are %20 and line breaks %0D%0A, as the RFC asks; a subject or address with
 * a line break is refused outright, since in a mail program it would start a header of its own.
 * Browsers and mail programs cut long links (about 2,000 characters is the safe length), so a
 * long letter is cut at a paragraph boundary with a note asking for the full text to be pasted,
 * and `truncated` says so; when not even the first paragraph fits, the link is refused.
 */
export const MAILTO_MAX_LENGTH = 2000;

export type MailtoInput = {
  to: readonly string[];
  subject: string;
  body: string;
  /** The letter's language, for the note that ends a cut letter. */
  language?: string;
  maxLength?: number;
};

export type MailtoError = {
  code: 'header_injection' | 'invalid_address' | 'no_address' | 'too_long';
  message: string;
};
export type MailtoResult = { ok: true; href: string; truncated: boolean } | ({ ok: false } & MailtoError);

const LINE_BREAK = /[\r\n]/;
// The address part of RFC 5322 without comments or quoted local parts: what councils publish.
const ADDRESS = /^[^\s@,;<>()[\]\\"]+@[^\s@,;<>()[\]\\"]+\.[^\s@,;<>()[\]\\"]+$/;

/** RFC 6068 percent-encoding of one header value: `encodeURIComponent` leaves only characters the RFC allows. */
function encode(value: string): string {
  return encodeURIComponent(value);
}

function encodeAddress(address: string): string {
  // "@" may stay as it is in the address part of a mailto: URI.
  return encode(address).replaceAll('%40', '@');
}

export function mailtoHref(input: MailtoInput): MailtoResult {
  const max = input.maxLength ?? MAILTO_MAX_LENGTH;
  if (input.to.length === 0) return { ok: false, code: 'no_address', message: 'The letter has no address to go to.' };
  for (const address of input.to) {
    if (LINE_BREAK.test(address)) return { ok: false, code: 'header_injection', message: 'An address may not contain a line break.' };
    if (!ADDRESS.test(address.trim())) return { ok: false, code: 'invalid_address', message: `“${address}” is not an email address.` };
  }
  if (LINE_BREAK.test(input.subject)) return { ok: false, code: 'header_injection', message: 'The subject may not contain a line break.' };

  const head = `mailto:${input.to.map((a) => encodeAddress(a.trim())).join(',')}?subject=${encode(input.subject)}`;
  const withBody = (body: string) => (body ? `${head}&body=${encode(body.replace(/\r\n?|\n/g, '\r\n'))}` : head);

  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const whole = withBody(body);
  if (whole.length <= max) return { ok: true, href: whole, truncated: false };

  const note = PHRASES[input.language && isLetterLanguage(input.language) ? input.language : 'en'].truncationNote;
  const paragraphs = body.split(/\n{2,}/);
  for (let keep = paragraphs.length - 1; keep >= 1; keep--) {
    const href = withBody([...paragraphs.slice(0, keep), note].join('\n\n'));
    if (href.length <= max) return { ok: true, href, truncated: true };
  }
  return {
    ok: false,
    code: 'too_long',
    message: 'The letter is too long for an email link even in part. Copy the text, or download it as a PDF.',
  };
}
