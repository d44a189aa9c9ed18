/* eslint-disable @next/next/no-html-link-for-pages -- Next sends this file's client code with
   every page; a plain link keeps next/link out of pages that have no other use for it. */
import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = { title: 'Сторінку не знайдено · Page not found · Untwin' };

// Every unknown address ends here, /uk/anything included: the locale layout takes only known
// locales (dynamicParams = false) and there is no catch-all route, because notFound() thrown
// while a page renders gives a blank page in Next 16.4. No locale is certain here, so it
// speaks both languages.
export default function RootNotFound() {
  return (
    <html lang="uk">
      <body>
        <main className="mx-auto max-w-3xl space-y-10 px-4 py-12 sm:px-6">
          <section>
            <h1 className="text-3xl font-bold">Сторінку не знайдено</h1>
            <p className="mt-3 text-lg">
              За цією адресою сторінки немає. <a href="/uk">Перейти на головну сторінку</a>.
            </p>
          </section>
          <section lang="en">
            <h2 className="text-3xl font-bold">Page not found</h2>
            <p className="mt-3 text-lg">
              There is no page at this address. <a href="/en">Go to the home page</a>.
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
