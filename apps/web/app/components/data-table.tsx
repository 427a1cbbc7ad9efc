import { type HTMLAttributes, type ReactNode, useId } from "react";

/*
 * The one table. A caption (visible, or for screen readers only), column headers with scope, the first
 * cell of each row as its row header, and an empty state in place of an empty table. On a narrow screen
 * the table scrolls inside its own frame instead of cutting columns off; the frame is a labelled,
 * focusable region so a keyboard can scroll it too.
 */

export interface Column<Row> {
  /** Stable key of the column. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned (counts, amounts, scores). */
  numeric?: boolean;
  /** A class on each of the column's cells. */
  className?: string;
}

const cellClass = (column: { numeric?: boolean; className?: string }) =>
  [column.numeric ? "numeric" : null, column.className].filter(Boolean).join(" ") || undefined;

export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  className,
  rowProps,
  footer,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  className?: string;
  /** Attributes of a row's <tr>: aria-current for the reader's own row, a test id. */
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
  /** Rows after the body (a total), as <tr> elements. */
  footer?: ReactNode;
}) {
  const captionId = useId();
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  // Once per column, not per cell: a list draws hundreds of cells.
  const classes = columns.map(cellClass);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className={className}>
        <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? "numeric" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.key} scope="row" className={classes[index]}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={classes[index]}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </section>
  );
}
