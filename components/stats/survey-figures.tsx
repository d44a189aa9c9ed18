import { useFormatter, useTranslations } from 'next-intl';
import { QuoteBlock } from '@/components/timeline/quote-block';
import { SourceCitation } from '@/components/timeline/source-citation';
import type { CampaignFigure, CampaignFigures } from '@/lib/ties/stats';

/** Figures that one sentence of one source gives, shown with that sentence once. */
function groupBySentence(figures: readonly CampaignFigure[]): CampaignFigure[][] {
  const groups: CampaignFigure[][] = [];
  for (const f of figures) {
    const last = groups.at(-1)?.[0];
    if (last && last.quote === f.quote && last.source.id === f.source.id) groups.at(-1)!.push(f);
    else groups.push([f]);
  }
  return groups;
}

/** A campaign's own survey figures: the number large, what it counts, and the source's words. */
export function SurveyFigures({ campaign }: { campaign: CampaignFigures }) {
  const t = useTranslations('Stats');
  const format = useFormatter();
  const headingId = `figures-${campaign.slug}`;
  // One survey, one source: named once under the heading rather than after every figure.
  const first = campaign.figures[0]?.source;
  const oneSource = first && campaign.figures.every((f) => f.source.id === first.id) ? first : null;
  return (
    <section aria-labelledby={headingId} data-campaign={campaign.slug} className="mt-6">
      <h3 id={headingId} className="text-xl font-bold">
        {campaign.name}
      </h3>
      {oneSource ? (
        <p className="mt-1 text-sm">
          {t('source')}: <SourceCitation source={oneSource} />
        </p>
      ) : null}
      <div className="mt-3 space-y-6">
        {groupBySentence(campaign.figures).map((group) => {
          const { quote, source } = group[0]!;
          const citation = oneSource ? null : (
            <>
              {t('source')}: <SourceCitation source={source} />
            </>
          );
          return (
            <div key={group[0]!.key} className="border-t-2 border-ink pt-3">
              <dl className="space-y-2">
                {group.map((f) => (
                  <div key={f.key} data-figure={f.key} className="flex flex-col-reverse">
                    <dt>{f.label}</dt>
                    <dd className="text-3xl font-bold tabular-nums">{format.number(f.value)}</dd>
                  </div>
                ))}
              </dl>
              {quote ? (
                <QuoteBlock quote={quote} lang={source.language}>
                  {citation}
                </QuoteBlock>
              ) : citation ? (
                <p className="mt-2 text-sm">{citation}</p>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
