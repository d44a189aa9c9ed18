'use server';

import { getFormatter, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  type ComposerError,
  type ComposerIntent,
  type ComposerState,
  EXTERNAL_INTENTS,
  type LetterPreview,
  type LetterValues,
} from '@/components/appeals/composer-state';
import { getDb } from '@/db/client';
import type { Locale } from '@/i18n/routing';
import { sendAppealInput } from '@/lib/appeals/appeal-input';
import { prepareAppeal } from '@/lib/appeals/draft';
import { mailtoHref } from '@/lib/appeals/mailto';
import { recordExternalAppeal } from '@/lib/appeals/record-external-appeal';
import { renderAppealLetter } from '@/lib/appeals/render-letter';
import { sendAppeal } from '@/lib/appeals/send-appeal';
import { sendingPhrases } from '@/lib/appeals/sending-phrases';
import type { ActionError } from '@/lib/auth/action';
import { getCurrentUser } from '@/lib/auth/current-user';
import { performAction } from '@/lib/auth/next-action';
import type { CurrentUser } from '@/lib/auth/session';
import { pageLocale } from '@/lib/people/form-messages';
import { printableLetter, printableLetterPdf } from '../printable';

/** What the page binds into the form: which letter this is. Checked again here, as anything posted is. */
type LetterContext = { councilSlug: string; councilId: number; campaignId: number };
const letterContext = z.object({ councilSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/), councilId: z.number().int().positive(), campaignId: z.number().int().positive() });

const INTENTS: readonly ComposerIntent[] = ['preview', 'edit', 'send', 'print', 'pdf', ...EXTERNAL_INTENTS];

function letterValues(form: FormData): LetterValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    tieIds: form
      .getAll('tieIds')
      .map(String)
      .filter((id) => /^\d{1,9}$/.test(id)),
    language: text('language'),
    subject: text('subject'),
    body: text('body'),
    signerName: text('signerName'),
    signerCity: text('signerCity'),
  };
}

/** A refusal in the page's language: the wrapper's messages are for logs. */
async function composerError(locale: Locale, error: Pick<ActionError, 'code' | 'fieldErrors' | 'retryAfterSeconds'> | { code: 'ties_changed' }): Promise<ComposerError> {
  const [t, people, format] = await Promise.all([
    getTranslations({ locale, namespace: 'Appeals' }),
    getTranslations({ locale, namespace: 'People' }),
    getFormatter({ locale }),
  ]);
  const fieldErrors = Object.fromEntries(
    Object.entries(('fieldErrors' in error ? error.fieldErrors : undefined) ?? {})
      .filter(([, list]) => list.length > 0)
      .map(([name]) => {
        const key = `Fields.${name}` as Parameters<typeof t>[0];
        return [name, t.has(key) ? t(key) : t('Fields.other')];
      }),
  );
  const wait = 'retryAfterSeconds' in error ? error.retryAfterSeconds : undefined;
  let message: string;
  switch (error.code) {
    case 'ties_changed':
      message = t('Errors.tiesChanged');
      break;
    case 'rate_limited': {
      const seconds = wait ?? 60;
      message =
        seconds < 90
          ? t('Errors.rate_limited', { count: seconds })
          : seconds < 90 * 60
            ? t('Errors.rateLimitedMinutes', { count: Math.ceil(seconds / 60) })
            : t('Errors.rateLimitedHours', { count: Math.ceil(seconds / 3600) });
      break;
    }
    case 'conflict':
      // The 30-day rule says when the council opens again; a conflict without it is a tie that moved on.
      message = wait ? t('Errors.conflict', { date: format.dateTime(new Date(Date.now() + wait * 1000), { dateStyle: 'long' }) }) : t('Errors.tiesChanged');
      break;
    case 'unavailable':
      message = t('Errors.unavailable');
      break;
    case 'forbidden':
      message = t('Errors.forbidden');
      break;
    default:
      message = people(`Errors.${error.code}`);
  }
  return { code: error.code, message, fieldErrors };
}

type Checked = z.output<typeof sendAppealInput>;

/**
 * The preview: the email exactly as the app would send it (the same render and the same footer
 * line as lib/appeals/dispatch-appeal.ts), where it would go, and the `mailto:` link for sending
 * it oneself. Null when the letter no longer fits the record (a tie ended meanwhile).
 */
async function previewOf(user: CurrentUser, context: LetterContext, letter: Checked): Promise<LetterPreview | null> {
  // Read in the letter's language: the campaign's name is then the one the council reads in its
  // footer (campaignNameIn: the Ukrainian name in a Ukrainian letter, else the English one).
  const prepared = await prepareAppeal(await getDb(), {
    councilSlug: context.councilSlug,
    tieIds: letter.tieIds,
    language: letter.language,
    user,
    locale: letter.language === 'uk' ? 'uk' : 'en',
  });
  if (!prepared.ok) return null;
  const sameTies = prepared.ties.length === new Set(letter.tieIds).size && prepared.ties.every((t) => letter.tieIds.includes(t.id));
  if (prepared.council.id !== context.councilId || prepared.campaign.id !== context.campaignId || !sameTies || prepared.letter.language !== letter.language) {
    return null;
  }
  const signer = [letter.signerName, letter.signerCity].filter(Boolean).join(', ');
  const rendered = await renderAppealLetter(
    { language: letter.language, subject: letter.subject, body: letter.body },
    { reason: sendingPhrases(letter.language).reason(signer, prepared.campaign.name) },
  );
  const mailto = mailtoHref({ to: prepared.recipients, subject: rendered.subject, body: letter.body, language: letter.language });
  return {
    to: prepared.recipients,
    replyTo: user.email,
    cc: [user.email],
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    canSendFromApp: prepared.canSendFromApp,
    blockedReason: prepared.blockedReason,
    needsModeration: prepared.needsModeration,
    mailto: mailto.ok ? { ok: true, href: mailto.href, truncated: mailto.truncated } : { ok: false, code: mailto.code },
  };
}

