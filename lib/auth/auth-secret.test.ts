import { afterEach, expect, it, vi } from 'vitest';
import { resetEnvCache } from '../env';
import { authSecret } from './auth-secret';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  vi.restoreAllMocks();
});

function withEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

it('uses AUTH_SECRET when it is set', () => {
  withEnv({ NODE_ENV: 'production', AUTH_SECRET: 'from-the-environment' });
  expect(authSecret()).toBe('from-the-environment');
});

it('refuses to run in production without AUTH_SECRET', () => {
  withEnv({ NODE_ENV: 'production', AUTH_SECRET: undefined });
  expect(() => authSecret()).toThrow(/AUTH_SECRET is not set/);
});

it('falls back to a fixed development secret elsewhere, with a warning', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  withEnv({ NODE_ENV: 'development', AUTH_SECRET: undefined });
  const secret = authSecret();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(authSecret()).toBe(secret);
  expect(warn).toHaveBeenCalledTimes(1);
});
