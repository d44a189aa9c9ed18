'use client';

import { useState, useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * Copies the text of a field to the clipboard. Without JavaScript it is not there at all: the
 * field beside it is selectable and says what to do.
 */
export function CopyTextButton({ targetId, label, copiedLabel, failedLabel }: { targetId: string; label: string; copiedLabel: string; failedLabel: string }) {
  const scripted = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  if (!scripted) return null;

  async function copy() {
    const field = document.getElementById(targetId);
    const text = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : (field?.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      // No clipboard access (an old browser, a denied permission): select it for the person to copy.
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.select();
      setOutcome('failed');
    }
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-4">
      <button type="button" onClick={() => void copy()} className="bg-surface px-4 py-2 font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]">
        {label}
      </button>
      <span role="status" className="font-bold">
        {outcome === 'copied' ? copiedLabel : outcome === 'failed' ? failedLabel : ''}
      </span>
    </div>
  );
}

/** Prints the page (the letter alone: PrintedLetter hides the rest); absent without JavaScript. */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <button type="button" onClick={() => window.print()} className="bg-[#00703c] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
      {label}
    </button>
  );
}
