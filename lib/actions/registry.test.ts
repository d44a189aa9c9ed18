import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from './registry';

/** The registry is the permission matrix's list of every action: one left out would go untested. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isAction = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && ['name', 'permission', 'input', 'target', 'run'].every((k) => k in value);

describe('the action registry', () => {
  it('holds every action defined anywhere in lib/, once, under a unique name', async () => {
    const defining = sourceFiles(path.join(process.cwd(), 'lib')).filter((f) => fs.readFileSync(f, 'utf8').includes('defineAction('));
    expect(defining.length).toBeGreaterThan(0);
    const defined = new Set<unknown>();
    for (const file of defining) {
      if (file.endsWith(path.join('auth', 'action.ts'))) continue; // where defineAction itself lives
      const exported = (await import(file)) as Record<string, unknown>;
      for (const value of Object.values(exported)) if (isAction(value)) defined.add(value);
    }
    const missing = [...defined].filter((a) => !(ACTIONS as readonly unknown[]).includes(a)).map((a) => (a as { name: string }).name);
    expect(missing).toEqual([]);
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
    expect(defined.size).toBe(ACTIONS.length);
  });
});
