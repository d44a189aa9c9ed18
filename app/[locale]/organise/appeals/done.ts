/** What the appeals page can say it just did (`?done=`); anything else in the address says nothing. */
export const MODERATION_DONE = ['approved', 'rejected', 'deliverySaved'] as const;
export type ModerationDone = (typeof MODERATION_DONE)[number];

export function moderationDone(value: unknown): ModerationDone | null {
  return (MODERATION_DONE as readonly unknown[]).includes(value) ? (value as ModerationDone) : null;
}
