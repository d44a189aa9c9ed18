import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from './env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
  return env();
}

describe('env', () => {
  it('defaults to embedded PGlite in .data/pglite', () => {
    const e = withEnv({ DATABASE_URL: undefined, PGLITE_DIR: undefined, APP_URL: undefined });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe('.data/pglite');
    expect(e.APP_URL).toBe('http://localhost:3000');
  });

  it('treats an empty DATABASE_URL as unset, so `DATABASE_URL= npm start` means PGlite', () => {
    expect(withEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable in one error', () => {
    expect(() => withEnv({ DATABASE_URL: 'not a url', APP_URL: 'nope' })).toThrow(/DATABASE_URL[\s\S]*APP_URL|APP_URL[\s\S]*DATABASE_URL/);
  });
});
