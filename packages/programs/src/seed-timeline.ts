import type { CalendarItem, Database, TenantDb } from "@mentoring/db";
import {
  cohortCast,
  GANGNEUNG_AS_OF,
  gangneungSeed,
  type SeedStaffMember,
  type SeedTenant,
  seededCohorts,
  YONGIN_AS_OF,
  yonginSeed,
} from "@mentoring/db/seed";
import {
  type ApplicationRole,
  addDays,
  type BuiltinTemplateKey,
  builtinTemplate,
  type CalendarDate,
  CONSENT_VERSION,
  calendarDateIn,
  instantAt,
  wallClockIn,
} from "@mentoring/domain";
import { logActivity } from "./activities";
import { reviewSubmission, submitAssignment } from "./assignments";
import { markAttendance } from "./attendance";
import { planCohortCalendarItems, saveCalendarItem } from "./calendar";
import { recordAttendance, saveCeremony } from "./certificates";
import { createCohort, transitionCohort } from "./cohorts";
import { publishRun, runMatching, startMatchingRun } from "./matching";
import { dayOf } from "./records/cohort-record";
import { as2025, seededAnswers } from "./seed";
import { closeRound, submitResponse } from "./surveys";
import { copyBuiltinTemplate, saveTemplate } from "./templates";

/*
 * The demo's programs on a timeline anchored to the day the demo starts ("today"), so that every phase is
 * live when a person opens it: Gangneung's reverse mentoring 2nd cohort a hundred days into its activities
 * (three monthly assignments past, the fourth due in a few days, an event tomorrow, one team silent), its
 * 1st cohort closed a year before, Yongin's 1st cohort just after its ceremony and its 2nd recruiting.
 *
 * Each step goes through the use case a person's click calls, with the clock of the day it happens on; only
 * the applications are written as rows, as the fixed seed writes them: the directories are those of 2025
 * (their years of service judged then), and the people who applied are the ones the directories were made
 * for. The mails those steps queue belong to the replayed past and are not sent when the demo starts.
 */

/** Days from today at which each cohort's recruitment opened (the template's offsets give the rest). */
export const DEMO_RECRUITMENT_STARTS = {
  /** Ceremony 101 days ago, activities 100 days in. */
  gangneung2: -138,
  /** The same dates a year (52 weeks) earlier. */
  gangneung1: -138 - 364,
  /** Ceremony 5 days ago: activities have just begun. */
  yongin1: -33,
  /** Recruitment opened 3 days ago and closes in 10. */
  yongin2: -3,
} as const;

/** The 4th monthly assignment is due this many days after today; each other a month (30 days) apart. */
export const DEMO_NEXT_DUE_DAYS = 4;
/** The Gangneung team that has gone silent (no activity for more than 21 days). */
export const DEMO_SILENT_TEAM = 10;

const TIME_ZONE = "Asia/Seoul";

export interface DemoTimelineResult {
  /** False when the programs were there already: nothing was written. */
  seeded: boolean;
  /** The day the programs' timeline is anchored to (null: programs not seeded by this timeline). */
  anchoredOn: CalendarDate | null;
}

interface City {
  seed: SeedTenant;
  tenantId: string;
  coordinatorUserId: string;
  /** A participant's user id, by staff member id. */
  userOf: Map<string, string>;
  staffIdOf: Map<string, string>;
}

/** A moment on a day of the tenant's calendar. */
function at(day: CalendarDate, time: string): Date {
  const instant = instantAt(day, time, TIME_ZONE);
  if (!instant) throw new RangeError(`not a moment: ${day} ${time}`);
  return instant;
}

async function cityOf(db: Database, seed: SeedTenant): Promise<City> {
  const tenant = await db.platform.tenant.findUniqueOrThrow({
    where: { slug: seed.slug },
    select: { id: true },
  });
  const tenantId = tenant.id;
  return db.withTenant(tenantId, async (tx) => {
    const memberships = await tx.membership.findMany({
      where: { tenantId },
      select: { userId: true, roles: true, staffMemberId: true },
    });
    const coordinator = memberships.find((membership) => membership.roles.includes("coordinator"));
    if (!coordinator) throw new Error(`${seed.slug} has no coordinator: run seedAll first`);
    const staff = await tx.staffMember.findMany({
      where: { tenantId },
      select: { id: true, employeeNumber: true },
    });
    return {
      seed,
      tenantId,
      coordinatorUserId: coordinator.userId,
      userOf: new Map(
        memberships.flatMap((membership) =>
          membership.staffMemberId ? [[membership.staffMemberId, membership.userId] as const] : [],
        ),
      ),
      staffIdOf: new Map(staff.map((row) => [row.employeeNumber, row.id])),
    };
  });
}

