/**
 * PostgreSQL error codes, whichever driver raised them: postgres.js and PGlite both put the
 * SQLSTATE on `code`, and Drizzle wraps them in an error whose `cause` is the original.
 */
export function pgErrorCode(e: unknown): string | undefined {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (e: unknown) => pgErrorCode(e) === '23505';
/** The tables are not there: the database was never migrated. */
export const isMissingTable = (e: unknown) => pgErrorCode(e) === '42P01';
