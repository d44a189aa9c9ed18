/**
 * What the sign-in form shows after a submission that did not go through. Apart from
 * lib/auth/sign-in-form.ts because the form is a client component: this file must not reach
 * lib/env.ts (and through it Node-only modules such as node:net).
 */
export type SignInFormState = {
  email: string;
  error: SignInFormError | null;
};
export type SignInFormError = 'email_missing' | 'email_invalid' | 'foreign_origin';

export const EMPTY_SIGN_IN_FORM: SignInFormState = { email: '', error: null };
