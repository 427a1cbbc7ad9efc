import { describe, expect, it } from "vitest";
import { type LinearForm, LinearKnowledge } from "./linear-knowledge";

const apply = (form: LinearForm, values: Record<string, number>) =>
  Object.entries(form).reduce((sum, [unknown, coefficient]) => sum + coefficient * (values[unknown] ?? 0), 0);

describe("LinearKnowledge", () => {
  it("a part of a sum is recovered once the sum and the other part are known", () => {
    const known = new LinearKnowledge();
    known.know({ mentor: 1, mentee: 1, total: -1 });
    known.know({ total: 1 });
    expect(known.determinesUnknown("mentor")).toBe(false);
    known.know({ mentee: 1 });
    expect(known.determinesUnknown("mentor")).toBe(true);
  });

  it("two hidden parts of the same sum stay hidden, and the direction that hides them keeps every fact", () => {
    const facts: LinearForm[] = [{ mentor: 1, mentee: 1, total: -1 }, { total: 1 }];
    const known = new LinearKnowledge();
    for (const fact of facts) known.know(fact);
    const direction = known.hiddenDirection("mentor");
    expect(direction).not.toBeNull();
    for (const fact of facts) expect(apply(fact, direction ?? {})).toBe(0);
    expect(direction?.mentor).not.toBe(0);
  });

  it("a rectangle of hidden cells in a table with row and column totals is not determined", () => {
    // Two cohorts × two roles, every row and column total known, the four inner cells hidden.
    const known = new LinearKnowledge();
    known.know({ a1: 1, b1: 1 });
    known.know({ a2: 1, b2: 1 });
    known.know({ a1: 1, a2: 1 });
    known.know({ b1: 1, b2: 1 });
    expect(known.rank).toBe(3);
    for (const cell of ["a1", "a2", "b1", "b2"]) expect(known.determinesUnknown(cell)).toBe(false);
    known.know({ b2: 1 });
    for (const cell of ["a1", "a2", "b1", "b2"]) expect(known.determinesUnknown(cell)).toBe(true);
  });

  it("a fact implied by earlier ones adds no rank", () => {
    const known = new LinearKnowledge();
    expect(known.know({ x: 2, y: 4 })).toBe(true);
    expect(known.know({ x: 1, y: 2 })).toBe(false);
    expect(known.determines({ x: 3, y: 6 })).toBe(true);
    expect(known.determinesUnknown("x")).toBe(false);
  });

  it("uses exact fractions: a ratio of 3 to 1 with the total fixes both sides", () => {
    const known = new LinearKnowledge();
    known.know({ mentor: 1, mentee: -3 });
    known.know({ mentor: 1, mentee: 1 });
    expect(known.determinesUnknown("mentee")).toBe(true);
    expect(known.hiddenDirection("mentee")).toBeNull();
  });
});
