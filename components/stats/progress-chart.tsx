import { useFormatter } from 'next-intl';
import { useId } from 'react';

export type LineStyle = 'solid' | 'dashed' | 'dotted';
export type Series = { key: string; label: string; values: readonly number[]; line: LineStyle };

const WIDTH = 560;
const HEIGHT = 300;
const M = { top: 14, right: 10, bottom: 36, left: 46 };

// The theme's ink, link blue and muted grey (app/globals.css), each 3:1 or more on white; the
// lines are told apart by pattern and weight too, not by colour alone.
const STROKES: Record<LineStyle, { stroke: string; width: number; dash?: string }> = {
  solid: { stroke: '#0b0c0c', width: 3.5 },
  dashed: { stroke: '#1d70b8', width: 3, dash: '9 5' },
  dotted: { stroke: '#505a5f', width: 3, dash: '2 4' },
};

/** Gridlines at 1, 2 or 5 times a power of ten, at most about five of them. */
function yTicks(max: number): number[] {
  const raw = Math.max(1, max) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? power * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step - 1e-9 && ticks.length < 12; v += step) ticks.push(Math.round(v));
  return ticks;
}

const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * Cumulative counts by month as step lines, drawn on the server. Each month is a band; a line
 * stands at a month's band at the count reached by the end of that month. A picture named by
 * its title and described by its description; the page gives the numbers in a table too.
 */
export function ProgressChart({
  title,
  description,
  months,
  series,
}: {
  title: string;
  description: string;
  months: readonly string[];
  series: readonly Series[];
}) {
  const format = useFormatter();
  const id = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const ticks = yTicks(max);
  const top = ticks.at(-1) ?? max;
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const band = plotW / Math.max(1, months.length);
  const x = (i: number) => M.left + i * band;
  const y = (v: number) => M.top + plotH - (plotH * v) / top;

  // Few months: name each one; many: mark each January with its year (and the first month).
  const labels: { at: number; text: string }[] =
    months.length <= 8
      ? months.map((m, i) => ({
          at: x(i) + band / 2,
          text: format.dateTime(monthDate(m), { month: 'short', ...(i === 0 || m.endsWith('-01') ? { year: 'numeric' } : {}), timeZone: 'UTC' }),
        }))
      : months.flatMap((m, i) =>
          m.endsWith('-01') || (i === 0 && !months.slice(1, 4).some((n) => n.endsWith('-01')))
            ? [{ at: x(i), text: m.slice(0, 4) }]
            : [],
        );

  // Lines that coincide are drawn a little apart, so each stays visible.
  const offset = (index: number) => (index - (series.length - 1) / 2) * -3;

  return (
    // Too wide for a phone at a readable size: there it scrolls sideways (with the keyboard too).
    <div role="region" aria-labelledby={`${id}-title`} tabIndex={0} className="max-w-full overflow-x-auto">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full min-w-[34rem] max-w-2xl"
        fontSize="14"
        fontFamily="inherit"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} stroke="#b1b4b6" strokeWidth={t === 0 ? 2 : 1} />
              <text x={M.left - 8} y={y(t) + 5} textAnchor="end" fill="currentColor" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(t)}
              </text>
            </g>
          ))}
        </g>
        <g>
          {labels.map((l) => (
            <g key={`${l.at}-${l.text}`}>
              <line x1={l.at} x2={l.at} y1={M.top + plotH} y2={M.top + plotH + 6} stroke="#0b0c0c" />
              <text x={l.at} y={HEIGHT - M.bottom + 24} textAnchor={months.length <= 8 ? 'middle' : 'start'} fill="currentColor">
                {l.text}
              </text>
            </g>
          ))}
        </g>
        {series.map((s, index) => {
          const style = STROKES[s.line];
          const dy = offset(index);
          const path = [`M ${x(0)} ${y(0) + dy}`, ...s.values.map((v, i) => `V ${y(v) + dy} H ${x(i + 1)}`)].join(' ');
          return (
            <path
              key={s.key}
              data-series={s.key}
              d={path}
              fill="none"
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
            />
          );
        })}
      </svg>
    </div>
  );
}

/** The key to the lines, in the page's text (the picture itself is one image to a screen reader). */
export function ProgressLegend({ series, label }: { series: readonly Pick<Series, 'key' | 'label' | 'line'>[]; label: string }) {
  return (
    <ul aria-label={label} className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
      {series.map((s) => {
        const style = STROKES[s.line];
        return (
          <li key={s.key} className="flex items-center gap-2">
            <svg aria-hidden="true" width="36" height="12" viewBox="0 0 36 12">
              <line x1="0" x2="36" y1="6" y2="6" stroke={style.stroke} strokeWidth={style.width} strokeDasharray={style.dash} />
            </svg>
            {s.label}
          </li>
        );
      })}
    </ul>
  );
}
