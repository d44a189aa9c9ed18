import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**'],
    globalSetup: ['./vitest.global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // next-auth and next-intl's middleware import `next/server` without an extension, which
    // Node's ESM loader cannot resolve; inlined, Vite resolves it (lib/auth tests drive the real
    // NextAuth handlers, proxy.test.ts the real locale routing).
    server: { deps: { inline: ['next-auth', 'next-intl'] } },
  },
});
