import { useFormatter, useTranslations } from 'next-intl';
import type { TieConfirmation } from '@/lib/ties/confirmation';
import { partialDateValues } from '../partial-date-text';
import { SourceCitation } from '../timeline/source-citation';

/**
 * When and by what a tie's status was last confirmed, or, when no dated event confirms it, that
 * it is only listed (and where). A tie in force that nobody confirmed is never called simply "in
 * force" (lib/ties/figures.ts: "listed, not confirmed").
 */
export function ConfirmationNote({ confirmation, inForce }: { confirmation: TieConfirmation; inForce: boolean }) {
  const t = useTranslations('Confirmation');
  const format = useFormatter();
  if (confirmation.confirmed) {
    return (
      <div data-confirmation="confirmed">
        <p>
          {t.rich(confirmation.byDate ? 'confirmedByDate' : 'confirmedOn', partialDateValues(format, confirmation.on))}{' '}
          {t('basis', { basis: confirmation.basis })}
          {confirmation.source ? (
            <>
              {': '}
              <SourceCitation source={confirmation.source} />
            </>
          ) : null}
        </p>
      </div>
    );
  }
  return (
    <div data-confirmation="unconfirmed">
      {inForce ? <p className="font-bold">{t('listedNotConfirmed')}</p> : null}
      <p>
        {confirmation.listedBy ? (
          <>
            {t('listedIn')} <SourceCitation source={confirmation.listedBy} />
          </>
        ) : (
          t('notListed')
        )}
      </p>
      {inForce ? <p className="mt-1 max-w-prose text-sm text-muted">{t('explain')}</p> : null}
    </div>
  );
}

/** The same in a few words, for lists and table cells: "confirmed 27 June 2022" or "listed, not confirmed". */
export function ConfirmationShort({ confirmation }: { confirmation: { confirmed: boolean; on?: TieConfirmationDate } }) {
  const t = useTranslations('Home');
  const format = useFormatter();
  if (confirmation.confirmed && confirmation.on) {
    return (
      <span className="text-sm text-muted" data-confirmation="confirmed">
        {t.rich('confirmedShort', partialDateValues(format, confirmation.on))}
      </span>
    );
  }
  return (
    <span className="text-sm font-bold" data-confirmation="unconfirmed">
      {t('notConfirmedShort')}
    </span>
  );
}

type TieConfirmationDate = Extract<TieConfirmation, { confirmed: true }>['on'];
