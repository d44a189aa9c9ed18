'use client';

import { useActionState } from 'react';

/** The follow form: an address, and the one refusal it can show (the address itself). */
export function FollowForm({
  action,
  label,
  hint,
  submit,
  errors,
}: {
  action: (state: { error: string | null }, form: FormData) => Promise<{ error: string | null }>;
  label: string;
  hint: string;
  submit: string;
  errors: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const error = state.error ? (errors[state.error] ?? errors.other) : null;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-xl space-y-4">
      <div className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
        <label htmlFor="follow-email" className="block font-bold">
          {label}
        </label>
        <p id="follow-email-hint" className="text-muted">
          {hint}
        </p>
        {error ? (
          <p id="follow-email-error" role="alert" className="font-bold text-[#d4351c]">
            {error}
          </p>
        ) : null}
        <input
          id="follow-email"
          name="email"
          type="email"
          autoComplete="email"
          aria-describedby={error ? 'follow-email-hint follow-email-error' : 'follow-email-hint'}
          aria-invalid={error ? true : undefined}
          className={`mt-1 block w-full border-2 bg-white px-2 py-1.5 ${error ? 'border-[#d4351c]' : 'border-ink'}`}
        />
      </div>
      <button type="submit" disabled={pending} className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
        {submit}
      </button>
    </form>
  );
}
