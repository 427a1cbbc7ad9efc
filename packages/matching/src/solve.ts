import { greedyFill, maxTeams, type PairList, repairTeams, sampledPairs } from "./construct";
import { issue, type MatchingIssue } from "./diagnostics";
import { hubView, solveHubFlow } from "./hub-flow";
import { buildInstance, type Instance } from "./instance";
import { improveTeams, recombineTeams } from "./local-search";
import { pairingBound } from "./pairing-bound";
import { pinGroups, pinsKept } from "./pins";
import { type MatchingProblem, type MatchingProblemInput, matchingProblemSchema } from "./problem";
import { describeTeams, type MatchingResult, type MatchingStats, unplacedPeople } from "./result";
import { type MatchingPhase, runControl } from "./run-control";
import { toPoints } from "./scoring";
import {
  menteesWithEnoughDepartments,
  placedCount,
  relativeGap,
  type TeamDraft,
  teamComplete,
  teamConstantUnits,
  teamUnits,
  totalUnits,
} from "./team";
import { solveTeamColumns } from "./team-columns";

export interface MatchingOptions {
  /** Called with a fraction in [0, 1] and the phase, at most every few tens of milliseconds. */
  onProgress?: (fraction: number, phase: MatchingPhase) => void;
  /** Called with each better complete answer, the first one early (its bound may still be null). */
  onIncumbent?: (result: MatchingResult) => void;
  /** Aborting returns the best answer found so far, with `stopped: "aborted"`. */
  signal?: AbortSignal;
  /** Overrides the problem's `settings.timeLimitMs`. */
  timeLimitMs?: number;
}

/**
 * Forms teams of the problem's shape that meet every hard rule, placing as many people as possible and
 * then maximising the weighted score; reports a proven upper bound and the gap. Deterministic: the same
 * input (and seed) gives the same teams, unless a time limit or abort cuts the run short.
 */