/** The tenant's copy of a built-in template (made on first use). */
async function templateOf(db: Database, city: City, builtinKey: BuiltinTemplateKey): Promise<string> {
  const { tenantId } = city;
  return db.withTenant(tenantId, async (tx) => {
    const existing = await tx.programTemplate.findFirst({
      where: { tenantId, builtinKey },
      select: { id: true },
    });
    if (existing) return existing.id;
    const actorUserId = city.coordinatorUserId;
    const { templateId } = await copyBuiltinTemplate(tx, { tenantId, builtinKey, actorUserId });
    // The demo's cohorts ran on the 2025 rules, which its casts were drawn for (seed.ts as2025).
    await saveTemplate(tx, { tenantId, templateId, definition: as2025(builtinKey), actorUserId });
    return templateId;
  });
}

interface Applicant {
  person: SeedStaffMember;
  role: ApplicationRole;
}

interface CohortSteps {
  city: City;
  template: BuiltinTemplateKey;
  number: number;
  recruitmentStart: CalendarDate;
  applicants: Applicant[];
  appUrl: string;
}

/** Created as the coordinator does it a week before, and recruiting from its first day. */
async function openCohort(db: Database, steps: CohortSteps): Promise<{ cohortId: string }> {
  const { city, recruitmentStart, appUrl } = steps;
  const { tenantId, coordinatorUserId } = city;
  const templateId = await templateOf(db, city, steps.template);
  const { cohortId } = await db.withTenant(tenantId, (tx) =>
    createCohort(tx, {
      tenantId,
      form: { templateId, number: steps.number, recruitmentStart },
      actorUserId: coordinatorUserId,
      today: addDays(recruitmentStart, -7),
    }),
  );
  await db.withTenant(tenantId, (tx) =>
    transitionCohort(tx, {
      tenantId,
      cohortId,
      to: "recruiting",
      override: false,
      reason: null,
      actorUserId: coordinatorUserId,
      today: recruitmentStart,
      appUrl,
    }),
  );
  // The applications, one a few minutes after another on the first days of recruitment.
  await db.withTenant(tenantId, async (tx) => {
    const first = at(recruitmentStart, "09:00").getTime();
    await tx.application.createMany({
      data: steps.applicants.map(({ person, role }, index) => {
        const staffMemberId = city.staffIdOf.get(person.employeeNumber);
        if (!staffMemberId) throw new Error(`${person.employeeNumber} is not in the directory`);
        const when = new Date(first + index * 7 * 60_000);
        return {
          tenantId,
          cohortId,
          staffMemberId,
          role,
          status: "accepted" as const,
          consentVersion: CONSENT_VERSION,
          consentAt: when,
          submittedAt: when,
          decidedAt: when,
          eligibility: {
            grade: person.grade,
            hireDate: person.hireDate,
            positionTitle: person.positionTitle,
            // The directories are as of the programs' real year: that is when these people were eligible.
            judgedOn: city.seed.slug === "gangneung" ? GANGNEUNG_AS_OF : YONGIN_AS_OF,
            eligible: true,
            failures: [],
          },
        };
      }),
    });
  });
  return { cohortId };
}

/**
 * Orientation (its pre-surveys opened and answered by those `answers` names), the rounds closed by the
 * coordinator on the matching day, matching solved and published, the ceremony held with everyone present
 * but `absent`, and activities started: each move on its own day.
 */
