import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type BoundaryTie,
  type EvaluationSettings,
  type LocalizedText,
  type RubricMetric,
  type TeamEvaluation,
  type TeamFacts,
} from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";
import { cohortResultsOf } from "../records/cohort-results";
import { teamFactsOf } from "../records/team-facts";
import { getCohortEvaluations } from "./get-cohort-evaluations";

/** A rubric criterion as the results show it: who scores it, and for a computed one its formula's key. */
export interface ResultsCriterion {
  key: string;
  name: LocalizedText;
  weight: number;
  scaleMax: number;
  source: "evaluators" | "computed";
  /** The computed metric (its formula is worded at programs.rubric.metric.<metric>); null for evaluators. */
  metric: RubricMetric | null;
  /** The metric's target (a count a month, or points of change); null when it takes none. */
  target: number | null;
}

export interface ResultsTeam {
  teamId: string;
  number: number;
  name: string | null;
  /** Mentors first, then mentees, each in 가나다 order. */
  members: { name: string; role: "mentor" | "mentee" }[];
  facts: TeamFacts;
  /** Each computed criterion's score by its key (null when the facts cannot give one yet). */
  computed: Record<string, number | null>;
  /** The panel's scores and the computed ones combined (evaluation-scoring.ts). */
  evaluation: TeamEvaluation;
  /** Its evaluators' evaluations: submitted, out of one per assigned evaluator. */
  evaluations: { submitted: number; expected: number };
}

/** A place in the ranking, best first (award-ranking.ts's tie rules). */
export interface ResultsRank {
  teamId: string;
  number: number;
  rank: number;
  sharesRank: boolean;
  complete: boolean;
  total: number;
  displayTotal: number;
}

/** A template award with the teams proposed for it; ties at its boundary are left to the coordinator. */
export interface ResultsAward {
  name: LocalizedText;
  prize: LocalizedText;
  certificateTitle: string;
  places: number;
  teamIds: string[];
  tiesAtBoundary: BoundaryTie[];
}

export interface CohortResults {
  cohort: { id: string; title: string };
  rubric: ResultsCriterion[];
  settings: EvaluationSettings;
  /** Activity months elapsed, what the count targets are multiplied by. */
  activityMonths: number;
  /** Every team in number order. */
  teams: ResultsTeam[];
  ranking: ResultsRank[];
  awards: ResultsAward[];
  /** The criteria keys in the order ties are broken by (after completeness and the total). */
  tieBreakOrder: string[];
  /** Over the cohort: submitted evaluations, out of one per assignment. */
  evaluations: { submitted: number; expected: number };
  /** Teams whose evaluators disagree strongly (spread above the template's threshold), in number order. */
  disagreements: string[];
}

/**
 * A cohort's evaluation results for the coordinator and the executive: the rubric, per team its facts,
 * computed scores and the panel's submitted scores combined by the template's settings, the ranking with
 * its tie rules and the proposed awards (an incomplete team takes none). Only submitted evaluations count:
 * a draft or a reopened evaluation is not a score. Not found for another tenant's cohort.
 */
export async function getCohortResults(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date },
): Promise<CohortResults> {
  const { tenantId, cohortId, now } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const record = await loadCohort(tx, tenantId, cohortId);
  const { definition } = record;
  const [facts, panel, members] = await Promise.all([
    teamFactsOf(tx, record, { tenantId, now }),
    getCohortEvaluations(tx, { tenantId, cohortId }),
    tx.teamMember.findMany({
      where: { tenantId, cohortId },
      select: {
        teamId: true,
        role: true,
        application: { select: { staffMember: { select: { name: true } } } },
      },
    }),
  ]);
  const byRole = (role: "mentor" | "mentee") => (role === "mentor" ? 0 : 1);
  return cohortResultsOf(definition, {
    cohort: facts.cohort,
    activityMonths: facts.activityMonths,
    scores: panel.submittedScores,
    teams: panel.teams.map((team) => {
      const teamFacts = facts.teams.find((row) => row.teamId === team.id);
      if (!teamFacts) throw new Error(`team ${team.id} has no facts`);
      return {
        teamId: team.id,
        number: team.number,
        name: team.name,
        members: members
          .filter((member) => member.teamId === team.id)
          .map((member) => ({ name: member.application.staffMember.name, role: member.role }))
          .sort((a, b) => byRole(a.role) - byRole(b.role) || a.name.localeCompare(b.name, "ko")),
        facts: teamFacts.facts,
        evaluations: {
          submitted: team.evaluators.filter((evaluator) => evaluator.status === "submitted").length,
          expected: team.evaluators.length,
        },
      };
    }),
  });
}
