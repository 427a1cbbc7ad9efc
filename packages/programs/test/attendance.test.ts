import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn, getItemAttendance, issueCheckInCode, markAttendance } from "../src/attendance";
import { saveCalendarItem } from "../src/calendar";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let training = "";
let mentorsOnly = "";
let teams: Awaited<ReturnType<typeof publishTeams>>["teams"] = [];
let staffOf = new Map<string, string | null>();
const secret = "a-test-secret-of-at-least-32-characters!";
const now = new Date("2025-03-12T05:30:00Z");

const code = (error: unknown) => (isAppError(error) ? error.code : error);

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  const { tenantId } = city;
  ({ teams, staffOf } = await publishTeams(db, tenantId, city.cohortId));
  const item = (title: string, audience: "all" | "mentors") =>
    db.withTenant(tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...city,
        itemId: null,
        item: {
          kind: "training",
          title,
          description: "",
          place: "시청 대회의실",
          audience,
          teamId: null,
          attendance: true,
          startsAt: new Date("2025-03-12T05:00:00Z"),
          endsAt: new Date("2025-03-12T07:00:00Z"),
        },
      }),
    );
  training = (await item("소통 역량 강화 교육", "all")).itemId;
  mentorsOnly = (await item("간부회의 참석", "mentors")).itemId;
}, 120_000);

afterAll(() => database?.drop());

const sheet = (itemId: string) =>
  db.withTenant(city.tenantId, (tx) => getItemAttendance(tx, { ...city, itemId, now }));
const mark = (itemId: string, who: Parameters<typeof markAttendance>[1]["who"], present = true) =>
  db.withTenant(city.tenantId, (tx) => markAttendance(tx, { ...city, itemId, who, present }));
const scan = (
  itemId: string,
  staffMemberId: string,
  at = now,
  code_ = issueCheckInCode({ secret, tenantId: city.tenantId, itemId, now: at }).code,
) =>
  db.withTenant(city.tenantId, (tx) =>
    checkIn(tx, {
      tenantId: city.tenantId,
      itemId,
      staffMemberId,
      code: code_,
      secret,
      actorUserId: city.actorUserId,
      now: at,
    }),
  );

describe("attendance of a training", () => {
  it("expects every member of the published teams, and the mentors alone where the item is theirs", async () => {
    const all = await sheet(training);
    expect(all.sheet?.people).toHaveLength(40);
    expect(all.sheet?.people.every((person) => person.present === null)).toBe(true);
    const mentors = await sheet(mentorsOnly);
    expect(mentors.sheet?.people).toHaveLength(30);
    expect(mentors.sheet?.people.every((person) => person.role === "mentor")).toBe(true);
  });

  it("marks a whole team present in one go, then everyone, and one person absent", async () => {
    const team = teams[0]?.id as string;
    expect(await mark(training, { teamId: team })).toEqual({ marked: 4 });
    expect((await sheet(training)).sheet?.people.filter((person) => person.present === true)).toHaveLength(4);
    expect(await mark(training, "all")).toEqual({ marked: 40 });
    const absent = teams[1]?.mentees[0] as string;
    await mark(training, { applicationIds: [absent] }, false);
    const people = (await sheet(training)).sheet?.people ?? [];
    expect(people.filter((person) => person.present === true)).toHaveLength(39);
    expect(people.find((person) => person.applicationId === absent)?.present).toBe(false);
  });

  it("refuses to mark someone not expected (a manager at the mentors' meeting), marking nobody", async () => {
    const manager = teams[0]?.mentees[0] as string;
    expect(await mark(mentorsOnly, { applicationIds: [manager] }).catch(code)).toBe(
      "attendance.not_expected",
    );
    expect((await sheet(mentorsOnly)).sheet?.people.some((person) => person.present !== null)).toBe(false);
  });
});

describe("checking in by the code on the coordinator's screen", () => {
  it("marks the scanning participant present, once however often they scan", async () => {
    const junior = staffOf.get(teams[2]?.mentors[0] as string) as string;
    const first = await scan(mentorsOnly, junior);
    expect(first.alreadyIn).toBe(false);
    expect((await scan(mentorsOnly, junior)).alreadyIn).toBe(true);
    const me = (await sheet(mentorsOnly)).sheet?.people.find((person) => person.staffMemberId === junior);
    expect(me).toMatchObject({ present: true, method: "check_in" });
    // Marking everyone present afterwards keeps their check-in as it was.
    await mark(mentorsOnly, "all");
    const after = (await sheet(mentorsOnly)).sheet?.people.find((person) => person.staffMemberId === junior);
    expect(after).toMatchObject({ present: true, method: "check_in" });
    await db.withTenant(city.tenantId, (tx) =>
      tx.attendance.deleteMany({ where: { itemId: mentorsOnly, method: "coordinator" } }),
    );
  });

  it("refuses an expired code, a code of another item, a forged one, and someone not expected", async () => {
    const junior = staffOf.get(teams[3]?.mentors[0] as string) as string;
    const manager = staffOf.get(teams[3]?.mentees[0] as string) as string;
    const old = issueCheckInCode({ secret, tenantId: city.tenantId, itemId: mentorsOnly, now }).code;
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await scan(mentorsOnly, junior, later, old).catch(code)).toBe("attendance.code_expired");
    const otherItem = issueCheckInCode({ secret, tenantId: city.tenantId, itemId: training, now }).code;
    expect(await scan(mentorsOnly, junior, now, otherItem).catch(code)).toBe("attendance.code_invalid");
    const forged = issueCheckInCode({
      secret: "another-secret-another-secret-another!",
      tenantId: city.tenantId,
      itemId: mentorsOnly,
      now,
    }).code;
    expect(await scan(mentorsOnly, junior, now, forged).catch(code)).toBe("attendance.code_invalid");
    expect(await scan(mentorsOnly, junior, now, "1.x").catch(code)).toBe("attendance.code_invalid");
    expect(await scan(mentorsOnly, manager).catch(code)).toBe("attendance.not_for_you");
    const people = (await sheet(mentorsOnly)).sheet?.people ?? [];
    expect(people.find((person) => person.staffMemberId === junior)?.present).toBeNull();
  });
});
