import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout, bodyText } from './components/layout';
import { EMAIL_COLOURS, type EmailLocale } from './i18n';

export type NoticeItem = { text: string; detail?: string | null; href?: string | null };

export type NoticeEmailProps = {
  locale: EmailLocale;
  preview: string;
  heading: string;
  /** Paragraphs before the list. */
  intro: string[];
  items?: NoticeItem[];
  /** Paragraphs after the list. */
  outro?: string[];
  button?: { label: string; href: string } | null;
  /** Why this person got this email. */
  reason: string;
  /** The one-click unsubscribe page, shown as a link too (the List-Unsubscribe header carries it). */
  unsubscribe?: { label: string; href: string } | null;
};

/**
 * The app's notices (a tie changed status, a staff claim to decide or decided, a council's
 * directory entry corrected, a follow to confirm): words composed by lib/notifications in the
 * recipient's language, the frame every email shares.
 */
export default function NoticeEmail({ locale, preview, heading, intro, items = [], outro = [], button, reason, unsubscribe }: NoticeEmailProps) {
  return (
    <EmailLayout locale={locale} preview={preview} reason={reason}>
      <Heading as="h1" style={{ fontSize: '24px', lineHeight: '32px', margin: '0 0 16px' }}>
        {heading}
      </Heading>
      {intro.map((p, i) => (
        <Text key={`i${i}`} style={bodyText}>
          {p}
        </Text>
      ))}
      {items.map((item, i) => (
        <Section key={`l${i}`} style={{ borderLeft: `4px solid ${EMAIL_COLOURS.rule}`, paddingLeft: '12px', margin: '0 0 16px' }}>
          <Text style={{ ...bodyText, fontWeight: 700, margin: '0 0 4px' }}>
            {item.href ? (
              <Link href={item.href} style={{ color: EMAIL_COLOURS.link, textDecoration: 'underline' }}>
                {item.text}
              </Link>
            ) : (
              item.text
            )}
          </Text>
          {item.detail ? <Text style={{ ...bodyText, margin: 0 }}>{item.detail}</Text> : null}
        </Section>
      ))}
      {outro.map((p, i) => (
        <Text key={`o${i}`} style={bodyText}>
          {p}
        </Text>
      ))}
      {button ? (
        <Section style={{ margin: '24px 0' }}>
          <Button href={button.href} style={{ backgroundColor: EMAIL_COLOURS.button, color: '#ffffff', fontSize: '19px', fontWeight: 700, padding: '12px 20px' }}>
            {button.label}
          </Button>
        </Section>
      ) : null}
      {button ? (
        <Text style={{ ...bodyText, color: EMAIL_COLOURS.muted, wordBreak: 'break-all' }}>{button.href}</Text>
      ) : null}
      {unsubscribe ? (
        <Text style={{ ...bodyText, color: EMAIL_COLOURS.muted }}>
          <Link href={unsubscribe.href} style={{ color: EMAIL_COLOURS.link, textDecoration: 'underline' }}>
            {unsubscribe.label}
          </Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

NoticeEmail.PreviewProps = {
  locale: 'uk',
  preview: 'Тернопільська міська рада: зміни щодо побратимських зв’язків',
  heading: 'Тернопільська міська рада відповіла',
  intro: ['Рада, до якої ви писали, змінила статус двох зв’язків.'],
  items: [{ text: 'Тернопіль – Гродно: розірвано', detail: 'Рішення № 12 від 3 грудня 2026 року' }],
  button: { label: 'Сторінка ради', href: 'http://localhost:3000/uk/councils/ternopil-ukr' },
  reason: 'Ви отримали цей лист, бо писали до цієї ради через Untwin.',
  unsubscribe: { label: 'Більше не надсилати листів про цю раду', href: 'http://localhost:3000/api/unsubscribe/x' },
} satisfies NoticeEmailProps;
