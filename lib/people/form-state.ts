import type { ActionError, ActionErrorCode } from '../auth/action';

/**
 * What a form's server action hands back to the page when it refuses: one message, a message per
 * field, and what was typed, so the form comes back filled in (messages already in the page's
 * language). A success redirects instead (to the page with `?done=`), so a reload never sends
 * the form again and the page shows the new state with or without JavaScript.
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; code: ActionErrorCode; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export const IDLE_FORM: FormState = { status: 'idle' };

/** What was typed, to fill the form in again (files and React's own fields left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    values[key] = value;
  }
  return values;
}

export type ErrorMessages = {
  /** The message for an error code (the wrapper's own messages are for logs, in English). */
  code: (code: ActionErrorCode) => string;
  /** The message for a field zod or the action refused, in the person's words; `details` are
   * what the action said of it (codes some forms word one by one). */
  field: (name: string, details: readonly string[]) => string;
};

export function errorState(error: ActionError, form: FormData, messages: ErrorMessages): FormState {
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors ?? {})
      .filter(([, list]) => list.length > 0)
      .map(([name, list]) => [name, messages.field(name, list)]),
  );
  return { status: 'error', code: error.code, message: messages.code(error.code), fieldErrors, values: formValues(form) };
}
