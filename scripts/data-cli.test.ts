import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The import and export commands end to end, as a person runs them, on a PGlite folder of their own. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untwin-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite'), DATABASE_URL: '', NODE_ENV: 'test' };
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const fixtures = path.join(process.cwd(), 'lib', 'import', 'fixtures');

function run(script: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [path.join('scripts', script), ...args], { env, cwd: process.cwd(), timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

const exportNow = async () => {
  const out = path.join(dir, `export-${Date.now()}.json`);
  const result = await run('data-export.ts', ['--out', out]);
  expect(result.code, result.out).toBe(0);
  return fs.readFileSync(out, 'utf8');
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run data:import and data:export', { timeout: 600_000 }, () => {
  it('imports a CSV and says what it added', async () => {
    const result = await run('data-import.ts', [path.join(fixtures, 'ties.csv')]);
    expect(result.out).toMatch(/ties\s+2\s+0\s+0/);
    expect(result.out).toMatch(/events\s+3\s+0\s+0/);
    expect(result.out).toContain('Imported.');
    expect(result.code).toBe(0);
  });

  it('reports a file with a bad line by its line numbers, exits with 1 and changes nothing', async () => {
    const before = await exportNow();
    const result = await run('data-import.ts', [path.join(fixtures, 'wikipedia-list-with-errors.txt'), '--source-url', 'https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Russia']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('line 6: A partner line before any place');
    expect(result.out).toContain('line 12: The code GER means Germany, but the line says France.');
    expect(result.out).toContain('    - GER Paris, France');
    expect(result.out).toMatch(/ties\s+7\s+0\s+0/); // what the good lines would have added
    expect(result.out).toContain('Nothing was changed.');
    expect(await exportNow()).toBe(before);
  });

  it('needs to know where a list that is not a seed document comes from', async () => {
    const result = await run('data-import.ts', [path.join(fixtures, 'wikipedia-list-with-errors.txt')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('is not a seed document: say where the list comes from with --source-url URL.');
  });

  it('takes only a web address as the source: http or https', async () => {
    const result = await run('data-import.ts', [path.join(fixtures, 'wikipedia-list-with-errors.txt'), '--source-url', 'javascript:alert(document.cookie)']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('--source-url must be a web address starting with http:// or https://');
  });

  it('exports a dataset that imports back as nothing new', async () => {
    const exported = path.join(dir, 'again.json');
    fs.writeFileSync(exported, await exportNow());
    const result = await run('data-import.ts', [exported]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/ties\s+0\s+0\s+2/);
  });
});
