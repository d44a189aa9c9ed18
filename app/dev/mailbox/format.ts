/** One fixed, unambiguous form for a developer's page: 2026-03-01 09:00:05 UTC. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
