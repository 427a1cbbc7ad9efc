import type { TenantDb } from "@mentoring/db";
import { type ComputedRubricCriterion, isComputedCriterion, type SubmissionStatus } from "@mentoring/domain";
import { dayOf, loadCohort } from "../records/cohort-record";
import { myAssignment } from "../records/evaluator-assignment";
import { expectedAttendanceRows } from "../records/expected-attendance";

/** What the evaluator reads of a team beside the rubric: its work, what it logged, who came to trainings. */
export interface TeamPortfolio {
  /** The cohort's assignments meant for the team, by due moment, each with the team's work if handed in. */
  assignments: {
    itemId: string;
    title: string;
    titleEn: string | null;
    dueAt: Date | null;
    submission: {
      id: string;
      status: SubmissionStatus;
      text: string;
      links: string[];
      late: boolean;
      featured: boolean;
      submittedAt: Date;
    } | null;
  }[];
  /** Activities the team logged, newest first: what and when, never the notes (the team's own record). */
  activities: {
    id: string;
    kind: "meeting" | "team_activity";
    happenedOn: string;
    topic: string;
    minutes: number | null;
    participants: number;
    photos: number;
  }[];
  /**
   * Each member's attendance as the computed attendance criterion counts it (getTeamFacts): expected at the
   * sessions that take attendance, have started by `now` and whose sheet was taken; present when so marked.
   */
  attendance: { name: string; present: number; expected: number }[];
  /** The rubric's computed criteria: which metric of the program's records scores each (rubric-metrics.ts). */
  computed: ComputedRubricCriterion[];
}

/**
 * The portfolio of a team for its assigned evaluator (anyone else: not found, as getTeamEvaluation):
 * submissions with their featured marks, activities with how many photos, attendance per member, and the
 * metrics the rubric computes. Files are listed by the page with listAttachments for the submissions' ids.
 */
export async function getTeamPortfolio(
  tx: TenantDb,
  input: { tenantId: string; evaluatorUserId: string; teamId: string; now: Date },
): Promise<TeamPortfolio> {
  const { tenantId } = input;
  const assignment = await myAssignment(tx, input);
  const { teamId, cohortId } = assignment;
  const { definition } = await loadCohort(tx, tenantId, cohortId);
  const [items, activities, members] = await Promise.all([
    tx.calendarItem.findMany({
      where: { tenantId, cohortId, kind: "assignment", OR: [{ teamId: null }, { teamId }] },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        titleEn: true,
        dueAt: true,
        submissions: {
          where: { tenantId, teamId },
          select: {
            id: true,
            status: true,
            text: true,
            links: true,
            late: true,
            featuredAt: true,
            submittedAt: true,
          },
        },
      },
    }),
    tx.activity.findMany({
      where: { tenantId, teamId },
      orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }],
      take: 200,
      select: {
        id: true,
        kind: true,
        happenedOn: true,
        topic: true,
        minutes: true,
        _count: {
          select: {
            participants: { where: { tenantId } },
            attachments: { where: { tenantId, kind: "photo" } },
          },
        },
      },
    }),
    tx.teamMember.findMany({
      where: { tenantId, teamId },
      orderBy: [{ role: "asc" }],
      select: {
        applicationId: true,
        application: { select: { staffMember: { select: { name: true } } } },
      },
    }),
  ]);
  const marks = await attendanceOfMembers(tx, { tenantId, cohortId, teamId, now: input.now });
  return {
    assignments: items.map((item) => {
      const work = item.submissions[0];
      return {
        itemId: item.id,
        title: item.title,
        titleEn: item.titleEn,
        dueAt: item.dueAt,
        submission: work
          ? {
              id: work.id,
              status: work.status,
              text: work.text,
              links: work.links,
              late: work.late,
              featured: work.featuredAt !== null,
              submittedAt: work.submittedAt,
            }
          : null,
      };
    }),
    activities: activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      happenedOn: dayOf(activity.happenedOn),
      topic: activity.topic,
      minutes: activity.minutes,
      participants: activity._count.participants,
      photos: activity._count.attachments,
    })),
    attendance: members.map((member) => {
      const mine = marks.find((mark) => mark.applicationId === member.applicationId);
      return {
        name: member.application.staffMember.name,
        present: mine?.present ?? 0,
        expected: mine?.expected ?? 0,
      };
    }),
    computed: definition.rubric.filter(isComputedCriterion),
  };
}

/**
 * Per member of the team, the sessions they were expected at and those they were marked present at, by the
 * rule getTeamFacts counts the team's attendance with (the attendance sheet's: the item's team and
 * audience, and for an event that takes sign-ups those who signed up or came). One statement.
 */
function attendanceOfMembers(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; teamId: string; now: Date },
) {
  const { tenantId, cohortId, teamId, now } = input;
  return tx.$queryRaw<{ applicationId: string; present: number; expected: number }[]>`
    select tm.application_id::text as "applicationId",
           count(*) filter (where a.present)::int as present,
           count(*)::int as expected
      ${expectedAttendanceRows({ tenantId, cohortId, now, teamId })}
     group by tm.application_id`;
}
