'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { formToInput, performAction } from '@/lib/auth/next-action';
import { answerForCouncil } from '@/lib/council-staff/answer-for-council';
import { updateCouncilDirectory } from '@/lib/council-staff/update-directory';
import { type FormState, errorState } from '@/lib/people/form-state';
import { pageLocale } from '@/lib/people/form-messages';

/** The council workspace's forms: each goes through the action wrapper, then back to the page. */
async function messages(locale: string) {
  const t = await getTranslations({ locale: pageLocale(locale), namespace: 'CouncilStaff' });
  return {
    code: (code: string) => (t.has(`errors.${code}` as never) ? t(`errors.${code}` as never) : t('errors.other')),
    field: (name: string, details: readonly string[]) => {
      const worded = details.flatMap((d) => {
        const key = `fieldErrors.${name}.${d.split(':')[0]}`;
        return t.has(key as never) ? [t(key as never)] : [];
      });
      if (worded.length > 0) return [...new Set(worded)].join(' ');
      const key = `fieldErrors.${name}.other`;
      return t.has(key as never) ? t(key as never) : t('fieldErrors.other');
    },
  };
}

export async function answerFormAction(locale: string, slug: string, councilId: number, _previous: FormState, form: FormData): Promise<FormState> {
  const lang = pageLocale(locale);
  const page = `/${lang}/council/${slug}`;
  const result = await performAction(answerForCouncil, { ...formToInput(form), councilId });
  if (result.ok) {
    revalidatePath(page);
    redirect(`${page}?answered=${result.value.events.length}#ties`);
  }
  if (result.error.code === 'conflict') revalidatePath(page);
  return errorState(result.error, form, await messages(lang));
}

export async function directoryFormAction(locale: string, slug: string, councilId: number, _previous: FormState, form: FormData): Promise<FormState> {
  const lang = pageLocale(locale);
  const page = `/${lang}/council/${slug}`;
  const result = await performAction(updateCouncilDirectory, { ...formToInput(form), councilId });
  if (result.ok) {
    revalidatePath(page);
    redirect(`${page}?directory=${result.value.changed.length}#directory`);
  }
  return errorState(result.error, form, await messages(lang));
}
