import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { subscriptionByToken } from '@/lib/notifications/follow';
import { unsubscribe } from '@/lib/notifications/status-notifications';

/**
 * One-click unsubscribe (RFC 8058): the List-Unsubscribe address of every notification mail.
 * A POST (what mail clients send, with the body `List-Unsubscribe=One-Click`) unsubscribes: no
 * session and no Origin are asked for, because the mail client posts from its own servers; the
 * unguessable token in the address is the whole authority, and all it can do is stop mail to
 * its own subscriber (lib/actions/mutations-through-wrapper.test.ts lists this exception). The
 * body is not read. A GET changes nothing (link scanners): it leads to the page with the button.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const done = await unsubscribe(await getDb(), token);
  const url = new URL(request.url);
  if (url.searchParams.get('then') === 'page') {
    const asked = url.searchParams.get('locale') ?? '';
    const locale = (routing.locales as readonly string[]).includes(asked) ? asked : (done?.locale ?? routing.defaultLocale);
    return new Response(null, { status: 303, headers: { Location: `/${locale}/unsubscribe/${encodeURIComponent(token)}?done=1` } });
  }
  if (!done) return new Response('No such subscription.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response('Unsubscribed.', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const sub = await subscriptionByToken(await getDb(), token, 'en');
  if (!sub) return new Response('No such subscription.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(null, { status: 303, headers: { Location: `/${routing.defaultLocale}/unsubscribe/${encodeURIComponent(token)}` } });
}
