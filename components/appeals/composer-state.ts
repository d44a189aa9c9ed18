import type { ActionErrorCode } from '@/lib/auth/action';

/**
 * The letter form's steps, as the server action hands them back (app/[locale]/appeals/new/
 * actions.ts): editing the text, checking the preview (and taking the letter elsewhere from
 * there), and the print view. Each step carries the letter as typed, so every step's form posts
 * it on; nothing is stored until the letter is sent or confirmed as sent.
 */
export type LetterValues = {
  tieIds: string[];
  language: string;
  subject: string;
  body: string;
  signerName: string;
  signerCity: string;
};

/** A refusal, already in the page's language: one message, and one per field it names. */
export type ComposerError = { code: ActionErrorCode | 'ties_changed'; message: string; fieldErrors: Record<string, string> };

export type LetterPreview = {
  /** Where the app would send it: the council's usable addresses (none when it cannot send). */
  to: string[];
  /** The activist: replies come to them, and they get a copy. */
  replyTo: string;
  cc: string[];
  subject: string;
  /** The email exactly as rendered for sending, shown in a sandboxed frame. */
  html: string;
  text: string;
  canSendFromApp: boolean;
  /** Why the app cannot send it (no address in the directory, or every address bounced). */
  blockedReason: 'no_contact_address' | 'all_addresses_suppressed' | null;
  needsModeration: boolean;
  mailto: { ok: true; href: string; truncated: boolean } | { ok: false; code: 'no_address' | 'too_long' | 'invalid_address' | 'header_injection' };
};

/** The letter as printed: the same block the PDF draws (lib/appeals/letter-pdf.ts). */
export type PrintedLetterView = {
  language: string;
  senderLines: string[];
  addressLines: string[];
  date: string;
  subject: string;
  body: string;
};

export type ComposerState =
  | { step: 'edit'; values: LetterValues | null; error: ComposerError | null }
  | { step: 'preview'; values: LetterValues; preview: LetterPreview; error: ComposerError | null; pdfHref: string | null }
  | { step: 'print'; values: LetterValues; printed: PrintedLetterView };

export const INITIAL_COMPOSER: ComposerState = { step: 'edit', values: null, error: null };

/** The intents the letter form's buttons post (`name="intent"`). */
export const EXTERNAL_INTENTS = ['record:copy', 'record:mailto', 'record:print', 'record:pdf'] as const;
export type ComposerIntent = 'preview' | 'edit' | 'send' | 'print' | 'pdf' | (typeof EXTERNAL_INTENTS)[number];
