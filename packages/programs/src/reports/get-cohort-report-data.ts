import type { TenantDb } from "@mentoring/db";
import { AppError, calendarDateIn, type LocalizedText, localize } from "@mentoring/domain";
import type { CohortReportData, ReportDimension, ReportParticipationFigures } from "@mentoring/reports";
import { getCohortResults } from "../evaluations/get-cohort-results";
import { getCohortOutcomes } from "../outcomes/get-cohort-outcomes";
import { getTeamProgress } from "../progress/get-team-progress";
import { UUID } from "../records/certificate-cohort";
import { loadCohort, tenantToday } from "../records/cohort-record";

/**
 * What a cohort's final report (결과보고서) prints, read as the product's own pages count it:
 * - overview: the tenant, the program (template) and its kind, the cohort's phase dates, accepted
 *   participants by role and the published teams with their members (mentors, then mentees, by name);
 * - timeline: the calendar items for the whole cohort (not one team's), by their day in the tenant's time
 *   zone (an assignment by its due day);
 * - participation per team: activities and meetings logged with their minutes (the progress page),
 *   attendance present of expected and assignments handed in on time of those due by `now` (the
 *   evaluation's facts, getTeamFacts), and the cohort's sums;
 * - outcomes: per diagnostic dimension the paired change of the cohort with its verdict (getCohortOutcomes)
 *   and the mean before and after over the same people; satisfaction per likert question;
 * - evaluation: the ranking with each place's displayed total and per-criterion scores (getCohortResults);
 * - awards: the approved decision's grants with the winning teams' members; featured work by the day it
 *   was featured.
 * No clock in the result (`now` only bounds what has happened): equal records give equal data, and so an
 * equal cohortReportDataHash. Not found for another tenant's cohort.
 */