async function formTeams(
  db: Database,
  steps: CohortSteps & { cohortId: string; answers: (index: number) => boolean; absent?: number },
) {
  const { city, cohortId, appUrl } = steps;
  const { tenantId, coordinatorUserId } = city;
  const definition = builtinTemplate(steps.template);
  const schedule = await db.withTenant(tenantId, (tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId, id: cohortId },
      select: { orientation: true, matching: true, ceremony: true, activitiesStart: true },
    }),
  );
  const orientation = dayOf(schedule.orientation);
  const matching = dayOf(schedule.matching);
  const ceremony = dayOf(schedule.ceremony);
  const move = (to: "orientation" | "matching" | "active", today: CalendarDate) =>
    db.withTenant(tenantId, (tx) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: false,
        reason: null,
        actorUserId: coordinatorUserId,
        today,
        appUrl,
      }),
    );
  await move("orientation", orientation);
  await db.withTenant(tenantId, async (tx) => {
    const rounds = await tx.surveyRound.findMany({
      where: { tenantId, cohortId },
      select: { id: true, questionSetKey: true },
    });
    for (const round of rounds) {
      const set = definition.questionSets.find((candidate) => candidate.key === round.questionSetKey);
      if (!set) continue;
      for (const [index, { person, role }] of steps.applicants.entries()) {
        if (!set.roles.includes(role) || !steps.answers(index)) continue;
        const staffMemberId = city.staffIdOf.get(person.employeeNumber) as string;
        await submitResponse(tx, {
          tenantId,
          roundId: round.id,
          staffMemberId,
          answers: seededAnswers(set, person.employeeNumber, role, definition.kind),
          now: at(orientation, "15:00"),
        });
      }
      await closeRound(tx, {
        tenantId,
        cohortId,
        roundId: round.id,
        actorUserId: coordinatorUserId,
        now: at(matching, "09:00"),
      });
    }
  });
  await move("matching", matching);
  const { runId } = await db.withTenant(tenantId, (tx) =>
    startMatchingRun(tx, { tenantId, cohortId, actorUserId: coordinatorUserId }),
  );
  // What the worker does with the queued run, done here: the demo's worker is not running yet.
  await runMatching(db, { tenantId, runId });
  await db.withTenant(tenantId, (tx) =>
    publishRun(tx, { tenantId, cohortId, runId, actorUserId: coordinatorUserId, appUrl }),
  );
  await db.withTenant(tenantId, async (tx) => {
    await saveCeremony(tx, {
      tenantId,
      cohortId,
      startsAt: at(ceremony, "15:00"),
      place: "시청 대회의실",
      programme: "개회 · 결연증서 수여 · 팀별 첫 인사 · 기념 촬영",
      gift: "멘토링 수첩",
      actorUserId: coordinatorUserId,
    });
    const members = await tx.teamMember.findMany({
      where: { tenantId, cohortId },
      orderBy: [{ team: { number: "asc" } }, { role: "asc" }],
      select: { applicationId: true },
    });
    for (const [index, member] of members.entries()) {
      await recordAttendance(tx, {
        tenantId,
        cohortId,
        applicationId: member.applicationId,
        present: index !== steps.absent,
        actorUserId: coordinatorUserId,
      });
    }
  });
  await move("active", dayOf(schedule.activitiesStart));
  await db.withTenant(tenantId, (tx) =>
    planCohortCalendarItems(tx, { tenantId, cohortId, actorUserId: coordinatorUserId }),
  );
}

interface TeamView {
  id: string;
  number: number;
  members: { applicationId: string; staffMemberId: string; userId: string; role: ApplicationRole }[];
}

async function teamsOf(db: Database, city: City, cohortId: string): Promise<TeamView[]> {
  const { tenantId } = city;
  const teams = await db.withTenant(tenantId, (tx) =>
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        members: {
          where: { tenantId },
          orderBy: [{ role: "asc" }, { applicationId: "asc" }],
          select: { applicationId: true, role: true, application: { select: { staffMemberId: true } } },
        },
      },
    }),
  );
  return teams.map((team) => ({
    id: team.id,
    number: team.number,
    members: team.members.map((member) => {
      const staffMemberId = member.application.staffMemberId;
      const userId = city.userOf.get(staffMemberId);
      if (!userId) throw new Error(`team ${team.number}: a member has no account`);
      return { applicationId: member.applicationId, staffMemberId, userId, role: member.role };
    }),
  }));
}

type CalendarRow = CalendarItem;

/** The coordinator moves an item of the planned calendar (its other fields as they are). */
function moveItem(tx: TenantDb, city: City, item: CalendarRow, moments: { dueAt?: Date; startsAt?: Date }) {
  const common = {
    title: item.title,
    description: item.description,
    place: item.place,
    audience: item.audience,
    teamId: item.teamId,
    attendance: item.attendance,
  };
  const span = (item.endsAt?.getTime() ?? 0) - (item.startsAt?.getTime() ?? 0);
  return saveCalendarItem(tx, {
    tenantId: city.tenantId,
    cohortId: item.cohortId,
    itemId: item.id,
    actorUserId: city.coordinatorUserId,
    item:
      item.kind === "assignment"
        ? { ...common, kind: "assignment", dueAt: moments.dueAt ?? (item.dueAt as Date) }
        : {
            ...common,
            kind: item.kind,
            startsAt: moments.startsAt as Date,
            endsAt: new Date((moments.startsAt as Date).getTime() + span),
          },
  });
}

