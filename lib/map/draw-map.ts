import { type GeoPermissibleObjects, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldJson from 'world-atlas/countries-110m.json';
import type { MapLineGroup, MapTie } from './map-data';

const world = worldJson as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/**
 * What the map frames by default: Europe (from the Atlantic coast) and Russia as far east as
 * Khabarovsk and Vladivostok, where the partner cities lie. The Chukotka tip is left out: it
 * would shrink Europe, where nearly every council is, to a corner.
 */
export const DEFAULT_FRAME: GeoPermissibleObjects = {
  type: 'MultiPoint',
  coordinates: [
    [-11, 36],
    [-11, 70],
    [140, 70],
    [140, 42],
    [30, 34],
  ],
};

export type DrawnLine = { tieId: number; group: MapLineGroup; d: string };
export type DrawnDot = { placeId: number; name: string; x: number; y: number; side: 'place' | 'partner' };
export type DrawnMap = { width: number; height: number; land: string; borders: string; lines: DrawnLine[]; dots: DrawnDot[] };

/**
 * The map as SVG path data, computed on the server: land and borders from world-atlas, and each
 * tie as a great-circle arc (geoPath of a LineString follows the geodesic), in a Natural Earth
 * projection fitted to `frame`. Everything outside the frame is clipped away so the page
 * carries only what shows.
 */
export function drawMap(ties: readonly MapTie[], options: { width?: number; height?: number; frame?: GeoPermissibleObjects } = {}): DrawnMap {
  const width = options.width ?? 960;
  const height = options.height ?? 540;
  const margin = 12;
  const projection = geoNaturalEarth1()
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      options.frame ?? DEFAULT_FRAME,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);

  const lines: DrawnLine[] = [];
  const dots = new Map<number, DrawnDot>();
  for (const tie of ties) {
    const from = tie.place.at;
    const to = tie.partner.at;
    if (!from || !to) continue;
    const d = path({
      type: 'LineString',
      coordinates: [
        [from.longitude, from.latitude],
        [to.longitude, to.latitude],
      ],
    });
    if (d) lines.push({ tieId: tie.id, group: tie.group, d });
    for (const [place, side] of [
      [tie.place, 'place'],
      [tie.partner, 'partner'],
    ] as const) {
      const point = place.at && projection([place.at.longitude, place.at.latitude]);
      if (!point || dots.has(place.id)) continue;
      const [x, y] = point;
      if (x < 0 || y < 0 || x > width || y > height) continue;
      dots.set(place.id, { placeId: place.id, name: place.name, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, side });
    }
  }
  return {
    width,
    height,
    land: path(feature(world, world.objects.land)) ?? '',
    borders: path(mesh(world, world.objects.countries, (a, b) => a !== b)) ?? '',
    // Closed ties underneath, so the ties still in force stay visible where lines cross.
    lines: lines.sort((a, b) => Number(a.group === 'inForce') - Number(b.group === 'inForce')),
    dots: [...dots.values()],
  };
}
