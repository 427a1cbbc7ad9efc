import type { Instance } from "./instance";
import { MinCostFlow } from "./min-cost-flow";
import type { RunControl } from "./run-control";
import { type DiversityCriterion, diversityPenaltyUnits } from "./scoring";
import { placedCount, relativeGap, type TeamDraft, totalUnits } from "./team";

/**
 * Team shapes with one person on a side ("hub": the mentor in 1:k, the mentee in k:1) as a min-cost flow.
 * Each spoke (a person of the other side) supplies one unit:
 *
 *   spoke ─(−pair score)→ [hub × attribute] ─(0, p, 2p, …)→ hub ─(first `lo`)→ demand of the hub (or tier)
 *     │                                                          └─(up to `hi − lo` more)→ sink
 *     └─→ unplaced ─(at most spokes − placeable)→ sink
 *
 * The optional attribute layer turns one team-diversity criterion among the spokes into convex arc costs
 * (the k-th person of one department in a team costs k − 1 per-pair penalties), which keeps it exact.
 * When every open hub must become a team, each hub demands its first `lo` units itself; when there are
 * more hubs than teams, a shared tier node demands `teams × lo`, a relaxation that bounds every choice of
 * open hubs. If the rules make full placement impossible, placements become lexicographic costs instead.
 */
export interface HubView {
  hubIsMentor: boolean;
  hubs: number;
  spokes: number;
  lo: number;
  hi: number;
  pairUnits(hub: number, spoke: number): number;
  allowed(hub: number, spoke: number): boolean;
  team(hub: number, spokes: readonly number[]): TeamDraft;
}

export function hubView(instance: Instance): HubView | null {
  const { shape, scoring } = instance;
  if (shape.mentors.max === 1 && shape.mentors.min === 1)
    return {
      hubIsMentor: true,
      hubs: instance.mentors.length,
      spokes: instance.mentees.length,
      lo: shape.mentees.min,
      hi: shape.mentees.max,
      pairUnits: (hub, spoke) => scoring.pairUnits(hub, spoke),
      allowed: (hub, spoke) => instance.allowed(hub, spoke),
      team: (hub, spokes) => ({ mentors: [hub], mentees: [...spokes] }),
    };
  if (shape.mentees.max === 1 && shape.mentees.min === 1) {
    // Under the different-departments rule a mentor pinned to a mentee keeps the other mentors of their
    // department away from that mentee: those pairs are not allowed here.
    const pinnedMentors: number[][] = Array.from({ length: instance.mentees.length }, () => []);
    if (instance.mentorDepartments)
      for (const pin of instance.pinned) (pinnedMentors[pin.mentee] as number[]).push(pin.mentor);
    return {
      hubIsMentor: false,
      hubs: instance.mentees.length,
      spokes: instance.mentors.length,
      lo: shape.mentors.min,
      hi: shape.mentors.max,
      pairUnits: (hub, spoke) => scoring.pairUnits(spoke, hub),
      allowed: (hub, spoke) =>
        instance.allowed(spoke, hub) && instance.mentorMayJoin(pinnedMentors[hub] as number[], spoke),
      team: (hub, spokes) => ({ mentors: [...spokes], mentees: [hub] }),
    };
  }
  return null;
}

export interface HubFlowResult {
  /** Complete teams; null when stopped before the flow finished. */
  teams: TeamDraft[] | null;
  /** Upper bound in units on the score of any assignment placing as many people; null if unknown. */
  boundUnits: number | null;
  /** The gap at which refining stops (see `settings.gapTolerance`). */
  gapTolerance?: number;
  stats: { arcs: number; pricingRounds: number; addedArcs: number; teamsTarget: number };
}

/** Keeps the `size` largest values seen, with their ids. */
class TopK {
  readonly ids: Int32Array;
  readonly values: Float64Array;
  count = 0;
  private minAt = 0;
  constructor(readonly size: number) {
    this.ids = new Int32Array(size);
    this.values = new Float64Array(size);
  }
  offer(id: number, value: number) {
    if (this.count < this.size) {
      this.ids[this.count] = id;
      this.values[this.count] = value;
      this.count++;
      if (this.count === this.size) this.findMin();
      return;
    }
    if (value <= (this.values[this.minAt] as number)) return;
    this.ids[this.minAt] = id;
    this.values[this.minAt] = value;
    this.findMin();
  }
  private findMin() {
    let at = 0;
    for (let i = 1; i < this.count; i++) if ((this.values[i] as number) < (this.values[at] as number)) at = i;
    this.minAt = at;
  }
}

interface Pins {
  hubOfSpoke: Int32Array;
  spokesOfHub: number[][];
}

function pinsOf(instance: Instance, view: HubView): Pins {
  const hubOfSpoke = new Int32Array(view.spokes).fill(-1);
  const spokesOfHub: number[][] = Array.from({ length: view.hubs }, () => []);
  for (const pin of instance.pinned) {
    const hub = view.hubIsMentor ? pin.mentor : pin.mentee;
    const spoke = view.hubIsMentor ? pin.mentee : pin.mentor;
    hubOfSpoke[spoke] = hub;
    (spokesOfHub[hub] as number[]).push(spoke);
  }
  return { hubOfSpoke, spokesOfHub };
}