/** Hours and minutes of a moment on the tenant's clock ("14:00"). */
function timeOf(moment: Date): string {
  return wallClockIn(moment, TIME_ZONE).slice(11, 16);
}

/**
 * The calendar planned from the template, then set to today by the coordinator: the monthly assignments
 * due 30 days apart with the 4th due in a few days, and the next event moved to tomorrow (anything else
 * before it pushed back a week), so that the participant's home has both.
 */
async function setCalendarToToday(db: Database, city: City, cohortId: string, today: CalendarDate) {
  const { tenantId } = city;
  return db.withTenant(tenantId, async (tx) => {
    const items = await tx.calendarItem.findMany({
      where: { tenantId, cohortId },
      orderBy: [{ sourceKey: "asc" }],
    });
    const assignments = items
      .filter((item) => item.kind === "assignment")
      .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0));
    for (const [index, item] of assignments.entries()) {
      const due = addDays(today, DEMO_NEXT_DUE_DAYS + (index - 3) * 30);
      await moveItem(tx, city, item, { dueAt: at(due, "23:59") });
    }
    const dayStart = at(today, "00:00");
    const upcoming = items
      .filter((item) => item.kind !== "assignment" && item.startsAt && item.startsAt >= dayStart)
      .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0));
    const tomorrow = upcoming.find((item) => item.kind === "event" && item.audience === "all") ?? upcoming[0];
    if (!tomorrow?.startsAt) throw new Error("the planned calendar has nothing left after today");
    const startsAt = at(addDays(today, 1), timeOf(tomorrow.startsAt));
    await moveItem(tx, city, tomorrow, { startsAt });
    for (const item of upcoming) {
      if (item === tomorrow || !item.startsAt || item.startsAt >= startsAt) continue;
      await moveItem(tx, city, item, { startsAt: new Date(item.startsAt.getTime() + 7 * 86_400_000) });
    }
    return {
      assignments: assignments.map((item) => item.id),
      trainings: items.filter((item) => item.kind === "training"),
    };
  });
}

/** What the teams hand in for the template's first assignments (by where in the template they come from). */
const SUBMISSIONS: Record<string, { text: string; link: string }> = {
  "assignment:0": {
    text: "팀원 네 명이 서로를 소개하는 1분 영상을 찍었습니다. 과장님의 첫 숏폼 출연입니다.",
    link: "https://youtu.be/gangneung-reverse-team-intro",
  },
  "assignment:1": {
    text: "팀원들이 함께 생성형 AI로 보고서 초안을 써 보고, 과장님이 직접 프롬프트를 고쳐 쓰셨습니다.",
    link: "https://youtu.be/gangneung-reverse-ai-draft",
  },
  "assignment:2": {
    text: "시 SNS에 올릴 카드뉴스를 기획했습니다. 초안 3종과 선정 이유를 정리했습니다.",
    link: "https://www.instagram.com/p/gangneung-reverse-sns",
  },
  "assignment:3": {
    text: "요즘 직원들이 찾는 중앙시장 맛집을 함께 다녀오고 짧은 후기 영상을 만들었습니다.",
    link: "https://youtu.be/gangneung-reverse-market-tour",
  },
};
const OTHER_WORK = { text: "팀이 함께 과제를 마쳤습니다.", link: "https://youtu.be/gangneung-reverse-work" };

/**
 * The three assignments past: every team hands in but the silent team the last one; some teams late (the
 * 4th on the 2nd, the 7th on the 3rd). The coordinator accepts the 1st assignment's work, features team 1's,
 * and asks team 2 to revise the 3rd.
 */
