// A responsive table: every cell carries its column's label, which narrow screens show beside the value
// (see `.table.responsive` in the styles), so a column's header and its cells' labels cannot drift apart.
import type { ComponentChildren } from 'preact';

export interface Column<T> {
  label: string;
  cell(row: T): ComponentChildren;
}

export function Table<T>(props: {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string | number;
  caption?: string;
  /** Read by screen readers only. */
  captionHidden?: boolean;
  class?: string;
}) {
  return (
    <table class={props.class ? `table responsive ${props.class}` : 'table responsive'}>
      {props.caption !== undefined && <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th scope="col" key={c.label}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c) => (
              <td data-label={c.label} key={c.label}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
