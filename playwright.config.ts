import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

// The distribution's Chromium when there is one (CI installs it with apt); otherwise the
// browser `npx playwright install chromium` downloads.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1, // one app server on a small machine: parallel pages only slow each other down
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    // A production build on a freshly seeded embedded database. The old database is removed
    // here rather than in a globalSetup: Playwright starts the web server before globalSetup.
    command: [
      `node -e "require('node:fs').rmSync('.data/e2e', { recursive: true, force: true })"`,
      'npm run build',
      'npx tsx scripts/db-setup.ts',
      `npx next start -p ${PORT}`,
    ].join(' && '),
    // Ready when the home page renders: the database is open and the first request is paid for.
    url: `${baseURL}/en`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PGLITE_DIR: '.data/e2e',
      DATABASE_URL: '', // e2e runs on the embedded engine, whatever the shell has configured
      AUTH_TRUST_HOST: 'true',
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
