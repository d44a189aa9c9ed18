import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import '../../globals.css';

// A developer's page, outside the locale routes (proxy.ts leaves /dev alone): English only, and
// never indexed. The pages themselves answer 404 unless the dev mailbox is enabled.
export const metadata: Metadata = {
  title: { default: 'Dev mailbox · Untwin', template: '%s · Dev mailbox · Untwin' },
  robots: { index: false, follow: false },
};

export default function DevMailboxLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only bg-focus px-4 py-3 text-ink underline focus:not-sr-only focus:block">
          Skip to main content
        </a>
        <header className="border-b-8 border-brand bg-ink text-white">
          <div className="mx-auto flex max-w-5xl items-baseline gap-x-4 px-4 py-3 sm:px-6">
            <Link href="/dev/mailbox" className="text-2xl font-bold tracking-tight text-white no-underline visited:text-white hover:text-white hover:underline">
              Untwin
            </Link>
            <span className="font-bold">Dev mailbox</span>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
