import { z } from 'zod';
import type { Database } from '../../db/client';
import { type Actor, type Permission, type Target, can, rolesFor } from './permissions';
import { type CurrentUser, actorOf } from './session';

/**
 * The one way to change anything. Every server action and route handler that writes goes
 * through `runAction`: it refuses banned people, parses the input with zod, requires a session
 * unless the permission is public, resolves the target (which council, which campaigns) and
 * checks the permission table against it, and only then runs the body. Errors are typed, so a
 * form can show the right message and a route the right status.
 *
 * The Next.js side (cookies, Origin check, FormData) is in lib/auth/next-action.ts; tests call
 * `runAction` directly with a database and a user.
 */
export const ACTION_ERROR_CODES = [
  'unauthenticated', // no session (or it ended)
  'banned', // the person is banned: every write refused
  'foreign_origin', // CSRF: the request came from another site
  'invalid_input', // zod refused the input; fieldErrors says where
  'not_found', // the target does not exist
  'forbidden', // the permission table says no for this target
  'conflict', // the data moved on (a concurrent change, a duplicate)
  'rate_limited', // too many; retryAfterSeconds says when
  'unavailable', // a precondition outside the person's control (e.g. no contact address)
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export type ActionError = {
  code: ActionErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
};
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** Thrown inside `run` to stop with a typed error; anything else thrown is a bug (500). */
export class ActionFailure extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

export function fail(code: ActionErrorCode, message: string, extra?: Omit<ActionError, 'code' | 'message'>): never {
  throw new ActionFailure({ code, message, ...extra });
}

export type ActionContext = {
  db: Database;
  actor: Actor;
  user: CurrentUser | null;
  /** The client's address, for rate limits (lib/http/client-ip.ts); null when unknown. */
  ip: string | null;
  now: Date;
};

export type ActionSpec<S extends z.ZodType, T> = {
  /** For logs and the permission matrix test. */
  name: string;
  /** A row of the permission table; a function when the input picks it (a tie event's type). */
  permission: Permission | ((input: z.output<S>) => Permission);
  /** The rows this action may ever check: the permission matrix test walks them. */
  permissions?: readonly Permission[];
  input: S;
  /** What the action acts on, for the permission's scope; null when it does not exist. */
  target: (ctx: ActionContext, input: z.output<S>) => Promise<Target | null> | Target | null;
  run: (ctx: ActionContext, input: z.output<S>) => Promise<T>;
};

export type Action<S extends z.ZodType = z.ZodType, T = unknown> = ActionSpec<S, T>;

export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): Action<S, T> {
  return spec;
}

export type RunOptions = { db: Database; user: CurrentUser | null; ip?: string | null; now?: Date };

/** Every permission an action may check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any input: only the permission's shape matters here
export function allPermissions(action: { permission: Permission | ((input: any) => Permission); permissions?: readonly Permission[] }): readonly Permission[] {
  if (typeof action.permission !== 'function') return [action.permission];
  if (!action.permissions?.length) throw new Error('An action whose permission depends on its input must list `permissions`.');
  return action.permissions;
}

function failure(error: ActionError): { ok: false; error: ActionError } {
  return { ok: false, error };
}

export async function runAction<S extends z.ZodType, T>(action: Action<S, T>, options: RunOptions, raw: unknown): Promise<ActionResult<T>> {
  const { db, user } = options;
  if (user?.bannedAt) return failure({ code: 'banned', message: 'This account is banned; it cannot change anything.' });
  const anyPublic = allPermissions(action).some((p) => rolesFor(p).includes('public'));
  if (!anyPublic && !user) return failure({ code: 'unauthenticated', message: 'Sign in first.' });

  const parsed = action.input.safeParse(raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return failure({
      code: 'invalid_input',
      message: flat.formErrors[0] ?? 'Some fields need attention.',
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
    });
  }
  const ctx: ActionContext = { db, user, actor: actorOf(user), ip: options.ip ?? null, now: options.now ?? new Date() };
  try {
    const target = await action.target(ctx, parsed.data);
    if (target === null) return failure({ code: 'not_found', message: 'Not found.' });
    const permission = typeof action.permission === 'function' ? action.permission(parsed.data) : action.permission;
    if (!rolesFor(permission).includes('public') && !user) return failure({ code: 'unauthenticated', message: 'Sign in first.' });
    if (!can(ctx.actor, permission, target)) {
      return failure({ code: 'forbidden', message: 'You may not do this here.' });
    }
    return { ok: true, value: await action.run(ctx, parsed.data) };
  } catch (e) {
    if (e instanceof ActionFailure) return failure(e.error);
    throw e;
  }
}

/** The HTTP status for a typed error, for route handlers. */
export function statusOf(code: ActionErrorCode): number {
  switch (code) {
    case 'unauthenticated':
      return 401;
    case 'banned':
    case 'foreign_origin':
    case 'forbidden':
      return 403;
    case 'invalid_input':
      return 422;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}
