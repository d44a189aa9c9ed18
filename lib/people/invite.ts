import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '../../db/client';
import { invitations, memberships, users } from '../../db/schema';
import { routing } from '../../i18n/routing';
import { type ActionContext, defineAction, fail } from '../auth/action';
import type { Target } from '../auth/permissions';
import { enqueueMail } from '../mail/outbox';
import { emailSchema, idSchema } from './input';
import { composeInvitationMail } from './invitation-mail';
import { campaignTarget, councilTarget } from './targets';

/**
 * Inviting someone by address: the invitation and its email are written in one transaction (the
 * outbox), and the role is granted when that address signs in (acceptPendingInvitations). An
 * address that already holds the role, or has an open invitation to it, is a conflict.
 */
type Invitee = { email: string; locale: (typeof routing.locales)[number] } & (
  | { role: 'council_staff'; councilId: number }
  | { role: 'organiser'; campaignId: number }
  | { role: 'admin' }
);

const mailLocale = z.enum(routing.locales).default(routing.defaultLocale);

async function invite(ctx: ActionContext, invitee: Invitee): Promise<{ invitationId: number; mailId: string }> {
  if (!ctx.user) fail('unauthenticated', 'Sign in first.');
  const inviter = ctx.user;
  const councilId = invitee.role === 'council_staff' ? invitee.councilId : null;
  const campaignId = invitee.role === 'organiser' ? invitee.campaignId : null;
  const sameScope = <T extends typeof memberships | typeof invitations>(t: T) =>
    and(
      eq(t.role, invitee.role),
      councilId === null ? isNull(t.councilId) : eq(t.councilId, councilId),
      campaignId === null ? isNull(t.campaignId) : eq(t.campaignId, campaignId),
    );

  // Rendered before the transaction: it reads names, and the transaction should stay short.
  const mail = await composeInvitationMail(ctx.db, { ...invitee, inviter: { name: inviter.name, email: inviter.email } });
  return ctx.db.transaction(async (tx: Transaction) => {
    const [holder] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(sql`lower(${users.email})`, invitee.email), eq(memberships.state, 'active'), sameScope(memberships)));
    if (holder) fail('conflict', 'This address already holds this role.');
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(sql`lower(${invitations.email})`, invitee.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), sameScope(invitations)));
    if (open) fail('conflict', 'An invitation to this role is already waiting for this address.');

    const [invitation] = await tx
      .insert(invitations)
      .values({ email: invitee.email, role: invitee.role, councilId, campaignId, invitedBy: inviter.id })
      .returning({ id: invitations.id });
    const queued = await enqueueMail(tx, { kind: 'invitation', to: [invitee.email], ...mail });
    return { invitationId: invitation!.id, mailId: queued.id };
  });
}

export const inviteStaff = defineAction({
  name: 'inviteStaff',
  permission: 'staff.invite',
  input: z.strictObject({ email: emailSchema, councilId: idSchema, locale: mailLocale }),
  target: (ctx, input): Promise<Target | null> => councilTarget(ctx.db, input.councilId),
  run: (ctx, input) => invite(ctx, { role: 'council_staff', email: input.email, councilId: input.councilId, locale: input.locale }),
});

export const inviteOrganiser = defineAction({
  name: 'inviteOrganiser',
  permission: 'organiser.invite',
  input: z.strictObject({ email: emailSchema, campaignId: idSchema, locale: mailLocale }),
  target: (ctx, input) => campaignTarget(ctx.db, input.campaignId),
  run: (ctx, input) => invite(ctx, { role: 'organiser', email: input.email, campaignId: input.campaignId, locale: input.locale }),
});

export const inviteAdmin = defineAction({
  name: 'inviteAdmin',
  permission: 'admin.invite',
  input: z.strictObject({ email: emailSchema, locale: mailLocale }),
  target: () => 'anywhere' as const,
  run: (ctx, input) => invite(ctx, { role: 'admin', email: input.email, locale: input.locale }),
});
