'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { formErrorMessages, pageLocale } from '@/lib/people/form-messages';
import { type FormState, errorState } from '@/lib/people/form-state';
import { claimStaff } from '@/lib/people/staff-claims';
import { updateAccount } from '@/lib/people/update-account';
import type { AccountDone } from './done';

/** The account page's forms: each runs its action through the wrapper; a success shows the page again. */
function shown(locale: string, done: AccountDone): never {
  const page = `/${pageLocale(locale)}/account`;
  revalidatePath(page);
  redirect(`${page}?done=${done}`);
}

export async function updateAccountAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(updateAccount, formToInput(form));
  if (result.ok) shown(result.value.locale, 'saved'); // in the language just chosen
  return errorState(result.error, form, await formErrorMessages(pageLocale(locale)));
}

export async function claimStaffAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(claimStaff, formToInput(form));
  if (result.ok) shown(locale, 'claimSent');
  const t = await getTranslations({ locale: pageLocale(locale), namespace: 'People.Account' });
  return errorState(result.error, form, await formErrorMessages(pageLocale(locale), { codes: { conflict: t('claimConflict'), forbidden: t('claimForbidden') } }));
}
