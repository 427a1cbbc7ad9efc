/**
 * The linear relaxation of packing teams: maximise Σ cost × x over columns (each a team: a set of rows,
 * one row per person) subject to every row being covered at most once (A x ≤ 1, x ≥ 0). Revised primal
 * simplex with a dense basis inverse, started from the all-slack basis (x = 0 is feasible, so no first
 * phase), Dantzig's rule with Bland's as a guard against cycling through degenerate pivots, and the
 * inverse rebuilt every so often from the basis columns.
 *
 * The duals need not be exact: the bound built from them (see team-columns.ts) is valid for any
 * non-negative duals, so rounding can only loosen it, never make it wrong.
 */
export class PackingLp {
  private readonly columns: Int32Array[] = [];
  private readonly costs: number[] = [];
  /** Basic variable of each row: a column index, or −1 − r for the slack of row r. */
  private readonly basic: Int32Array;
  private readonly basicAt = new Map<number, number>();
  /** The basis inverse, row-major. */
  private readonly inverse: Float64Array;
  private readonly values: Float64Array;
  /**
   * Each row's right-hand side: 1 plus a tiny, distinct amount. Team packings are highly degenerate (every
   * basis of a tight packing has many rows at 0), and the perturbation lets almost every pivot make
   * progress instead of stalling; Bland's rule is the guard for what remains.
   */
  private readonly rhs: Float64Array;
  private readonly dual: Float64Array;
  private pivots = 0;

  constructor(readonly rows: number) {
    this.basic = Int32Array.from({ length: rows }, (_, r) => -1 - r);
    this.inverse = new Float64Array(rows * rows);
    for (let r = 0; r < rows; r++) this.inverse[r * rows + r] = 1;
    this.rhs = Float64Array.from({ length: rows }, (_, r) => 1 + (1e-7 * (r + 1)) / rows);
    this.values = Float64Array.from(this.rhs);
    this.dual = new Float64Array(rows);
  }

  get columnCount(): number {
    return this.columns.length;
  }

  addColumn(rows: readonly number[], cost: number): number {
    this.columns.push(Int32Array.from(rows).sort());
    this.costs.push(cost);
    return this.columns.length - 1;
  }

  column(index: number): Int32Array {
    return this.columns[index] as Int32Array;
  }

  /**
   * Pivots until no column or slack improves the objective, `maxPivots` are spent or `stop` (asked every
   * 200 pivots) says so.
   */
  solve(maxPivots = 20_000, stop: () => boolean = () => false): "optimal" | "limit" {
    const n = this.rows;
    const tolerance = 1e-9;
    let degenerate = 0;
    this.computeDuals();
    for (let step = 0; step < maxPivots; step++) {
      if (step % 200 === 199 && stop()) return "limit";
      // Entering variable: the best reduced cost (Dantzig), or after a run of degenerate pivots the first
      // improving one in the order slacks, then columns (Bland), which cannot cycle.
      const bland = degenerate > 50;
      let entering = Number.NaN;
      let best = tolerance;
      for (let r = 0; r < n; r++) {
        const reduced = -(this.dual[r] as number);
        if (reduced > best && !this.basicAt.has(-1 - r)) {
          best = reduced;
          entering = -1 - r;
          if (bland) break;
        }
      }
      if (Number.isNaN(entering) || !bland)
        for (let j = 0; j < this.columns.length; j++) {
          if (this.basicAt.has(j)) continue;
          let reduced = this.costs[j] as number;
          for (const r of this.columns[j] as Int32Array) reduced -= this.dual[r] as number;
          if (reduced > best) {
            best = reduced;
            entering = j;
            if (bland) break;
          }
        }
      if (Number.isNaN(entering)) return "optimal";
      // Direction: the inverse times the entering column.
      const direction = new Float64Array(n);
      if (entering >= 0) {
        const rows = this.columns[entering] as Int32Array;
        for (let k = 0; k < n; k++) {
          let sum = 0;
          const offset = k * n;
          for (const r of rows) sum += this.inverse[offset + r] as number;
          direction[k] = sum;
        }
      } else {
        const r = -1 - entering;
        for (let k = 0; k < n; k++) direction[k] = this.inverse[k * n + r] as number;
      }
      // Ratio test; ties go to the variable first in Bland's order (slacks by row, then columns).
      const order = (variable: number) => (variable < 0 ? -1 - variable : n + variable);
      let leave = -1;
      let ratio = Number.POSITIVE_INFINITY;
      for (let k = 0; k < n; k++) {
        const d = direction[k] as number;
        if (d <= tolerance) continue;
        const value = Math.max(0, this.values[k] as number) / d;
        if (
          value < ratio - 1e-12 ||
          (Math.abs(value - ratio) <= 1e-12 &&
            order(this.basic[k] as number) < order(this.basic[leave] as number))
        ) {
          ratio = value;
          leave = k;
        }
      }
      if (leave === -1) return "optimal"; // cannot happen: every column covers a row, and rows hold 1
      degenerate = ratio <= 1e-12 ? degenerate + 1 : 0;
      this.pivot(leave, entering, direction);
      // The duals move along the pivot row of the new inverse by the entering variable's reduced cost.
      const pivotRow = leave * n;
      for (let r = 0; r < n; r++)
        this.dual[r] = (this.dual[r] as number) + best * (this.inverse[pivotRow + r] as number);
      if (++this.pivots % 400 === 0) {
        this.refactor();
        this.computeDuals();
      }
    }
    return "limit";
  }

