'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { formErrorMessages, pageLocale } from '@/lib/people/form-messages';
import { type FormState, errorState } from '@/lib/people/form-state';
import { recordTieEvent } from '@/lib/ties/tie-event-action';

/**
 * Records the event, then shows the tie as it now stands. A conflict (the tie moved while the
 * page was open) shows the page read again, so the form offers what fits the tie now.
 */
export async function recordTieEventFormAction(locale: string, tieId: number, _previous: FormState, form: FormData): Promise<FormState> {
  const lang = pageLocale(locale);
  const page = `/${lang}/organise/ties/${tieId}`;
  const result = await performAction(recordTieEvent, { ...formToInput(form), tieId });
  if (result.ok) {
    revalidatePath(page);
    redirect(`${page}?recorded=${result.value.eventId}`);
  }
  const t = await getTranslations({ locale: lang, namespace: 'People.Tie' });
  if (result.error.code === 'conflict' || result.error.code === 'not_found') revalidatePath(page);
  return errorState(result.error, form, await formErrorMessages(lang, { fields: 'Tie', codes: { conflict: t('conflict'), forbidden: t('forbidden') } }));
}
