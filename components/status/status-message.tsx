import type { ReactNode } from 'react';
import { setResponseStatus } from '@/lib/http/response-status';

/**
 * What a page shows instead of itself when there is nothing for this person here: a refusal
 * (403: the page is for organisers, or admins) or something unknown (404: an appeal that is not
 * theirs, a council that does not exist). Rendered by the page like any other content, so it
 * reads without JavaScript, and answered with its status (lib/http/response-status.ts says why
 * not with Next's `forbidden()` and `notFound()`).
 */
export function StatusMessage({ status, title, body, children }: { status: 403 | 404; title: string; body: string; children?: ReactNode }) {
  setResponseStatus(status);
  return (
    <div data-status={status}>
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">{title}</h1>
      <p className="mt-4 max-w-prose text-lg">{body}</p>
      {children}
    </div>
  );
}
