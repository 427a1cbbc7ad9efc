import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutStats } from "../test/fixtures";
import { hardRuleViolations } from "./hard-rules";
import { hubView } from "./hub-flow";
import { buildInstance, type Instance } from "./instance";
import { type MatchingProblemInput, matchingProblemSchema, type TeamShape } from "./problem";
import { SCORE_UNIT } from "./scoring";
import { solveMatching } from "./solve";
import type { TeamDraft } from "./team";
import { teamAllowed, teamUnits } from "./team";

const side = (min: number, max: number) => ({ min, max });
const SHAPES: TeamShape[] = [
  { mentors: side(1, 1), mentees: side(1, 1) },
  { mentors: side(1, 1), mentees: side(1, 2) },
  { mentors: side(1, 1), mentees: side(2, 3) },
  { mentors: side(3, 3), mentees: side(1, 1) },
  { mentors: side(2, 3), mentees: side(1, 1) },
  { mentors: side(2, 2), mentees: side(2, 2) },
  { mentors: side(1, 2), mentees: side(1, 2) },
];

const person = fc.record({
  department: fc.constantFrom("a", "b", "c", undefined),
  grade: fc.integer({ min: 4, max: 9 }),
  years: fc.integer({ min: 0, max: 30 }),
  style: fc.integer({ min: 1, max: 5 }),
  digital: fc.integer({ min: 0, max: 100 }),
  interests: fc.subarray(["x", "y", "z"]),
  supervisor: fc.option(fc.nat(5), { nil: undefined }),
});

/** Small random problems: any shape, some rules on, a few pins, forbids and exclusions. */
const problems = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    mentors: fc.array(person, { maxLength: 6 }),
    mentees: fc.array(person, { maxLength: 6 }),
    differentDepartment: fc.boolean(),
    mentorsFromDifferentDepartments: fc.boolean(),
    pins: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 2 }),
    forbids: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 4 }),
    excluded: fc.array(fc.tuple(fc.boolean(), fc.nat(5)), { maxLength: 1 }),
    diversityWeight: fc.constantFrom(0, 1, 3),
  })
  .map((draw): MatchingProblemInput => {
    const id = (role: "mentor" | "mentee", index: number) => `${role}-${index}`;
    const participants = (["mentor", "mentee"] as const).flatMap((role) =>
      (role === "mentor" ? draw.mentors : draw.mentees).map((p, index) => ({
        id: id(role, index),
        role,
        department: p.department,
        grade: p.grade,
        yearsOfService: p.years,
        answers: { style: p.style },
        diagnostics: { digital: p.digital },
        interests: p.interests,
        supervisorId:
          p.supervisor === undefined ? undefined : id(role === "mentor" ? "mentee" : "mentor", p.supervisor),
      })),
    );
    const exists = (role: "mentor" | "mentee", index: number) =>
      index < (role === "mentor" ? draw.mentors : draw.mentees).length;
    const pairs = (list: [number, number][]) =>
      list
        .filter(([m, e]) => exists("mentor", m) && exists("mentee", e))
        .map(([m, e]) => ({ mentorId: id("mentor", m), menteeId: id("mentee", e) }));
    let pinned = pairs(draw.pins);
    // Pins that would put two mentors of one department together are refused as invalid input: none here.
    const departmentOf = (mentorId: string) =>
      draw.mentors[Number(mentorId.slice("mentor-".length))]?.department;
    if (draw.mentorsFromDifferentDepartments)
      pinned = pinned.filter((pin) =>
        pinned.every(
          (other) =>
            other.menteeId !== pin.menteeId ||
            other.mentorId === pin.mentorId ||
            departmentOf(other.mentorId) === undefined ||
            departmentOf(other.mentorId) !== departmentOf(pin.mentorId),
        ),
      );
    const excluded = draw.excluded
      .filter(([isMentor, index]) => exists(isMentor ? "mentor" : "mentee", index))
      .map(([isMentor, index]) => id(isMentor ? "mentor" : "mentee", index))
      .filter(
        (excludedId) => !pinned.some((pin) => pin.mentorId === excludedId || pin.menteeId === excludedId),
      );
    return {
      participants,
      teamShape: draw.shape,
      criteria: [
        { kind: "answer", question: "style", mode: "similar", weight: 1 },
        { kind: "interest_overlap", weight: 1 },
        { kind: "grade_gap", ideal: 2, range: 4, weight: 1 },
        { kind: "diagnostic_complement", dimension: "digital", scale: { min: 0, max: 100 }, weight: 1 },
        { kind: "team_diversity", attribute: "department", among: "mentors", weight: draw.diversityWeight },
        { kind: "team_diversity", attribute: "department", among: "mentees", weight: draw.diversityWeight },
      ],
      constraints: {
        differentDepartment: draw.differentDepartment,
        mentorsFromDifferentDepartments: draw.mentorsFromDifferentDepartments,
        pinned,
        forbidden: pairs(draw.forbids),
        excluded,
      },
    };
  });

