import { Section, Text } from '@react-email/components';
import { Fragment } from 'react';
import { EmailLayout, bodyText } from './components/layout';

export type AppealLetterEmailProps = {
  /** The letter's language (uk, en, de, pl); the letter's text is marked with it. */
  language: string;
  /** The letter as the activist left it: plain text, paragraphs separated by a blank line. */
  body: string;
  /** Why the council gets this email (who wrote it, through which campaign); the sending step words it. */
  reason?: string;
  campaignUrl?: string;
};

const PREVIEW_LENGTH = 140;

/** The lines a mail client shows after the subject: the first paragraph after the greeting. */
export function letterPreview(body: string): string {
  const paragraphs = letterParagraphs(body);
  const first = (paragraphs[1] ?? paragraphs[0] ?? []).join(' ');
  if (first.length <= PREVIEW_LENGTH) return first;
  const cut = first.slice(0, PREVIEW_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_LENGTH / 2))}…`;
}

/** Paragraphs, each as its lines: a single line break stays a line break (a signature, an address). */
export function letterParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trimEnd()))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}

/**
 * A letter to a council, as the activist wrote and previewed it. Every word of it is text,
 * never markup: React escapes it, so what the activist typed is what the council reads.
 */
export default function AppealLetterEmail({ language, body, reason, campaignUrl }: AppealLetterEmailProps) {
  return (
    <EmailLayout locale={language} preview={letterPreview(body)} reason={reason} campaignUrl={campaignUrl}>
      {/* The layout marks the page in the site's languages (uk or en); the letter carries its own. */}
      <Section lang={language}>
        {letterParagraphs(body).map((lines, i) => (
          <Text key={i} style={bodyText}>
            {lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </Text>
        ))}
      </Section>
    </EmailLayout>
  );
}

AppealLetterEmail.PreviewProps = {
  language: 'uk',
  body: `Шановні пані та панове!

Звертаюся до вас щодо зв’язків вашої громади з містами держави-агресора та її союзниці. За відкритими даними, досі чинні такі зв’язки: угода про побратимство — Гомель (Білорусь, підписано 1997 року).

Ще 2 ради вже розірвали зв’язки з цим партнером (Гомель): Ковель і Чернігів.

Прошу внести питання про розірвання цих зв’язків до порядку денного найближчої сесії ради, ухвалити рішення та оприлюднити його на офіційному сайті.

Живу в цьому місті двадцять років і хочу, щоб <наша> громада & її рада діяли рішуче.

З повагою
Олена Коваль
Житомир`,
  reason: 'Олена Коваль написала цей лист на Untwin у межах кампанії «Україна 2022».',
} satisfies AppealLetterEmailProps;
