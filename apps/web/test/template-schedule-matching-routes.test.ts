// A template's calendar and assignments page and its matching page, called as Remix calls them against a
// real database: another city's coordinator gets 404, a participant 403 and an admin may read but not save
// (403); a month after the activities end and a weight that is no number are refused at their fields in
// Korean with nothing saved; a good save keeps the rest of the definition, and a used version is kept
// as it was (the save makes the next version).
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate } from "@mentoring/domain";
import { copyBuiltinTemplate, createCohort, loadTemplate } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loader as matchingPage,
  action as saveMatching,
} from "../app/routes/$tenant.programs.templates.$templateId_.matching";
import {
  action as saveSchedule,
  loader as schedulePage,
} from "../app/routes/$tenant.programs.templates.$templateId_.schedule";
import type { Services } from "../app/services/services.server";
import { browser, get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let tenantId = "";
let templateId = "";
const browsers = {} as Record<
  "coordinator" | "admin" | "participant" | "outsider" | "anonymous",
  Awaited<ReturnType<typeof browser>>
>;
let address = 0;
const from = () => `10.9.8.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  const membership = (where: object) =>
    db.withTenant(tenantId, (tx) => tx.membership.findFirstOrThrow({ where: { tenantId, ...where } }));
  const coordinator = await membership({ roles: { has: "coordinator" } });
  const admin = await membership({ roles: { has: "tenant_admin" }, NOT: { roles: { has: "coordinator" } } });
  const participant = await membership({ roles: { equals: ["participant"] } });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } }),
  );
  browsers.coordinator = await signedInBrowser(services, coordinator.userId);
  browsers.admin = await signedInBrowser(services, admin.userId);
  browsers.participant = await signedInBrowser(services, participant.userId);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
  browsers.anonymous = await browser(services);
  ({ templateId } = await db.withTenant(tenantId, (tx) =>
    copyBuiltinTemplate(tx, { tenantId, builtinKey: "reverse_mentoring", actorUserId: null }),
  ));
}, 120_000);

afterAll(() => database?.drop());

const params = () => ({ tenant: "gangneung", templateId });
const current = () => db.withTenant(tenantId, (tx) => loadTemplate(tx, tenantId, templateId));
const errorsOf = (body: unknown) => (body as { error: Record<string, string[]> }).error;

/** The calendar page's fields: one assignment, no calendar item, the notification days. */
const schedule = (month: string) => ({
  "assignments[0].title.ko": "활동 계획서",
  "assignments[0].month": month,
  "assignments[0].dueDay": "20",
  "notifications.assignmentReminderDays": "5",
  "notifications.silentTeamDays": "14",
});

describe("the calendar and assignments page", () => {
  const path = () => `/gangneung/programs/templates/${templateId}/schedule`;
  const open = (who: keyof typeof browsers) =>
    get(schedulePage, services, browsers[who], { path: path(), address: from(), params: params() });
  const save = (who: keyof typeof browsers, fields: Record<string, string>) =>
    post(saveSchedule, services, browsers[who], { path: path(), fields, address: from(), params: params() });

  it("shows a coordinator and an admin the template's assignments and its activity months", async () => {
    for (const who of ["coordinator", "admin"] as const) {
      const page = await open(who);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ activityMonths: 8, mayManage: who === "coordinator" });
    }
  });

  it("is not there for another city's coordinator (404) and refused to a participant (403)", async () => {
    expect((await open("outsider")).status).toBe(404);
    expect((await open("participant")).status).toBe(403);
    expect((await open("anonymous")).status).not.toBe(200);
  });

  it("refuses a save by an admin (403) and by another city's coordinator (404), saving nothing", async () => {
    const before = await current();
    expect((await save("admin", schedule("1"))).status).toBe(403);
    expect((await save("outsider", schedule("1"))).status).toBe(404);
    expect((await current()).definition).toEqual(before.definition);
  });

  it("refuses a month after the activities end at that month, in Korean, saving nothing", async () => {
    const before = await current();
    const refused = await save("coordinator", schedule("13"));
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)["assignments[0].month"]).toEqual([
      "과제 1 활동 달: 이 템플릿의 활동은 8번째 달까지입니다. 8 이하로 정하세요.",
    ]);
    expect((await current()).definition).toEqual(before.definition);
  });

  it("saves the assignments, the calendar and the notification days, keeping the rest", async () => {
    const before = await current();
    const saved = await save("coordinator", schedule("2"));
    expect(saved.body).toEqual({ version: 1, newVersion: false, changed: true });
    const after = (await current()).definition;
    expect(after.assignments).toEqual([{ title: { ko: "활동 계획서" }, month: 2, dueDay: 20 }]);
    expect(after.calendar).toEqual([]);
    expect(after.notifications).toEqual({ assignmentReminderDays: 5, silentTeamDays: 14 });
    expect({
      ...after,
      assignments: [],
      calendar: [],
      notifications: before.definition.notifications,
    }).toEqual({
      ...before.definition,
      assignments: [],
      calendar: [],
    });
  });
});

describe("the matching page", () => {
  const path = () => `/gangneung/programs/templates/${templateId}/matching`;
  const open = (who: keyof typeof browsers) =>
    get(matchingPage, services, browsers[who], { path: path(), address: from(), params: params() });
  const save = (who: keyof typeof browsers, fields: Record<string, string>) =>
    post(saveMatching, services, browsers[who], { path: path(), fields, address: from(), params: params() });
  const rules = (weight: string) => ({
    "matching.criteria[0].kind": "interest_overlap",
    "matching.criteria[0].weight": weight,
    "matching.criteria[0].question": "pre_survey.interests",
    "matching.differentDepartment": "on",
    "matching.departmentLevel": "bureau",
    "matching.noDirectSupervisor": "on",
  });

  it("shows the criteria, and the questions a criterion can be about", async () => {
    const page = await open("admin");
    expect(page.status).toBe(200);
    const body = page.body as { subjects: { interest: { value: string }[] }; mayManage: boolean };
    expect(body.subjects.interest.map((choice) => choice.value)).toContain("pre_survey.interests");
    expect(body.mayManage).toBe(false);
  });

  it("is not there for another city's coordinator (404) and refused to a participant (403)", async () => {
    expect((await open("outsider")).status).toBe(404);
    expect((await open("participant")).status).toBe(403);
  });

  it("refuses a save by an admin (403) and by another city's coordinator (404)", async () => {
    expect((await save("admin", rules("2"))).status).toBe(403);
    expect((await save("outsider", rules("2"))).status).toBe(404);
  });

  it("refuses a weight that is no number at its field, saving nothing", async () => {
    const before = await current();
    const refused = await save("coordinator", rules("abc"));
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)["matching.criteria[0].weight"]).toEqual([
      "기준 1 가중치: 숫자를 입력하세요",
    ]);
    expect((await current()).definition).toEqual(before.definition);
  });

  it("saves into a new version when a cohort runs on the current one, which stays as it was", async () => {
    const before = await current();
    // A cohort on the current version: it is in use from now on.
    await db.withTenant(tenantId, (tx) =>
      createCohort(tx, {
        tenantId,
        form: { templateId, recruitmentStart: "2027-03-02" },
        actorUserId: null,
        today: calendarDate("2027-01-04"),
      }),
    );
    const saved = await save("coordinator", rules("2"));
    expect(saved.body).toEqual({ version: before.currentVersion + 1, newVersion: true, changed: true });
    const after = await current();
    expect(after.definition.matching).toMatchObject({
      criteria: [{ kind: "interest_overlap", weight: 2, question: "pre_survey.interests" }],
      differentDepartment: true,
      departmentLevel: "bureau",
      mentorsFromDifferentDepartments: false,
      noDirectSupervisor: true,
    });
    const used = await db.withTenant(tenantId, (tx) =>
      tx.programTemplateVersion.findFirstOrThrow({
        where: { tenantId, templateId, version: before.currentVersion },
      }),
    );
    expect((used.definition as { matching: unknown }).matching).toEqual(before.definition.matching);
  });
});
