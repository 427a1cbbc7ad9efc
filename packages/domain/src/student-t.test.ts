import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile, tQuantile } from "./student-t";

describe("the t quantile", () => {
  it("gives the printed table's two-sided 95% values", () => {
    // Any statistics textbook's t table, to three decimals.
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [9, 2.262],
      [10, 2.228],
      [19, 2.093],
      [30, 2.042],
      [60, 2.0],
      [120, 1.98],
    ];
    for (const [df, value] of table) expect(tQuantile(0.975, df), `df ${df}`).toBeCloseTo(value, 3);
  });

  it("agrees to twelve digits with a reference implementation, fractional df included", () => {
    // Values from SciPy 1.17's stats.t.ppf, for fractional df (Welch) and other probabilities.
    const reference: [p: number, df: number, value: number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 4, 2.7764451051977934],
      [0.975, 30, 2.0422724563012378],
      [0.975, 4.5, 2.6589123472044034],
      [0.975, 7.3, 2.345066736547703],
      [0.975, 0.5, 164.55767348048818],
      [0.995, 3, 5.840909309733355],
      [0.9, 12, 1.356217334023205],
      [0.6, 2.5, 0.2814595127485477],
      [0.9999, 1, 3183.098757118502],
      [0.975, 1000, 1.9623390808264083],
      [0.975, 1e6, 1.959966356814107],
      [0.975, 1e9, 1.959963986912325],
    ];
    for (const [p, df, value] of reference)
      expect(Math.abs(tQuantile(p, df) - value) / value, `p ${p}, df ${df}`).toBeLessThan(1e-12);
  });

  it("reaches the normal's 1.95996 as df grows without bound", () => {
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    // Near the centre and far in the tail, where naive formulas lose their digits.
    expect(normalQuantile(0.500000001) / 2.5066282037387115e-9).toBeCloseTo(1, 10);
    expect(normalQuantile(1 - 1e-10)).toBeCloseTo(6.361340889697422, 10);
  });

  it("is symmetric about 0 and 0 at the median", () => {
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0.025, 4)).toBe(-tQuantile(0.975, 4));
    expect(normalQuantile(0.1)).toBe(-normalQuantile(0.9));
  });

  it("rises with p and falls towards the normal's as df grows", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.51, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, df) => {
          const t = tQuantile(p, df);
          return (
            tQuantile(Math.min(p + 0.0005, 0.9999), df) > t &&
            tQuantile(p, df + 1) < t &&
            t > normalQuantile(p)
          );
        },
      ),
    );
  });

  it("refuses a probability outside (0, 1) and degrees of freedom that are not positive", () => {
    expect(() => tQuantile(1, 4)).toThrow(RangeError);
    expect(() => tQuantile(0, 4)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, Number.NaN)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
