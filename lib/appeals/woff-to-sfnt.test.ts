import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff-to-sfnt';

const file = (name: string) => readFileSync(path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files', name));

/** The OpenType table checksum: the sum of the table's big-endian 32-bit words. */
function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  it('unwraps Noto Sans into a TrueType file whose tables match their checksums', () => {
    const woff = file('noto-sans-cyrillic-400-normal.woff');
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour: TrueType outlines
    const numTables = sfnt.readUInt16BE(4);
    expect(numTables).toBe(woff.readUInt16BE(12));
    // WOFF states the size of the file it wraps.
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = sfnt.subarray(at, at + 4).toString('latin1');
      const offset = sfnt.readUInt32BE(at + 8);
      const length = sfnt.readUInt32BE(at + 12);
      tags.push(tag);
      expect(offset % 4, tag).toBe(0);
      // The head table's checksum is taken with its checkSumAdjustment field as zero.
      const data = Buffer.from(sfnt.subarray(offset, offset + length));
      if (tag === 'head') data.writeUInt32BE(0, 8);
      expect(checksum(data), tag).toBe(sfnt.readUInt32BE(at + 4));
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'name']));
    expect([...tags].sort()).toEqual(tags);
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(file('noto-sans-latin-400-normal.woff2'))).toThrow(/Not a WOFF 1.0 font/);
  });
});
