import type { ReactNode } from "react";

/*
 * A horizontal bar chart drawn as plain SVG on the server (ADR 0023): the same markup in the server's HTML
 * and after hydration, no script, no inline style (the CSP allows none). Each row prints its label and its
 * value as text, so nothing is told by colour or length alone; a negative value is drawn left of the zero
 * line in another colour and its text carries the sign. The SVG is hidden from screen readers: the chart's
 * table, in a <details> below it, holds the same figures for them and for anyone who wants the numbers.
 */

export interface BarRow {
  key: string;
  label: string;
  /** The bar's length on the chart's scale; null draws no bar (nothing to show yet). */
  value: number | null;
  /** What the row says of itself, printed right of the label: the figures behind the bar. */
  text: string;
  /** A word that flags the row (a team whose evaluators disagree), printed before the text. */
  flag?: string | null;
  /**
   * A span drawn as a thin line across the bar (a distribution's first to third quartile around its
   * median); the text must say it too.
   */
  range?: { low: number; high: number } | null;
}

const WIDTH = 640;
const ROW = 44;
const BAR = 16;
const AXIS = 22;
const LABEL_CHARS = 30;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
/** Coordinates with one decimal: the same string on the server and in the browser. */
const px = (value: number) => Math.round(value * 10) / 10;
const shorten = (label: string) =>
  [...label].length > LABEL_CHARS ? `${[...label].slice(0, LABEL_CHARS - 1).join("")}…` : label;

export function BarChart({
  id,
  title,
  rows,
  min = 0,
  max,
  scale,
  tableLabel,
  children,
}: {
  /** Unique on the page: names the figure for tests and links. */
  id: string;
  title: string;
  rows: readonly BarRow[];
  /** The scale's ends; `min` below 0 puts the zero line inside the chart. */
  min?: number;
  max: number;
  /** The scale's ends as words ("0%", "100%"), printed under the chart. */
  scale: { min: string; max: string; zero?: string };
  /** The summary of the <details> that holds the table. */
  tableLabel: string;
  /** The chart's data table (DataTable). */
  children: ReactNode;
}) {
  const high = max > min ? max : min + 1;
  const x = (value: number) => px(((clamp(value, min, high) - min) / (high - min)) * WIDTH);
  const zero = x(0);
  const height = rows.length * ROW + AXIS;
  return (
    <figure className="chart" data-testid={`chart-${id}`}>
      <figcaption>
        <h2 className="chart__title">{title}</h2>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        aria-hidden="true"
        focusable="false"
        className="chart__svg"
      >
        {rows.map((row, index) => {
          const top = index * ROW;
          const end = row.value === null ? zero : x(row.value);
          const negative = row.value !== null && row.value < 0;
          return (
            <g key={row.key} data-row={row.key}>
              <text x={0} y={top + 14} className="chart__label">
                {shorten(row.label)}
              </text>
              <text x={WIDTH} y={top + 14} textAnchor="end" className="chart__value">
                {row.flag ? `${row.flag} · ${row.text}` : row.text}
              </text>
              <rect x={0} y={top + 20} width={WIDTH} height={BAR} className="chart__track" />
              {row.value === null ? null : (
                <rect
                  x={Math.min(zero, end)}
                  y={top + 20}
                  width={px(Math.max(Math.abs(end - zero), row.value === 0 ? 0 : 1))}
                  height={BAR}
                  className={negative ? "chart__bar chart__bar--negative" : "chart__bar"}
                />
              )}
              {row.range ? (
                <g className="chart__range">
                  <line x1={x(row.range.low)} x2={x(row.range.high)} y1={top + 28} y2={top + 28} />
                  <line x1={x(row.range.low)} x2={x(row.range.low)} y1={top + 22} y2={top + 34} />
                  <line x1={x(row.range.high)} x2={x(row.range.high)} y1={top + 22} y2={top + 34} />
                </g>
              ) : null}
              <line x1={zero} x2={zero} y1={top + 18} y2={top + 20 + BAR + 2} className="chart__axis" />
            </g>
          );
        })}
        <text x={0} y={height - 4} className="chart__tick">
          {scale.min}
        </text>
        {min < 0 && scale.zero ? (
          <text x={zero} y={height - 4} textAnchor="middle" className="chart__tick">
            {scale.zero}
          </text>
        ) : null}
        <text x={WIDTH} y={height - 4} textAnchor="end" className="chart__tick">
          {scale.max}
        </text>
      </svg>
      <details className="chart__table">
        <summary>{tableLabel}</summary>
        {children}
      </details>
    </figure>
  );
}
