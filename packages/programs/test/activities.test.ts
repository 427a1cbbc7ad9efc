import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate, isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTeamActivities, logActivity } from "../src/activities";
import { getTeamProgress, nudgeTeams } from "../src/progress";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
const pair = { mentor: "", mentee: "", menteeApplication: "", otherTeamApplication: "" };
const today = calendarDate("2025-05-15");

const code = (error: unknown) => (isAppError(error) ? error.code : error);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "yongin", "first"));
  const { tenantId } = city;
  const { teams, staffOf } = await publishTeams(db, tenantId, city.cohortId);
  const [one, two] = teams;
  pair.mentor = staffOf.get(one?.mentors[0] as string) as string;
  pair.mentee = staffOf.get(one?.mentees[0] as string) as string;
  pair.menteeApplication = one?.mentees[0] as string;
  pair.otherTeamApplication = two?.mentees[0] as string;
}, 120_000);

afterAll(() => database?.drop());

const log = (overrides: Partial<Parameters<typeof logActivity>[1]> = {}) =>
  db.withTenant(city.tenantId, (tx) =>
    logActivity(tx, {
      tenantId: city.tenantId,
      cohortId: city.cohortId,
      staffMemberId: pair.mentor,
      kind: "meeting",
      happenedOn: "2025-05-14",
      minutes: 60,
      place: "시청 카페",
      topic: "민원 응대 상담",
      notes: "신규 임용자가 악성 민원으로 힘들어함. 다음 주에 다시 만나기로 함.",
      participantIds: [pair.menteeApplication],
      today,
      actorUserId: city.actorUserId,
      ...overrides,
    }),
  );

describe("a Yongin mentor logs meetings with their new official", () => {
  it("records the meeting with its counselling notes, which the pair reads back", async () => {
    await log();
    await log({ happenedOn: "2025-04-02", topic: "첫 만남", notes: "", participantIds: [] });
    const [team] = await db.withTenant(city.tenantId, (tx) =>
      listTeamActivities(tx, { tenantId: city.tenantId, staffMemberId: pair.mentee }),
    );
    expect(team?.activities.map((activity) => [activity.happenedOn, activity.topic])).toEqual([
      ["2025-05-14", "민원 응대 상담"],
      ["2025-04-02", "첫 만남"],
    ]);
    expect(team?.activities[0]?.notes).toContain("악성 민원");
    // Named no one: the mentor who logged it took part.
    expect(team?.activities[1]?.participants).toHaveLength(1);
  });

  it("shows the coordinator how often the pair met, and never what they wrote", async () => {
    const { teams } = await db.withTenant(city.tenantId, (tx) =>
      getTeamProgress(tx, {
        tenantId: city.tenantId,
        cohortId: city.cohortId,
        today,
        now: new Date("2025-05-15T03:00:00Z"),
      }),
    );
    const first = teams.find((team) => team.teamNumber === 1);
    expect(first).toMatchObject({
      meetings: 2,
      teamActivities: 0,
      minutes: 120,
      last30Days: 1,
      lastOn: "2025-05-14",
    });
    const everything = JSON.stringify(teams);
    expect(everything).not.toContain("악성 민원");
    expect(everything).not.toContain("민원 응대 상담");
  });

  it("refuses a day after today, a length past a day, and someone of another team, storing nothing", async () => {
    const count = () =>
      db.withTenant(city.tenantId, (tx) => tx.activity.count({ where: { tenantId: city.tenantId } }));
    const before = await count();
    expect(await log({ happenedOn: "2025-05-16" }).catch(code)).toBe("activity.date_in_future");
    expect(await log({ happenedOn: "2025-02-30" }).catch(code)).toBe("activity.date_invalid");
    expect(await log({ minutes: 1_441 }).catch(code)).toBe("activity.minutes_invalid");
    expect(await log({ topic: "  " }).catch(code)).toBe("activity.topic_required");
    expect(await log({ participantIds: [pair.otherTeamApplication] }).catch(code)).toBe(
      "activity.participant_not_in_team",
    );
    expect(await count()).toBe(before);
  });

  it("answers 'not in a team' to someone of no team, and in another city", async () => {
    const outsider = await db.withTenant(city.tenantId, (tx) =>
      tx.staffMember.findFirstOrThrow({ where: { tenantId: city.tenantId, applications: { none: {} } } }),
    );
    expect(await log({ staffMemberId: outsider.id }).catch(code)).toBe("activity.not_in_team");
    const gangneung = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
    const elsewhere = await db
      .withTenant(gangneung, (tx) =>
        logActivity(tx, {
          tenantId: gangneung,
          cohortId: city.cohortId,
          staffMemberId: pair.mentor,
          kind: "team_activity",
          happenedOn: "2025-05-14",
          minutes: null,
          place: "",
          topic: "다른 기관",
          notes: "",
          participantIds: [],
          today,
          actorUserId: city.actorUserId,
        }),
      )
      .catch(code);
    expect(elsewhere).toBe("activity.not_in_team");
  });
});

describe("nudging silent teams", () => {
  it("mails every member of the chosen teams once a day, saying how long the team has been silent", async () => {
    const teams = await db.withTenant(city.tenantId, (tx) =>
      tx.team.findMany({
        where: { tenantId: city.tenantId, cohortId: city.cohortId },
        orderBy: { number: "asc" },
      }),
    );
    const second = teams[1]?.id as string;
    const nudge = () =>
      db.withTenant(city.tenantId, (tx) =>
        nudgeTeams(tx, { ...city, teamIds: [second], today, appUrl: "http://localhost" }),
      );
    const since = new Date();
    const first = await nudge();
    expect(first.teams).toBe(1);
    expect(first.mails).toBeGreaterThan(0);
    const mails = await db.platform.outgoingEmail.findMany({
      where: { kind: "team_nudge", createdAt: { gte: since } },
      select: { subject: true, textBody: true },
    });
    expect(mails).toHaveLength(first.mails);
    expect(mails[0]?.subject).toMatch(/2팀, 요즘 어떻게 지내십니까\?$/);
    expect(mails[0]?.textBody).toMatch(/2팀의 활동 기록이 \d+일째 없습니다/);
    expect(await nudge()).toEqual({ teams: 0, mails: 0 });
    expect(
      await db
        .withTenant(city.tenantId, (tx) =>
          nudgeTeams(tx, { ...city, teamIds: [], today, appUrl: "http://localhost" }),
        )
        .catch(code),
    ).toBe("activity.no_team_chosen");
  });
});