async function handIn(db: Database, city: City, cohortId: string, teams: TeamView[], dues: string[]) {
  const { tenantId, coordinatorUserId } = city;
  await db.withTenant(tenantId, async (tx) => {
    const items = await tx.calendarItem.findMany({
      where: { tenantId, id: { in: dues } },
      select: { id: true, dueAt: true, sourceKey: true },
    });
    const dueOf = new Map(items.map((item) => [item.id, item.dueAt as Date]));
    const sourceOf = new Map(items.map((item) => [item.id, item.sourceKey ?? ""]));
    for (const [index, itemId] of dues.slice(0, 3).entries()) {
      const due = dueOf.get(itemId) as Date;
      const work = SUBMISSIONS[sourceOf.get(itemId) ?? ""] ?? OTHER_WORK;
      for (const team of teams) {
        if (team.number === DEMO_SILENT_TEAM && index === 2) continue;
        const late = (index === 1 && team.number === 4) || (index === 2 && team.number === 7);
        const hours = late ? 30 : -(24 + team.number * 3);
        const member = team.members[team.number % team.members.length] as TeamView["members"][number];
        const { submissionId } = await submitAssignment(tx, {
          tenantId,
          staffMemberId: member.staffMemberId,
          itemId,
          text: `${team.number}팀: ${work.text}`,
          links: [`${work.link}-team-${team.number}`],
          actorUserId: member.userId,
          now: new Date(due.getTime() + hours * 3_600_000),
        });
        const reviewed = new Date(due.getTime() + 3 * 86_400_000);
        const review = (decision: "accept" | "feature" | "request_revision", comment = "") =>
          reviewSubmission(tx, {
            tenantId,
            cohortId,
            submissionId,
            decision,
            comment,
            actorUserId: coordinatorUserId,
            now: reviewed,
          });
        if (index === 0) {
          await review("accept", "잘 정리했습니다. 간부회의에서 소개하겠습니다.");
          if (team.number === 1) await review("feature");
        }
        if (index === 2 && team.number === 2)
          await review("request_revision", "후기 영상에 자막을 넣어 다시 올려 주세요.");
      }
    }
  });
}

const TEAM_ACTIVITIES = [
  { topic: "요즘 맛집 탐방", place: "중앙시장", minutes: 90 },
  { topic: "SNS 카드뉴스 만들기 실습", place: "정보통신과 회의실", minutes: 120 },
  { topic: "ChatGPT로 보도자료 초안 쓰기", place: "시청 교육장", minutes: 60 },
  { topic: "영상 편집 앱 함께 배우기", place: "청년센터", minutes: 90 },
];

/**
 * Team activities: every team logs one every few weeks with the members who came, the latest within the
 * last three weeks; the silent team stopped 30 days ago.
 */
async function logTeamActivities(
  db: Database,
  city: City,
  cohortId: string,
  teams: TeamView[],
  today: CalendarDate,
) {
  const { tenantId } = city;
  await db.withTenant(tenantId, async (tx) => {
    for (const team of teams) {
      const silent = team.number === DEMO_SILENT_TEAM;
      const days = silent
        ? [-80, -55, -30]
        : [-85, -60, ...(team.number % 3 === 0 ? [-48] : []), -35, -(2 + ((team.number * 5) % 18))];
      for (const [index, offset] of days.entries()) {
        const activity = TEAM_ACTIVITIES[
          (team.number + index) % TEAM_ACTIVITIES.length
        ] as (typeof TEAM_ACTIVITIES)[number];
        const logger = team.members[index % team.members.length] as TeamView["members"][number];
        // Most times everyone came; every third time one of them could not.
        const came = team.members.filter((_, member) => (index + team.number) % 3 !== 0 || member !== 1);
        await logActivity(tx, {
          tenantId,
          cohortId,
          staffMemberId: logger.staffMemberId,
          kind: "team_activity",
          happenedOn: addDays(today, offset),
          minutes: activity.minutes + (team.number % 4) * 10,
          place: activity.place,
          topic: activity.topic,
          notes: "",
          participantIds: came.map((member) => member.applicationId),
          today,
          actorUserId: logger.userId,
        });
      }
    }
  });
}

/** Attendance of the last training before today: everyone present but two members of team 3. */
async function takeAttendance(
  db: Database,
  city: City,
  cohortId: string,
  trainings: CalendarRow[],
  teams: TeamView[],
  now: Date,
) {
  const { tenantId, coordinatorUserId } = city;
  const past = trainings.filter((item) => item.attendance && item.endsAt && item.endsAt < now);
  const last = past.sort((a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0))[0];
  if (!last) return;
  const missing = (teams[2]?.members ?? []).slice(0, 2).map((member) => member.applicationId);
  await db.withTenant(tenantId, async (tx) => {
    const acting = { tenantId, cohortId, itemId: last.id, actorUserId: coordinatorUserId };
    await markAttendance(tx, { ...acting, who: "all", present: true });
    if (missing.length > 0)
      await markAttendance(tx, { ...acting, who: { applicationIds: missing }, present: false });
  });
}

