import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { memberships, users } from '../../db/schema';
import type { Env } from '../env';
import { devMailboxEnabled, isLoopbackUrl } from '../mail/providers';
import { emailSchema } from './input';

/**
 * The first admin (and any later one the operator must appoint without the app): run by the
 * operator on the server (`npm run admin:create -- EMAIL`), so there is no default password
 * and no sign-up to race for. The address is confirmed by the person's first sign-in by email
 * link (emailVerified stays null until then). Running it again changes nothing.
 */
export type CreateAdminResult = {
  email: string;
  userId: string;
  /** A new account was made for the address (it had never signed in). */
  createdUser: boolean;
  /** The admin role was granted now (false: it was already active). */
  grantedAdmin: boolean;
};

export class InvalidEmailError extends Error {}

export async function createAdmin(db: Database, rawEmail: string): Promise<CreateAdminResult> {
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success) throw new InvalidEmailError(`"${rawEmail}" is not an email address.`);
  const email = parsed.data;
  return db.transaction(async (tx) => {
    const byEmail = eq(sql`lower(${users.email})`, email);
    let [user] = await tx.select({ id: users.id }).from(users).where(byEmail);
    const createdUser = !user;
    if (!user) {
      await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
      [user] = await tx.select({ id: users.id }).from(users).where(byEmail);
    }
    if (!user) throw new Error(`No account for ${email} after creating it.`);
    const [membership] = await tx
      .select({ id: memberships.id, state: memberships.state })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.role, 'admin')));
    let grantedAdmin = false;
    if (!membership) {
      await tx.insert(memberships).values({ userId: user.id, role: 'admin', state: 'active', decidedAt: new Date() });
      grantedAdmin = true;
    } else if (membership.state !== 'active') {
      await tx
        .update(memberships)
        .set({ state: 'active', decidedAt: new Date(), decidedBy: null, decisionReason: null })
        .where(eq(memberships.id, membership.id));
      grantedAdmin = true;
    }
    return { email, userId: user.id, createdUser, grantedAdmin };
  });
}

/**
 * What `npm run admin:create` tells the operator about signing in. The command cannot tell how
 * the app runs (`npm run dev` or a production build), so it points to the dev mailbox only as
 * far as the app would show it (lib/mail/providers: devMailboxEnabled), never to a page that is off.
 */
export function signInInstructions(email: string, e: Pick<Env, 'RESEND_API_KEY' | 'DEV_MAILBOX' | 'APP_URL'>): string[] {
  const lines = [`To sign in, open ${e.APP_URL}/en/sign-in (or /uk/sign-in) and enter ${email}; a sign-in link is emailed to it.`];
  if (e.RESEND_API_KEY) return lines;
  const mailbox = `${e.APP_URL}/dev/mailbox`;
  if (devMailboxEnabled({ ...e, NODE_ENV: 'production' })) {
    lines.push(`No RESEND_API_KEY is set, so the link is not emailed: it appears in the dev mailbox at ${mailbox}.`);
  } else if (isLoopbackUrl(e.APP_URL)) {
    lines.push(
      `No RESEND_API_KEY is set, so the link is not emailed: it appears in the dev mailbox at ${mailbox} while the app runs with \`npm run dev\` (a production build shows that page only with DEV_MAILBOX=on).`,
    );
  } else {
    lines.push('No RESEND_API_KEY is set: set it so the link can be emailed (a production build at a public address never shows the dev mailbox).');
  }
  return lines;
}
