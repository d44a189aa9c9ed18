'use client';

import { type ReactNode, createContext, useContext, useEffect, useRef } from 'react';
import { useActionState } from 'react';
import { type FormState, IDLE_FORM } from '@/lib/people/form-state';

type FormContextValue = { idPrefix: string; state: FormState };
const FormContext = createContext<FormContextValue>({ idPrefix: 'form', state: IDLE_FORM });

export function useFormField(name: string) {
  const { idPrefix, state } = useContext(FormContext);
  const id = `${idPrefix}-${name}`;
  return {
    id,
    error: state.status === 'error' ? (state.fieldErrors[name] ?? null) : null,
    /** What was typed before a refusal; undefined otherwise (the page's own default then). */
    typed: state.status === 'error' ? state.values[name] : undefined,
  };
}

const BUTTON = {
  primary: 'bg-[#00703c] text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]',
  secondary: 'bg-surface text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]',
  warning: 'bg-[#d4351c] text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]',
} as const;

/**
 * A form posting to a server action: a plain form, so it works without JavaScript (the page
 * comes back with the outcome). A refusal comes with the GOV.UK error summary, each entry linked
 * to its field; fields read their error and what was typed from this form (useFormField). A
 * success redirects to the page, which says what was done (DoneBanner).
 */
export function ActionForm({
  action,
  id,
  submitLabel,
  errorSummaryTitle,
  hidden = {},
  variant = 'primary',
  className,
  labelledBy,
  children,
}: {
  action: (state: FormState, payload: FormData) => Promise<FormState>;
  /** Unique on the page: it prefixes the ids of the form's fields. */
  id: string;
  submitLabel: string;
  errorSummaryTitle: string;
  hidden?: Record<string, string | number>;
  variant?: keyof typeof BUTTON;
  className?: string;
  labelledBy?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_FORM);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);
  const fieldErrors = state.status === 'error' ? Object.entries(state.fieldErrors) : [];
  // A refusal re-mounts the fields, so they show what was typed.
  const formKey = state.status === 'error' ? `error:${JSON.stringify(state.values)}` : state.status;

  return (
    <div className={className}>
      {state.status === 'error' ? (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby={`${id}-error-title`} className="mb-4 border-4 border-[#d4351c] p-4" data-error-code={state.code}>
          <h3 id={`${id}-error-title`} className="text-lg font-bold">
            {errorSummaryTitle}
          </h3>
          <ul className="mt-2 list-disc pl-6">
            {fieldErrors.length === 0 ? <li>{state.message}</li> : null}
            {fieldErrors.map(([name, message]) => (
              <li key={name}>
                <a href={`#${id}-${name}`} className="font-bold text-[#d4351c] visited:text-[#d4351c]">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormContext.Provider value={{ idPrefix: id, state }}>
        <form key={formKey} action={formAction} noValidate aria-labelledby={labelledBy} className="space-y-4">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <button type="submit" disabled={pending} className={`px-4 py-2 text-lg font-bold ${BUTTON[variant]}`}>
            {submitLabel}
          </button>
        </form>
      </FormContext.Provider>
    </div>
  );
}
