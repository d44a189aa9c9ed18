'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';
import { formToInput } from '@/lib/auth/next-action';
import { type SignInFormState, parseSignInForm } from '@/lib/auth/sign-in-form';
import { EMAIL_PROVIDER_ID } from '@/lib/auth/sign-in-link';
import { env } from '@/lib/env';
import { isSameOriginRequest } from '@/lib/http/same-origin';

/**
 * Asks Auth.js for a sign-in link. Whatever the address (known, unknown, over its limit), a valid
 * one lands on the same "check your email" page: the page never says whether it has an account.
 */
export async function requestSignInLink(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  // Next.js refuses cross-site action calls itself; this is the app's own rule, kept in case.
  if (!isSameOriginRequest(await headers(), env().APP_URL)) return { email: '', error: 'foreign_origin' };
  const parsed = parseSignInForm(formToInput(form));
  if (!parsed.ok) return parsed.state;
  const { email, locale, callbackPath } = parsed.value;
  // `locale` reaches sendVerificationRequest in the request body: the mail's language.
  await signIn(EMAIL_PROVIDER_ID, { email, locale, redirectTo: callbackPath, redirect: false });
  redirect(`/${locale}/sign-in/check-email`);
}
