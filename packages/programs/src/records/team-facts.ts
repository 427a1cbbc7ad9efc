import type { TenantDb } from "@mentoring/db";
import {
  activityMonths,
  type CalendarDate,
  cohortOutcomes,
  compareCalendarDates,
  type DimensionScores,
  type OutcomePerson,
  type TeamFacts,
} from "@mentoring/domain";
import { getTeamProgress } from "../progress/get-team-progress";
import { type CohortRecord, tenantToday } from "./cohort-record";
import { expectedAttendanceRows } from "./expected-attendance";

/** One team's facts, as the rubric's computed criteria take them (rubric-metrics.ts). */
export interface TeamFactsRow {
  teamId: string;
  number: number;
  facts: TeamFacts;
}

export interface CohortTeamFacts {
  cohort: { id: string; title: string };
  /** Activity months elapsed by `now` (at least 1): what the count targets are multiplied by. */
  activityMonths: number;
  /** Every team of the cohort in number order. */
  teams: TeamFactsRow[];
}

/**
 * What the program recorded about each team of a cohort already loaded, up to `now`: the facts behind
 * getTeamFacts and the results page (which loads the cohort for its rubric too). How each is counted is
 * said at getTeamFacts.
 */
export async function teamFactsOf(
  tx: TenantDb,
  record: CohortRecord,
  input: { tenantId: string; now: Date },
): Promise<CohortTeamFacts> {
  const { tenantId, now } = input;
  const { cohort, schedule, definition } = record;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  const today = tenantToday(tenant.timeZone, now);
  const diagnostics = definition.questionSets
    .filter((set) => set.dimensions.length > 0 && set.phases.includes("pre") && set.phases.includes("post"))
    .map((set) => ({ key: set.key, dimensions: set.dimensions.map((dimension) => dimension.key) }));
  const [progress, attendance, responses] = await Promise.all([
    getTeamProgress(tx, { tenantId, cohortId: cohort.id, today, now }),
    attendanceByTeam(tx, tenantId, cohort.id, now),
    diagnostics.length === 0
      ? Promise.resolve([])
      : diagnosticResponses(
          tx,
          tenantId,
          cohort.id,
          diagnostics.map((set) => set.key),
          now,
        ),
  ]);
  const months = monthsElapsed(schedule.activitiesStart, schedule.activitiesEnd, today);
  const change = prePostChangeByTeam(
    responses,
    diagnostics.flatMap((set) => set.dimensions.map((dimension) => `${set.key}.${dimension}`)),
  );
  return {
    cohort: { id: cohort.id, title: cohort.title },
    activityMonths: months,
    teams: progress.teams.map((team) => {
      const marks = attendance.find((row) => row.teamId === team.teamId);
      return {
        teamId: team.teamId,
        number: team.teamNumber,
        facts: {
          attendance: { present: marks?.present ?? 0, expected: marks?.expected ?? 0 },
          assignments: { onTime: team.submissions.onTime, total: team.submissions.due },
          activitiesLogged: team.meetings + team.teamActivities,
          meetingsLogged: team.meetings,
          activityMonths: months,
          prePostMeanChange: change.get(team.teamId) ?? null,
        },
      };
    }),
  };
}

/** Activity months touched from the phase's start to today (or its end, when over), at least 1. */
function monthsElapsed(start: CalendarDate, end: CalendarDate, today: CalendarDate): number {
  return Math.max(1, activityMonths(start, compareCalendarDates(today, end) < 0 ? today : end));
}

/**
 * Per team, its members expected at the items whose attendance was taken by `now`, and of them how many
 * were marked present (expected-attendance.ts). One statement.
 */
function attendanceByTeam(tx: TenantDb, tenantId: string, cohortId: string, now: Date) {
  return tx.$queryRaw<{ teamId: string; present: number; expected: number }[]>`
    select tm.team_id::text as "teamId",
           count(*) filter (where a.present)::int as present,
           count(*)::int as expected
      ${expectedAttendanceRows({ tenantId, cohortId, now })}
     group by tm.team_id`;
}

interface DiagnosticResponse {
  teamId: string;
  applicationId: string;
  questionSetKey: string;
  phase: "pre" | "post";
  scores: unknown;
}

/** The team members' submitted responses to the diagnostics, with their scores. One statement. */
function diagnosticResponses(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  questionSetKeys: string[],
  now: Date,
) {
  return tx.$queryRaw<DiagnosticResponse[]>`
    select tm.team_id::text as "teamId", r.application_id::text as "applicationId",
           rd.question_set_key as "questionSetKey", rd.phase::text as phase, r.scores
      from survey_responses r
      join survey_rounds rd on rd.tenant_id = r.tenant_id and rd.id = r.round_id
      join team_members tm
        on tm.tenant_id = r.tenant_id and tm.cohort_id = rd.cohort_id and tm.application_id = r.application_id
     where r.tenant_id = ${tenantId}::uuid and rd.cohort_id = ${cohortId}::uuid
       and rd.question_set_key = any(${questionSetKeys}::text[])
       and r.submitted_at is not null and r.submitted_at <= ${now} and r.scores is not null`;
}

/** A stored scores column as dimension scores (numbers only), keyed "<set>.<dimension>". */
function scoresOf(questionSetKey: string, scores: unknown): DimensionScores {
  if (typeof scores !== "object" || scores === null) return {};
  return Object.fromEntries(
    Object.entries(scores).flatMap(([dimension, value]) =>
      typeof value === "number" && Number.isFinite(value) ? [[`${questionSetKey}.${dimension}`, value]] : [],
    ),
  );
}

/**
 * Per team, the mean over its members of their own change (the mean of their per-dimension changes,
 * outcomes.ts); a team without a member who has both phases has none.
 */
function prePostChangeByTeam(responses: readonly DiagnosticResponse[], dimensions: readonly string[]) {
  const people = new Map<string, OutcomePerson & { pre: DimensionScores; post: DimensionScores }>();
  for (const response of responses) {
    const person = people.get(response.applicationId) ?? {
      key: response.applicationId,
      team: response.teamId,
      pre: {},
      post: {},
    };
    Object.assign(person[response.phase], scoresOf(response.questionSetKey, response.scores));
    people.set(response.applicationId, person);
  }
  const outcomes = cohortOutcomes([...people.values()], dimensions);
  const changes = new Map<string, number[]>();
  for (const person of people.values()) {
    const own = Object.values(outcomes.people[person.key] ?? {});
    if (own.length === 0 || person.team === null) continue;
    const mean = own.reduce((sum, value) => sum + value, 0) / own.length;
    changes.set(person.team, [...(changes.get(person.team) ?? []), mean]);
  }
  return new Map(
    [...changes].map(([teamId, means]) => [
      teamId,
      means.reduce((sum, value) => sum + value, 0) / means.length,
    ]),
  );
}