/**
 * Every assignment of a one-hub shape (each spoke to a hub or to no team), for the best placement and,
 * among those, the best score: the answer a correct engine must reach when it claims optimality.
 */
function bruteForce(instance: Instance): { placed: number; units: number } | null {
  const view = hubView(instance);
  if (!view) return null;
  const choice = new Array<number>(view.spokes).fill(-1);
  let best = { placed: -1, units: Number.NEGATIVE_INFINITY };
  const pinnedHub = new Map<number, number>();
  for (const pin of instance.pinned)
    pinnedHub.set(view.hubIsMentor ? pin.mentee : pin.mentor, view.hubIsMentor ? pin.mentor : pin.mentee);
  const visit = (spoke: number) => {
    if (spoke === view.spokes) {
      const members: number[][] = Array.from({ length: view.hubs }, () => []);
      choice.forEach((hub, s) => {
        if (hub >= 0) (members[hub] as number[]).push(s);
      });
      let placed = 0;
      let units = 0;
      for (let hub = 0; hub < view.hubs; hub++) {
        const list = members[hub] as number[];
        if (list.length === 0) continue;
        if (list.length < view.lo || list.length > view.hi) return;
        const team: TeamDraft = view.team(hub, list);
        if (!teamAllowed(instance, team)) return;
        placed += 1 + list.length;
        units += teamUnits(instance, team);
      }
      if (placed > best.placed || (placed === best.placed && units > best.units)) best = { placed, units };
      return;
    }
    const pinned = pinnedHub.get(spoke);
    for (let hub = -1; hub < view.hubs; hub++) {
      if (pinned !== undefined && hub !== pinned) continue;
      if (hub >= 0 && !view.allowed(hub, spoke)) continue;
      choice[spoke] = hub;
      visit(spoke + 1);
    }
    choice[spoke] = -1;
  };
  visit(0);
  return best;
}

/**
 * The best score over every packing of complete teams that meet the rules and keep the pins (any number of
 * people placed), for shapes with several people on both sides: what a bound on such shapes must not be
 * below.
 */
function bestPacking(instance: Instance): number | null {
  if (hubView(instance)) return null;
  const { shape } = instance;
  const freeMentors = new Set(instance.mentors.map((_, m) => m));
  const freeMentees = new Set(instance.mentees.map((_, e) => e));
  const subsetsOf = (items: number[], min: number, max: number) => {
    const result: number[][] = [];
    for (let mask = 0; mask < 1 << items.length; mask++) {
      const chosen = items.filter((_, bit) => (mask & (1 << bit)) !== 0);
      if (chosen.length >= min && chosen.length <= max) result.push(chosen);
    }
    return result;
  };
  const pinsKept = (team: TeamDraft) =>
    instance.pinned.every((pin) => team.mentors.includes(pin.mentor) === team.mentees.includes(pin.mentee));
  const pinnedPlaced = (placedMentors: Set<number>) =>
    instance.pinned.every((pin) => placedMentors.has(pin.mentor));
  const placed = new Set<number>();
  const visit = (): number => {
    // The lowest free mentor either stays out of every team or is in a team with other free people.
    const m = [...freeMentors].sort((x, y) => x - y)[0];
    if (m === undefined) return pinnedPlaced(placed) ? 0 : Number.NEGATIVE_INFINITY;
    freeMentors.delete(m);
    let best = visit();
    const others = [...freeMentors].sort((x, y) => x - y);
    for (const mates of subsetsOf(others, shape.mentors.min - 1, shape.mentors.max - 1))
      for (const mentees of subsetsOf(
        [...freeMentees].sort((x, y) => x - y),
        shape.mentees.min,
        shape.mentees.max,
      )) {
        const team = { mentors: [m, ...mates], mentees };
        if (!teamAllowed(instance, team) || !pinsKept(team)) continue;
        for (const x of team.mentors) {
          freeMentors.delete(x);
          placed.add(x);
        }
        for (const e of mentees) freeMentees.delete(e);
        best = Math.max(best, teamUnits(instance, team) + visit());
        for (const x of mates) freeMentors.add(x);
        for (const x of team.mentors) placed.delete(x);
        for (const e of mentees) freeMentees.add(e);
      }
    freeMentors.add(m);
    return best;
  };
  return visit();
}

