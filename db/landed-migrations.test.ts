import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './client';

/**
 * A migration that has landed is never edited: databases that ran it keep what it did then,
 * so a change to it reaches only new databases, and the two drift apart (0000 once gained three
 * indexes that way; 0007 adds them for the databases that missed them). What a database needs
 * is a new migration.
 *
 * db/migrations/landed.sha256 holds the sha256 of every migration file (`sha256sum *.sql` in
 * db/migrations). Whoever adds a migration adds its line; a migration may still change, with
 * its line, until it is committed. After that, this test fails for any change.
 */
const LIST = path.join(MIGRATIONS_FOLDER, 'landed.sha256');

function listed(): Map<string, string> {
  const lines = fs.readFileSync(LIST, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return new Map(
    lines.map((line) => {
      const [hash, file] = line.trim().split(/\s+\*?/);
      return [file!, hash!];
    }),
  );
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file))).digest('hex');

describe('landed migrations', () => {
  it('are byte for byte what they were when they landed', () => {
    for (const [file, hash] of listed()) {
      expect(fs.existsSync(path.join(MIGRATIONS_FOLDER, file)), `${file} is listed in landed.sha256 but gone`).toBe(true);
      expect(sha256(file), `${file} changed after it landed: write a new migration instead`).toBe(hash);
    }
  });

  it('are every one listed, so none can change unnoticed', () => {
    const files = fs.readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'));
    const missing = files.filter((f) => !listed().has(f));
    expect(missing, 'add `sha256sum <file>` of each new migration to db/migrations/landed.sha256').toEqual([]);
  });

  it('are the ones the journal applies', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(journal.entries.map((e) => `${e.tag}.sql`).sort()).toEqual([...listed().keys()].sort());
  });
});
