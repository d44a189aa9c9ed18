import { headers } from 'next/headers';
import type { z } from 'zod';
import { getDb } from '../../db/client';
import { env } from '../env';
import { clientIp } from '../http/client-ip';
import { BODY_LIMITS, readBodyWithin } from '../http/read-body';
import { isSameOriginRequest } from '../http/same-origin';
import { type Action, type ActionResult, runAction, statusOf } from './action';
import { getCurrentUser } from './current-user';

/**
 * The Next.js side of the action wrapper: the request's Origin, session and client address,
 * then `runAction`. Server actions call `performAction(action, formToInput(formData))`; route
 * handlers that change state are `actionRoute(action)`.
 */
export async function performAction<S extends z.ZodType, T>(action: Action<S, T>, input: unknown): Promise<ActionResult<T>> {
  const h = await headers();
  if (!isSameOriginRequest(h, env().APP_URL)) {
    return { ok: false, error: { code: 'foreign_origin', message: 'This request came from another site.' } };
  }
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  return runAction(action, { db, user, ip: clientIp(h) }, input);
}

/** FormData as a plain object for zod: repeated names become arrays; files are kept as File. */
export function formToInput(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue; // React's own fields
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** A route handler for a state-changing action: JSON or form body in, JSON out, typed statuses. */
export function actionRoute<S extends z.ZodType, T>(action: Action<S, T>) {
  return async (request: Request): Promise<Response> => {
    const type = request.headers.get('content-type') ?? '';
    const body = await readBodyWithin(request, BODY_LIMITS.action);
    if (!body.ok) return body.response;
    let input: unknown;
    try {
      const read = new Response(body.bytes, { headers: { 'content-type': type } });
      input = type.includes('application/json') ? await read.json() : formToInput(await read.formData());
    } catch {
      return Response.json({ error: { code: 'invalid_input', message: 'The body could not be read.' } }, { status: 400 });
    }
    const result = await performAction(action, input);
    if (result.ok) return Response.json({ value: result.value ?? null });
    return Response.json({ error: result.error }, { status: statusOf(result.error.code) });
  };
}
