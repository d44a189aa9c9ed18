import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { routing } from '../../i18n/routing';
import { defineAction, fail } from '../auth/action';
import { optionalNameInput } from '../text/name';

/**
 * A person's own name, city and language. The input names no person: the account changed is
 * always the signed-in one's, and an input that tries to name another is refused whole
 * (strict), rather than quietly applied to oneself.
 */
export const updateAccount = defineAction({
  name: 'updateAccount',
  permission: 'account.update',
  input: z.strictObject({
    name: optionalNameInput(200),
    city: optionalNameInput(200),
    locale: z.enum(routing.locales),
  }),
  target: () => 'anywhere' as const,
  run: async (ctx, input) => {
    if (!ctx.user) fail('unauthenticated', 'Sign in first.');
    await ctx.db.update(users).set({ name: input.name, city: input.city, locale: input.locale }).where(eq(users.id, ctx.user.id));
    return { name: input.name, city: input.city, locale: input.locale };
  },
});
