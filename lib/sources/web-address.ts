/**
 * A source's or a decision's address, if it is safe to link to: only http and https, so a
 * value typed into the record can never become a script link on a public page.
 */
export function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
