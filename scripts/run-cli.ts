import { isMissingTable } from '../db/errors';

/** A mistake in how the command was called: printed with the usage, not as a failure. */
export class UsageError extends Error {}

/**
 * Runs a command-line tool's `main`, turning its errors into a message and an exit code: usage
 * mistakes (ours, and node:util parseArgs's) print the usage; a database with no tables says
 * to migrate; anything else prints "<label> failed: ...".
 */
export async function runCli(main: () => Promise<number>, options: { usage: string; label: string }): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UsageError || String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      console.error(`${message}\n\n${options.usage}`);
    } else if (isMissingTable(e)) {
      console.error('The database has no Untwin tables yet: run `npm run db:migrate` first.');
    } else {
      console.error(`${options.label} failed: ${message}`);
    }
    process.exitCode = 1;
  }
}
