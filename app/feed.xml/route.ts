import { connection } from 'next/server';
import { cachedAtVersion } from '@/lib/cache/public-cache';
import { cachedStatusChanges, requestReader } from '@/lib/cache/public-queries';
import { statusChangesAtom } from '@/lib/feed/status-changes-atom';
import { env } from '@/lib/env';
import { cachedResponse } from '@/lib/http/cached-response';
import { catalogues } from '@/messages';

const FEED_ENTRIES = 50;

/**
 * The latest status changes as an Atom feed, in English. Cached like the rest of the open data
 * (Cache-Control, a strong ETag, 304 on If-None-Match): feed readers poll.
 */
export async function GET(request: Request): Promise<Response> {
  // Read per request from the database; `next build` must never open it.
  await connection();
  const reader = await requestReader();
  // Feed readers poll: the feed is written once per data version.
  const body = await cachedAtVersion(reader, 'feed.xml', async () =>
    statusChangesAtom(await cachedStatusChanges(reader, { locale: 'en', limit: FEED_ENTRIES }), {
      appUrl: env().APP_URL,
      statusName: (status) => catalogues.en.TieStatus[status],
      eventName: (type) => catalogues.en.Event[type],
    }),
  );
  return cachedResponse(request, body, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}
