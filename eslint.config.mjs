import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'db/migrations/**',
    'playwright-report/**',
    'test-results/**',
    'blob-report/**',
    'coverage/**',
    'out/**',
    'next-env.d.ts',
  ]),
  {
    // Pages and components read through lib/*/queries: the only thing they take from db/ is
    // the handle (getDb) to pass along.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db/*', '!@/db/client', '**/db/*', '!**/db/client', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'Read data through lib/*/queries; app/ and components/ only get the handle from db/client.',
            },
          ],
        },
      ],
    },
  },
]);
