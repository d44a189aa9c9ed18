'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { retryFailedMail } from '@/lib/mail/failed-mail';
import { formErrorMessages, pageLocale } from '@/lib/people/form-messages';
import { type FormState, errorState } from '@/lib/people/form-state';

/**
 * "Send again" on a failed message: on success the page comes back, read afresh, saying so
 * (`?done=retried`); a refusal comes back to the form in the page's language.
 */
export async function retryFailedMailAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const lang = pageLocale(locale);
  const result = await performAction(retryFailedMail, formToInput(form));
  if (result.ok) {
    revalidatePath(`/${lang}/admin/mail`);
    redirect(`/${lang}/admin/mail?done=retried`);
  }
  const t = await getTranslations({ locale: lang, namespace: 'AdminMail' });
  return errorState(result.error, form, await formErrorMessages(lang, { codes: { conflict: t('retryConflict'), not_found: t('retryNotFound') } }));
}
