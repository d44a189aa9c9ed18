import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once. Documented in the README with its
 * default; nothing else in the code reads process.env for configuration.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .pipe(z.url().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string. Without it the app uses embedded PGlite. */
  DATABASE_URL: optionalUrl.optional(),
  /** Where PGlite keeps its files when DATABASE_URL is not set. */
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** A PostgreSQL server for the test suite's second engine (a scratch database is made per file). */
  TEST_DATABASE_URL: optionalUrl.optional(),
  /** The public address of the app, for absolute links in mail, feeds and sitemaps. */
  APP_URL: z.url().default('http://localhost:3000'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
      throw new Error(`Invalid environment variables:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
