// npm run fake-resend -- --port 3199 — the fake Resend API (lib/testing/fake-resend.ts) as its own
// process, for Playwright and for trying the Resend path by hand (RESEND_API_KEY=anything,
// RESEND_BASE_URL=http://127.0.0.1:3199). Control endpoints: GET /_test/messages, POST /_test/fail,
// POST /_test/delay, POST /_test/reset.
import { startFakeResend } from '../lib/testing/fake-resend';

const DEFAULT_PORT = 3199;

function portArgument(args: string[]): number {
  const index = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (index === -1) return DEFAULT_PORT;
  const arg = args[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a port number (0-65535), not ${raw ?? 'nothing'}`);
    process.exit(2);
  }
  return port;
}

const server = await startFakeResend({ port: portArgument(process.argv.slice(2)) });
console.log(`fake Resend listening on ${server.url}`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
