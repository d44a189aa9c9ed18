import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { describeEachEngine } from '../testing/test-database';
import { DEV_MAILBOX_PAGE_SIZE, getDevMailboxMessage, linksInText, listDevMailbox } from './dev-mailbox';

const START = Date.parse('2026-03-01T09:00:00Z');

describeEachEngine('the dev mailbox', ({ db }) => {
  const ids: string[] = [];

  beforeAll(async () => {
    // 55 messages a minute apart: more than one page, so the limit shows.
    const rows = Array.from({ length: 55 }, (_, i) => ({
      id: randomUUID(),
      kind: 'sign_in' as const,
      state: i % 2 === 0 ? ('sent' as const) : ('queued' as const),
      fromAddress: 'Untwin <no-reply@untwin.test>',
      to: [`person${i}@example.org`],
      cc: i === 54 ? ['copy@example.org'] : [],
      replyTo: i === 54 ? 'organiser@example.org' : null,
      subject: `Message ${i}`,
      html: `<p>Message ${i}</p>`,
      text: `Message ${i}: https://untwin.test/uk/sign-in/confirm?token=t${i}`,
      createdAt: new Date(START + i * 60_000),
      sentAt: i % 2 === 0 ? new Date(START + i * 60_000 + 1000) : null,
      provider: i % 2 === 0 ? ('dev_mailbox' as const) : null,
    }));
    await db().insert(mailMessages).values(rows);
    ids.push(...rows.map((r) => r.id));
  });

  it('lists the latest 50, newest first, with what the table shows', async () => {
    const list = await listDevMailbox(db());
    expect(list).toHaveLength(DEV_MAILBOX_PAGE_SIZE);
    expect(list.map((m) => m.subject).slice(0, 3)).toEqual(['Message 54', 'Message 53', 'Message 52']);
    expect(list.at(-1)?.subject).toBe('Message 5');
    expect(list[0]).toEqual({
      id: ids[54],
      kind: 'sign_in',
      to: ['person54@example.org'],
      subject: 'Message 54',
      state: 'sent',
      createdAt: new Date(START + 54 * 60_000),
      sentAt: new Date(START + 54 * 60_000 + 1000),
    });
    expect(list[1]).toMatchObject({ state: 'queued', sentAt: null });
  });

  it('reads one message whole, and nothing for an unknown or malformed id', async () => {
    const message = await getDevMailboxMessage(db(), ids[54] ?? '');
    expect(message).toMatchObject({
      fromAddress: 'Untwin <no-reply@untwin.test>',
      to: ['person54@example.org'],
      cc: ['copy@example.org'],
      replyTo: 'organiser@example.org',
      html: '<p>Message 54</p>',
      text: 'Message 54: https://untwin.test/uk/sign-in/confirm?token=t54',
    });
    expect(await getDevMailboxMessage(db(), randomUUID())).toBeNull();
    expect(await getDevMailboxMessage(db(), "1' or '1'='1")).toBeNull();
  });
});

describe('linksInText', () => {
  it('finds each web link once, without the sentence punctuation around it', () => {
    const text = [
      'Open the sign-in page https://untwin.test/uk/sign-in/confirm?token=a&email=o%40e.org',
      'Campaign website: http://localhost:3000.',
      '(see https://untwin.test/about), or https://untwin.test/uk/sign-in/confirm?token=a&email=o%40e.org again',
      'javascript:alert(1) ftp://files.test/x mailto:someone@example.org',
    ].join('\n');
    expect(linksInText(text)).toEqual([
      'https://untwin.test/uk/sign-in/confirm?token=a&email=o%40e.org',
      'http://localhost:3000',
      'https://untwin.test/about',
    ]);
    expect(linksInText('No links here.')).toEqual([]);
  });
});
