import { maxTeams } from "./construct";
import type { Instance } from "./instance";
import { MinCostFlow } from "./min-cost-flow";

/**
 * Upper bound in units for shapes with several people on both sides (2:2 and the like). In any team a
 * mentor has at most `mentees.max` partners and a mentee at most `mentors.max`, so the best b-matching
 * with those degrees bounds the pair part; team criteria add at most their weight per team. Small
 * problems get the exact b-matching (a min-cost flow); large ones the weaker sum of each mentor's best
 * `mentees.max` pairs.
 */
export function pairingBound(instance: Instance): number {
  const { shape, scoring } = instance;
  const M = instance.mentors.length;
  const E = instance.mentees.length;
  const teamPart =
    maxTeams(instance) * scoring.diversity.reduce((sum, criterion) => sum + criterion.weightUnits, 0);
  if (M * E <= 250_000) {
    const flow = new MinCostFlow();
    const mentorNodes = Array.from({ length: M }, () => flow.addNode());
    const menteeNodes = Array.from({ length: E }, () => flow.addNode());
    const sink = flow.addNode();
    // Each mentor sends up to `mentees.max` units to partners, the rest straight to the sink at no cost.
    for (const node of mentorNodes) {
      flow.setSupply(node, shape.mentees.max);
      flow.addArc(node, sink, shape.mentees.max, 0, 0);
    }
    flow.setSupply(sink, -M * shape.mentees.max);
    for (let m = 0; m < M; m++)
      for (let e = 0; e < E; e++)
        if (instance.allowed(m, e))
          flow.addArc(mentorNodes[m] as number, menteeNodes[e] as number, 1, 0, -scoring.pairUnits(m, e));
    for (const node of menteeNodes) flow.addArc(node, sink, shape.mentors.max, 0, 0);
    if (flow.run(Number.POSITIVE_INFINITY) !== "optimal") throw new Error("the b-matching always has a flow");
    return -flow.lowerBound()[1] + teamPart;
  }
  let sum = 0;
  for (let m = 0; m < M; m++) {
    const best: number[] = [];
    for (let e = 0; e < E; e++) if (instance.allowed(m, e)) best.push(scoring.pairUnits(m, e));
    best.sort((a, b) => b - a);
    for (let k = 0; k < Math.min(shape.mentees.max, best.length); k++) sum += best[k] as number;
  }
  return sum + teamPart;
}
