import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getCohortSubmissions,
  getParticipantAgenda,
  listMyAssignments,
  listShowcase,
  reviewSubmission,
  submitAssignment,
} from "../src/assignments";
import { saveCalendarItem } from "../src/calendar";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
/** Two members of team 1 and one of team 2, as staff and user ids. */
const people = { first: "", second: "", other: "" };
let march = "";
let april = "";

const due = (iso: string) => new Date(iso);
const beforeMarch = due("2025-03-20T01:00:00Z");
const afterMarch = due("2025-03-26T01:00:00Z");

const code = (error: unknown) => (isAppError(error) ? error.code : error);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  const { tenantId } = city;
  const { teams, staffOf } = await publishTeams(db, tenantId, city.cohortId);
  const [one, two] = teams;
  people.first = staffOf.get(one?.mentors[0] as string) as string;
  people.second = staffOf.get(one?.mentees[0] as string) as string;
  people.other = staffOf.get(two?.mentors[0] as string) as string;
  const assignment = (title: string, dueAt: Date) =>
    db.withTenant(tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "assignment",
          title,
          description: "",
          place: "",
          audience: "all",
          teamId: null,
          attendance: false,
          dueAt,
        },
      }),
    );
  march = (await assignment("팀 소개 영상 만들기", due("2025-03-25T14:59:00Z"))).itemId;
  april = (await assignment("생성형 AI로 보고서 초안 쓰기", due("2025-04-25T14:59:00Z"))).itemId;
}, 120_000);

afterAll(() => database?.drop());

const submit = (
  staffMemberId: string,
  itemId: string,
  now: Date,
  work: { text?: string; links?: string[] } = {},
) =>
  db.withTenant(city.tenantId, (tx) =>
    submitAssignment(tx, {
      tenantId: city.tenantId,
      staffMemberId,
      itemId,
      text: work.text ?? "팀 소개 영상을 만들었습니다",
      links: work.links ?? ["https://youtu.be/team-one"],
      actorUserId: city.actorUserId,
      now,
    }),
  );

const review = (
  submissionId: string,
  decision: "accept" | "request_revision" | "feature" | "unfeature",
  comment = "",
) =>
  db.withTenant(city.tenantId, (tx) =>
    reviewSubmission(tx, {
      tenantId: city.tenantId,
      cohortId: city.cohortId,
      submissionId,
      decision,
      comment,
      actorUserId: city.actorUserId,
      now: afterMarch,
    }),
  );

