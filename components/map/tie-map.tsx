import type { DrawnMap } from '@/lib/map/draw-map';
import type { MapLineGroup } from '@/lib/map/map-data';

/** Each group differs in shape as well as shade, so the map reads without colour. */
export const LINE_STYLES: Record<MapLineGroup, { stroke: string; width: number; dash?: string; opacity: number }> = {
  inForce: { stroke: '#0b0c0c', width: 1.4, opacity: 0.75 },
  closed: { stroke: '#6f777b', width: 1.2, dash: '6 4', opacity: 0.8 },
  blocked: { stroke: '#942514', width: 1.6, dash: '1.5 3', opacity: 0.9 },
};

/** The map as one server-rendered SVG image: no script, no tiles, nothing fetched. */
export function TieMap({ map, title, description }: { map: DrawnMap; title: string; description: string }) {
  return (
    <svg
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="img"
      aria-labelledby="tie-map-title"
      aria-describedby="tie-map-desc"
      className="mt-6 block h-auto w-full border border-rule bg-[#dde8f0]"
    >
      <title id="tie-map-title">{title}</title>
      <desc id="tie-map-desc">{description}</desc>
      <path d={map.land} fill="#fbfbf8" stroke="none" />
      <path d={map.borders} fill="none" stroke="#b1b4b6" strokeWidth={0.6} />
      <g data-map-layer="ties" fill="none" strokeLinecap="round">
        {map.lines.map((line) => {
          const style = LINE_STYLES[line.group];
          return (
            <path
              key={line.tieId}
              d={line.d}
              data-group={line.group}
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              strokeOpacity={style.opacity}
            />
          );
        })}
      </g>
      <g data-map-layer="places">
        {map.dots.map((dot) => (
          <circle
            key={dot.placeId}
            cx={dot.x}
            cy={dot.y}
            r={dot.side === 'place' ? 2.5 : 3.5}
            fill={dot.side === 'place' ? '#1d70b8' : '#0b0c0c'}
            stroke="#ffffff"
            strokeWidth={0.8}
          >
            <title>{dot.name}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}

/** A sample of a line style, for the legend; the words beside it carry the meaning. */
export function LineSample({ group }: { group: MapLineGroup }) {
  const style = LINE_STYLES[group];
  return (
    <svg width="48" height="12" viewBox="0 0 48 12" aria-hidden="true" className="inline-block shrink-0 align-middle">
      <line x1="2" y1="6" x2="46" y2="6" stroke={style.stroke} strokeWidth={style.width * 2} strokeDasharray={style.dash} strokeLinecap="round" />
    </svg>
  );
}
