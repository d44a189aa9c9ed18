import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { SourceSummary } from '@/lib/sources/source-summary';
import { webAddress } from '@/lib/sources/web-address';
import { partialDateValues } from '../partial-date-text';

/**
 * Names a source where a fact cites it: its title (in the source's own language), publisher
 * and date. A web source links to its address; every source links to its own page, where a
 * seed document can be read in full.
 */
export function SourceCitation({ source }: { source: SourceSummary }) {
  const t = useTranslations('Timeline');
  const format = useFormatter();
  const locale = useLocale();
  const sourcePage = `/${locale}/sources/${source.id}`;
  const url = webAddress(source.url);
  return (
    <span data-source={source.id}>
      {url ? (
        <a href={url} lang={source.language ?? undefined} rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <a href={sourcePage} lang={source.language ?? undefined}>
          {source.title}
        </a>
      )}
      {source.publisher ? <>, {source.publisher}</> : null}
      {source.publishedOn ? <>, {t.rich('published', partialDateValues(format, source.publishedOn))}</> : null}
      {url ? (
        <>
          {' '}
          (<a href={sourcePage}>{t('aboutSource')}</a>)
        </>
      ) : source.seedDocument ? (
        <>
          {' '}
          <span className="text-muted">({t('seedDocument')})</span>
        </>
      ) : null}
    </span>
  );
}
