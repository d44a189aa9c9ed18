'use client';

import { type ReactNode, useActionState, useEffect, useRef } from 'react';
import { type ComposerError, type ComposerState, INITIAL_COMPOSER, type LetterValues } from './composer-state';
import { CopyTextButton, PrintButton } from './copy-text-button';
import { PrintedLetter } from './printed-letter';

export type ComposerLabels = {
  errorSummaryTitle: string;
  letterHeading: string;
  letterIntro: string;
  subject: string;
  body: string;
  bodyHint: string;
  signerName: string;
  signerNameHint: string;
  signerCity: string;
  signerCityHint: string;
  preview: string;
  previewHeading: string;
  previewIntro: string;
  to: string;
  replyTo: string;
  cc: string;
  previewSubject: string;
  htmlHeading: string;
  htmlFrameTitle: string;
  textHeading: string;
  edit: string;
  sendHeading: string;
  sendIntro: string;
  send: string;
  sendModerated: string;
  moderationNote: string;
  noAddress: string;
  addressesBounced: string;
  elsewhereHeading: string;
  elsewhereIntro: string;
  copyHeading: string;
  copyLabel: string;
  copyButton: string;
  copied: string;
  copyFailed: string;
  sentCopy: string;
  mailtoHeading: string;
  mailtoLink: string;
  mailtoTruncated: string;
  mailtoUnavailable: string;
  mailtoNoAddress: string;
  sentMailto: string;
  printHeading: string;
  printButton: string;
  sentPrint: string;
  pdfHeading: string;
  pdfButton: string;
  pdfReady: string;
  pdfLink: string;
  sentPdf: string;
  printViewHeading: string;
  printViewIntro: string;
  printNow: string;
  backToPreview: string;
};

const BUTTON = {
  primary: 'bg-[#00703c] text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]',
  secondary: 'bg-surface text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]',
} as const;
const LABEL = 'block font-bold';
const ERROR = 'font-bold text-[#d4351c]';
const input = (error: string | null) => `mt-1 block w-full border-2 bg-white px-2 py-1.5 ${error ? 'border-[#d4351c]' : 'border-ink'}`;
const H3 = 'text-xl font-bold';

function Submit({ intent, children, variant = 'primary', disabled }: { intent: string; children: ReactNode; variant?: keyof typeof BUTTON; disabled?: boolean }) {
  return (
    <button type="submit" name="intent" value={intent} disabled={disabled} className={`px-4 py-2 text-lg font-bold ${BUTTON[variant]}`}>
      {children}
    </button>
  );
}

/** The letter as typed, posted on by every step's form. */
function CarriedValues({ values, except = [] }: { values: LetterValues; except?: (keyof LetterValues)[] }) {
  return (
    <>
      {values.tieIds.map((id) => (
        <input key={id} type="hidden" name="tieIds" value={id} />
      ))}
      {(['language', 'subject', 'body', 'signerName', 'signerCity'] as const)
        .filter((name) => !except.includes(name))
        .map((name) => (
          <input key={name} type="hidden" name={name} value={values[name]} />
        ))}
    </>
  );
}

/** The ties and the language are chosen in step 1, above the letter (the page's own form). */
const CHOSEN_ABOVE = ['tieIds', 'language'];

