// Timing helpers shared by the bench scripts.
import os from 'node:os';

/** The p-th percentile (0..100) of already measured durations, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Runs `calls` calls of `task`, at most `concurrency` at a time, starting no new call after
 * `maxSeconds`; returns each finished call's duration in ms.
 */
export async function timedPool(calls: number, concurrency: number, task: (i: number) => Promise<unknown>, maxSeconds = Infinity): Promise<number[]> {
  const durations: number[] = [];
  const deadline = performance.now() + maxSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < calls && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await task(i);
      durations.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, worker));
  return durations;
}

/** A plain text table, columns padded to their widest cell. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The shared machine's load (1, 5, 15 min), printed beside the figures it colours. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(' ');
}
