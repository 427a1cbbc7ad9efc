import type { CohortAwards, CohortResults } from "@mentoring/programs";
import { describe, expect, it } from "vitest";
import { presentCohortAwards } from "./cohort-awards.server";

const team = (number: number) => ({ id: `team-${number}`, number, name: null });
const awards = (decision: CohortAwards["decision"] = null): CohortAwards => ({
  cohort: { id: "cohort", title: "거꾸로 멘토링 2기" },
  categories: [
    { index: 0, name: "최우수", teams: 1, prize: "표창 및 견학", certificateTitle: "표창장" },
    { index: 1, name: "우수", teams: 2, prize: "표창", certificateTitle: "표창장" },
  ],
  teams: [1, 2, 3, 4, 5].map(team),
  decision,
});
const place = (number: number, rank: number, total: number, complete = true) => ({
  teamId: `team-${number}`,
  number,
  rank,
  sharesRank: false,
  complete,
  total,
  displayTotal: total,
});
// 3팀 first; 1팀 and 4팀 share rank 3 across 우수's last place; 5팀 is incomplete.
const results: Pick<CohortResults, "ranking" | "awards"> = {
  ranking: [place(3, 1, 91), place(2, 2, 88), place(1, 3, 80), place(4, 3, 80), place(5, 5, 0, false)],
  awards: [
    {
      name: { ko: "최우수" },
      prize: { ko: "표창 및 견학" },
      certificateTitle: "표창장",
      places: 1,
      teamIds: ["team-3"],
      tiesAtBoundary: [],
    },
    {
      name: { ko: "우수" },
      prize: { ko: "표창" },
      certificateTitle: "표창장",
      places: 2,
      teamIds: ["team-2"],
      tiesAtBoundary: [{ rank: 3, teamIds: ["team-4", "team-1"], places: 1 }],
    },
  ],
};

describe("the awards page's proposal", () => {
  it("is prefilled from the ranking's allocation, leaving a place at stake in a tie empty and calling the tie out", () => {
    const page = presentCohortAwards(awards(), results, "ko", "Asia/Seoul");
    expect(page.categories.map((category) => category.places)).toEqual([["team-3"], ["team-2", ""]]);
    expect(page.categories[1]?.ties).toEqual([{ rank: 3, places: 1, teams: [1, 4] }]);
    expect(page.categories[0]?.ties).toEqual([]);
  });

  it("offers the teams best first with rank and total, an incomplete team last without either", () => {
    const page = presentCohortAwards(awards(), results, "ko", "Asia/Seoul");
    expect(page.teams.map((row) => [row.number, row.rank, row.total])).toEqual([
      [3, 1, 91],
      [2, 2, 88],
      [1, 3, 80],
      [4, 3, 80],
      [5, null, null],
    ]);
  });

  it("shows the decision's own grants once there is one, not the allocation", () => {
    const grant = (category: number, number: number) => ({
      category,
      name: category === 0 ? "최우수" : "우수",
      prize: "표창",
      certificateTitle: "표창장",
      teamId: `team-${number}`,
      teamNumber: number,
      teamName: null,
      members: [],
      certificate: null,
    });
    const returned = awards({
      id: "decision",
      status: "returned",
      proposedBy: "강릉 담당자",
      proposedAt: new Date("2025-12-01T01:00:00Z"),
      decidedBy: "부시장",
      decidedAt: new Date("2025-12-02T05:30:00Z"),
      comment: "동점 팀을 다시 보세요.",
      grants: [grant(0, 3), grant(1, 2), grant(1, 1)],
    });
    const page = presentCohortAwards(returned, results, "ko", "Asia/Seoul");
    expect(page.categories.map((category) => category.places)).toEqual([["team-3"], ["team-2", "team-1"]]);
    expect(page.decision?.decidedAt).toContain("2025년 12월 2일");
  });
});