interface Network {
  flow: MinCostFlow;
  /** Where unplaced spokes go (forced mode). */
  bypass: number;
  spokeNode: Int32Array;
  hubNode: Int32Array;
  /** (hub × attribute) node by `hub * codes + code`. */
  layerNode: Map<number, number>;
  /** Pair arcs into each layer node, by the same key: its chain has one arc per pair, up to the full length. */
  layerPairs: Map<number, number>;
  pairArcs: { arc: number; hub: number; spoke: number }[];
}

export async function solveHubFlow(
  instance: Instance,
  view: HubView,
  control: RunControl,
  settings: {
    candidatesPerPerson: number;
    gapTolerance?: number;
    /** Pairs of a quick answer that join the candidates, so the first network holds a full assignment. */
    firstTeams?: readonly TeamDraft[] | null;
    /** Called with each complete answer as soon as a flow yields it, before pricing or closing refine it. */
    onTeams?: (teams: TeamDraft[]) => void;
  },
): Promise<HubFlowResult> {
  const { hubs, spokes, lo, hi } = view;
  const pins = pinsOf(instance, view);
  const spokeSide = view.hubIsMentor ? "mentees" : "mentors";
  // Mentors from different departments, with several mentors per hub: the layer is by department and its
  // chains hold one arc, so a hub takes at most one mentor of each department, exactly. A diversity
  // criterion among mentors then costs nothing in the flow: on department the rule leaves it nothing to
  // take away, on another attribute it counts its full weight (a bound still) and the local search weighs it.
  const departmentLayer = !view.hubIsMentor && hi >= 2 ? instance.mentorDepartments : null;
  const layer: DiversityCriterion | undefined = departmentLayer
    ? undefined
    : [...instance.scoring.diversity]
        .filter((criterion) => criterion.among === spokeSide)
        .sort((a, b) => b.weightUnits - a.weightUnits)[0];
  const layerCodes = departmentLayer ?? layer?.codes;
  const layerPenalty = layer ? diversityPenaltyUnits(layer.weightUnits, hi) : 0;
  /** Arcs a (hub × attribute) chain may have at most: one per department under the rule. */
  const layerLimit = departmentLayer ? 1 : hi;
  let codeCount = 0;
  if (layerCodes) for (const code of layerCodes) codeCount = Math.max(codeCount, code + 1);
  // Missing attributes have negative codes of their own: give each a slot past the known ones.
  const codeOf = (spoke: number) => {
    const code = (layerCodes as Int32Array)[spoke] as number;
    return code >= 0 ? code : codeCount + spoke;
  };
  const codeSpace = codeCount + spokes;

  // 1. Candidate pairs: every allowed pair when small, else the best per spoke and per hub.
  const complete = hubs * spokes <= 40_000 || hubs <= settings.candidatesPerPerson;
  const perSpoke = complete ? hubs : settings.candidatesPerPerson;
  const perHub = complete ? 0 : Math.max(2 * hi, settings.candidatesPerPerson);
  const spokeTop = Array.from({ length: spokes }, () => new TopK(Math.max(1, perSpoke)));
  const hubTop = perHub > 0 ? Array.from({ length: hubs }, () => new TopK(perHub)) : [];
  /** Hubs that can become a team: at least `lo` spokes (free or pinned to them) may join them. */
  const hubEligible = new Uint8Array(hubs);
  /** Spokes each hub may take (free or pinned to it): when hubs must close, those with more choice stay open. */
  const hubDegree = new Int32Array(hubs);
  /** Spokes with an allowed hub that can become a team. */
  const spokeEligible = new Uint8Array(spokes);
  const hubAllows = new Uint8Array(hubs);
  // Pair scores are kept (−1 for a pair the rules forbid) when they fit in 32 bits and memory allows,
  // so pricing rounds read them instead of scoring every pair again; a spoke's scores sit side by side,
  // as pricing reads them.
  const cache =
    instance.scoring.maxPairUnits < 2 ** 31 && hubs * spokes <= 40_000_000
      ? new Int32Array(hubs * spokes)
      : null;
  const allowed = cache ? (h: number, s: number) => (cache[s * hubs + h] as number) >= 0 : view.allowed;
  const pairUnits = cache ? (h: number, s: number) => cache[s * hubs + h] as number : view.pairUnits;
  /** Sums of each hub's and each spoke's allowed pair scores, for the candidates' ranking below. */
  const hubSum = new Float64Array(hubs);
  const spokeSum = new Float64Array(spokes);
  const hubPairs = new Int32Array(hubs);
  const spokePairs = new Int32Array(spokes);
  for (let s = 0; s < spokes; s++) {
    for (let h = 0; h < hubs; h++) {
      if (!view.allowed(h, s)) {
        if (cache) cache[s * hubs + h] = -1;
        continue;
      }
      spokeEligible[s] = 1;
      spokePairs[s] = (spokePairs[s] as number) + 1;
      hubPairs[h] = (hubPairs[h] as number) + 1;
      hubAllows[h] = 1;
      if (pins.hubOfSpoke[s] === -1 || pins.hubOfSpoke[s] === h) hubDegree[h] = (hubDegree[h] as number) + 1;
      const units = view.pairUnits(h, s);
      if (cache) cache[s * hubs + h] = units;
      hubSum[h] = (hubSum[h] as number) + units;
      spokeSum[s] = (spokeSum[s] as number) + units;
      if (complete && pins.hubOfSpoke[s] === -1) (spokeTop[s] as TopK).offer(h, units);
    }
    if ((s & 63) === 63) {
      control.progress((0.2 * s) / spokes, "flow");
      await control.breathe();
      if (control.shouldStop()) return { teams: null, boundUnits: null, stats: emptyStats() };
    }
  }
  if (!complete) {
    // A pair is ranked by how far it beats the partner's average pair, not by its raw score: when part
    // of the score belongs to one side alone (a manager far behind in digital skills scores high with
    // every junior), raw ranking hands every spoke the same few hubs, which cannot take them all, and the
    // flow then needs round after round of pricing. The average is a first guess at the partner's price.
    const hubMean = Float64Array.from(hubSum, (sum, h) => sum / Math.max(1, hubPairs[h] as number));
    const spokeMean = Float64Array.from(spokeSum, (sum, s) => sum / Math.max(1, spokePairs[s] as number));
    for (let s = 0; s < spokes; s++) {
      if (pins.hubOfSpoke[s] !== -1) continue;
      const top = spokeTop[s] as TopK;
      const ownMean = spokeMean[s] as number;
      for (let h = 0; h < hubs; h++) {
        const units = cache
          ? (cache[s * hubs + h] as number)
          : view.allowed(h, s)
            ? view.pairUnits(h, s)
            : -1;
        if (units < 0) continue;
        top.offer(h, units - (hubMean[h] as number));
        (hubTop[h] as TopK).offer(s, units - ownMean);
      }
      if ((s & 63) === 63) {
        control.progress(0.2 + (0.1 * s) / spokes, "flow");
        await control.breathe();
        if (control.shouldStop()) return { teams: null, boundUnits: null, stats: emptyStats() };
      }
    }
  }
  // A hub fewer than `lo` spokes may join can never be a team (a mentee of one department among mentors
  // of that department): counting it would promise a team that cannot form, so only the others count, and
  // a spoke is eligible when one of them (or a pinned hub, always open) may take it.
  const usable = (h: number) => hubEligible[h] === 1 || (pins.spokesOfHub[h] as number[]).length > 0;
  if (departmentLayer) {
    // One mentor per department: what a hub can take is the number of departments among its spokes.
    const seen = new Int32Array(codeSpace).fill(-1);
    for (let h = 0; h < hubs; h++) {
      let departments = 0;
      for (let s = 0; s < spokes; s++) {
        if (!allowed(h, s) || (pins.hubOfSpoke[s] !== -1 && pins.hubOfSpoke[s] !== h)) continue;
        const code = codeOf(s);
        if (seen[code] === h) continue;
        seen[code] = h;
        departments++;
      }
      hubDegree[h] = departments;
      if ((h & 63) === 63) {
        await control.breathe();
        if (control.shouldStop()) return { teams: null, boundUnits: null, stats: emptyStats() };
      }
    }
  }
  for (let h = 0; h < hubs; h++) if ((hubDegree[h] as number) >= lo) hubEligible[h] = 1;
  if (hubAllows.some((allows, h) => allows === 1 && !usable(h))) {
    spokeEligible.fill(0);
    for (let h = 0; h < hubs; h++) {
      if (!usable(h)) continue;
      for (let s = 0; s < spokes; s++) if (!spokeEligible[s] && allowed(h, s)) spokeEligible[s] = 1;
    }
  }
  const candidates: Set<number>[] = Array.from({ length: spokes }, () => new Set<number>());
  spokeTop.forEach((top, s) => {
    for (let i = 0; i < top.count; i++) (candidates[s] as Set<number>).add(top.ids[i] as number);
  });
  hubTop.forEach((top, h) => {
    for (let i = 0; i < top.count; i++) (candidates[top.ids[i] as number] as Set<number>).add(h);
  });

  // The first answer's pairs join the candidates, so the network holds at least one full assignment.
  for (const team of settings.firstTeams ?? [])
    for (const m of team.mentors)
      for (const e of team.mentees) {
        const [h, s] = view.hubIsMentor ? [m, e] : [e, m];
        if (pins.hubOfSpoke[s] === -1) (candidates[s] as Set<number>).add(h);
      }

  // 2. How many teams can form: every hub needs `lo` spokes; pinned hubs are always open.
  const pinnedHubs = pins.spokesOfHub.filter((list) => list.length > 0).length;
  const freeSpokes = spokeEligible.reduce((sum, e, s) => sum + (e && pins.hubOfSpoke[s] === -1 ? 1 : 0), 0);
  const pinnedSpokes = pins.spokesOfHub.reduce((sum, list) => sum + list.length, 0);
  const eligibleHubs = hubEligible.reduce(
    (sum, e, h) => sum + (e || (pins.spokesOfHub[h] as number[]).length ? 1 : 0),
    0,
  );
  const teamsTarget = Math.max(
    pinnedHubs,
    Math.min(eligibleHubs, Math.floor((freeSpokes + pinnedSpokes) / lo)),
  );
  const pinnedTier = pins.spokesOfHub.reduce((sum, list) => sum + Math.min(lo, list.length), 0);

  const tierDemand = teamsTarget * lo - pinnedTier;
  const placedTarget = Math.max(0, Math.min(freeSpokes, teamsTarget * hi - pinnedSpokes));
  /**
   * `forced`: the network holds only assignments that place the most people (exactly `tierDemand` units
   * through the tier, at most `freeSpokes − placedTarget` unplaced), so costs are plain scores. `lex`:
   * placements are costs of their own, for inputs whose rules make the forced network infeasible: a
   * spoke left out costs `lo`, each of a hub's first `lo` spokes earns 1, so a real assignment (every hub
   * empty or a team) costs `lo` per person left out, plus a constant; a hub filled below `lo` still earns,
   * which keeps it a relaxation. `filled`: every open hub must become a team, and spokes left out cost 1
   * each: the best assignment whose teams are exactly the open hubs, or infeasible.
   */
  let mode: "forced" | "lex" | "filled" = "forced";
  const build = (open: Uint8Array): Network => {
    const flow = new MinCostFlow();
    const spokeNode = new Int32Array(spokes).fill(-1);
    let supply = 0;
    for (let s = 0; s < spokes; s++)
      if (spokeEligible[s] && pins.hubOfSpoke[s] === -1) {
        spokeNode[s] = flow.addNode();
        flow.setSupply(spokeNode[s] as number, 1);
        supply++;
      }
    const layerNode = new Map<number, number>();
    const layerPairs = new Map<number, number>();
    const pairTargets: { hub: number; spoke: number; key: number }[] = [];
    for (let s = 0; s < spokes; s++) {
      if (spokeNode[s] === -1) continue;
      for (const h of [...(candidates[s] as Set<number>)].sort((a, b) => a - b)) {
        if (!open[h]) continue;
        const key = layerCodes ? h * codeSpace + codeOf(s) : -1;
        if (layerCodes) {
          if (!layerNode.has(key)) layerNode.set(key, -1);
          layerPairs.set(key, (layerPairs.get(key) ?? 0) + 1);
        }
        pairTargets.push({ hub: h, spoke: s, key });
      }
    }
    for (const key of [...layerNode.keys()].sort((a, b) => a - b)) layerNode.set(key, flow.addNode());
    const hubNode = new Int32Array(hubs).fill(-1);
    for (let h = 0; h < hubs; h++) if (open[h]) hubNode[h] = flow.addNode();
    const tier = flow.addNode();
    const extra = flow.addNode();
    const placed = flow.addNode();
    const sink = flow.addNode();
    const lex = mode === "lex";
    const filled = mode === "filled";
    // When every open hub must become a team, each hub itself asks for its first `lo` spokes: a search
    // from a spoke then ends at the nearest hub with room instead of at one shared tier node, which keeps
    // it local (as in the Hungarian method).
    const openCount = open.reduce((sum, o) => sum + o, 0);
    const hubDemand = filled || (!lex && openCount === teamsTarget);
    if (lex) flow.setSupply(sink, -supply);
    else if (filled) {
      let demand = 0;
      for (let h = 0; h < hubs; h++)
        if (open[h]) demand += Math.max(0, lo - (pins.spokesOfHub[h] as number[]).length);
      // Fewer spokes than the open hubs ask for: the sink's positive supply makes the network infeasible.
      flow.setSupply(sink, -(supply - demand));
    } else {
      if (!hubDemand) flow.setSupply(tier, -tierDemand);
      flow.setSupply(sink, -(supply - tierDemand));
    }
    const pairArcs: Network["pairArcs"] = [];
    for (const { hub, spoke, key } of pairTargets) {
      const target = layerCodes ? (layerNode.get(key) as number) : (hubNode[hub] as number);
      pairArcs.push({
        arc: flow.addArc(spokeNode[spoke] as number, target, 1, 0, -pairUnits(hub, spoke)),
        hub,
        spoke,
      });
    }
    if (layerCodes) {
      for (const [key, node] of layerNode)
        addChain(
          flow,
          node,
          hubNode[Math.floor(key / codeSpace)] as number,
          Math.floor(key / codeSpace),
          key % codeSpace,
          0,
          layerPairs.get(key) as number,
        );
    }
    for (let h = 0; h < hubs; h++) {
      if (!open[h]) continue;
      const pinned = (pins.spokesOfHub[h] as number[]).length;
      const tierRoom = Math.max(0, lo - pinned);
      if (tierRoom > 0) {
        if (hubDemand) flow.setSupply(hubNode[h] as number, -tierRoom);
        else flow.addArc(hubNode[h] as number, tier, tierRoom, lex ? -1 : 0, 0);
      }
      const room = hi - Math.max(lo, pinned);
      if (room > 0) flow.addArc(hubNode[h] as number, extra, room, 0, 0);
    }
    if (lex) {
      flow.addArc(tier, placed, Math.max(0, tierDemand), 0, 0);
      flow.addArc(extra, placed, supply, 0, 0);
      flow.addArc(placed, sink, placedTarget, 0, 0);
      // Staying unplaced costs `lo` (a team's first `lo` spokes earn 1 each through the tier): the flow
      // places as many people as it can, counting a team's hub as one of them.
      for (let s = 0; s < spokes; s++)
        if (spokeNode[s] !== -1) flow.addArc(spokeNode[s] as number, sink, 1, lo, 0);
    } else if (filled) {
      flow.addArc(extra, sink, supply, 0, 0);
      for (let s = 0; s < spokes; s++)
        if (spokeNode[s] !== -1) flow.addArc(spokeNode[s] as number, sink, 1, 1, 0);
    } else {
      // `placed` collects the unplaced here: at most `supply − placedTarget` of them.
      flow.addArc(extra, sink, supply, 0, 0);
      for (let s = 0; s < spokes; s++)
        if (spokeNode[s] !== -1) flow.addArc(spokeNode[s] as number, placed, 1, 0, 0);
      flow.addArc(placed, sink, supply - placedTarget, 0, 0);
    }
    return { flow, bypass: placed, spokeNode, hubNode, layerNode, layerPairs, pairArcs };
  };

  // The k-th spoke of one attribute in a hub costs k − 1 penalties; pinned spokes of that attribute are
  // already there, so the chain starts after them. A chain needs no more arcs than pairs enter its node
  // (most nodes have one): arcs `from` to `to` (exclusive) of the chain are added, within its length.
  function chainStart(hub: number, code: number) {
    const pinnedList = pins.spokesOfHub[hub] as number[];
    const already = pinnedList.filter((spoke) => codeOf(spoke) === code).length;
    return { already, length: Math.min(hi - pinnedList.length, layerLimit - already) };
  }
  function addChain(
    flow: MinCostFlow,
    node: number,
    hubNodeId: number,
    hub: number,
    code: number,
    from: number,
    to: number,
  ) {
    const { already, length } = chainStart(hub, code);
    for (let k = from; k < Math.min(to, length); k++)
      flow.addArc(node, hubNodeId, 1, 0, (already + k) * layerPenalty);
  }

  /** Runs the flow to its end, or until the run control says stop ("stopped": the flow is part-way). */
  const solve = async (network: Network, from: number, to: number) => {
    for (;;) {
      const status = network.flow.run(control.chunkEnd());
      if (status !== "stopped") return status;
      control.progress(from + (to - from) * 0.5, "flow");
      await control.breathe();
      if (control.shouldStop()) return "stopped";
    }
  };

  function fill(assignmentOf: Int32Array) {
    const counts = new Int32Array(hubs);
    for (const hub of assignmentOf) if (hub >= 0) counts[hub] = (counts[hub] as number) + 1;
    return counts;
  }
  function teamsOf(assignmentOf: Int32Array) {
    const members: number[][] = Array.from({ length: hubs }, () => []);
    assignmentOf.forEach((hub, spoke) => {
      if (hub >= 0) (members[hub] as number[]).push(spoke);
    });
    const result: TeamDraft[] = [];
    members.forEach((list, hub) => {
      if (list.length >= lo && list.length <= hi) result.push(view.team(hub, list));
    });
    return result;
  }

  const assignment = (network: Network) => {
    const hubOf = Int32Array.from(pins.hubOfSpoke);
    for (const { arc, hub, spoke } of network.pairArcs) if (network.flow.flowOn(arc) > 0) hubOf[spoke] = hub;
    return hubOf;
  };

  // Score constants outside the flow: pinned pairs, the diversity layer's base per team (less pinned
  // same-attribute pairs), and the other team criteria at most their full weight per team.
  let pinnedUnits = 0;
  pins.spokesOfHub.forEach((list, hub) => {
    for (const spoke of list) pinnedUnits += pairUnits(hub, spoke);
    if (layerCodes)
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++)
          if (codeOf(list[a] as number) === codeOf(list[b] as number)) pinnedUnits -= layerPenalty;
  });
  const teamConstant = instance.scoring.diversity.reduce((sum, criterion) => sum + criterion.weightUnits, 0);

  // 3. The bound network keeps every eligible hub open, with the tier capped at the team target.
  const allOpen = new Uint8Array(hubs);
  for (let h = 0; h < hubs; h++)
    if (hubEligible[h] || (pins.spokesOfHub[h] as number[]).length) allOpen[h] = 1;
  let boundNetwork = build(allOpen);
  let boundStatus = await solve(boundNetwork, 0.3, 0.6);
  if (boundStatus === "infeasible") {
    mode = "lex";
    boundNetwork = build(allOpen);
    boundStatus = await solve(boundNetwork, 0.3, 0.6);
  }
  if (boundStatus !== "optimal") return { teams: null, boundUnits: null, stats: emptyStats() };
  /** Hub per spoke of the last flow solved to its end (a flow stopped part-way is not an assignment). */
  let solvedHubOf = assignment(boundNetwork);
  /** Reports the flow's assignment as an answer when it has no part-filled hub (each hub empty or a team). */
  const reportWhole = (hubOf: Int32Array) => {
    const counts = fill(hubOf);
    if (counts.every((count) => count === 0 || count >= lo)) settings.onTeams?.(teamsOf(hubOf));
  };
  reportWhole(solvedHubOf);

  // 4. Pricing: pairs left out of the network that could still improve the flow are added and the flow
  // re-solved; the last round's Lagrangian bound covers every pair, in the network or not.
  const gapTolerance = settings.gapTolerance ?? (hubs * spokes <= 2_000_000 ? 0 : 0.0005);
  let pricingRounds = 0;
  let addedArcs = 0;
  let lagrangian: [number, number] | null = null;
  for (;;) {
    if (complete) {
      lagrangian = boundNetwork.flow.lowerBound();
      break;
    }
    pricingRounds++;
    control.progress(0.6 + 0.05 * pricingRounds, "pricing");
    const priced = await price(boundNetwork);
    if (priced === null) break;
    lagrangian = priced.bound;
    // Stop refining once the proven gap is within tolerance (the flow's own cost is its score), relative
    // to the bound's scoring part as the result reports it: team criteria's full weights left out.
    const flowScore = -boundNetwork.flow.cost()[1];
    const boundScore = -priced.bound[1];
    const closeEnough =
      mode === "forced" && relativeGap(boundScore + pinnedUnits, flowScore + pinnedUnits, 0) <= gapTolerance;
    if (priced.violations.length === 0 || closeEnough || pricingRounds >= 100 || control.shouldStop()) break;
    // New pairs join the solved network; the flow continues from where it is.
    for (const { hub, spoke } of priced.violations) {
      (candidates[spoke] as Set<number>).add(hub);
      addPair(boundNetwork, hub, spoke);
    }
    addedArcs += priced.violations.length;
    if ((await solve(boundNetwork, 0.65, 0.8)) !== "optimal") break;
    solvedHubOf = assignment(boundNetwork);
    reportWhole(solvedHubOf);
  }

  function layerTarget(network: Network, hub: number, spoke: number): number {
    if (!layerCodes) return network.hubNode[hub] as number;
    const key = hub * codeSpace + codeOf(spoke);
    let node = network.layerNode.get(key);
    const hubNodeId = network.hubNode[hub] as number;
    if (node === undefined) {
      node = network.flow.addNode(hubNodeId);
      network.layerNode.set(key, node);
    }
    // The new pair may need one more arc of the chain.
    const pairs = network.layerPairs.get(key) ?? 0;
    network.layerPairs.set(key, pairs + 1);
    addChain(network.flow, node, hubNodeId, hub, key % codeSpace, pairs, pairs + 1);
    return node;
  }

  function addPair(network: Network, hub: number, spoke: number) {
    const target = layerTarget(network, hub, spoke);
    network.pairArcs.push({
      arc: network.flow.addArc(network.spokeNode[spoke] as number, target, 1, 0, -pairUnits(hub, spoke)),
      hub,
      spoke,
    });
  }

  /**
   * Prices every allowed pair against the flow's potentials. Pairs outside the network whose reduced cost
   * is negative are returned (the best few per spoke) to join it. The bound is the Lagrangian one, with
   * each spoke's own potential chosen optimally: a spoke sends one unit, so its part is minus the best
   * value (target potential minus arc cost) over all its arcs, in the network or not.
   */
  async function price(network: Network) {
    const { flow } = network;
    const forced = mode === "forced";
    const spokeFlags = new Uint8Array(flow.nodeTotal);
    if (forced) for (const node of network.spokeNode) if (node !== -1) spokeFlags[node] = 1;
    let [l1, l2] = flow.lowerBound(forced ? spokeFlags : undefined);
    const [pi1, pi2] = flow.potentials();
    // The full model has whole chains: the arcs a chain lacks still count in the bound when their reduced
    // cost is negative (it grows along the chain, so the first that is not ends the count).
    for (const [key, node] of network.layerNode) {
      const hub = Math.floor(key / codeSpace);
      const { already, length } = chainStart(hub, key % codeSpace);
      const hubNodeId = network.hubNode[hub] as number;
      const r1 = (pi1[node] as number) - (pi1[hubNodeId] as number);
      if (r1 > 0) continue;
      for (let k = network.layerPairs.get(key) ?? 0; k < length; k++) {
        const r2 = (already + k) * layerPenalty + (pi2[node] as number) - (pi2[hubNodeId] as number);
        if (r1 === 0 && r2 >= 0) break;
        l1 += r1;
        l2 += r2;
      }
    }
    // Spokes of one attribute code see the same node behind each hub (its layer node, or the hub), so the
    // potentials of those nodes are read once per code into two rows, and the loop over every pair reads
    // memory in order. A hub that is not open gets −∞.
    const order = Int32Array.from({ length: spokes }, (_, s) => s);
    const groupOf = (s: number) => (layerCodes ? codeOf(s) : 0);
    if (layerCodes) order.sort((a, b) => groupOf(a) - groupOf(b) || a - b);
    const target1 = new Float64Array(hubs);
    const target2 = new Float64Array(hubs);
    const fillTargets = (group: number) => {
      for (let h = 0; h < hubs; h++) {
        let target = network.hubNode[h] as number;
        if (target === -1) {
          target2[h] = Number.NEGATIVE_INFINITY;
          continue;
        }
        if (layerCodes) target = network.layerNode.get(h * codeSpace + group) ?? target;
        target1[h] = pi1[target] as number;
        target2[h] = pi2[target] as number;
      }
    };
    const found: ({ hub: number; spoke: number }[] | undefined)[] = new Array(spokes);
    const mark = new Int32Array(hubs).fill(-1);
    const bypassValue = forced ? (pi2[network.bypass] as number) : 0;
    let group = -1;
    for (let index = 0; index < spokes; index++) {
      const s = order[index] as number;
      const node = network.spokeNode[s] as number;
      if (node === -1) continue;
      if (groupOf(s) !== group) {
        group = groupOf(s);
        fillTargets(group);
      }
      for (const h of candidates[s] as Set<number>) mark[h] = s;
      const p1 = pi1[node] as number;
      const p2 = pi2[node] as number;
      const worst = new TopK(3);
      const row = s * hubs;
      let best = bypassValue;
      for (let h = 0; h < hubs; h++) {
        const units = cache ? (cache[row + h] as number) : view.allowed(h, s) ? view.pairUnits(h, s) : -1;
        if (units < 0) continue;
        const value = (target2[h] as number) + units;
        if (value === Number.NEGATIVE_INFINITY) continue;
        if (forced && value > best) best = value;
        const r1 = p1 - (target1[h] as number);
        // Not a violation: the arc's reduced cost is not negative.
        if (r1 > 0 || (r1 === 0 && value <= p2)) continue;
        if (mark[h] === s) continue;
        const r2 = p2 - value;
        if (!forced) {
          l1 += r1;
          l2 += r2;
        }
        worst.offer(h, r1 < 0 ? Number.POSITIVE_INFINITY : -r2);
      }
      if (forced) l2 -= best;
      if (worst.count > 0)
        found[s] = Array.from(worst.ids.subarray(0, worst.count), (hub) => ({ hub, spoke: s }));
      if ((index & 255) === 255) {
        await control.breathe();
        if (control.shouldStop()) return null;
      }
    }
    const violations = found.flatMap((list) => list ?? []);
    return { bound: [l1, l2] as [number, number], violations };
  }

  // 5. The answer: straight from the bound network when its flow left no hub part-filled. Otherwise some
  // hubs close: first those the bound's flow filled best stay open; then, when the choices are few, every
  // choice of open hubs is tried, from `teamsTarget` of them down while fewer teams could still place as
  // many people, each solved with every open hub a team: exact for that choice, so the best choice places
  // the most people and, among those, scores most.
  const boundMode = mode;
  /**
   * Solves with these hubs open: placement forced when they are `teamsTarget`, else (or if that fails)
   * with every open hub a team, placing as many spokes as possible; with `relaxed`, last the lex network,
   * which may leave hubs part-filled. `scoreBound` bounds the score of every assignment whose teams are
   * exactly the open hubs and that places as many people (when the network holds every allowed pair).
   */
  const solveOpen = async (
    open: Uint8Array,
    relaxed: boolean,
  ): Promise<{ hubOf: Int32Array; scoreBound: number } | "stopped" | "unfillable"> => {
    const openCount = open.reduce((sum, o) => sum + o, 0);
    const modes: (typeof mode)[] = openCount === teamsTarget ? ["forced", "filled"] : ["filled"];
    if (relaxed) modes.push("lex");
    for (const next of modes) {
      mode = next;
      const network = build(open);
      const status = await solve(network, 0.8, 0.9);
      if (status === "optimal")
        return {
          hubOf: assignment(network),
          scoreBound: -network.flow.cost()[1] + pinnedUnits + openCount * teamConstant,
        };
      if (status === "stopped") return "stopped";
    }
    return "unfillable";
  };
  const stopped = { teams: null, boundUnits: null, stats: emptyStats() };
  let hubOf: Int32Array = solvedHubOf;
  /** A bound from trying every choice of open hubs (see below); null when not proven that way. */
  let choiceBound: number | null = null;
  const openList = [...allOpen.keys()].filter((h) => allOpen[h] === 1);
  const firstCounts = fill(hubOf);
  const needsClosing = openList.some(
    (h) => (firstCounts[h] as number) > 0 && (firstCounts[h] as number) < lo,
  );
  if (needsClosing) {
    let best: { hubOf: Int32Array; placed: number; units: number } | null = null;
    /**
     * Keeps the assignment if its teams place more people, or as many with a higher score; `report` passes
     * it on as an answer (not the relaxation's, whose part-filled hubs would leave their people out).
     */
    const consider = (candidate: Int32Array, report = true) => {
      const formed = teamsOf(candidate);
      const placed = placedCount(formed);
      const units = totalUnits(instance, formed);
      if (!best || placed > best.placed || (placed === best.placed && units > best.units)) {
        best = { hubOf: candidate, placed, units };
        if (report) settings.onTeams?.(formed);
      }
      return placed;
    };
    /** People the best assignment so far places (a closure: `best` changes inside `consider`). */
    const leading = () => best?.placed ?? 0;
    consider(hubOf, false);
    // First the hubs the relaxation filled best stay open.
    let openHubs = allOpen;
    let current = hubOf;
    for (let attempt = 0; attempt < 4; attempt++) {
      const counts = fill(current);
      const isOpen = openHubs;
      const open = [...isOpen.keys()].filter((h) => isOpen[h] === 1);
      const short = open.filter((h) => (counts[h] as number) > 0 && (counts[h] as number) < lo);
      if (short.length === 0) break;
      // First keep the target number of hubs; if some still cannot be filled (rules), keep only full ones.
      const keep = attempt === 0 ? teamsTarget : open.filter((h) => (counts[h] as number) >= lo).length;
      const ranked = open.sort(
        (x, y) =>
          Number((pins.spokesOfHub[y] as number[]).length > 0) -
            Number((pins.spokesOfHub[x] as number[]).length > 0) ||
          Math.min(lo, counts[y] as number) - Math.min(lo, counts[x] as number) ||
          (counts[y] as number) - (counts[x] as number) ||
          (hubDegree[y] as number) - (hubDegree[x] as number) ||
          x - y,
      );
      const next = new Uint8Array(hubs);
      for (const h of ranked.slice(0, keep)) next[h] = 1;
      openHubs = next;
      const solved = await solveOpen(openHubs, true);
      if (solved === "stopped") return stopped;
      if (solved === "unfillable") break;
      current = solved.hubOf;
      consider(current);
    }

    // Then, when there are few, every choice of open hubs that could place as many people: k teams place
    // at most k hubs and k·hi spokes, so from `teamsTarget` hubs down to the fewest that could.
    const mostPlaced = (k: number) => k + Math.min(freeSpokes + pinnedSpokes, k * hi);
    const fewest = Math.max(1, pinnedHubs);
    let smallest = teamsTarget;
    while (smallest > fewest && mostPlaced(smallest - 1) >= leading()) smallest--;
    let choiceCount = 0;
    for (let k = smallest; k <= teamsTarget && choiceCount <= 300; k++)
      choiceCount += choose(openList.length, k);
    if (choiceCount <= 300) {
      const pinnedHubList = openList.filter((h) => (pins.spokesOfHub[h] as number[]).length > 0);
      const choices: { placed: number; scoreBound: number }[] = [];
      for (let k = teamsTarget; k >= smallest; k--) {
        if (mostPlaced(k) < leading()) break;
        for (const subset of combinations(openList, k)) {
          if (pinnedHubList.some((h) => !subset.includes(h))) continue;
          const open = new Uint8Array(hubs);
          for (const h of subset) open[h] = 1;
          const solved = await solveOpen(open, false);
          if (solved === "stopped") return stopped;
          if (solved === "unfillable") continue;
          choices.push({ placed: consider(solved.hubOf), scoreBound: solved.scoreBound });
        }
      }
      // Every assignment placing as many people as the answer has its teams on one of the choices tried:
      // when the networks held every pair, the best bound among the choices that place as many people as
      // the answer bounds every such assignment.
      if (complete)
        for (const choice of choices)
          if (choice.placed === leading())
            choiceBound = choiceBound === null ? choice.scoreBound : Math.max(choiceBound, choice.scoreBound);
    }
    hubOf = (best as { hubOf: Int32Array } | null)?.hubOf ?? hubOf;
  }
  const teams = teamsOf(hubOf);

  // The bound holds for assignments placing as many people as the answer (same primary cost).
  let boundUnits: number | null = choiceBound;
  if (lagrangian) {
    let placedFree = 0;
    let tierUsed = 0;
    for (const team of teams) {
      const hub = (view.hubIsMentor ? team.mentors[0] : team.mentees[0]) as number;
      const list = view.hubIsMentor ? team.mentees : team.mentors;
      const pinned = (pins.spokesOfHub[hub] as number[]).length;
      const free = list.length - pinned;
      placedFree += free;
      tierUsed += Math.min(free, Math.max(0, lo - pinned));
    }
    // Forced: the relaxation covers the assignments with `teamsTarget` teams placing `placedTarget`
    // spokes, the most possible. Lex: it covers every assignment, and its primary cost is `lo` per
    // person left out (plus a constant), so an answer with the relaxation's primary cost places the most.
    if (
      boundMode === "forced"
        ? placedFree === placedTarget && teams.length === teamsTarget
        : lagrangian[0] === lo * (freeSpokes - placedFree) - tierUsed
    ) {
      const relaxed = -lagrangian[1] + pinnedUnits + teamsTarget * teamConstant;
      boundUnits = boundUnits === null ? relaxed : Math.min(boundUnits, relaxed);
    }
  }
  return {
    teams,
    boundUnits,
    gapTolerance,
    stats: { arcs: boundNetwork.flow.arcCount, pricingRounds, addedArcs, teamsTarget },
  };
}

function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The k-element subsets of `items`, in lexicographic order. */
function* combinations(items: readonly number[], k: number): Generator<number[]> {
  const index = Array.from({ length: k }, (_, i) => i);
  if (k > items.length) return;
  for (;;) {
    yield index.map((i) => items[i] as number);
    let i = k - 1;
    while (i >= 0 && index[i] === items.length - k + i) i--;
    if (i < 0) return;
    index[i] = (index[i] as number) + 1;
    for (let j = i + 1; j < k; j++) index[j] = (index[j - 1] as number) + 1;
  }
}

function emptyStats() {
  return { arcs: 0, pricingRounds: 0, addedArcs: 0, teamsTarget: 0 };
}
