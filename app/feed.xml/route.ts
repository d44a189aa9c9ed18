import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { statusChangesAtom } from '@/lib/feed/status-changes-atom';
import { env } from '@/lib/env';
import { cachedResponse } from '@/lib/http/cached-response';
import { listStatusChanges } from '@/lib/ties/status-changes';
import { catalogues } from '@/messages';

const FEED_ENTRIES = 50;

/**
 * The latest status changes as an Atom feed, in English. Cached like the rest of the open data
 * (Cache-Control, a strong ETag, 304 on If-None-Match): feed readers poll.
 */
export async function GET(request: Request): Promise<Response> {
  // Read per request from the database; `next build` must never open it.
  await connection();
  const changes = await listStatusChanges(await getDb(), { locale: 'en', limit: FEED_ENTRIES });
  const body = statusChangesAtom(changes, {
    appUrl: env().APP_URL,
    statusName: (status) => catalogues.en.TieStatus[status],
  });
  return cachedResponse(request, body, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}
