import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { DEV_MAILBOX_PAGE_SIZE, listDevMailbox } from '@/lib/mail/dev-mailbox';
import { devMailboxEnabled } from '@/lib/mail/providers';
import { formatUtc } from './format';

export const metadata: Metadata = { title: 'Messages' };

const TH = 'border-b-2 border-ink py-2 pr-4 align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

export default async function DevMailboxPage() {
  // Per request: the configuration decides whether this page exists, and `next build` must
  // never open the database.
  await connection();
  if (!devMailboxEnabled()) notFound();
  const messages = await listDevMailbox(await getDb());

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">Dev mailbox</h1>
      <p className="mt-4 max-w-prose text-lg">
        No <code>RESEND_API_KEY</code> is set, so the app sends no mail: every message stays here instead. The latest{' '}
        {DEV_MAILBOX_PAGE_SIZE}, newest first. <Link href="/dev/mailbox">Refresh</Link>
      </p>

      {messages.length === 0 ? (
        <p className="mt-8 text-lg" data-testid="mailbox-empty">
          No mail yet. Ask for a sign-in link, and it appears here.
        </p>
      ) : (
        <div role="region" aria-labelledby="mailbox-caption" tabIndex={0} className="mt-8 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left">
            <caption id="mailbox-caption" className="sr-only">
              Messages, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  Subject
                </th>
                <th scope="col" className={TH}>
                  To
                </th>
                <th scope="col" className={TH}>
                  Kind
                </th>
                <th scope="col" className={TH}>
                  State
                </th>
                <th scope="col" className={TH}>
                  Created
                </th>
                <th scope="col" className={TH}>
                  Sent
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-message={m.id}>
                  <th scope="row" className={`${TD} font-bold`}>
                    <Link href={`/dev/mailbox/${m.id}`}>
                      {m.subject}
                      {/* Rows often share a subject: the link names its recipient to anyone listing links. */}
                      <span className="sr-only">, to {m.to.join(', ')}</span>
                    </Link>
                  </th>
                  <td className={`${TD} break-all`}>{m.to.join(', ')}</td>
                  <td className={TD}>{m.kind.replace('_', ' ')}</td>
                  <td className={TD}>{m.state}</td>
                  <td className={`${TD} whitespace-nowrap`}>
                    <time dateTime={m.createdAt.toISOString()}>{formatUtc(m.createdAt)}</time>
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>
                    {m.sentAt ? <time dateTime={m.sentAt.toISOString()}>{formatUtc(m.sentAt)}</time> : <span className="text-muted">not yet</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
