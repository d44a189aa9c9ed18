import type { TieKind } from '../../places/kinds';
import type { LetterLanguage } from './phrases';

/**
 * A letter template: a subject and a body with named fill-ins (lib/appeals/fill-ins.ts).
 * The body's paragraphs are separated by a blank line; a paragraph left empty once the
 * fill-ins are in (no facts in the data, no personal text) is dropped.
 */
export type LetterTemplate = {
  subject: string;
  body: string;
  /** How this family calls the kinds of agreement, where it differs from the language's default. */
  kinds?: Partial<Record<TieKind, string>>;
};

/** The templates of one campaign family, by letter language. */
export type TemplateFamily = {
  key: string;
  /** Where the arguments come from, for organisers who edit the text. */
  drawnFrom: string;
  templates: Partial<Record<LetterLanguage, LetterTemplate>>;
};