const MEETINGS = [
  {
    topic: "첫 만남: 부서 소개와 업무 흐름",
    minutes: 60,
    notes: "결재 순서가 헷갈린다고 함. 다음에 전자결재 같이 보기로.",
  },
  {
    topic: "공문서 작성 함께 해 보기",
    minutes: 45,
    notes: "민원 답변이 부담된다고 함. 사례 몇 가지 공유함.",
  },
];

/** Yongin's pairs meet after the ceremony: most have met once or twice; the mentor logs it with private notes. */
async function logMeetings(
  db: Database,
  city: City,
  cohortId: string,
  teams: TeamView[],
  today: CalendarDate,
) {
  const { tenantId } = city;
  await db.withTenant(tenantId, async (tx) => {
    for (const team of teams) {
      if (team.number % 5 === 0) continue;
      const mentor = team.members.find((member) => member.role === "mentor") ?? team.members[0];
      if (!mentor) continue;
      const meetings = team.number % 2 === 0 ? MEETINGS : MEETINGS.slice(0, 1);
      for (const [index, meeting] of meetings.entries()) {
        await logActivity(tx, {
          tenantId,
          cohortId,
          staffMemberId: mentor.staffMemberId,
          kind: "meeting",
          happenedOn: addDays(today, index === 0 ? -4 : -1),
          minutes: meeting.minutes,
          place: "",
          topic: meeting.topic,
          notes: meeting.notes,
          participantIds: team.members.map((member) => member.applicationId),
          today,
          actorUserId: mentor.userId,
        });
      }
    }
  });
}

/**
 * Gangneung's 1st cohort: other juniors and managers than the 2nd's, and none of the people with an account
 * (they sign in to the running cohort), taken through to closed. Juniors then: grade 8 and 9 first, then
 * grade 7 (promoted since).
 */
function firstCohortApplicants(city: City, taken: Set<string>): Applicant[] {
  const free = city.seed.staff.filter(
    (person) =>
      person.active &&
      !taken.has(person.employeeNumber) &&
      !city.userOf.has(city.staffIdOf.get(person.employeeNumber) ?? ""),
  );
  const juniorOf = (grades: number[]) =>
    free.filter(
      (person) => person.positionTitle === "주무관" && person.grade !== null && grades.includes(person.grade),
    );
  const juniors = [...juniorOf([8, 9]), ...juniorOf([7])];
  const managers = free.filter(
    (person) => person.positionTitle === "과장" || person.positionTitle === "국장",
  );
  if (juniors.length < 30 || managers.length < 10)
    throw new Error("Gangneung's directory has too few people for a 1st cohort besides the 2nd");
  return [
    ...juniors.slice(0, 30).map((person) => ({ person, role: "mentor" as const })),
    ...managers.slice(0, 10).map((person) => ({ person, role: "mentee" as const })),
  ];
}

function applicantsOf(cast: ReturnType<typeof cohortCast>): Applicant[] {
  return [
    ...cast.mentors.map((person) => ({ person, role: "mentor" as const })),
    ...cast.mentees.map((person) => ({ person, role: "mentee" as const })),
  ];
}

/**
 * The anchor day of programs already seeded on this timeline (from Gangneung's cohorts, whose 1st is one
 * year before the 2nd), null for programs seeded otherwise (the fixed 2025 seed has no 1st cohort), or
 * nothing when the cities have no programs yet.
 */
async function existingAnchor(db: Database, gangneung: City, yongin: City) {
  const count = async (city: City) =>
    db.withTenant(city.tenantId, (tx) => tx.cohort.count({ where: { tenantId: city.tenantId } }));
  if ((await count(gangneung)) + (await count(yongin)) === 0) return null;
  const reverse = await db.withTenant(gangneung.tenantId, (tx) =>
    tx.cohort.findMany({
      where: { tenantId: gangneung.tenantId, template: { builtinKey: "reverse_mentoring" } },
      select: { number: true, recruitmentStart: true },
    }),
  );
  const first = reverse.find((cohort) => cohort.number === 1);
  const second = reverse.find((cohort) => cohort.number === 2);
  const onTimeline =
    first &&
    second &&
    dayOf(first.recruitmentStart) ===
      addDays(
        dayOf(second.recruitmentStart),
        DEMO_RECRUITMENT_STARTS.gangneung1 - DEMO_RECRUITMENT_STARTS.gangneung2,
      );
  return {
    anchoredOn: onTimeline
      ? addDays(dayOf(second.recruitmentStart), -DEMO_RECRUITMENT_STARTS.gangneung2)
      : null,
  };
}

