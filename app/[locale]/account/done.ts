/** What the account page can say it just did (`?done=`); anything else in the address says nothing. */
export const ACCOUNT_DONE = ['saved', 'claimSent'] as const;
export type AccountDone = (typeof ACCOUNT_DONE)[number];

export function accountDone(value: unknown): AccountDone | null {
  return (ACCOUNT_DONE as readonly unknown[]).includes(value) ? (value as AccountDone) : null;
}
