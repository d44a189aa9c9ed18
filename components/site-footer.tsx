import { useTranslations } from 'next-intl';

export function SiteFooter() {
  const t = useTranslations('Layout');
  return (
    <footer className="mt-16 border-t border-rule bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm text-muted sm:px-6">
        <p className="max-w-prose">{t('footer')}</p>
      </div>
    </footer>
  );
}