function ErrorSummary({ id, title, error, summaryRef }: { id: string; title: string; error: ComposerError; summaryRef: React.RefObject<HTMLDivElement | null> }) {
  const fields = Object.entries(error.fieldErrors);
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby={`${id}-error-title`} className="mb-6 border-4 border-[#d4351c] p-4" data-error-code={error.code}>
      <h3 id={`${id}-error-title`} className="text-lg font-bold">
        {title}
      </h3>
      <ul className="mt-2 list-disc pl-6">
        {fields.length === 0 ? <li>{error.message}</li> : null}
        {fields.map(([name, message]) => (
          <li key={name}>
            <a href={CHOSEN_ABOVE.includes(name) ? `#about-${name}` : `#${id}-${name}`} className="font-bold text-[#d4351c] visited:text-[#d4351c]">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'border-l-4 border-[#d4351c] pl-4' : undefined}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={ERROR}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: boolean, error: string | null) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/**
 * The letter, step by step: edit it, check the preview (the email exactly as it will be sent),
 * then send it from Untwin or take it elsewhere and confirm it was sent. Each step is a plain
 * form posting to one server action, which answers with the next step: it all works without
 * JavaScript, which only adds the copy and print buttons and moves focus to the new step.
 */
export function AppealComposer({
  action,
  initial,
  labels,
}: {
  action: (state: ComposerState, form: FormData) => Promise<ComposerState>;
  initial: LetterValues;
  labels: ComposerLabels;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_COMPOSER);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if ((state.step === 'edit' || state.step === 'preview') && state.error) summary.current?.focus();
    else heading.current?.focus();
  }, [state]);

  if (state.step === 'print') {
    return (
      <section aria-labelledby="print-heading" className="mt-10">
        <h2 id="print-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold">
          {labels.printViewHeading}
        </h2>
        <p className="mt-2 max-w-prose">{labels.printViewIntro}</p>
        <div className="mt-4">
          <PrintButton label={labels.printNow} />
        </div>
        <PrintedLetter letter={state.printed} labelledBy="print-heading" />
        <form action={formAction} className="mt-6 flex flex-wrap gap-4">
          <CarriedValues values={state.values} />
          <Submit intent="record:print" disabled={pending}>
            {labels.sentPrint}
          </Submit>
          <Submit intent="preview" variant="secondary" disabled={pending}>
            {labels.backToPreview}
          </Submit>
        </form>
      </section>
    );
  }

  if (state.step === 'preview') {
    const { preview, values } = state;
    return (
      <section aria-labelledby="preview-heading" className="mt-10">
        <h2 id="preview-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold">
          {labels.previewHeading}
        </h2>
        {state.error ? <ErrorSummary id="letter" title={labels.errorSummaryTitle} error={state.error} summaryRef={summary} /> : null}
        <p className="mt-2 max-w-prose">{labels.previewIntro}</p>
        <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1" data-testid="preview-headers">
          {preview.to.length > 0 ? (
            <>
              <dt className="font-bold">{labels.to}</dt>
              <dd data-testid="preview-to">{preview.to.join(', ')}</dd>
              <dt className="font-bold">{labels.replyTo}</dt>
              <dd data-testid="preview-reply-to">{preview.replyTo}</dd>
              <dt className="font-bold">{labels.cc}</dt>
              <dd data-testid="preview-cc">{preview.cc.join(', ')}</dd>
            </>
          ) : null}
          <dt className="font-bold">{labels.previewSubject}</dt>
          <dd data-testid="preview-subject" lang={values.language}>
            {preview.subject}
          </dd>
        </dl>
        <h3 className={`${H3} mt-6`}>{labels.htmlHeading}</h3>
        {/* The email's own HTML, with nothing of it allowed to run or reach the page. */}
        <iframe title={labels.htmlFrameTitle} srcDoc={preview.html} sandbox="" className="mt-2 h-[32rem] w-full max-w-3xl border-2 border-ink bg-white" />
        <h3 className={`${H3} mt-6`}>{labels.textHeading}</h3>
        <pre data-testid="preview-text" lang={values.language} className="mt-2 max-w-3xl border-2 border-rule bg-surface p-4 font-sans whitespace-pre-wrap">
          {preview.text}
        </pre>

        <form action={formAction} className="mt-6">
          <CarriedValues values={values} />
          <Submit intent="edit" variant="secondary" disabled={pending}>
            {labels.edit}
          </Submit>

          <section aria-labelledby="send-heading" className="mt-10 border-l-8 border-[#00703c] pl-4">
            <h3 id="send-heading" className={H3}>
              {labels.sendHeading}
            </h3>
            {preview.canSendFromApp ? (
              <>
                <p className="mt-2 max-w-prose">{labels.sendIntro}</p>
                {preview.needsModeration ? <p className="mt-2 max-w-prose">{labels.moderationNote}</p> : null}
                <div className="mt-4">
                  <Submit intent="send" disabled={pending}>
                    {preview.needsModeration ? labels.sendModerated : labels.send}
                  </Submit>
                </div>
              </>
            ) : (
              <p className="mt-2 max-w-prose" data-testid="cannot-send">
                {preview.blockedReason === 'all_addresses_suppressed' ? labels.addressesBounced : labels.noAddress}
              </p>
            )}
          </section>

          <section aria-labelledby="elsewhere-heading" className="mt-10">
            <h3 id="elsewhere-heading" className={H3}>
              {labels.elsewhereHeading}
            </h3>
            <p className="mt-2 max-w-prose">{labels.elsewhereIntro}</p>

            <div className="mt-6 grid gap-8 lg:grid-cols-2">
              <section aria-labelledby="copy-heading">
                <h4 id="copy-heading" className="text-lg font-bold">
                  {labels.copyHeading}
                </h4>
                <label htmlFor="letter-copy" className="mt-2 block">
                  {labels.copyLabel}
                </label>
                <textarea id="letter-copy" readOnly rows={8} value={values.body} lang={values.language} className={input(null)} />
                <CopyTextButton targetId="letter-copy" label={labels.copyButton} copiedLabel={labels.copied} failedLabel={labels.copyFailed} />
                <div className="mt-4">
                  <Submit intent="record:copy" variant="secondary" disabled={pending}>
                    {labels.sentCopy}
                  </Submit>
                </div>
              </section>

              <section aria-labelledby="mailto-heading">
                <h4 id="mailto-heading" className="text-lg font-bold">
                  {labels.mailtoHeading}
                </h4>
                {preview.mailto.ok ? (
                  <>
                    <p className="mt-2">
                      <a href={preview.mailto.href} data-testid="mailto-link">
                        {labels.mailtoLink}
                      </a>
                    </p>
                    {preview.mailto.truncated ? (
                      <p className="mt-2 max-w-prose" data-testid="mailto-truncated">
                        {labels.mailtoTruncated}
                      </p>
                    ) : null}
                    <div className="mt-4">
                      <Submit intent="record:mailto" variant="secondary" disabled={pending}>
                        {labels.sentMailto}
                      </Submit>
                    </div>
                  </>
                ) : (
                  <p className="mt-2 max-w-prose">{preview.mailto.code === 'no_address' ? labels.mailtoNoAddress : labels.mailtoUnavailable}</p>
                )}
              </section>

              <section aria-labelledby="print-option-heading">
                <h4 id="print-option-heading" className="text-lg font-bold">
                  {labels.printHeading}
                </h4>
                <div className="mt-2 flex flex-wrap gap-4">
                  <Submit intent="print" variant="secondary" disabled={pending}>
                    {labels.printButton}
                  </Submit>
                  <Submit intent="record:print" variant="secondary" disabled={pending}>
                    {labels.sentPrint}
                  </Submit>
                </div>
              </section>

              <section aria-labelledby="pdf-heading">
                <h4 id="pdf-heading" className="text-lg font-bold">
                  {labels.pdfHeading}
                </h4>
                {state.pdfHref ? (
                  <p className="mt-2" role="status">
                    {labels.pdfReady}{' '}
                    <a href={state.pdfHref} download={`letter-${values.language}.pdf`} type="application/pdf" data-testid="pdf-link">
                      {labels.pdfLink}
                    </a>
                  </p>
                ) : null}
                <div className="mt-2 flex flex-wrap gap-4">
                  {state.pdfHref ? null : (
                    <Submit intent="pdf" variant="secondary" disabled={pending}>
                      {labels.pdfButton}
                    </Submit>
                  )}
                  <Submit intent="record:pdf" variant="secondary" disabled={pending}>
                    {labels.sentPdf}
                  </Submit>
                </div>
              </section>
            </div>
          </section>
        </form>
      </section>
    );
  }

  // Editing: the generated letter at first, then what was typed.
  const values = state.values ?? initial;
  const error = state.error;
  const fieldError = (name: string) => error?.fieldErrors[name] ?? null;
  const formKey = error ? `error:${JSON.stringify(values)}` : `edit:${values.language}`;
  return (
    <section aria-labelledby="letter-heading" className="mt-10">
      <h2 id="letter-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {labels.letterHeading}
      </h2>
      {error ? <ErrorSummary id="letter" title={labels.errorSummaryTitle} error={error} summaryRef={summary} /> : null}
      <p className="mt-2 max-w-prose">{labels.letterIntro}</p>
      <form key={formKey} action={formAction} noValidate aria-labelledby="letter-heading" className="mt-4 space-y-4">
        <CarriedValues values={values} except={['subject', 'body', 'signerName', 'signerCity']} />
        <div className="max-w-3xl">
          <Field id="letter-subject" label={labels.subject} error={fieldError('subject')}>
            <input
              id="letter-subject"
              name="subject"
              type="text"
              defaultValue={values.subject}
              lang={values.language}
              aria-describedby={describedBy('letter-subject', false, fieldError('subject'))}
              aria-invalid={fieldError('subject') ? true : undefined}
              className={input(fieldError('subject'))}
            />
          </Field>
        </div>
        <div className="max-w-3xl">
          <Field id="letter-body" label={labels.body} hint={labels.bodyHint} error={fieldError('body')}>
            <textarea
              id="letter-body"
              name="body"
              rows={20}
              defaultValue={values.body}
              lang={values.language}
              aria-describedby={describedBy('letter-body', true, fieldError('body'))}
              aria-invalid={fieldError('body') ? true : undefined}
              className={input(fieldError('body'))}
            />
          </Field>
        </div>
        <div className="max-w-xl">
          <Field id="letter-signerName" label={labels.signerName} hint={labels.signerNameHint} error={fieldError('signerName')}>
            <input
              id="letter-signerName"
              name="signerName"
              type="text"
              autoComplete="name"
              defaultValue={values.signerName}
              aria-describedby={describedBy('letter-signerName', true, fieldError('signerName'))}
              aria-invalid={fieldError('signerName') ? true : undefined}
              className={input(fieldError('signerName'))}
            />
          </Field>
        </div>
        <div className="max-w-xl">
          <Field id="letter-signerCity" label={labels.signerCity} hint={labels.signerCityHint} error={fieldError('signerCity')}>
            <input
              id="letter-signerCity"
              name="signerCity"
              type="text"
              autoComplete="address-level2"
              defaultValue={values.signerCity}
              aria-describedby={describedBy('letter-signerCity', true, fieldError('signerCity'))}
              aria-invalid={fieldError('signerCity') ? true : undefined}
              className={input(fieldError('signerCity'))}
            />
          </Field>
        </div>
        <Submit intent="preview" disabled={pending}>
          {labels.preview}
        </Submit>
      </form>
    </section>
  );
}
