import type { MembershipState, MembershipView } from '@/lib/people/queries';

type Labels = {
  council_staff: string;
  organiser: string;
  admin: string;
  reason: string;
  states: Record<MembershipState, string>;
};

/** A person's roles in words: which council or campaign, whether it is active, and why it ended. */
export function MembershipList({
  memberships,
  labels,
  councilName,
  formatDate,
}: {
  memberships: MembershipView[];
  labels: Labels;
  councilName: (council: NonNullable<MembershipView['council']>) => string;
  formatDate: (date: Date) => string;
}) {
  if (memberships.length === 0) return null;
  return (
    <ul className="mt-4 space-y-3" data-testid="memberships">
      {memberships.map((m) => (
        <li key={m.id} data-role={m.role} data-state={m.state} className="border-l-4 border-rule pl-4">
          <span className="font-bold">{labels[m.role]}</span>
          {m.council ? <> {councilName(m.council)}</> : null}
          {m.campaign ? <> {m.campaign.name}</> : null}
          {' — '}
          <span>{labels.states[m.state]}</span>
          {m.decidedAt ? <span className="text-muted"> ({formatDate(m.decidedAt)})</span> : null}
          {m.state === 'revoked' && m.decisionReason ? (
            <p className="text-muted">
              {labels.reason} {m.decisionReason}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
