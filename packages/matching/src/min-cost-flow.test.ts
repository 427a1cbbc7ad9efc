import { describe, expect, it } from "vitest";
import { MinCostFlow } from "./min-cost-flow";

/** Assignment of two people to two seats; costs are negated scores. */
function assignment(scores: number[][]) {
  const flow = new MinCostFlow();
  const people = scores.map(() => flow.addNode());
  const seats = (scores[0] ?? []).map(() => flow.addNode());
  const sink = flow.addNode();
  const arcs: number[][] = [];
  people.forEach((node, i) => {
    flow.setSupply(node, 1);
    arcs.push(seats.map((seat, j) => flow.addArc(node, seat, 1, 0, -(scores[i]?.[j] ?? 0))));
  });
  for (const seat of seats) flow.addArc(seat, sink, 1, 0, 0);
  flow.setSupply(sink, -people.length);
  return { flow, arcs };
}

describe("minimum-cost flow", () => {
  it("finds the best assignment, not the greedy one, and its bound equals its cost", () => {
    const { flow, arcs } = assignment([
      [10, 9],
      [9, 0],
    ]);
    expect(flow.run(Number.POSITIVE_INFINITY)).toBe("optimal");
    expect(flow.cost()).toEqual([0, -18]);
    expect(flow.lowerBound()).toEqual([0, -18]);
    expect(arcs.map((row) => row.map((arc) => flow.flowOn(arc)))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("puts the primary cost first: one more placement beats any score", () => {
    const flow = new MinCostFlow();
    const a = flow.addNode();
    const b = flow.addNode();
    const seat = flow.addNode();
    const sink = flow.addNode();
    flow.setSupply(a, 1);
    flow.setSupply(b, 1);
    flow.setSupply(sink, -2);
    const good = flow.addArc(a, seat, 1, -1, -1_000_000);
    flow.addArc(b, seat, 1, -1, -1);
    flow.addArc(seat, sink, 1, 0, 0);
    // Staying out costs nothing on the primary part, placing saves one.
    flow.addArc(a, sink, 1, 0, 0);
    flow.addArc(b, sink, 1, 0, 0);
    expect(flow.run(Number.POSITIVE_INFINITY)).toBe("optimal");
    expect(flow.flowOn(good)).toBe(1);
    expect(flow.cost()).toEqual([-1, -1_000_000]);
  });

  it("continues from its flow when better arcs are added after a run", () => {
    const { flow } = assignment([
      [5, 1],
      [4, 3],
    ]);
    expect(flow.run(Number.POSITIVE_INFINITY)).toBe("optimal");
    expect(flow.cost()[1]).toBe(-8);
    // A new, better way for person 1 to reach seat 0.
    flow.addArc(1, 2, 1, 0, -10);
    expect(flow.run(Number.POSITIVE_INFINITY)).toBe("optimal");
    expect(flow.cost()[1]).toBe(-11);
    expect(flow.lowerBound()[1]).toBe(-11);
  });

  it("says when a supply cannot reach any demand", () => {
    const flow = new MinCostFlow();
    const a = flow.addNode();
    const b = flow.addNode();
    flow.setSupply(a, 1);
    flow.setSupply(b, -1);
    expect(flow.run(Number.POSITIVE_INFINITY)).toBe("infeasible");
  });
});
