import { useLocale, useTranslations } from 'next-intl';
import { setResponseStatus } from '@/lib/http/response-status';

/**
 * What an unknown council, place or source address shows, with 404. Rendered by the page
 * itself: Next 16.4's notFound() thrown while a page renders answers with an empty body
 * (lib/http/response-status.ts).
 */
export function NotFoundView({ title, body }: { title: string; body: string }) {
  const t = useTranslations('NotFound');
  const locale = useLocale();
  setResponseStatus(404);
  return (
    <div data-not-found>
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      <p className="mt-4 max-w-prose text-lg">{body}</p>
      <p className="mt-4 text-lg">
        <a href={`/${locale}`}>{t('home')}</a>
      </p>
    </div>
  );
}
