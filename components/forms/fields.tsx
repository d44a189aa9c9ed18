'use client';

import type { ReactNode } from 'react';
import { useFormField } from './action-form';

const LABEL = 'block font-bold';
const ERROR = 'font-bold text-[#d4351c]';
const input = (error: string | null) => `mt-1 block w-full border-2 bg-white px-2 py-1.5 ${error ? 'border-[#d4351c]' : 'border-ink'}`;

function described(id: string, hint: ReactNode, error: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error: string | null; children: ReactNode }) {
  return (
    <div className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={ERROR}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  type = 'text',
  defaultValue,
  autoComplete,
  className = 'max-w-xl',
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'url';
  defaultValue?: string | null;
  autoComplete?: string;
  className?: string;
}) {
  const { id, error, typed } = useFormField(name);
  return (
    <div className={className}>
      <FieldFrame id={id} label={label} hint={hint} error={error}>
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={typed ?? defaultValue ?? ''}
          autoComplete={autoComplete}
          spellCheck={type === 'text' ? undefined : false}
          aria-describedby={described(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className={input(error)}
        />
      </FieldFrame>
    </div>
  );
}

export function TextArea({ name, label, hint, defaultValue, rows = 3 }: { name: string; label: ReactNode; hint?: ReactNode; defaultValue?: string; rows?: number }) {
  const { id, error, typed } = useFormField(name);
  return (
    <div className="max-w-2xl">
      <FieldFrame id={id} label={label} hint={hint} error={error}>
        <textarea
          id={id}
          name={name}
          rows={rows}
          defaultValue={typed ?? defaultValue ?? ''}
          aria-describedby={described(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className={input(error)}
        />
      </FieldFrame>
    </div>
  );
}

export type Option = { value: string; label: string; hint?: string };

export function SelectField({ name, label, hint, options, defaultValue, placeholder }: { name: string; label: ReactNode; hint?: ReactNode; options: Option[]; defaultValue?: string; placeholder?: string }) {
  const { id, error, typed } = useFormField(name);
  return (
    <div className="max-w-xl">
      <FieldFrame id={id} label={label} hint={hint} error={error}>
        <select
          id={id}
          name={name}
          defaultValue={typed ?? defaultValue ?? ''}
          aria-describedby={described(id, hint, error)}
          aria-invalid={error ? true : undefined}
          className={input(error)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    </div>
  );
}

/** Radios; the error summary links to the first one (its id is the field's). */
export function RadioField({ name, legend, hint, options, defaultValue }: { name: string; legend: ReactNode; hint?: ReactNode; options: Option[]; defaultValue?: string }) {
  const { id, error, typed } = useFormField(name);
  const checked = typed ?? defaultValue;
  return (
    <fieldset aria-describedby={described(id, hint, error)} className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
      <legend className={`${LABEL} text-lg`}>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={ERROR}>
          {error}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input id={optionId} type="radio" name={name} value={o.value} defaultChecked={checked === o.value} className="mt-1 size-5 shrink-0 accent-ink" aria-describedby={o.hint ? `${optionId}-hint` : undefined} />
              <div>
                <label htmlFor={optionId}>{o.label}</label>
                {o.hint ? (
                  <p id={`${optionId}-hint`} className="text-sm text-muted">
                    {o.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ name, label, defaultChecked = false }: { name: string; label: ReactNode; defaultChecked?: boolean }) {
  const { id, error, typed } = useFormField(name);
  const checked = typed !== undefined ? typed === 'on' : defaultChecked;
  return (
    <div className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
      {error ? (
        <p id={`${id}-error`} className={ERROR}>
          {error}
        </p>
      ) : null}
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" name={name} defaultChecked={checked} aria-describedby={error ? `${id}-error` : undefined} className="mt-0.5 size-5 shrink-0 accent-ink" />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}
