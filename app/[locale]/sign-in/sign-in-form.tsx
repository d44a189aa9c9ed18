'use client';

import { useActionState, useEffect, useRef } from 'react';
import { EMPTY_SIGN_IN_FORM, type SignInFormError } from '@/lib/auth/sign-in-form-state';
import { requestSignInLink } from './actions';

type Labels = {
  email: string;
  emailHint: string;
  submit: string;
  errorSummaryTitle: string;
  errors: Record<SignInFormError, string>;
};

/**
 * The address field and its button. A plain form posting to a server action, so it works without
 * JavaScript; a refused address comes back with the GOV.UK error summary linked to the field.
 */
export function SignInForm({ locale, callbackPath, labels }: { locale: string; callbackPath: string; labels: Labels }) {
  const [state, action, pending] = useActionState(requestSignInLink, EMPTY_SIGN_IN_FORM);
  const summary = useRef<HTMLDivElement>(null);
  const fieldError = state.error === 'email_missing' || state.error === 'email_invalid' ? labels.errors[state.error] : null;

  useEffect(() => {
    if (state.error) summary.current?.focus();
  }, [state]);

  return (
    <>
      {state.error ? (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mt-6 border-4 border-[#d4351c] p-4">
          <h2 id="error-summary-title" className="text-xl font-bold">
            {labels.errorSummaryTitle}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            <li>
              {fieldError ? (
                <a href="#email" className="font-bold text-[#d4351c] visited:text-[#d4351c]">
                  {fieldError}
                </a>
              ) : (
                labels.errors[state.error]
              )}
            </li>
          </ul>
        </div>
      ) : null}

      {/* noValidate: the server checks the address and says what is wrong, the same way for everyone. */}
      <form action={action} noValidate className="mt-6 max-w-xl">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="callbackUrl" value={callbackPath} />
        <div className={fieldError ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
          <label htmlFor="email" className="block text-lg font-bold">
            {labels.email}
          </label>
          <p id="email-hint" className="text-muted">
            {labels.emailHint}
          </p>
          {fieldError ? (
            <p id="email-error" className="font-bold text-[#d4351c]">
              {fieldError}
            </p>
          ) : null}
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={state.email}
            aria-describedby={fieldError ? 'email-hint email-error' : 'email-hint'}
            aria-invalid={fieldError ? true : undefined}
            className={`mt-1 block w-full border-2 bg-white px-2 py-1.5 ${fieldError ? 'border-[#d4351c]' : 'border-ink'}`}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="mt-6 bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]"
        >
          {labels.submit}
        </button>
      </form>
    </>
  );
}
