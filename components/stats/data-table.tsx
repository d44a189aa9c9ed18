import type { ReactNode } from 'react';

const TH = 'border-b-2 border-ink py-2 pr-4 align-bottom font-bold';
const TD = 'border-b border-rule py-2 pr-4 align-top';

export type Column = { key: string; label: ReactNode; numeric?: boolean };
export type Row = { key: string; cells: ReactNode[] };

/**
 * A table of figures: a visible caption, column headers, the first cell of each row its header.
 * Numbers line up on the right. On a phone it scrolls sideways, and can be scrolled with the
 * keyboard (the region takes focus).
 */
export function DataTable({ id, caption, columns, rows }: { id: string; caption: ReactNode; columns: readonly Column[]; rows: readonly Row[] }) {
  const align = (i: number) => (columns[i]?.numeric ? 'text-right tabular-nums' : 'text-left');
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="mt-4 max-w-full overflow-x-auto">
      <table id={id} className="w-full border-collapse">
        <caption id={`${id}-caption`} className="mb-2 text-left font-bold">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c.key} scope="col" className={`${TH} ${align(i)}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={columns[i]?.key ?? i} scope="row" className={`${TD} ${align(i)} font-normal`}>
                    {cell}
                  </th>
                ) : (
                  <td key={columns[i]?.key ?? i} className={`${TD} ${align(i)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
