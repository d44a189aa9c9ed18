import { getTranslations } from 'next-intl/server';
import type { ErrorMessages } from './form-state';
import { type Locale, routing } from '../../i18n/routing';
import type { ActionErrorCode } from '../auth/action';

/** A locale bound into a server action comes from our own page, but is checked all the same. */
export function pageLocale(value: unknown): Locale {
  return (routing.locales as readonly unknown[]).includes(value) ? (value as Locale) : routing.defaultLocale;
}

/**
 * The words for a refused form, in the page's language: one message per error code (an action
 * may say more for its own conflicts and refusals) and one per field.
 */
export async function formErrorMessages(
  locale: Locale,
  options: { fields?: 'People' | 'Tie'; codes?: Partial<Record<ActionErrorCode, string>> } = {},
): Promise<ErrorMessages> {
  const t = await getTranslations({ locale, namespace: 'People' });
  const fieldKey = (name: string) => (options.fields === 'Tie' ? `Tie.fieldErrors.${name}` : `Fields.${name}`);
  return {
    code: (code) => options.codes?.[code] ?? t(`Errors.${code}`),
    field: (name, details) => {
      // The tie form's refusals name each requirement of the lifecycle the event missed.
      if (options.fields === 'Tie') {
        const worded = details.flatMap((d) => {
          const key = `Tie.requirements.${d}` as Parameters<typeof t>[0];
          return t.has(key) ? [t(key)] : [];
        });
        if (worded.length > 0) return worded.join(' ');
      }
      const key = fieldKey(name) as Parameters<typeof t>[0];
      return t.has(key) ? t(key) : t('Fields.other');
    },
  };
}
