'use client';

import type { ReactNode } from 'react';
import { useFormField } from '@/components/forms/action-form';

/** Which of the council's ties an answer covers: one checkbox each, one field (`tieIds`). */
export function TieCheckboxes({ legend, hint, ties }: { legend: ReactNode; hint?: ReactNode; ties: { id: number; label: ReactNode; checked?: boolean }[] }) {
  const { id, error } = useFormField('tieIds');
  return (
    <fieldset id={id} tabIndex={-1} className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined} aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}>
      <legend className="block font-bold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-bold text-[#d4351c]">
          {error}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">
        {ties.map((tie) => (
          <div key={tie.id} className="flex items-start gap-2">
            <input id={`${id}-${tie.id}`} type="checkbox" name="tieIds" value={tie.id} defaultChecked={tie.checked} className="mt-0.5 size-5 shrink-0 accent-ink" />
            <label htmlFor={`${id}-${tie.id}`}>{tie.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
