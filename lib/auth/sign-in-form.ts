import { z } from 'zod';
import { type Locale, routing } from '../../i18n/routing';
import { env } from '../env';
import { defaultCallbackPath, isLocale, safeCallbackPath } from './callback-path';
import type { SignInFormState } from './sign-in-form-state';

export { EMPTY_SIGN_IN_FORM, type SignInFormError, type SignInFormState } from './sign-in-form-state';

const address = z.string().min(1, 'email_missing').pipe(z.email('email_invalid'));

export type SignInRequest = { email: string; locale: Locale; callbackPath: string };

/**
 * The sign-in form's fields: an address that looks like one, the page's language, and where to
 * go afterwards (only a path on this site; otherwise the person's account page).
 */
export function parseSignInForm(input: Record<string, unknown>): { ok: true; value: SignInRequest } | { ok: false; state: SignInFormState } {
  const email = typeof input.email === 'string' ? input.email.trim() : '';
  const checked = address.safeParse(email);
  if (!checked.success) {
    return { ok: false, state: { email, error: checked.error.issues[0]?.message === 'email_invalid' ? 'email_invalid' : 'email_missing' } };
  }
  const locale = isLocale(input.locale) ? input.locale : routing.defaultLocale;
  return {
    ok: true,
    value: { email: checked.data, locale, callbackPath: safeCallbackPath(input.callbackUrl, [env().APP_URL]) ?? defaultCallbackPath(locale) },
  };
}
