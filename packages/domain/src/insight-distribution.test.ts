import { describe, expect, it } from "vitest";
import { distributionOf, quantile, quartilePositionOf } from "./insight-distribution";

describe("the distribution of a figure across cohorts", () => {
  it("has the quartiles a spreadsheet's QUARTILE.INC gives, whatever order the figures come in", () => {
    expect(distributionOf([0.9, 0.5, 0.7, 0.6, 0.8])).toEqual({
      n: 5,
      min: 0.5,
      q1: 0.6,
      median: 0.7,
      q3: 0.8,
      max: 0.9,
    });
    // Between ranks: (4 - 1) × 0.25 = 0.75 of the way from 10 to 20.
    const four = distributionOf([40, 10, 30, 20]);
    expect(four?.q1).toBeCloseTo(17.5);
    expect(four?.median).toBeCloseTo(25);
    expect(four?.q3).toBeCloseTo(32.5);
  });

  it("is null for no figures, and one figure is its own every quartile", () => {
    expect(distributionOf([])).toBeNull();
    expect(distributionOf([3.2])).toEqual({ n: 1, min: 3.2, q1: 3.2, median: 3.2, q3: 3.2, max: 3.2 });
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it("places a figure in its quarter, the third quartile itself in the top 25%", () => {
    const spread = distributionOf([0.5, 0.6, 0.7, 0.8, 0.9]);
    if (!spread) throw new Error("no distribution");
    expect(quartilePositionOf(0.95, spread)).toBe("top");
    expect(quartilePositionOf(0.8, spread)).toBe("top");
    expect(quartilePositionOf(0.75, spread)).toBe("upper_middle");
    expect(quartilePositionOf(0.65, spread)).toBe("lower_middle");
    expect(quartilePositionOf(0.55, spread)).toBe("bottom");
  });
});
