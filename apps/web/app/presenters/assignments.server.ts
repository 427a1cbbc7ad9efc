import { localize } from "@mentoring/domain";
import type { CohortSubmissions, MyTeamAssignments } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

const long = { dateStyle: "long", timeStyle: "short" } as const;

/** A participant's assignments page: each team's assignments with their due time and the team's work, worded. */
export function presentMyAssignments(
  teams: MyTeamAssignments[],
  locale: string,
  timeZone: string,
  now: Date,
) {
  return teams.map((team) => ({
    cohortId: team.cohortId,
    cohortTitle: team.cohortTitle,
    teamNumber: team.teamNumber,
    assignments: team.assignments.map((assignment) => ({
      itemId: assignment.itemId,
      title: localize({ ko: assignment.title, en: assignment.titleEn ?? undefined }, locale),
      description: assignment.description
        ? localize({ ko: assignment.description, en: assignment.descriptionEn ?? undefined }, locale)
        : "",
      due: formatDateTime(assignment.dueAt, locale, timeZone, long),
      duePassed: now > assignment.dueAt,
      submission: assignment.submission
        ? {
            ...assignment.submission,
            submittedAt: formatDateTime(assignment.submission.submittedAt, locale, timeZone, long),
          }
        : null,
    })),
  }));
}

/** The coordinator's submissions page: each assignment's teams, their work and a line of counts. */
export function presentCohortSubmissions(page: CohortSubmissions, locale: string, timeZone: string) {
  return {
    cohort: page.cohort,
    assignments: page.assignments.map((assignment) => {
      const handedIn = assignment.teams.filter((team) => team.submission !== null);
      return {
        id: assignment.id,
        title: localize({ ko: assignment.title, en: assignment.titleEn ?? undefined }, locale),
        due: formatDateTime(assignment.dueAt, locale, timeZone, long),
        counts: {
          teams: assignment.teams.length,
          submitted: handedIn.length,
          late: handedIn.filter((team) => team.submission?.late).length,
          revision: handedIn.filter((team) => team.submission?.status === "revision_requested").length,
        },
        teams: assignment.teams.map((team) => ({
          teamId: team.teamId,
          teamNumber: team.teamNumber,
          submission: team.submission
            ? {
                id: team.submission.id,
                status: team.submission.status,
                text: team.submission.text,
                links: team.submission.links,
                late: team.submission.late,
                featured: team.submission.featuredAt !== null,
                reviewComment: team.submission.reviewComment,
                submittedAt: formatDateTime(team.submission.submittedAt, locale, timeZone, long),
              }
            : null,
        })),
      };
    }),
  };
}
