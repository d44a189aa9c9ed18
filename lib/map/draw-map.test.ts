import { describe, expect, it } from 'vitest';
import { drawMap } from './draw-map';
import type { MapPlace, MapTie } from './map-data';

const place = (id: number, name: string, latitude: number | null, longitude: number): MapPlace => ({
  id,
  slug: name.toLowerCase(),
  name,
  country: 'UKR',
  at: latitude === null ? null : { latitude, longitude },
});
const tie = (id: number, from: MapPlace, to: MapPlace, group: MapTie['group'] = 'inForce'): MapTie => ({
  id,
  status: group === 'inForce' ? 'active' : group === 'closed' ? 'severed' : 'occupied',
  group,
  councilSlug: null,
  place: from,
  partner: to,
});

const ternopil = place(1, 'Ternopil', 49.55, 25.59);
const grodno = place(2, 'Grodno', 53.68, 23.83);
const khabarovsk = place(3, 'Khabarovsk', 48.48, 135.07);
const lviv = place(4, 'Lviv', 49.84, 24.03);

describe('drawMap', () => {
  it('draws land, borders, one line per located tie and one dot per place', () => {
    const map = drawMap([tie(10, ternopil, grodno), tie(11, lviv, grodno, 'closed'), tie(12, place(5, 'Kamianka', null, 0), grodno)]);
    expect(map.land).toMatch(/^M/);
    expect(map.borders).toMatch(/^M/);
    expect(map.lines.map((l) => l.tieId)).toEqual([11, 10]);
    expect(map.dots.map((d) => d.name).sort()).toEqual(['Grodno', 'Lviv', 'Ternopil']);
  });

  it('places Europe and Khabarovsk inside the frame, west to east', () => {
    const map = drawMap([tie(1, ternopil, khabarovsk)]);
    const x = (name: string) => map.dots.find((d) => d.name === name)!.x;
    expect(x('Ternopil')).toBeGreaterThan(0);
    expect(x('Khabarovsk')).toBeLessThan(map.width);
    expect(x('Khabarovsk')).toBeGreaterThan(x('Ternopil'));
    // Grodno is north of Ternopil: smaller y on screen.
    const both = drawMap([tie(2, ternopil, grodno)]);
    const y = (name: string) => both.dots.find((d) => d.name === name)!.y;
    expect(y('Grodno')).toBeLessThan(y('Ternopil'));
  });

  it('follows the great circle: a long east–west arc bends north of the straight line', () => {
    const map = drawMap([tie(1, place(7, 'Lisbon', 38.72, -9.14), khabarovsk)]);
    const numbers = (map.lines[0]?.d ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    const ends = Math.min(ys[0]!, ys.at(-1)!);
    expect(Math.min(...ys)).toBeLessThan(ends - 50);
  });
});