/**
 * Seeds the two real programs on the timeline anchored to `today` (the tenant's calendar day the demo
 * starts on). Run after seedAll. Idempotent: when the cities have programs already, nothing is written and
 * the day they are anchored to is returned (the caller says so if it is not today).
 */
export async function seedDemoTimeline(
  db: Database,
  input: {
    today: CalendarDate;
    appUrl: string;
    /** Told as each program is done (for the demo's progress lines). */
    onStep?: (step: string) => void;
  },
): Promise<DemoTimelineResult> {
  const { today, appUrl } = input;
  const step = input.onStep ?? (() => {});
  const [gangneung, yongin] = [await cityOf(db, gangneungSeed()), await cityOf(db, yonginSeed())];
  const existing = await existingAnchor(db, gangneung, yongin);
  if (existing) return { seeded: false, anchoredOn: existing.anchoredOn };
  const outboxBefore = await db.platform.outboxEvent.aggregate({ _max: { id: true } });
  const now = new Date();
  const start = (offset: number) => addDays(today, offset);

  // Gangneung, 1st cohort: the same program a year earlier, closed.
  const gangneungCast = cohortCast(
    gangneung.seed,
    seededCohorts.gangneung?.[0] as NonNullable<(typeof seededCohorts)["gangneung"]>[0],
  );
  const taken = new Set(
    [...gangneungCast.mentors, ...gangneungCast.mentees, ...gangneungCast.spare].map((p) => p.employeeNumber),
  );
  const first = {
    city: gangneung,
    template: "reverse_mentoring" as const,
    number: 1,
    recruitmentStart: start(DEMO_RECRUITMENT_STARTS.gangneung1),
    applicants: firstCohortApplicants(gangneung, taken),
    appUrl,
  };
  const firstCohort = await openCohort(db, first);
  // Its surveys were on paper that year: matched on the directory's facts alone.
  await formTeams(db, { ...first, ...firstCohort, answers: () => false });
  await closeCohort(db, gangneung, firstCohort.cohortId, appUrl);
  step("강릉시 거꾸로 멘토링 1기: closed a year ago");

  // Gangneung, 2nd cohort: a hundred days into its activities.
  const second = {
    city: gangneung,
    template: "reverse_mentoring" as const,
    number: 2,
    recruitmentStart: start(DEMO_RECRUITMENT_STARTS.gangneung2),
    applicants: applicantsOf(gangneungCast),
    appUrl,
  };
  const { cohortId } = await openCohort(db, second);
  await formTeams(db, { ...second, cohortId, answers: () => true, absent: 5 });
  step("강릉시 거꾸로 멘토링 2기: teams published, ceremony held");
  const calendar = await setCalendarToToday(db, gangneung, cohortId, today);
  const teams = await teamsOf(db, gangneung, cohortId);
  await handIn(db, gangneung, cohortId, teams, calendar.assignments);
  await logTeamActivities(db, gangneung, cohortId, teams, today);
  await takeAttendance(db, gangneung, cohortId, calendar.trainings, teams, at(today, "00:00"));
  step("강릉시 거꾸로 멘토링 2기: 3 assignments handed in, activities logged, an event tomorrow");

  // Yongin, 1st cohort: just after its ceremony, the pairs meeting.
  const yonginSeeded = seededCohorts.yongin?.[0] as NonNullable<(typeof seededCohorts)["yongin"]>[0];
  const yonginFirst = {
    city: yongin,
    template: "new_official_mentoring" as const,
    number: 1,
    recruitmentStart: start(DEMO_RECRUITMENT_STARTS.yongin1),
    applicants: applicantsOf(cohortCast(yongin.seed, yonginSeeded)),
    appUrl,
  };
  const yonginCohort = await openCohort(db, yonginFirst);
  await formTeams(db, {
    ...yonginFirst,
    ...yonginCohort,
    answers: (index) => index % (yonginSeeded.unansweredEvery ?? 1) !== 0,
    absent: 3,
  });
  await logMeetings(
    db,
    yongin,
    yonginCohort.cohortId,
    await teamsOf(db, yongin, yonginCohort.cohortId),
    today,
  );
  step("용인특례시 신규 공직자 멘토링 1기: ceremony 5 days ago, pairs meeting");

  // Yongin, 2nd cohort: recruiting, its window open around today.
  await openCohort(db, {
    city: yongin,
    template: "new_official_mentoring",
    number: 2,
    recruitmentStart: start(DEMO_RECRUITMENT_STARTS.yongin2),
    applicants: [],
    appUrl,
  });
  step("용인특례시 신규 공직자 멘토링 2기: recruiting");

  // The mails of the replayed past (applications, teams, ceremonies, reviews) are not sent today.
  await db.platform.outboxEvent.updateMany({
    where: { id: { gt: outboxBefore._max.id ?? 0n }, publishedAt: null },
    data: { publishedAt: now, completedAt: now },
  });
  return { seeded: true, anchoredOn: today };
}

