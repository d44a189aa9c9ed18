import { StatusLabel } from '@/components/ties/status-label';
import type { ManagedTie } from '@/lib/people/queries';

/** Ties a person may record events on, each linking to its page for that. */
export function TieLinkList({ ties, locale }: { ties: ManagedTie[]; locale: string }) {
  return (
    <ul className="mt-4 space-y-2" data-testid="tie-links">
      {ties.map((tie) => (
        <li key={tie.id} className="flex flex-wrap items-baseline gap-x-3">
          <a href={`/${locale}/organise/ties/${tie.id}`}>
            {tie.place} – {tie.partner}
          </a>
          <StatusLabel status={tie.status} />
        </li>
      ))}
    </ul>
  );
}