/**
 * The letter form's one action: each button says what to do (`intent`). Sending and confirming
 * a letter sent elsewhere go through the action wrapper and, done, lead to the appeal's page;
 * the other steps only show the letter (preview, print view, PDF) and change nothing.
 */
export async function composeAppealAction(locale: string, rawContext: LetterContext, _previous: ComposerState, form: FormData): Promise<ComposerState> {
  const lang = pageLocale(locale);
  const values = letterValues(form);
  const rawIntent = form.get('intent');
  const intent = INTENTS.find((i) => i === rawIntent) ?? 'preview';
  if (intent === 'edit') return { step: 'edit', values, error: null };
  const context = letterContext.safeParse(rawContext);
  if (!context.success) return { step: 'edit', values, error: await composerError(lang, { code: 'ties_changed' }) };
  const { councilId, campaignId } = context.data;

  if (intent === 'send' || intent.startsWith('record:')) {
    const letter = { councilId, campaignId, tieIds: values.tieIds, language: values.language, subject: values.subject, body: values.body };
    const result =
      intent === 'send'
        ? await performAction(sendAppeal, { ...letter, signerName: values.signerName, signerCity: values.signerCity })
        : await performAction(recordExternalAppeal, { ...letter, channel: intent.slice('record:'.length) });
    if (result.ok) {
      revalidatePath(`/${lang}/my-appeals`);
      // A report of a letter sent elsewhere is counted at once ("recorded") or once an organiser
      // has read it ("reported"); a letter the app sends is queued or waits for an organiser.
      const external = intent !== 'send';
      const state = 'state' in result.value ? result.value.state : 'sent';
      const done = external ? (state === 'awaiting_moderation' ? 'reported' : 'recorded') : state;
      redirect(`/${lang}/appeals/${result.value.appealId}?done=${done}`);
    }
    const error = await composerError(lang, result.error);
    if (Object.keys(error.fieldErrors).length > 0) return { step: 'edit', values, error };
    // Refused as it stands (a limit, the 30-day rule, no address): the preview again, saying why.
    const user = await getCurrentUser();
    const checked = sendAppealInput.safeParse({ ...letter, signerName: values.signerName, signerCity: values.signerCity });
    const preview = user && checked.success ? await previewOf(user, context.data, checked.data) : null;
    return preview ? { step: 'preview', values, preview, error, pdfHref: null } : { step: 'edit', values, error };
  }

  const user = await getCurrentUser();
  if (!user) return { step: 'edit', values, error: await composerError(lang, { code: 'unauthenticated' }) };
  // The same checks as sending, so the preview never shows a letter that could not be sent as it is.
  const checked = sendAppealInput.safeParse({ councilId, campaignId, ...values });
  if (!checked.success) {
    const { fieldErrors } = z.flattenError(checked.error);
    return { step: 'edit', values, error: await composerError(lang, { code: 'invalid_input', fieldErrors: fieldErrors as Record<string, string[]> }) };
  }
  const letter = checked.data;

  if (intent === 'print') {
    const printed = await printableLetter(await getDb(), {
      councilId,
      tieIds: letter.tieIds,
      language: letter.language,
      subject: letter.subject,
      body: letter.body,
      signerName: letter.signerName,
      signerCity: letter.signerCity,
      at: new Date(),
      fallbackAddress: [],
    });
    return {
      step: 'print',
      values,
      printed: { language: printed.language, senderLines: printed.senderLines, addressLines: printed.addressLines, date: printed.date, subject: printed.subject, body: printed.body },
    };
  }

  const preview = await previewOf(user, context.data, letter);
  if (!preview) return { step: 'edit', values, error: await composerError(lang, { code: 'ties_changed' }) };
  let pdfHref: string | null = null;
  if (intent === 'pdf') {
    const printable = await printableLetter(await getDb(), {
      councilId,
      tieIds: letter.tieIds,
      language: letter.language,
      subject: preview.subject,
      body: letter.body,
      signerName: letter.signerName,
      signerCity: letter.signerCity,
      at: new Date(),
      fallbackAddress: preview.to,
    });
    // Nothing is stored before the letter is sent, so the PDF comes back in the page itself.
    pdfHref = `data:application/pdf;base64,${(await printableLetterPdf(printable)).toString('base64')}`;
  }
  return { step: 'preview', values, preview, error: null, pdfHref };
}
