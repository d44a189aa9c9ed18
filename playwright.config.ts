import fs from 'node:fs';
import { type PlaywrightTestConfig, defineConfig, devices } from '@playwright/test';

// Two apps from one production build (`npm run test:e2e` runs `next build` first):
// - port 3100, on embedded PGlite, sending mail through the Resend SDK to the fake Resend (3199);
// - port 3101, only when TEST_DATABASE_URL names a PostgreSQL server (CI does), on a fresh
//   database there, with no Resend key: mail lands in the dev mailbox, read through its pages.
const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;
const FAKE_RESEND_PORT = 3199;
const POSTGRES_PORT = 3101;
const postgresBaseURL = `http://127.0.0.1:${POSTGRES_PORT}`;
const postgresServer = process.env.TEST_DATABASE_URL || undefined;
const DEV_MAILBOX_SPEC = /activist\/sign-in-dev-mailbox\.spec\.ts$/;
const PHONE_SPECS = /phone\/.*\.spec\.ts$/;

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

/** What both apps share. */
const appEnv = {
  AUTH_TRUST_HOST: 'true',
  AUTH_SECRET: 'e2e-only-secret-never-used-anywhere-else',
  // Every sign-in of the suite comes from 127.0.0.1, and specs sign the same people in more than
  // once: the limits themselves are tested in lib/auth/sign-in-link.test.ts.
  SIGN_IN_LIMIT_PER_ADDRESS: '50',
  SIGN_IN_CEILING_PER_ADDRESS: '50',
  SIGN_IN_LIMIT_PER_IP: '1000',
  NEXT_TELEMETRY_DISABLED: '1',
  // Status notifications (lib/notifications): scanned every 2 s, changes grouped over 5 s instead
  // of an hour, so a spec sees the one mail that groups them.
  NOTIFY_SCAN_SECONDS: '2',
  NOTIFY_GROUP_SECONDS: '5',
};

const webServers: NonNullable<PlaywrightTestConfig['webServer']> = [
  {
    command: `npx tsx scripts/fake-resend.ts --port ${FAKE_RESEND_PORT}`,
    url: `http://127.0.0.1:${FAKE_RESEND_PORT}/_test/messages`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  {
    // A freshly seeded embedded database. The old one is removed here rather than in a
    // globalSetup: Playwright starts the web servers before globalSetup.
    command: [
      `node -e "require('node:fs').rmSync('.data/e2e', { recursive: true, force: true })"`,
      'npx tsx scripts/db-setup.ts',
      // Council contact addresses, the way an operator records them, and the admin who moderates.
      'npx tsx scripts/data-import.ts e2e/fixtures/council-directory.json',
      'npx tsx scripts/admin-create.ts e2e-admin@example.org',
      `npx next start -p ${PORT}`,
    ].join(' && '),
    // Ready when the home page renders: the database is open and the first request is paid for.
    url: `${baseURL}/en`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...appEnv,
      PGLITE_DIR: '.data/e2e',
      DATABASE_URL: '', // the embedded engine, whatever the shell has configured
      APP_URL: baseURL,
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: `http://127.0.0.1:${FAKE_RESEND_PORT}`,
      // base64 of "untwin-e2e-resend-webhook-secret"; e2e/activist/appeal-support.ts signs with it.
      RESEND_WEBHOOK_SECRET: 'whsec_dW50d2luLWUyZS1yZXNlbmQtd2ViaG9vay1zZWNyZXQ=',
    },
  },
];

if (postgresServer) {
  const database = new URL(postgresServer);
  database.pathname = '/untwin_e2e';
  webServers.push({
    command: ['npx tsx e2e/support/reset-postgres-database.ts', 'npx tsx scripts/db-setup.ts', `npx next start -p ${POSTGRES_PORT}`].join(' && '),
    url: `${postgresBaseURL}/en`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...appEnv,
      DATABASE_URL: database.toString(),
      APP_URL: postgresBaseURL,
      RESEND_API_KEY: '', // no provider: the dev mailbox
      DEV_MAILBOX: 'on',
    },
  });
}

const chromium = { ...devices['Desktop Chrome'], launchOptions };

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1, // small machine: parallel pages only slow each other down
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: [DEV_MAILBOX_SPEC, PHONE_SPECS] },
    // People read the record on 360-414 px screens: these specs run at a phone's width.
    { name: 'phone', use: { ...chromium, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, testMatch: PHONE_SPECS },
    ...(postgresServer
      ? [{ name: 'postgres-dev-mailbox', use: { ...chromium, baseURL: postgresBaseURL }, testMatch: DEV_MAILBOX_SPEC }]
      : []),
  ],
  webServer: webServers,
});
