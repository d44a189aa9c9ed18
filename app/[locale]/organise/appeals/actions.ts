'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { moderateAppeal } from '@/lib/appeals/moderate-appeal';
import { setLetterDelivery } from '@/lib/appeals/set-letter-delivery';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { formErrorMessages, pageLocale } from '@/lib/people/form-messages';
import { type FormState, errorState } from '@/lib/people/form-state';
import type { ModerationDone } from './done';

function shown(locale: string, done: ModerationDone): never {
  const page = `/${pageLocale(locale)}/organise/appeals`;
  revalidatePath(page);
  redirect(`${page}?done=${done}`);
}

/** Approve (the letter goes out) or reject with a reason (its writer sees it). */
export async function moderateAppealAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const input = formToInput(form);
  const result = await performAction(moderateAppeal, input);
  if (result.ok) shown(locale, result.value.state === 'rejected' ? 'rejected' : 'approved');
  const lang = pageLocale(locale);
  const t = await getTranslations({ locale: lang, namespace: 'Appeals' });
  const messages = await formErrorMessages(lang, { codes: { conflict: t('Moderation.conflict') } });
  return errorState(result.error, form, { ...messages, field: (name, details) => (name === 'reason' ? t('Fields.reason') : messages.field(name, details)) });
}

/** Individual letters or one digest a day per council, for one campaign. */
export async function setLetterDeliveryAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(setLetterDelivery, formToInput(form));
  if (result.ok) shown(locale, 'deliverySaved');
  return errorState(result.error, form, await formErrorMessages(pageLocale(locale)));
}