describe("a team hands in an assignment", () => {
  it("takes one submission for the whole team: a second member's revises it before the due time", async () => {
    const first = await submit(people.first, march, beforeMarch);
    expect(first).toMatchObject({ late: false, revised: false });
    const second = await submit(people.second, march, beforeMarch, { text: "영상 링크를 고쳤습니다" });
    expect(second).toMatchObject({ submissionId: first.submissionId, revised: true });
    const [mine] = await db.withTenant(city.tenantId, (tx) =>
      listMyAssignments(tx, { tenantId: city.tenantId, staffMemberId: people.first }),
    );
    const marchWork = mine?.assignments.find((assignment) => assignment.itemId === march);
    expect(marchWork?.submission).toMatchObject({ status: "submitted", text: "영상 링크를 고쳤습니다" });
  });

  it("refuses a revision after the due time, until the coordinator asks for one", async () => {
    expect(await submit(people.first, march, afterMarch).catch(code)).toBe("submission.due_passed");
    const { assignments } = await db.withTenant(city.tenantId, (tx) => getCohortSubmissions(tx, city));
    const submission = assignments.find((assignment) => assignment.id === march)?.teams[0]?.submission;
    expect(await review(submission?.id as string, "request_revision").catch(code)).toBe(
      "submission.comment_required",
    );
    expect(await review(submission?.id as string, "request_revision", "자막을 넣어 주세요")).toEqual({
      changed: true,
    });
    // Asked again the same: nothing changes.
    expect(await review(submission?.id as string, "request_revision", "자막을 넣어 주세요")).toEqual({
      changed: false,
    });
    const revised = await submit(people.second, march, afterMarch, { text: "자막을 넣었습니다" });
    // Lateness is the first submission's: it came on time.
    expect(revised).toMatchObject({ revised: true, late: false });
  });

  it("marks a first submission after the due time late", async () => {
    const late = await submit(people.other, march, afterMarch);
    expect(late.late).toBe(true);
  });

  it("features only accepted work, and takes nothing more once accepted", async () => {
    const { assignments } = await db.withTenant(city.tenantId, (tx) => getCohortSubmissions(tx, city));
    const teamOne = assignments.find((assignment) => assignment.id === march)?.teams[0]?.submission;
    const id = teamOne?.id as string;
    expect(await review(id, "feature").catch(code)).toBe("submission.not_accepted");
    expect(await review(id, "accept")).toEqual({ changed: true });
    expect(await review(id, "feature")).toEqual({ changed: true });
    expect(await submit(people.first, march, beforeMarch).catch(code)).toBe("submission.already_accepted");
    const featured = await db.withTenant(city.tenantId, (tx) =>
      tx.submission.findFirstOrThrow({ where: { id }, select: { featuredAt: true, status: true } }),
    );
    expect(featured.status).toBe("accepted");
    expect(featured.featuredAt).not.toBeNull();
    const showcase = () =>
      db.withTenant(city.tenantId, (tx) => listShowcase(tx, { tenantId: city.tenantId }));
    expect((await showcase()).map((work) => [work.id, work.teamNumber, work.title])).toEqual([
      [id, 1, "팀 소개 영상 만들기"],
    ]);
    expect(await review(id, "unfeature")).toEqual({ changed: true });
    expect(await showcase()).toEqual([]);
    await review(id, "feature");
  });

  it("refuses empty work, a link that is not a web address and too much text, and stores nothing", async () => {
    const count = () =>
      db.withTenant(city.tenantId, (tx) => tx.submission.count({ where: { itemId: april } }));
    expect(await submit(people.first, april, beforeMarch, { text: " ", links: [] }).catch(code)).toBe(
      "submission.empty",
    );
    expect(
      await submit(people.first, april, beforeMarch, { links: ["javascript:alert(1)"] }).catch(code),
    ).toBe("submission.link_invalid");
    expect(await submit(people.first, april, beforeMarch, { text: "가".repeat(10_001) }).catch(code)).toBe(
      "submission.text_too_long",
    );
    expect(await count()).toBe(0);
  });

  it("answers 'not found' to someone in no team of the cohort, and to another city", async () => {
    const outsider = await db.withTenant(city.tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({
        where: { tenantId: city.tenantId, applications: { none: {} } },
        select: { id: true },
      }),
    );
    expect(await submit(outsider.id, april, beforeMarch).catch(code)).toBe("submission.not_in_team");
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    const fromYongin = await db
      .withTenant(yongin, (tx) =>
        submitAssignment(tx, {
          tenantId: yongin,
          staffMemberId: people.first,
          itemId: april,
          text: "다른 기관",
          links: [],
          actorUserId: city.actorUserId,
          now: beforeMarch,
        }),
      )
      .catch(code);
    expect(fromYongin).toBe("submission.not_in_team");
  });

  it("shows the coordinator every team of the cohort for each assignment, handed in or not", async () => {
    const { assignments } = await db.withTenant(city.tenantId, (tx) => getCohortSubmissions(tx, city));
    const marchTeams = assignments.find((assignment) => assignment.id === march)?.teams ?? [];
    expect(marchTeams.length).toBeGreaterThanOrEqual(2);
    expect(marchTeams.filter((team) => team.submission !== null)).toHaveLength(2);
    expect(marchTeams.find((team) => team.submission?.late)?.teamNumber).toBe(2);
  });
});

describe("what is next for a participant", () => {
  it("is the next assignment the team has not had accepted, and the next event meant for them", async () => {
    await db.withTenant(city.tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "event",
          title: "간부회의 참석",
          description: "",
          place: "시장실 회의실",
          audience: "mentors",
          teamId: null,
          attendance: true,
          startsAt: due("2025-04-07T00:00:00Z"),
          endsAt: due("2025-04-07T01:00:00Z"),
        },
      }),
    );
    const agendaOf = (staffMemberId: string) =>
      db.withTenantSql(city.tenantId, (sql) =>
        getParticipantAgenda(sql, { tenantId: city.tenantId, staffMemberId, now: beforeMarch }),
      );
    // Team 1's March work is accepted: April's is next. The meeting is for the junior mentors.
    const mentor = await agendaOf(people.first);
    expect(mentor.nextAssignment?.title).toBe("생성형 AI로 보고서 초안 쓰기");
    expect(mentor.nextEvent).toMatchObject({ title: "간부회의 참석", teamNumber: 1 });
    const mentee = await agendaOf(people.second);
    expect(mentee.nextEvent).toBeNull();
    // Team 2 handed in March late and has not been accepted: March is still next for it.
    expect((await agendaOf(people.other)).nextAssignment?.title).toBe("팀 소개 영상 만들기");
  });

  it("shows a team's own event to that team only", async () => {
    const { tenantId, cohortId } = city;
    await db.withTenant(tenantId, async (tx) => {
      const two = await tx.team.findFirstOrThrow({ where: { tenantId, cohortId, number: 2 } });
      await saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "mentoring_day",
          title: "2팀 맛집 탐방",
          description: "",
          place: "중앙시장",
          audience: "all",
          teamId: two.id,
          attendance: false,
          startsAt: due("2025-04-02T03:00:00Z"),
          endsAt: due("2025-04-02T05:00:00Z"),
        },
      });
    });
    const agendaOf = (staffMemberId: string) =>
      db.withTenantSql(tenantId, (sql) =>
        getParticipantAgenda(sql, { tenantId, staffMemberId, now: beforeMarch }),
      );
    expect((await agendaOf(people.other)).nextEvent).toMatchObject({ title: "2팀 맛집 탐방", teamNumber: 2 });
    expect((await agendaOf(people.first)).nextEvent?.title).toBe("간부회의 참석");
    expect((await agendaOf(people.second)).nextEvent).toBeNull();
  });
});
