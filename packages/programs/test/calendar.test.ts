import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CalendarItemInput,
  getCohortCalendar,
  planCohortCalendarItems,
  removeCalendarItem,
  type SpanItemInput,
  saveCalendarItem,
} from "../src/calendar";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

let database: SeededTestDatabase;
let db: Database;
const gangneung = { tenantId: "", cohortId: "", actorUserId: "" };
let yongin = { tenantId: "", cohortId: "" };

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(gangneung, await seededCohortOf(db, "gangneung"));
  yongin = await seededCohortOf(db, "yongin");
}, 120_000);

afterAll(() => database?.drop());

const workshop = (overrides: Partial<SpanItemInput> = {}): CalendarItemInput => ({
  kind: "event",
  title: "1박 2일 워크숍",
  description: "",
  place: "경포 연수원",
  audience: "all",
  teamId: null,
  attendance: true,
  startsAt: new Date("2025-07-24T01:00:00Z"),
  endsAt: new Date("2025-07-25T07:00:00Z"),
  ...overrides,
});

async function itemCount(tenantId = gangneung.tenantId, cohortId = gangneung.cohortId) {
  return db.withTenant(tenantId, (tx) => tx.calendarItem.count({ where: { tenantId, cohortId } }));
}

describe("the program calendar of a cohort", () => {
  it("puts the template's trainings, events and assignments in once, however often it is asked", async () => {
    const first = await db.withTenant(gangneung.tenantId, (tx) => planCohortCalendarItems(tx, gangneung));
    expect(first.added).toBeGreaterThan(10);
    expect(first.kept).toBe(0);
    const again = await db.withTenant(gangneung.tenantId, (tx) => planCohortCalendarItems(tx, gangneung));
    expect(again).toEqual({ added: 0, kept: first.added });
    const page = await db.withTenant(gangneung.tenantId, (tx) => getCohortCalendar(tx, gangneung));
    expect(page.items).toHaveLength(first.added);
    const kinds = new Set(page.items.map((item) => item.kind));
    expect(kinds).toEqual(new Set(["assignment", "training", "event"]));
    // In the order they happen.
    const moments = page.items.map((item) => (item.startsAt ?? item.dueAt)?.getTime() ?? 0);
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
    const audit = await db.withTenant(gangneung.tenantId, (tx) =>
      tx.auditLog.count({ where: { tenantId: gangneung.tenantId, action: "calendar.plan" } }),
    );
    expect(audit).toBe(1);
  });

  it("keeps a coordinator's change to a planned item when planning again", async () => {
    const planned = await db.withTenant(gangneung.tenantId, (tx) =>
      tx.calendarItem.findFirstOrThrow({ where: { tenantId: gangneung.tenantId, kind: "training" } }),
    );
    await db.withTenant(gangneung.tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...gangneung,
        itemId: planned.id,
        item: workshop({ kind: "training", title: "소통 교육 (장소 변경)", place: "2층 교육장" }),
      }),
    );
    await db.withTenant(gangneung.tenantId, (tx) => planCohortCalendarItems(tx, gangneung));
    const after = await db.withTenant(gangneung.tenantId, (tx) =>
      tx.calendarItem.findFirstOrThrow({ where: { id: planned.id } }),
    );
    expect(after).toMatchObject({ title: "소통 교육 (장소 변경)", place: "2층 교육장", titleEn: null });
  });

  it("refuses an event that ends before it starts, at the end, and stores nothing", async () => {
    const before = await itemCount();
    const refused = await db
      .withTenant(gangneung.tenantId, (tx) =>
        saveCalendarItem(tx, {
          ...gangneung,
          itemId: null,
          item: workshop({ endsAt: new Date("2025-07-23T01:00:00Z") }),
        }),
      )
      .catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe("calendar.ends_before_start");
    expect(isAppError(refused) && refused.details.fields?.[0]?.path).toBe("endsAt");
    expect(await itemCount()).toBe(before);
  });

  it("refuses a missing title and an invalid moment, each at its field", async () => {
    const attempt = (item: CalendarItemInput) =>
      db
        .withTenant(gangneung.tenantId, (tx) => saveCalendarItem(tx, { ...gangneung, itemId: null, item }))
        .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(await attempt(workshop({ title: "   " }))).toBe("calendar.title_required");
    expect(await attempt(workshop({ startsAt: new Date(Number.NaN) }))).toBe("calendar.start_invalid");
    expect(await attempt(workshop({ place: "가".repeat(201) }))).toBe("calendar.place_too_long");
    expect(
      await attempt({ ...workshop(), kind: "assignment", dueAt: new Date(Number.NaN) } as CalendarItemInput),
    ).toBe("calendar.due_invalid");
  });

  it("gives an item to one of the cohort's teams, and refuses a team of another cohort or city", async () => {
    const { teams } = await publishTeams(db, gangneung.tenantId, gangneung.cohortId);
    const team = teams[0]?.id as string;
    const { itemId } = await db.withTenant(gangneung.tenantId, (tx) =>
      saveCalendarItem(tx, {
        ...gangneung,
        itemId: null,
        item: workshop({ teamId: team, title: "1팀 맛집 탐방" }),
      }),
    );
    const saved = await db.withTenant(gangneung.tenantId, (tx) =>
      tx.calendarItem.findFirstOrThrow({ where: { id: itemId } }),
    );
    expect(saved.teamId).toBe(team);

    const yonginTeams = await publishTeams(db, yongin.tenantId, yongin.cohortId);
    const refused = await db
      .withTenant(gangneung.tenantId, (tx) =>
        saveCalendarItem(tx, {
          ...gangneung,
          itemId: null,
          item: workshop({ teamId: yonginTeams.teams[0]?.id as string }),
        }),
      )
      .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(refused).toBe("calendar.team_not_found");
  });

  it("answers 'not found' for another city's item, to change or to remove, and leaves it be", async () => {
    const { itemId } = await db.withTenant(gangneung.tenantId, (tx) =>
      saveCalendarItem(tx, { ...gangneung, itemId: null, item: workshop({ title: "직원 힐링 콘서트" }) }),
    );
    const fromYongin = { ...yongin, actorUserId: gangneung.actorUserId };
    const change = await db
      .withTenant(yongin.tenantId, (tx) =>
        saveCalendarItem(tx, { ...fromYongin, itemId, item: workshop({ title: "바꿈" }) }),
      )
      .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(change).toBe("calendar.item_not_found");
    const remove = await db
      .withTenant(yongin.tenantId, (tx) => removeCalendarItem(tx, { ...fromYongin, itemId }))
      .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(remove).toBe("calendar.item_not_found");
    const still = await db.withTenant(gangneung.tenantId, (tx) =>
      tx.calendarItem.findFirst({ where: { id: itemId } }),
    );
    expect(still?.title).toBe("직원 힐링 콘서트");
  });

  it("takes an item off, once: a second removal says it is not there", async () => {
    const { itemId } = await db.withTenant(gangneung.tenantId, (tx) =>
      saveCalendarItem(tx, { ...gangneung, itemId: null, item: workshop({ title: "일일 라디오 DJ" }) }),
    );
    await db.withTenant(gangneung.tenantId, (tx) => removeCalendarItem(tx, { ...gangneung, itemId }));
    const again = await db
      .withTenant(gangneung.tenantId, (tx) => removeCalendarItem(tx, { ...gangneung, itemId }))
      .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(again).toBe("calendar.item_not_found");
  });
});
