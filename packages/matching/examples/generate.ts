// Writes the example problems beside this file, one per team shape cities use. They are generated from the
// seeded synthetic cohorts so they stay reproducible; edit this script, not the JSON, then run
// `npx tsx examples/generate.ts` in packages/matching and `npx biome check --write .` (which formats the
// JSON). docs/matching.md walks through them.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { MatchingProblemInput, Participant, TeamShape } from "../src/problem";
import { syntheticProblem } from "../src/synthetic";

const folder = path.dirname(new URL(import.meta.url).pathname);

/** Gives people readable ids: `prefix-mentor-01`, … */
function renamed(problem: MatchingProblemInput, prefix: string): MatchingProblemInput {
  const counters = { mentor: 0, mentee: 0 };
  const ids = new Map<string, string>();
  const participants = problem.participants.map((person) => {
    counters[person.role]++;
    const id = `${prefix}-${person.role}-${String(counters[person.role]).padStart(2, "0")}`;
    ids.set(person.id, id);
    return { ...person, id };
  });
  return { ...problem, participants };
}

function small(
  prefix: string,
  kind: "standard" | "reverse",
  mentors: number,
  mentees: number,
  shape: TeamShape,
  seed: number,
): MatchingProblemInput {
  return renamed(syntheticProblem({ seed, kind, mentors, mentees, shape, departments: 6 }), prefix);
}

const examples: Record<string, MatchingProblemInput> = {};

// 1:1 with the coordinator's pins and forbids and the mentees' ranked wishes.
{
  const problem = small(
    "pair",
    "standard",
    6,
    6,
    { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 1 } },
    11,
  );
  problem.participants = problem.participants.map((person: Participant, index) =>
    person.role === "mentee"
      ? { ...person, preferences: [`pair-mentor-0${1 + (index % 6)}`, "pair-mentor-03"] }
      : person,
  );
  problem.criteria = [...(problem.criteria ?? []), { kind: "mentee_preference", weight: 2 }];
  problem.constraints = {
    ...problem.constraints,
    pinned: [{ mentorId: "pair-mentor-01", menteeId: "pair-mentee-03" }],
    forbidden: [{ mentorId: "pair-mentor-02", menteeId: "pair-mentee-01" }],
  };
  examples["one-to-one"] = problem;
}

// Yongin, standard mentoring: 14 mentors, 24 newly appointed officials, one or two mentees per mentor.
examples["yongin-standard-1-2"] = renamed(
  syntheticProblem({ seed: 2025, kind: "standard", mentors: 14, mentees: 24, departments: 10 }),
  "yongin",
);

// Gangneung, reverse mentoring: 30 juniors (grade 8-9, ≤ 5 years) mentor 10 managers, 3 juniors a team.
examples["gangneung-reverse-3-1"] = renamed(
  syntheticProblem({ seed: 2024, kind: "reverse", mentors: 30, mentees: 10, departments: 12 }),
  "gangneung",
);

// 2:2, and an outside assessment's compatibility scores as one criterion.
{
  const problem = small(
    "duo",
    "standard",
    8,
    8,
    { mentors: { min: 2, max: 2 }, mentees: { min: 2, max: 2 } },
    22,
  );
  problem.criteria = [
    ...(problem.criteria ?? []),
    {
      kind: "pair_scores",
      weight: 2,
      scale: { min: 0, max: 100 },
      scores: [
        { mentorId: "duo-mentor-01", menteeId: "duo-mentee-01", score: 92 },
        { mentorId: "duo-mentor-02", menteeId: "duo-mentee-03", score: 81 },
        { mentorId: "duo-mentor-05", menteeId: "duo-mentee-06", score: 77 },
      ],
    },
  ];
  examples["two-to-two"] = problem;
}

// 8:1: eight juniors around one manager, diverse in department.
examples["eight-to-one"] = small(
  "octet",
  "reverse",
  16,
  2,
  { mentors: { min: 8, max: 8 }, mentees: { min: 1, max: 1 } },
  33,
);

// 1:7: one senior mentor with up to seven new officials.
examples["one-to-seven"] = small(
  "septet",
  "standard",
  2,
  14,
  { mentors: { min: 1, max: 1 }, mentees: { min: 5, max: 7 } },
  44,
);

for (const [name, problem] of Object.entries(examples))
  await writeFile(path.join(folder, `${name}.json`), `${JSON.stringify(problem, null, 2)}\n`);
console.log(`wrote ${Object.keys(examples).length} examples to ${folder}`);
