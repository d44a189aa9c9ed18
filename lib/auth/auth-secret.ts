import { env } from '../env';

// Only ever used outside production, where nothing it signs is worth stealing.
const DEVELOPMENT_SECRET = 'untwin-development-secret-do-not-use-in-production';
let warned = false;

/**
 * The secret that signs Auth.js cookies and salts the stored hash of every sign-in token.
 * Production refuses to run without one: a guessable secret would let anyone forge the hash
 * of a token. Development and tests fall back to a fixed one, with a warning.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is not set. Sign-in cannot work without it: set it to a long random value (openssl rand -base64 32).');
  }
  if (!warned) {
    warned = true;
    console.warn('AUTH_SECRET is not set: using the fixed development secret. Never run production like this.');
  }
  return DEVELOPMENT_SECRET;
}
