import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction } from './action';
import { actionRoute } from './next-action';

describe('actionRoute', () => {
  it('refuses a body past the cap with 413 before reading it or running anything', async () => {
    let ran = false;
    const route = actionRoute(
      defineAction({
        name: 'test.noop',
        permission: 'account.update',
        input: z.object({}),
        target: () => 'anywhere' as const,
        run: async () => {
          ran = true;
        },
      }),
    );
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const response = await route(new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    expect(ran).toBe(false);
  });
});
