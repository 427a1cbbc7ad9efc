import type { TenantDb } from "@mentoring/db";
import { requireCohort } from "../records/certificate-cohort";

/**
 * The coordinator's view of a cohort's assignments: each assignment by due moment, with every team the
 * assignment is for and that team's submission, if any.
 */
export async function getCohortSubmissions(tx: TenantDb, input: { tenantId: string; cohortId: string }) {
  const { tenantId, cohortId } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const [teams, items] = await Promise.all([
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    }),
    tx.calendarItem.findMany({
      where: { tenantId, cohortId, kind: "assignment" },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        titleEn: true,
        dueAt: true,
        teamId: true,
        submissions: {
          where: { tenantId },
          select: {
            id: true,
            teamId: true,
            status: true,
            text: true,
            links: true,
            late: true,
            submittedAt: true,
            reviewComment: true,
            featuredAt: true,
          },
        },
      },
    }),
  ]);
  return {
    cohort,
    assignments: items.map((item) => {
      const byTeam = new Map(item.submissions.map((submission) => [submission.teamId, submission]));
      return {
        id: item.id,
        title: item.title,
        titleEn: item.titleEn,
        dueAt: item.dueAt as Date,
        teams: teams
          .filter((team) => item.teamId === null || item.teamId === team.id)
          .map((team) => ({
            teamId: team.id,
            teamNumber: team.number,
            submission: byTeam.get(team.id) ?? null,
          })),
      };
    }),
  };
}

export type CohortSubmissions = Awaited<ReturnType<typeof getCohortSubmissions>>;
