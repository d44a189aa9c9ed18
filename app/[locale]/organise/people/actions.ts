'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionErrorCode } from '@/lib/auth/action';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { banPerson, unbanPerson } from '@/lib/people/bans';
import { formErrorMessages, pageLocale } from '@/lib/people/form-messages';
import { type FormState, errorState } from '@/lib/people/form-state';
import { inviteAdmin, inviteOrganiser, inviteStaff } from '@/lib/people/invite';
import { revokeMembership } from '@/lib/people/revoke-membership';
import { decideStaffClaim } from '@/lib/people/staff-claims';
import type { PeopleDone } from './done';

type Words = Awaited<ReturnType<typeof organiseWords>>;
type OrganiseKey = Parameters<Words>[0];

const organiseWords = (locale: string) => getTranslations({ locale: pageLocale(locale), namespace: 'People.Organise' });

/**
 * The outcome of one of this page's forms: a success shows the page again, read afresh, saying
 * what was done; a refusal comes back to the form in the page's language.
 */
async function outcome(
  locale: string,
  form: FormData,
  result: Awaited<ReturnType<typeof performAction>>,
  done: PeopleDone,
  codes: Partial<Record<ActionErrorCode, OrganiseKey>> = {},
): Promise<FormState> {
  const lang = pageLocale(locale);
  if (result.ok) {
    revalidatePath(`/${lang}/organise/people`);
    redirect(`/${lang}/organise/people?done=${done}`);
  }
  const t = await organiseWords(lang);
  const said = Object.fromEntries(Object.entries(codes).map(([code, key]) => [code, t(key)]));
  return errorState(result.error, form, await formErrorMessages(lang, { codes: said }));
}

export async function decideClaimAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const input = formToInput(form);
  const result = await performAction(decideStaffClaim, input);
  return outcome(locale, form, result, input.decision === 'reject' ? 'rejected' : 'approved', { conflict: 'decideConflict', forbidden: 'decideForbidden' });
}

export async function inviteStaffAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(inviteStaff, { ...formToInput(form), locale: pageLocale(locale) });
  return outcome(locale, form, result, 'invited', { conflict: 'inviteConflict' });
}

export async function inviteOrganiserAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(inviteOrganiser, { ...formToInput(form), locale: pageLocale(locale) });
  return outcome(locale, form, result, 'invited', { conflict: 'inviteConflict' });
}

export async function inviteAdminAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(inviteAdmin, { ...formToInput(form), locale: pageLocale(locale) });
  return outcome(locale, form, result, 'invited', { conflict: 'inviteConflict' });
}

export async function revokeMembershipAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(revokeMembership, formToInput(form));
  return outcome(locale, form, result, 'removed', { conflict: 'removeConflict' });
}

export async function banPersonAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(banPerson, formToInput(form));
  return outcome(locale, form, result, 'banned', { conflict: 'banConflict', not_found: 'banNotFound', forbidden: 'banForbidden' });
}

export async function unbanPersonAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const result = await performAction(unbanPerson, formToInput(form));
  return outcome(locale, form, result, 'unbanned', { conflict: 'unbanConflict', not_found: 'banNotFound', forbidden: 'banForbidden' });
}
