import { useTranslations } from 'next-intl';

/** "Find your city": a plain GET form into the tracker, which matches every spelling. */
export function FindYourCity({ locale }: { locale: string }) {
  const t = useTranslations('Home');
  return (
    <form action={`/${locale}/tracker`} method="get" role="search" aria-labelledby="find-city" className="mt-8 max-w-xl border-l-4 border-ink pl-4">
      <h2 id="find-city" className="text-xl font-bold">
        {t('findHeading')}
      </h2>
      <label htmlFor="find-city-q" className="mt-2 block">
        {t('findLabel')}
      </label>
      <div className="mt-1 flex gap-2">
        <input id="find-city-q" name="q" type="search" required autoComplete="off" className="block w-full border-2 border-ink bg-white px-2 py-1.5" />
        {/* Councils that already cut every tie are found too: "did my city do it?" is a fair question. */}
        <input type="hidden" name="closed" value="1" />
        <button type="submit" className="bg-[#00703c] px-4 py-2 font-bold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]">
          {t('findButton')}
        </button>
      </div>
    </form>
  );
}
