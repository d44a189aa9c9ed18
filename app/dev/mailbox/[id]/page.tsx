import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getDevMailboxMessage, linksInText } from '@/lib/mail/dev-mailbox';
import { devMailboxEnabled } from '@/lib/mail/providers';
import { formatUtc } from '../format';

export const metadata: Metadata = { title: 'Message' };

type Props = { params: Promise<{ id: string }> };

export default async function DevMailboxMessagePage({ params }: Props) {
  await connection();
  if (!devMailboxEnabled()) notFound();
  const { id } = await params;
  const message = await getDevMailboxMessage(await getDb(), id);
  if (!message) notFound();
  const links = linksInText(message.text);

  const headers: [string, string][] = [
    ['From', message.fromAddress],
    ['To', message.to.join(', ')],
    ['Cc', message.cc.length > 0 ? message.cc.join(', ') : '—'],
    ['Reply-To', message.replyTo ?? '—'],
    ['Subject', message.subject],
    ['Kind', message.kind.replace('_', ' ')],
    ['State', message.state],
    ['Created', formatUtc(message.createdAt)],
    ['Sent', message.sentAt ? formatUtc(message.sentAt) : 'not yet'],
    ['Attempts', String(message.attempts)],
  ];
  if (message.lastError) headers.push(['Last error', message.lastError]);

  return (
    <>
      <p>
        <Link href="/dev/mailbox">Back to all messages</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight break-words">{message.subject}</h1>

      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 border-y border-rule py-3">
        {headers.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="font-bold">{name}</dt>
            <dd className="break-all" data-header={name.toLowerCase()}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="links-heading" className="mt-8">
        <h2 id="links-heading" className="text-2xl font-bold">
          Links in the message
        </h2>
        {links.length === 0 ? (
          <p className="mt-2">The message has no links.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {links.map((link) => (
              <li key={link} className="break-all">
                <a href={link} data-testid="mail-link">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading" className="mt-8">
        <h2 id="html-heading" className="text-2xl font-bold">
          HTML version
        </h2>
        <p className="mt-2 max-w-prose text-muted">Shown as a mail client would, with scripts and forms switched off.</p>
        {/* sandbox="" keeps the message away from this page: no scripts, no same origin, no forms. */}
        <iframe
          sandbox=""
          srcDoc={message.html}
          title={`HTML version of “${message.subject}”`}
          className="mt-3 h-[40rem] w-full border-2 border-ink bg-white"
        />
      </section>

      <section aria-labelledby="text-heading" className="mt-8">
        <h2 id="text-heading" className="text-2xl font-bold">
          Plain-text version
        </h2>
        <pre className="mt-3 overflow-x-auto border-2 border-ink bg-surface p-4 font-mono text-sm whitespace-pre-wrap break-words">{message.text}</pre>
      </section>
    </>
  );
}
