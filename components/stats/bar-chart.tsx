import { useFormatter } from 'next-intl';
import { useId } from 'react';

export type Bar = { key: string; label: string; value: number };

const WIDTH = 400;
const ROW = 52;
const BAR = 22;
const VALUE_SPACE = 64;

/**
 * Horizontal bars drawn on the server: one row per bar, its label above it and its number at
 * its end. Narrow, so that on a phone the text is still about 13 px high. A picture (role="img") named by its title and described by its description; the
 * page gives the same numbers in a table beside it.
 */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: readonly Bar[] }) {
  const format = useFormatter();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  const barWidth = (value: number) => (value === 0 ? 0 : Math.max(3, ((WIDTH - VALUE_SPACE) * value) / max));
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-md"
      fontSize="15"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const w = barWidth(bar.value);
        return (
          <g key={bar.key} data-bar={bar.key}>
            <text x={0} y={y + 15} fill="currentColor">
              {bar.label}
            </text>
            {/* An empty bar is drawn as its baseline, so a zero reads as zero, not as missing. */}
            <rect x={0} y={y + 21} width={w} height={BAR} fill="#0b0c0c" />
            <line x1={0} x2={0} y1={y + 19} y2={y + 21 + BAR + 2} stroke="#0b0c0c" strokeWidth={2} />
            <text x={w + 8} y={y + 21 + BAR - 5} fill="currentColor" fontWeight="bold" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.number(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