const placedCount = (result: Awaited<ReturnType<typeof solveMatching>>) =>
  result.teams.reduce((sum, team) => sum + team.mentorIds.length + team.menteeIds.length, 0);

describe("on random small problems", () => {
  it("every hard rule holds, the objective never exceeds the bound, pinned pairs stay together, and pairs add up to their team", async () => {
    await fc.assert(
      fc.asyncProperty(problems, async (problem) => {
        const result = await solveMatching(problem);
        expect(hardRuleViolations(problem, result)).toEqual([]);
        if (result.bound !== null) expect(result.objective).toBeLessThanOrEqual(result.bound + 1e-9);
        for (const team of result.teams) {
          const pairPoints = team.pairs.reduce((sum, pair) => sum + pair.points, 0);
          const teamPoints = Object.entries(team.breakdown)
            .filter(([id]) => id.startsWith("team_diversity"))
            .reduce((sum, [, points]) => sum + points, 0);
          expect(pairPoints + teamPoints).toBeCloseTo(team.score, 6);
        }
        if (result.status !== "infeasible")
          for (const pin of matchingProblemSchema.parse(problem).constraints.pinned)
            expect(
              result.teams.some(
                (team) => team.mentorIds.includes(pin.mentorId) && team.menteeIds.includes(pin.menteeId),
              ),
            ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("one-hub shapes reach the exhaustive optimum, and the bound is never below it", async () => {
    await fc.assert(
      fc.asyncProperty(problems, async (problem) => {
        const instance = buildInstance(matchingProblemSchema.parse(problem));
        const best = bruteForce(instance);
        const result = await solveMatching(problem);
        if (!best || result.status === "infeasible" || best.placed <= 0) return;
        expect(placedCount(result)).toBe(best.placed);
        const bestPoints = best.units / SCORE_UNIT;
        expect(result.objective).toBeLessThanOrEqual(bestPoints + 1e-9);
        if (result.bound !== null) expect(result.bound).toBeGreaterThanOrEqual(bestPoints - 1e-9);
        if (result.status === "optimal") expect(result.objective).toBeCloseTo(bestPoints, 6);
      }),
      { numRuns: 150 },
    );
  });

  it("shapes with several people on both sides never get a bound below the best packing of teams", async () => {
    const manyToMany = problems.filter((problem) => {
      const { mentors, mentees } = problem.teamShape;
      return !(mentors.min === 1 && mentors.max === 1) && !(mentees.min === 1 && mentees.max === 1);
    });
    await fc.assert(
      fc.asyncProperty(manyToMany, async (problem) => {
        const instance = buildInstance(matchingProblemSchema.parse(problem));
        const best = bestPacking(instance);
        const result = await solveMatching(problem);
        if (best === null || result.status === "infeasible" || result.bound === null) return;
        expect(result.bound).toBeGreaterThanOrEqual(best / SCORE_UNIT - 1e-9);
        expect(result.objective).toBeLessThanOrEqual(result.bound + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("the same input gives the same output", async () => {
    await fc.assert(
      fc.asyncProperty(problems, async (problem) => {
        const first = await solveMatching(problem);
        const second = await solveMatching(structuredClone(problem));
        expect(withoutStats(second)).toEqual(withoutStats(first));
      }),
      { numRuns: 60 },
    );
  });
});
