/** What the people page can say it just did (`?done=`); anything else in the address says nothing. */
export const PEOPLE_DONE = ['approved', 'rejected', 'invited', 'removed', 'banned', 'unbanned'] as const;
export type PeopleDone = (typeof PEOPLE_DONE)[number];

export function peopleDone(value: unknown): PeopleDone | null {
  return (PEOPLE_DONE as readonly unknown[]).includes(value) ? (value as PeopleDone) : null;
}
