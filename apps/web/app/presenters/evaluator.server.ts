import { computedCriterionScore, localize, type TeamFacts } from "@mentoring/domain";
import type { MyEvaluationTeam, TeamEvaluationView, TeamPortfolio } from "@mentoring/programs";
import { formatDateTime, formatNumber } from "../services/format.server";

/*
 * The evaluator's pages, worded: the teams assigned to them with how far each evaluation has come, and one
 * team's portfolio beside the rubric (what it handed in, logged and attended; the computed criteria with
 * their formula; the evaluator's scores and comments so far).
 */

const long = { dateStyle: "long", timeStyle: "short" } as const;

/** How far an evaluation has come: nothing scored yet, some scores in a draft, or submitted. */
export type EvaluationProgress = "not_started" | "draft" | "submitted";

export function evaluationProgress(team: Pick<MyEvaluationTeam, "status" | "scored">): EvaluationProgress {
  if (team.status === "submitted") return "submitted";
  return team.scored > 0 ? "draft" : "not_started";
}

/** The list of assigned teams, latest cohort first, as the use case orders them. */
export function presentMyEvaluationTeams(teams: MyEvaluationTeam[], locale: string, timeZone: string) {
  return teams.map((team) => ({
    teamId: team.teamId,
    cohortTitle: team.cohortTitle,
    teamNumber: team.teamNumber,
    teamName: team.teamName,
    progress: evaluationProgress(team),
    submittedAt: team.submittedAt ? formatDateTime(team.submittedAt, locale, timeZone, long) : null,
    scored: team.scored,
  }));
}

/** What the home's card says: how many teams are assigned, and how many of them are submitted. */
export function presentEvaluatorHome(teams: MyEvaluationTeam[]) {
  return {
    assigned: teams.length,
    submitted: teams.filter((team) => team.status === "submitted").length,
  };
}

/**
 * One team's evaluation page: the team and its portfolio (files by owner id from listAttachments), the
 * rubric split into what the evaluator scores (with their draft) and what the records compute (the score
 * the team's facts give, when they give one yet, and the metric whose formula the page words).
 */
export function presentTeamEvaluation(
  input: {
    view: TeamEvaluationView;
    portfolio: TeamPortfolio;
    /** What the program recorded about the team (getTeamFacts). */
    facts: TeamFacts | null;
  },
  locale: string,
  timeZone: string,
) {
  const { view, portfolio, facts } = input;
  const text = (value: { ko: string; en?: string } | null) => (value ? localize(value, locale) : "");
  return {
    cohortTitle: view.cohort.title,
    team: view.team,
    status: view.evaluation.status,
    submittedAt: view.evaluation.submittedAt
      ? formatDateTime(view.evaluation.submittedAt, locale, timeZone, long)
      : null,
    reopened: view.evaluation.status === "draft" && view.evaluation.reopenedAt !== null,
    assignments: portfolio.assignments.map((assignment) => ({
      itemId: assignment.itemId,
      title: localize({ ko: assignment.title, en: assignment.titleEn ?? undefined }, locale),
      due: assignment.dueAt ? formatDateTime(assignment.dueAt, locale, timeZone, long) : null,
      submission: assignment.submission && {
        ...assignment.submission,
        submittedAt: formatDateTime(assignment.submission.submittedAt, locale, timeZone, long),
      },
    })),
    activities: portfolio.activities,
    attendance: portfolio.attendance,
    scored: view.criteria
      .filter((criterion) => criterion.source === "evaluators")
      .map((criterion) => {
        const entry = view.evaluation.entries[criterion.key];
        return {
          key: criterion.key,
          name: text(criterion.name),
          description: text(criterion.description),
          weight: criterion.weight,
          scaleMax: criterion.scaleMax,
          levels: criterion.levels.map((level) => ({ score: level.score, label: text(level.label) })),
          score: entry?.score ?? null,
          comment: entry?.comment ?? "",
        };
      }),
    computed: portfolio.computed.map((criterion) => {
      const score = facts ? computedCriterionScore(criterion, facts) : null;
      return {
        key: criterion.key,
        name: text(criterion.name),
        description: text(criterion.description ?? null),
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
        metric: criterion.source.metric,
        value: score === null ? null : formatNumber(score, locale, { maximumFractionDigits: 1 }),
      };
    }),
  };
}

export type TeamEvaluationPage = ReturnType<typeof presentTeamEvaluation>;
