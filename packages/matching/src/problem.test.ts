import { describe, expect, it } from "vitest";
import { parseMatchingProblem } from "./problem";

const shape = { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 2 } };

describe("reading a problem", () => {
  it("fills in defaults: no criteria, supervisor rule on, seed 1", () => {
    const parsed = parseMatchingProblem({ participants: [], teamShape: shape });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.problem.criteria).toEqual([]);
    expect(parsed.problem.constraints).toMatchObject({
      noDirectSupervisor: true,
      differentDepartment: false,
      mentorsFromDifferentDepartments: false,
    });
    expect(parsed.problem.settings.seed).toBe(1);
  });

  it("names pins and forbids that point at unknown people or the wrong role", () => {
    const parsed = parseMatchingProblem({
      participants: [
        { id: "m", role: "mentor" },
        { id: "e", role: "mentee" },
      ],
      teamShape: shape,
      constraints: {
        pinned: [{ mentorId: "m", menteeId: "nobody" }],
        forbidden: [{ mentorId: "e", menteeId: "m" }],
        excluded: ["ghost"],
      },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      'constraints.pinned[0].menteeId: no participant has id "nobody"',
      'constraints.forbidden[0].mentorId: "e" is a mentee, not a mentor',
      'constraints.forbidden[0].menteeId: "m" is a mentor, not a mentee',
      'constraints.excluded[0]: no participant has id "ghost"',
    ]);
  });

  it("refuses duplicate ids, a person both pinned and excluded, and two criteria with one name", () => {
    const parsed = parseMatchingProblem({
      participants: [
        { id: "m", role: "mentor" },
        { id: "m", role: "mentee" },
        { id: "e", role: "mentee" },
      ],
      teamShape: shape,
      criteria: [
        { kind: "interest_overlap", weight: 1 },
        { kind: "interest_overlap", weight: 2 },
      ],
      constraints: { pinned: [{ mentorId: "m", menteeId: "e" }], excluded: ["e"] },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContain('participants[1].id: duplicate participant id "m"');
    expect(parsed.errors).toContain('constraints.pinned[0].menteeId: "e" is both pinned and excluded');
    expect(parsed.errors).toContain(
      'criteria[1].id: two criteria are both named "interest_overlap": give one an id',
    );
  });
});