export async function solveMatching(
  input: MatchingProblemInput | MatchingProblem,
  options: MatchingOptions = {},
): Promise<MatchingResult> {
  const started = performance.now();
  const problem = matchingProblemSchema.parse(input);
  const instance = buildInstance(problem);
  const control = runControl({
    timeLimitMs: options.timeLimitMs ?? problem.settings.timeLimitMs,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  control.progress(0, "preparing");
  const stats: MatchingStats = {
    method: "min-cost-flow",
    elapsedMs: 0,
    firstAnswerMs: null,
    teamsTarget: 0,
    arcs: 0,
    pricingRounds: 0,
    phase: "preparing",
  };

  const pins = pinGroups(instance);
  if (pins.problems.length > 0) return infeasible(instance, pins.problems, stats, started);

  let best: TeamDraft[] | null = null;
  let bestUnits = 0;
  const better = (teams: TeamDraft[]) => {
    if (!teams.every((team) => teamComplete(instance, team)) || !pinsKept(instance, teams)) return false;
    const units = totalUnits(instance, teams);
    if (best !== null) {
      const placed = placedCount(teams) - placedCount(best);
      if (placed < 0 || (placed === 0 && units <= bestUnits)) return false;
    }
    best = teams;
    bestUnits = units;
    // From here on the time limit may stop the run: it has an answer to return.
    control.answerFound();
    if (stats.firstAnswerMs === null) stats.firstAnswerMs = performance.now() - started;
    options.onIncumbent?.(finish(instance, teams, null, stats, started, control.stopReason(), []));
    return true;
  };
  const pinnedSet = new Set(pins.groups.map((group) => `${group.mentors[0]}:${group.mentees[0]}`));
  /** Teams holding pinned people keep their members while repair moves others. */
  const holdsPin = (team: TeamDraft) =>
    team.mentors.some((m) => team.mentees.some((e) => pinnedSet.has(`${m}:${e}`)));
  /** Greedy and repair on these pairs: complete teams that meet every pair rule, quickly. */
  const greedyAnswer = (pairs: PairList) => {
    const limit = maxTeams(instance);
    const greedy = greedyFill(instance, pairs, limit, pins.groups);
    return repairTeams(instance, greedy, limit, holdsPin);
  };

  const current = () => best as TeamDraft[] | null;
  let bound: number | null = null;
  let tolerance = 0;
  const view = hubView(instance);
  if (view) {
    // The first answer is the flow's own (exact for the pair part and one diversity criterion), reported
    // as soon as its first network is solved; the time limit applies from then on. On large problems
    // the flow starts from a few candidate partners per person, and a greedy answer's pairs join them so
    // that the first network holds a full assignment; that greedy answer is never reported: it may leave
    // people out that the flow places, and it ignores team criteria.
    const complete = view.hubs * view.spokes <= 40_000;
    const seedTeams = complete ? null : greedyAnswer(sampledPairs(instance, 24, problem.settings.seed));
    await control.breathe();
    // An abort heard by now ends the run here.
    if (!control.shouldStop()) {
      const flow = await solveHubFlow(instance, view, control, {
        candidatesPerPerson: problem.settings.candidatesPerPerson,
        gapTolerance: problem.settings.gapTolerance,
        firstTeams: seedTeams,
        onTeams: (teams) => {
          better(teams);
        },
      });
      Object.assign(stats, {
        teamsTarget: flow.stats.teamsTarget,
        arcs: flow.stats.arcs,
        pricingRounds: flow.stats.pricingRounds,
      });
      if (flow.teams) better(flow.teams);
      bound = flow.boundUnits;
      tolerance = flow.gapTolerance ?? 0;
      // Under the mentors' departments rule the hubs left open may not place the most people (when some
      // cannot fill, the flow keeps those its relaxation filled best): repair forms more teams from the
      // people left out, moving a placed mentor over where a free one can take the seat.
      const flowTeams = current();
      if (
        instance.mentorDepartments &&
        flowTeams &&
        placedCount(flowTeams) < instance.mentors.length + instance.mentees.length &&
        !control.shouldStop()
      )
        better(repairTeams(instance, flowTeams, maxTeams(instance), holdsPin));
    }
  } else {
    stats.method = "greedy+local-search";
    control.progress(0.3, "first_answer");
    better(greedyAnswer(sampledPairs(instance, 48, problem.settings.seed)));
    // The b-matching bound, then the linear relaxation over whole teams by column generation, whose
    // solution's teams (completed by repair) are a second start for the local search.
    bound = pairingBound(instance);
    await control.breathe();
    // A first local search, so that a short time limit still returns more than greedy's answer.
    const first = current();
    if (first && !control.shouldStop())
      better(
        await improveTeams(instance, first, control, {
          seed: problem.settings.seed,
          onImproved: (teams) => better(teams),
          boundUnits: bound,
        }),
      );
    if (!control.shouldStop()) {
      const columns = await solveTeamColumns(instance, control, current() ?? [], {
        incumbentUnits: () => bestUnits,
        pinned: instance.pinned.length > 0,
      });
      stats.pricingRounds = columns.rounds;
      stats.arcs = columns.columns;
      if (columns.boundUnits !== null) stats.method = "column-generation+local-search";
      if (columns.boundUnits !== null) bound = Math.min(bound, columns.boundUnits);
      if (columns.teams) better(repairTeams(instance, columns.teams, maxTeams(instance)));
    }
  }

  // Local search when the flow did not prove optimality (team-internal terms it could not model exactly,
  // shapes with several people on both sides, or teams closed for lack of partners).
  const before = current();
  // Asked last: a run with nothing left to improve was not cut short, whatever the clock says.
  if (
    before &&
    (bound === null ||
      relativeGap(bound, bestUnits, before.length * teamConstantUnits(instance)) > tolerance) &&
    !control.shouldStop()
  ) {
    if (view) stats.method = "min-cost-flow+local-search";
    let improved = await improveTeams(instance, before, control, {
      seed: problem.settings.seed,
      onImproved: (teams) => better(teams),
      boundUnits: bound,
    });
    better(improved);
    // Several on both sides: re-forming two teams at once escapes what one-person moves cannot.
    if (!view)
      for (let round = 0; round < 10 && !(bound !== null && bestUnits >= bound); round++) {
        const recombined = await recombineTeams(instance, improved, control, { boundUnits: bound });
        if (!recombined.changed || control.shouldStop()) {
          better(recombined.teams);
          break;
        }
        better(recombined.teams);
        improved = await improveTeams(instance, recombined.teams, control, {
          seed: problem.settings.seed + round + 1,
          onImproved: (teams) => better(teams),
          boundUnits: bound,
        });
        better(improved);
      }
  }

  const teams = current();
  if (!teams) {
    const groups = pins.groups.filter((group) => !teamComplete(instance, group));
    if (groups.length > 0 && !control.stopReason())
      return infeasible(
        instance,
        groups.map((group) =>
          issue("pinned_team_incomplete", {
            mentorIds: group.mentors.map((m) => (instance.mentors[m] as { id: string }).id),
            menteeIds: group.mentees.map((e) => (instance.mentees[e] as { id: string }).id),
          }),
        ),
        stats,
        started,
      );
  }
  control.progress(1, "done");
  stats.phase = "done";
  return finish(instance, teams ?? [], bound, stats, started, control.stopReason(), capacityIssues(instance));
}

function finish(
  instance: Instance,
  teams: readonly TeamDraft[],
  boundUnits: number | null,
  stats: MatchingStats,
  started: number,
  stopped: "aborted" | "time_limit" | null,
  issues: MatchingIssue[],
): MatchingResult {
  const units = teams.reduce((sum, team) => sum + teamUnits(instance, team), 0);
  const gap =
    boundUnits === null ? null : relativeGap(boundUnits, units, teams.length * teamConstantUnits(instance));
  const noTeams = teams.length === 0 && issues.some((entry) => entry.code === "no_team_possible");
  return {
    status: noTeams ? "infeasible" : gap === 0 ? "optimal" : "feasible",
    // An answer proven optimal lost nothing to the clock or the abort, whatever was left undone.
    stopped: gap === 0 ? null : stopped,
    objective: toPoints(units),
    bound: boundUnits === null ? null : toPoints(boundUnits),
    gap,
    teams: describeTeams(instance, teams),
    unplaced: unplacedPeople(instance, teams),
    issues,
    stats: { ...stats, elapsedMs: Math.round(performance.now() - started) },
  };
}

function infeasible(
  instance: Instance,
  issues: MatchingIssue[],
  stats: MatchingStats,
  started: number,
): MatchingResult {
  return { ...finish(instance, [], null, stats, started, null, issues), status: "infeasible" };
}

/** What the team shape and the eligible people cannot meet, counted per role. */
export function capacityIssues(instance: Instance): MatchingIssue[] {
  const M = instance.mentors.length;
  const E = instance.mentees.length;
  const mentorOk = new Uint8Array(M);
  const menteeOk = new Uint8Array(E);
  // A mentee whose possible mentors come from too few departments to fill a team counts for no one.
  const teamable = menteesWithEnoughDepartments(instance);
  for (let m = 0; m < M; m++)
    for (let e = 0; e < E; e++)
      if ((!mentorOk[m] || !menteeOk[e]) && (!teamable || teamable[e]) && instance.allowed(m, e)) {
        mentorOk[m] = 1;
        menteeOk[e] = 1;
      }
  const mentors = mentorOk.reduce((sum, ok) => sum + ok, 0);
  const mentees = menteeOk.reduce((sum, ok) => sum + ok, 0);
  const teams = maxTeams(instance, mentors, mentees);
  if (teams === 0) return [issue("no_team_possible", { mentors, mentees })];
  const { shape } = instance;
  const issues: MatchingIssue[] = [];
  const sides = [
    {
      role: "mentor",
      count: mentors,
      side: shape.mentors,
      otherRole: "mentee",
      other: shape.mentees,
      otherCount: mentees,
    },
    {
      role: "mentee",
      count: mentees,
      side: shape.mentees,
      otherRole: "mentor",
      other: shape.mentors,
      otherCount: mentors,
    },
  ] as const;
  for (const { role, count, side, otherRole, other, otherCount } of sides) {
    // People left over only because their own side does not divide into full teams need no message:
    // report a side only when the other side is what limits the teams.
    if (count <= teams * side.max || Math.floor(otherCount / other.min) >= Math.floor(count / side.min))
      continue;
    const needed = Math.ceil(count / side.max) * other.min;
    issues.push(
      other.min === 1
        ? issue("too_few_for_capacity", {
            role,
            count,
            otherRole,
            needed,
            eligible: otherCount,
            capacity: side.max,
          })
        : issue("too_few_to_fill_teams", {
            role,
            count,
            otherRole,
            needed,
            eligible: otherCount,
            perTeam: other.min,
          }),
    );
  }
  return issues;
}