export async function getCohortReportData(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date },
): Promise<CohortReportData> {
  const { tenantId, cohortId, now } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  const { cohort, schedule } = await loadCohort(tx, tenantId, cohortId);
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { name: true, timeZone: true },
  });
  const today = tenantToday(tenant.timeZone, now);
  const [template, roles, results, outcomes, progress, items, decision, featured] = await Promise.all([
    tx.programTemplate.findFirstOrThrow({
      where: { tenantId, id: cohort.templateId },
      select: { name: true, kind: true },
    }),
    tx.application.groupBy({
      by: ["role"],
      where: { tenantId, cohortId, status: "accepted" },
      _count: { _all: true },
    }),
    getCohortResults(tx, { tenantId, cohortId, now }),
    getCohortOutcomes(tx, { tenantId, cohortId }),
    getTeamProgress(tx, { tenantId, cohortId, today, now }),
    tx.calendarItem.findMany({
      where: { tenantId, cohortId, teamId: null },
      select: { kind: true, title: true, titleEn: true, startsAt: true, dueAt: true },
    }),
    tx.awardDecision.findFirst({
      where: { tenantId, cohortId, status: "approved" },
      select: {
        grants: {
          where: { tenantId },
          orderBy: [{ categoryIndex: "asc" }, { team: { number: "asc" } }],
          select: { name: true, prize: true, teamId: true, team: { select: { number: true } } },
        },
      },
    }),
    tx.submission.findMany({
      where: { tenantId, featuredAt: { not: null, lte: now }, item: { tenantId, cohortId } },
      orderBy: [{ featuredAt: "asc" }, { team: { number: "asc" } }],
      select: { featuredAt: true, team: { select: { number: true } }, item: { select: { title: true } } },
    }),
  ]);
  const dayOf = (instant: Date) => calendarDateIn(instant, tenant.timeZone);
  const count = (role: "mentor" | "mentee") => roles.find((row) => row.role === role)?._count._all ?? 0;

  const participation = results.teams.map((team) => {
    const logged = progress.teams.find((row) => row.teamId === team.teamId);
    return {
      teamNumber: team.number,
      activities: (logged?.meetings ?? 0) + (logged?.teamActivities ?? 0),
      meetings: logged?.meetings ?? 0,
      minutes: logged?.minutes ?? 0,
      attendance: { ...team.facts.attendance },
      assignments: { onTime: team.facts.assignments.onTime, due: team.facts.assignments.total },
    };
  });
  const sum = (pick: (row: ReportParticipationFigures) => number) =>
    participation.reduce((total, row) => total + pick(row), 0);

  const dimensions = outcomes.dimensions.map((dimension): ReportDimension => {
    const paired = outcomes.people.flatMap((person) => {
      const [pre, post] = [person.pre[dimension.key], person.post[dimension.key]];
      return pre === undefined || post === undefined ? [] : [{ pre, post }];
    });
    const mean = (values: number[]) =>
      values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
    return {
      key: dimension.key,
      setTitle: text(dimension.setTitle),
      label: text(dimension.label),
      n: dimension.cohort.n,
      preMean: mean(paired.map((row) => row.pre)),
      postMean: mean(paired.map((row) => row.post)),
      change: dimension.cohort.mean,
      verdict: dimension.cohort.verdict,
    };
  });

  const membersOf = new Map(
    results.teams.map((team) => [team.teamId, team.members.map((member) => member.name)]),
  );
  const span = (start: string, end: string) => ({ start, end });
  return {
    tenant: { name: tenant.name },
    program: { name: template.name, kind: template.kind },
    cohort: {
      id: cohort.id,
      number: cohort.number,
      title: cohort.title,
      recruitment: span(schedule.recruitmentStart, schedule.recruitmentEnd),
      activities: span(schedule.activitiesStart, schedule.activitiesEnd),
      evaluation: span(schedule.evaluationStart, schedule.evaluationEnd),
      close: schedule.close,
    },
    participants: {
      mentors: count("mentor"),
      mentees: count("mentee"),
      total: count("mentor") + count("mentee"),
    },
    teams: results.teams.map((team) => ({
      number: team.number,
      name: team.name,
      mentors: team.members.filter((member) => member.role === "mentor").map((member) => member.name),
      mentees: team.members.filter((member) => member.role === "mentee").map((member) => member.name),
    })),
    timeline: items
      .flatMap((item) => {
        const at = item.kind === "assignment" ? item.dueAt : item.startsAt;
        if (!at) return [];
        const title: LocalizedText = item.titleEn ? { ko: item.title, en: item.titleEn } : { ko: item.title };
        return [{ at, entry: { date: dayOf(at), kind: item.kind, title } }];
      })
      .sort(
        (a, b) => a.at.getTime() - b.at.getTime() || a.entry.title.ko.localeCompare(b.entry.title.ko, "ko"),
      )
      .map(({ entry }) => entry),
    participation: {
      teams: participation,
      total: {
        activities: sum((row) => row.activities),
        meetings: sum((row) => row.meetings),
        minutes: sum((row) => row.minutes),
        attendance: {
          present: sum((row) => row.attendance.present),
          expected: sum((row) => row.attendance.expected),
        },
        assignments: { onTime: sum((row) => row.assignments.onTime), due: sum((row) => row.assignments.due) },
      },
    },
    outcomes: {
      dimensions,
      satisfaction: outcomes.satisfaction.map((set) => ({
        title: text(set.title),
        respondents: set.respondents,
        questions: set.questions.map((question) => ({
          prompt: text(question.prompt),
          answered: question.summary.n,
          mean: question.summary.mean,
        })),
      })),
    },
    evaluation: {
      criteria: results.rubric.map((criterion) => ({
        key: criterion.key,
        name: text(criterion.name),
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
      })),
      ranking: results.ranking.map((place) => {
        const team = results.teams.find((row) => row.teamId === place.teamId);
        return {
          rank: place.rank,
          sharesRank: place.sharesRank,
          teamNumber: place.number,
          complete: place.complete,
          total: place.displayTotal,
          scores: Object.fromEntries(
            (team?.evaluation.criteria ?? []).map((criterion) => [criterion.key, criterion.normalised]),
          ),
        };
      }),
    },
    awards: (decision?.grants ?? []).map((grant) => ({
      name: grant.name,
      prize: grant.prize,
      teamNumber: grant.team.number,
      members: membersOf.get(grant.teamId) ?? [],
    })),
    featured: featured.map((work) => ({
      teamNumber: work.team.number,
      title: work.item.title,
      featuredOn: dayOf(work.featuredAt as Date),
    })),
  };
}

/** A template's text as plain data (no undefined English), so the data has one canonical form. */
function text(value: LocalizedText): LocalizedText {
  return value.en ? { ko: value.ko, en: value.en } : { ko: localize(value, "ko") };
}
