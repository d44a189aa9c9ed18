/**
 * The letter templates' fill-ins: `{councilName}` and the like, replaced by plain text.
 *
 * Templates may be edited by organisers, so the engine is deliberately small: a fill-in is a
 * known name in braces and nothing else (no expressions, no nesting, no formatting). A name it
 * does not know is an error with its position, not a silent blank, so an organiser sees the
 * typo before a letter goes out. `{{` and `}}` write a literal brace. Values are inserted in one
 * pass and never read again: a value that happens to contain `{facts}` stays those characters.
 * Escaping for HTML is the renderer's job; the values here are plain text.
 */

export const FILL_IN_NAMES = [
  /** The salutation, addressed to the head of the council when the data names one. */
  'greeting',
  'councilName',
  /** The head of the council's name, or the language's word for the office when unknown. */
  'headName',
  /** The council's own place. */
  'place',
  /** The partner place or places, as a list. */
  'partner',
  'partnerCountry',
  /** Each tie: the kind of agreement, the partner, and the year it was signed when known. */
  'agreement',
  /** A whole sentence saying which ties still stand, right for one tie or several (lib/appeals/ties-sentence.ts). */
  'tiesInForce',
  /** For a council that pledged: its own promise, its date and the session that will vote; empty otherwise. */
  'pledgeReminder',
  /** A paragraph of facts from the data: other councils that already severed such ties. */
  'facts',
  'signerName',
  'signerCity',
  /** The activist's own paragraph(s). */
  'personal',
] as const;
export type FillInName = (typeof FILL_IN_NAMES)[number];
export type FillInValues = Record<FillInName, string>;

export type TemplatePart = { text: string } | { fillIn: FillInName };
export type ParsedTemplate = { source: string; parts: readonly TemplatePart[] };

export type TemplateErrorCode = 'unknown_fill_in' | 'unclosed_fill_in' | 'stray_brace';
export type TemplateError = {
  code: TemplateErrorCode;
  /** The name inside the braces, for unknown fill-ins. */
  name?: string;
  /** 0-based offset into the template text, and 1-based line and column for people. */
  offset: number;
  line: number;
  column: number;
  message: string;
};

export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; errors: TemplateError[] };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const KNOWN: ReadonlySet<string> = new Set(FILL_IN_NAMES);

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** Reads a template; every problem is reported, each with where it is. */
export function parseTemplate(text: string): ParseResult {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let literal = '';
  const error = (code: TemplateErrorCode, offset: number, message: string, name?: string) =>
    errors.push({ code, offset, ...position(text, offset), message, ...(name !== undefined ? { name } : {}) });

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (ch === '{') {
      const close = text.indexOf('}', i + 1);
      const nextOpen = text.indexOf('{', i + 1);
      const lineEnd = text.indexOf('\n', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close) || (lineEnd >= 0 && lineEnd < close)) {
        const { line, column } = position(text, i);
        error('unclosed_fill_in', i, `Line ${line}, column ${column}: “{” opens a fill-in that is not closed on the same line; write {{ for a literal brace.`);
        literal += ch;
        i += 1;
        continue;
      }
      const name = text.slice(i + 1, close);
      const { line, column } = position(text, i);
      if (!NAME.test(name) || !KNOWN.has(name)) {
        error(
          'unknown_fill_in',
          i,
          `Line ${line}, column ${column}: {${name}} is not a fill-in. Known fill-ins: ${FILL_IN_NAMES.map((n) => `{${n}}`).join(', ')}.`,
          name,
        );
      } else {
        if (literal) parts.push({ text: literal });
        literal = '';
        parts.push({ fillIn: name as FillInName });
      }
      i = close + 1;
    } else if (ch === '}') {
      const { line, column } = position(text, i);
      error('stray_brace', i, `Line ${line}, column ${column}: “}” closes nothing; write }} for a literal brace.`);
      literal += ch;
      i += 1;
    } else {
      literal += ch;
      i += 1;
    }
  }
  if (literal) parts.push({ text: literal });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template: { source: text, parts } };
}

/** A template that must be valid (the seed templates, checked by their tests). */
export function mustParseTemplate(text: string): ParsedTemplate {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(`Invalid letter template: ${parsed.errors.map((e) => e.message).join(' ')}`);
  return parsed.template;
}

/** The fill-ins a template uses, once each, in order of first use. */
export function fillInsUsed(template: ParsedTemplate): FillInName[] {
  const used: FillInName[] = [];
  for (const part of template.parts) if ('fillIn' in part && !used.includes(part.fillIn)) used.push(part.fillIn);
  return used;
}

/** Puts the values in. One pass: the values' own text is never looked at. */
export function fillTemplate(template: ParsedTemplate, values: FillInValues): string {
  let out = '';
  for (const part of template.parts) out += 'text' in part ? part.text : values[part.fillIn];
  return out;
}
