import { render } from '@react-email/render';
import { createElement } from 'react';
import AppealLetterEmail from '../../emails/appeal-letter';
import { oneLine } from './letter';

export type LetterToRender = {
  language: string;
  subject: string;
  /** The letter as the activist left it, edits included. */
  body: string;
};

export type RenderLetterOptions = {
  /** The footer line saying why the council gets this email; the sending step words it. */
  reason?: string;
  campaignUrl?: string;
};

export type RenderedLetter = { subject: string; html: string; text: string };

/**
 * The letter as it goes out: the HTML email, its plain-text twin, and the subject on one line
 * (a line break in a subject would start a new mail header). The preview shows this output,
 * so the activist sees the letter exactly as it will be sent.
 */
export async function renderAppealLetter(letter: LetterToRender, options: RenderLetterOptions = {}): Promise<RenderedLetter> {
  const element = createElement(AppealLetterEmail, { language: letter.language, body: letter.body, ...options });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: oneLine(letter.subject), html, text };
}
