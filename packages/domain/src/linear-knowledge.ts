/*
 * What a set of known linear facts determines, in exact arithmetic: the tool behind complementary
 * suppression (insight-suppression.ts). A fact is a linear form Σ coefficient × unknown whose value is
 * known (a shown cell: `{ "c1:mentor": 1 }`; a published relation: `{ "c1:mentor": 1, "c1:mentee": 1,
 * "c1:total": -1 }`, known to be 0). An unknown is determined when its unit form lies in the span of the
 * known forms: then some combination of shown figures gives it, whatever their values. Otherwise there is
 * a direction in which every known form stays the same and the unknown changes (`hiddenDirection`), the
 * proof that nothing shown recovers it. Rationals as bigint fractions: no rounding can fake a rank.
 */

/** Σ coefficient × unknown, the unknowns named by the caller. */
export type LinearForm = Readonly<Record<string, number>>;

interface Fraction {
  n: bigint;
  d: bigint;
}

const ZERO: Fraction = { n: 0n, d: 1n };
const abs = (value: bigint) => (value < 0n ? -value : value);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
function fraction(n: bigint, d: bigint): Fraction {
  if (n === 0n) return ZERO;
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d);
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}
const minus = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const times = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const over = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);

function fromNumber(value: number): Fraction {
  if (!Number.isInteger(value)) throw new Error(`linear forms take integer coefficients, got ${value}`);
  return fraction(BigInt(value), 1n);
}

/** A row of the reduced system: its pivot unknown (coefficient 1) and its other non-zero coefficients. */
type Row = Map<string, Fraction>;

/**
 * Known linear facts about named unknowns, kept in reduced row echelon form as they are added: each row
 * has a pivot unknown that no other row mentions.
 */
export class LinearKnowledge {
  private readonly rows: { pivot: string; row: Row }[] = [];

  /** Adds a form whose value is known. Returns false when it was already implied by what was known. */
  know(form: LinearForm): boolean {
    const row = this.reduce(toRow(form));
    const pivot = [...row.keys()].sort()[0];
    if (pivot === undefined) return false;
    const lead = row.get(pivot) as Fraction;
    for (const [unknown, value] of row) row.set(unknown, over(value, lead));
    for (const other of this.rows) {
      const factor = other.row.get(pivot);
      if (!factor) continue;
      for (const [unknown, value] of row) {
        const next = minus(other.row.get(unknown) ?? ZERO, times(factor, value));
        if (next.n === 0n) other.row.delete(unknown);
        else other.row.set(unknown, next);
      }
    }
    this.rows.push({ pivot, row });
    return true;
  }

  /** How many independent facts are known. */
  get rank(): number {
    return this.rows.length;
  }

  /** Whether the value of `form` follows from what is known (it lies in the span of the known forms). */
  determines(form: LinearForm): boolean {
    return this.reduce(toRow(form)).size === 0;
  }

  /** Whether the unknown's own value follows from what is known. */
  determinesUnknown(unknown: string): boolean {
    return this.determines({ [unknown]: 1 });
  }

  /**
   * A change of the unknowns (integers) that leaves every known form as it was and moves `unknown`: two
   * sets of values that agree on everything known and differ on it. Null when `unknown` is determined.
   */
  hiddenDirection(unknown: string): Record<string, number> | null {
    const pivotRow = this.rows.find((entry) => entry.pivot === unknown);
    // A free unknown moves by itself; a pivot moves with a free unknown of its row.
    const free = pivotRow ? [...pivotRow.row.keys()].find((key) => key !== unknown) : unknown;
    if (free === undefined) return null;
    const direction = new Map<string, Fraction>([[free, fraction(1n, 1n)]]);
    for (const { pivot, row } of this.rows) {
      const coefficient = row.get(free);
      if (coefficient) direction.set(pivot, fraction(-coefficient.n, coefficient.d));
    }
    const scale = [...direction.values()].reduce((lcm, value) => (lcm * value.d) / gcd(lcm, value.d), 1n);
    return Object.fromEntries(
      [...direction].map(([key, value]) => [key, Number((value.n * scale) / value.d)]),
    );
  }

  private reduce(row: Row): Row {
    for (const { pivot, row: known } of this.rows) {
      const factor = row.get(pivot);
      if (!factor) continue;
      for (const [unknown, value] of known) {
        const next = minus(row.get(unknown) ?? ZERO, times(factor, value));
        if (next.n === 0n) row.delete(unknown);
        else row.set(unknown, next);
      }
    }
    return row;
  }
}

function toRow(form: LinearForm): Row {
  const row: Row = new Map();
  for (const [unknown, coefficient] of Object.entries(form)) {
    if (coefficient !== 0) row.set(unknown, fromNumber(coefficient));
  }
  return row;
}
