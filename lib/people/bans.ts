import { holdsRole } from '../auth/permissions';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { memberships, users } from '../../db/schema';
import type { ActionContext } from '../auth/action';
import { defineAction, fail } from '../auth/action';
import { emailSchema, reasonSchema } from './input';
import { personTarget } from './targets';

/**
 * Banning a person stops every write by them (the action wrapper refuses a banned session) and
 * hides what they wrote from public views (lib/people/public-content.ts). Organisers ban
 * activists and council staff within their own campaigns (lib/people/targets.ts:
 * campaignsOfPeople); only admins ban (or unban) organisers and admins, or people of no
 * campaign; nobody bans themselves. A person is named by address, the one thing an organiser
 * reliably knows; an organiser is told the same about an address nobody signed in with as about
 * a person outside their campaigns, so the form tells them nothing about other campaigns.
 */
async function personByEmail(db: Queryable, email: string) {
  const [person] = await db
    .select({ id: users.id, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return person ?? null;
}

/** Does the person hold a role only an admin may ban? */
async function holdsOrganiserOrAdmin(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.state, 'active'), inArray(memberships.role, ['organiser', 'admin'])))
    .limit(1);
  return Boolean(row);
}

async function mayActOn(ctx: ActionContext, personId: string): Promise<void> {
  if (!ctx.user) fail('unauthenticated', 'Sign in first.');
  if (personId === ctx.user.id) fail('forbidden', 'Nobody bans or unbans themselves.');
  const actorIsAdmin = holdsRole(ctx.user.grants, 'admin');
  if (!actorIsAdmin && (await holdsOrganiserOrAdmin(ctx.db, personId))) {
    fail('forbidden', 'Only an admin may ban or unban an organiser or an admin.');
  }
}

export const banPerson = defineAction({
  name: 'banPerson',
  permission: 'person.ban',
  input: z.strictObject({ email: emailSchema, reason: reasonSchema }),
  target: async (ctx, input) => personTarget(ctx.db, (await personByEmail(ctx.db, input.email))?.id ?? null),
  run: async (ctx, input) => {
    const person = await personByEmail(ctx.db, input.email);
    if (!person) fail('not_found', 'Nobody has signed in with this address.');
    await mayActOn(ctx, person.id);
    const banned = await ctx.db
      .update(users)
      .set({ bannedAt: ctx.now, bannedReason: input.reason, bannedBy: ctx.user!.id })
      .where(and(eq(users.id, person.id), sql`${users.bannedAt} is null`))
      .returning({ id: users.id });
    if (banned.length === 0) fail('conflict', 'This person is already banned.');
    return { userId: person.id };
  },
});

export const unbanPerson = defineAction({
  name: 'unbanPerson',
  permission: 'person.unban',
  input: z.strictObject({ email: emailSchema }),
  target: async (ctx, input) => personTarget(ctx.db, (await personByEmail(ctx.db, input.email))?.id ?? null),
  run: async (ctx, input) => {
    const person = await personByEmail(ctx.db, input.email);
    if (!person) fail('not_found', 'Nobody has signed in with this address.');
    await mayActOn(ctx, person.id);
    const unbanned = await ctx.db
      .update(users)
      .set({ bannedAt: null, bannedReason: null, bannedBy: null })
      .where(and(eq(users.id, person.id), sql`${users.bannedAt} is not null`))
      .returning({ id: users.id });
    if (unbanned.length === 0) fail('conflict', 'This person is not banned.');
    return { userId: person.id };
  },
});