  /** Row prices (duals) of the current basis. */
  duals(): Float64Array {
    this.computeDuals();
    return this.dual;
  }

  /** Each column's value in the current basic solution. */
  solution(): Float64Array {
    const x = new Float64Array(this.columns.length);
    for (let k = 0; k < this.rows; k++) {
      const variable = this.basic[k] as number;
      if (variable >= 0) x[variable] = Math.max(0, this.values[k] as number);
    }
    return x;
  }

  objective(): number {
    let sum = 0;
    for (let k = 0; k < this.rows; k++) {
      const variable = this.basic[k] as number;
      if (variable >= 0) sum += (this.costs[variable] as number) * (this.values[k] as number);
    }
    return sum;
  }

  private costOf(variable: number): number {
    return variable >= 0 ? (this.costs[variable] as number) : 0;
  }

  private computeDuals() {
    const n = this.rows;
    this.dual.fill(0);
    for (let k = 0; k < n; k++) {
      const cost = this.costOf(this.basic[k] as number);
      if (cost === 0) continue;
      const offset = k * n;
      for (let r = 0; r < n; r++)
        this.dual[r] = (this.dual[r] as number) + cost * (this.inverse[offset + r] as number);
    }
  }

  private pivot(leave: number, entering: number, direction: Float64Array) {
    const n = this.rows;
    const inverse = this.inverse;
    const d = direction[leave] as number;
    const pivotRow = leave * n;
    for (let r = 0; r < n; r++) inverse[pivotRow + r] = (inverse[pivotRow + r] as number) / d;
    const value = (this.values[leave] as number) / d;
    for (let k = 0; k < n; k++) {
      if (k === leave) continue;
      const factor = direction[k] as number;
      if (factor === 0) continue;
      const offset = k * n;
      for (let r = 0; r < n; r++)
        inverse[offset + r] = (inverse[offset + r] as number) - factor * (inverse[pivotRow + r] as number);
      this.values[k] = (this.values[k] as number) - factor * value;
    }
    this.values[leave] = value;
    this.basicAt.delete(this.basic[leave] as number);
    this.basic[leave] = entering;
    this.basicAt.set(entering, leave);
  }

  /** Rebuilds the inverse and the basic values from the basis columns (Gauss–Jordan, partial pivoting). */
  private refactor() {
    const n = this.rows;
    const matrix = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      const variable = this.basic[k] as number;
      if (variable >= 0) for (const r of this.columns[variable] as Int32Array) matrix[r * n + k] = 1;
      else matrix[(-1 - variable) * n + k] = 1;
    }
    const inverse = new Float64Array(n * n);
    for (let r = 0; r < n; r++) inverse[r * n + r] = 1;
    for (let col = 0; col < n; col++) {
      let pivotRow = col;
      for (let r = col + 1; r < n; r++)
        if (Math.abs(matrix[r * n + col] as number) > Math.abs(matrix[pivotRow * n + col] as number))
          pivotRow = r;
      const p = matrix[pivotRow * n + col] as number;
      if (Math.abs(p) < 1e-12) return; // keep the updated inverse: the basis looks singular in doubles
      if (pivotRow !== col)
        for (let c = 0; c < n; c++) {
          const a = pivotRow * n + c;
          const b = col * n + c;
          [matrix[a], matrix[b]] = [matrix[b] as number, matrix[a] as number];
          [inverse[a], inverse[b]] = [inverse[b] as number, inverse[a] as number];
        }
      const rowOffset = col * n;
      for (let c = 0; c < n; c++) {
        matrix[rowOffset + c] = (matrix[rowOffset + c] as number) / p;
        inverse[rowOffset + c] = (inverse[rowOffset + c] as number) / p;
      }
      for (let r = 0; r < n; r++) {
        if (r === col) continue;
        const factor = matrix[r * n + col] as number;
        if (factor === 0) continue;
        const offset = r * n;
        for (let c = 0; c < n; c++) {
          matrix[offset + c] = (matrix[offset + c] as number) - factor * (matrix[rowOffset + c] as number);
          inverse[offset + c] = (inverse[offset + c] as number) - factor * (inverse[rowOffset + c] as number);
        }
      }
    }
    // Rows of B⁻¹ follow the basis positions: B⁻¹[k][r] is the inverse's row k.
    this.inverse.set(inverse);
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += (inverse[k * n + r] as number) * (this.rhs[r] as number);
      this.values[k] = sum;
    }
  }
}