/** Evaluation (its post-surveys opened and closed by the coordinator) and closing, on their days. */
async function closeCohort(db: Database, city: City, cohortId: string, appUrl: string) {
  const { tenantId, coordinatorUserId } = city;
  const cohort = await db.withTenant(tenantId, (tx) =>
    tx.cohort.findFirstOrThrow({
      where: { tenantId, id: cohortId },
      select: { evaluationStart: true, close: true },
    }),
  );
  const move = (to: "evaluation" | "closed", today: CalendarDate, reason: string | null = null) =>
    db.withTenant(tenantId, (tx) =>
      transitionCohort(tx, {
        tenantId,
        cohortId,
        to,
        override: reason !== null,
        reason,
        actorUserId: coordinatorUserId,
        today,
        appUrl,
      }),
    );
  await move("evaluation", dayOf(cohort.evaluationStart));
  await db.withTenant(tenantId, async (tx) => {
    const rounds = await tx.surveyRound.findMany({
      where: { tenantId, cohortId, phase: "post", closedAt: null },
      select: { id: true },
    });
    for (const round of rounds)
      await closeRound(tx, {
        tenantId,
        cohortId,
        roundId: round.id,
        actorUserId: coordinatorUserId,
        now: at(dayOf(cohort.close), "09:00"),
      });
  });
  await move("closed", dayOf(cohort.close), "사후 설문은 종이 설문지로 받았습니다.");
}

/** Today on the tenants' calendar (Asia/Seoul), for callers that start the demo now. */
export function demoToday(now: Date = new Date()): CalendarDate {
  return calendarDateIn(now, TIME_ZONE);
}

export interface DemoSignIn {
  city: string;
  cohort: string;
  team: number;
  role: ApplicationRole;
  email: string;
  why: string;
}

/**
 * Whom to sign in as to see the running cohorts from a participant's side: a junior of Gangneung's team 1
 * (featured work), one of the silent team, and a mentor of Yongin's first pair.
 */
export async function demoSignIns(db: Database): Promise<DemoSignIn[]> {
  const wanted = [
    { slug: "gangneung", number: 2, team: 1, role: "mentor" as const, why: "featured work, event tomorrow" },
    { slug: "gangneung", number: 2, team: DEMO_SILENT_TEAM, role: "mentor" as const, why: "silent team" },
    { slug: "yongin", number: 1, team: 1, role: "mentor" as const, why: "meetings logged" },
  ];
  const found: DemoSignIn[] = [];
  for (const want of wanted) {
    const tenant = await db.platform.tenant.findUnique({ where: { slug: want.slug }, select: { id: true } });
    if (!tenant) continue;
    const member = await db.withTenant(tenant.id, (tx) =>
      tx.teamMember.findFirst({
        where: {
          tenantId: tenant.id,
          role: want.role,
          team: { number: want.team, cohort: { number: want.number, status: { not: "closed" } } },
          application: { staffMember: { memberships: { some: { tenantId: tenant.id } } } },
        },
        orderBy: { applicationId: "asc" },
        select: {
          team: { select: { cohort: { select: { title: true } } } },
          application: { select: { staffMember: { select: { email: true } } } },
        },
      }),
    );
    const email = member?.application.staffMember.email;
    if (!member || !email) continue;
    found.push({
      city: want.slug,
      cohort: member.team.cohort.title,
      team: want.team,
      role: want.role,
      email: email.toLowerCase(),
      why: want.why,
    });
  }
  return found;
}
