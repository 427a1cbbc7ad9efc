// The retention pages and the public privacy policy against a real database, called as Remix would call
// them: the privacy officer sees what the purge would do (an admin without that role 403, another city's
// admin 404); an admin changes a period (a value out of bounds is refused with a translated message naming
// the field and its bound, and nothing is stored), audited; the privacy officer 403 there; the policy is
// public, shows the new period and the officer, and an unknown organisation is 404.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as preview } from "../app/routes/$tenant.admin.privacy.retention";
import {
  loader as periodsPage,
  action as savePeriods,
} from "../app/routes/$tenant.admin.settings_.retention";
import { loader as policyPage } from "../app/routes/$tenant_.privacy";
import type { Services } from "../app/services/services.server";
import { browser, get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "" };
const browsers = {} as Record<
  "admin" | "officer" | "outsider" | "anonymous",
  Awaited<ReturnType<typeof browser>>
>;
let officerName = "";
let address = 0;
const from = () => `10.9.2.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    const admin = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "tenant_admin" } },
    });
    // A staff member with no account yet: the officer's directory entry.
    const staff = await tx.staffMember.findFirstOrThrow({
      where: { tenantId, active: true, email: { not: null }, memberships: { none: {} } },
    });
    officerName = staff.name;
    const user = await tx.user.create({
      data: { email: "privacy-officer@gangneung.example.kr", displayName: staff.name },
    });
    await tx.membership.create({
      data: { tenantId, userId: user.id, roles: ["privacy_officer"], staffMemberId: staff.id },
    });
    return { admin: admin.userId, officer: user.id };
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "tenant_admin" } } }),
  );
  browsers.admin = await signedInBrowser(services, users.admin);
  browsers.officer = await signedInBrowser(services, users.officer);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
  browsers.anonymous = await browser(services);
}, 120_000);

afterAll(() => database?.drop());

const params = { tenant: city.slug };
const stored = () =>
  db.platform.tenant.findUniqueOrThrow({ where: { id: city.tenantId }, select: { retentionMonths: true } });
const audits = () =>
  db.withTenant(city.tenantId, (tx) =>
    tx.auditLog.findMany({ where: { action: "tenant.retention.update" } }),
  );
const periods = {
  unselected_applications: "6",
  survey_answers: "36",
  program_records: "36",
  notifications: "12",
  inactive_staff: "12",
  directory_imports: "3",
};

describe("the privacy officer's retention preview", () => {
  const open = (who: keyof typeof browsers) =>
    get(preview, services, browsers[who], {
      path: "/gangneung/admin/privacy/retention",
      address: from(),
      params,
    });

  it("shows the privacy officer what is due per kind and per table, and the periods", async () => {
    const page = await open("officer");
    expect(page.status).toBe(200);
    const body = page.body as { kinds: { kind: string }[]; periods: { kind: string; months: number }[] };
    expect(body.kinds.map((kind) => kind.kind)).toContain("program_records");
    expect(body.periods.find((period) => period.kind === "survey_answers")?.months).toBe(36);
  });

  it("refuses an admin without the privacy officer's role (403) and another city's admin (404)", async () => {
    expect((await open("admin")).status).toBe(403);
    expect((await open("outsider")).status).toBe(404);
    expect((await open("anonymous")).status).not.toBe(200);
  });
});

describe("the retention periods an admin sets", () => {
  const path = "/gangneung/admin/settings/retention";
  const save = (who: keyof typeof browsers, fields: Record<string, string>) =>
    post(savePeriods, services, browsers[who], { path, fields, address: from(), params });

  it("refuses the privacy officer (403) and another city's admin (404), storing nothing", async () => {
    expect(
      (await get(periodsPage, services, browsers.officer, { path, address: from(), params })).status,
    ).toBe(403);
    expect(
      (await get(periodsPage, services, browsers.outsider, { path, address: from(), params })).status,
    ).toBe(404);
    expect((await save("officer", { ...periods, survey_answers: "24" })).status).toBe(403);
    expect((await save("outsider", { ...periods, survey_answers: "24" })).status).toBe(404);
    expect((await stored()).retentionMonths).toEqual({});
  });

  it("refuses a period out of bounds with a translated message naming the field and the bound, changing nothing", async () => {
    const refused = await save("admin", { ...periods, survey_answers: "6" });
    expect(refused.status).toBe(400);
    const errors = (refused.body as { error: Record<string, string[]> }).error;
    expect(errors.survey_answers).toEqual(["설문·진단 응답 보존기간(개월): 12 이상이어야 합니다"]);
    const tooLong = await save("admin", { ...periods, program_records: "121" });
    expect((tooLong.body as { error: Record<string, string[]> }).error.program_records?.[0]).toContain("120");
    expect((await stored()).retentionMonths).toEqual({});
    expect(await audits()).toEqual([]);
  });

  it("saves a period within bounds, audited, and the public privacy policy shows it", async () => {
    const saved = await save("admin", { ...periods, survey_answers: "24" });
    expect(saved.body).toEqual({ saved: true });
    expect((await stored()).retentionMonths).toMatchObject({ survey_answers: 24, program_records: 36 });
    const [audit] = await audits();
    expect(audit?.before).toMatchObject({ survey_answers: 36 });
    expect(audit?.after).toMatchObject({ survey_answers: 24 });

    const policy = await get(policyPage, services, browsers.anonymous, {
      path: "/gangneung/privacy",
      address: from(),
      params,
    });
    expect(policy.status).toBe(200);
    const body = policy.body as {
      name: string;
      periods: { kind: string; period: string }[];
      officers: { name: string }[];
    };
    expect(body.name).toBe("강릉시");
    expect(body.periods.find((period) => period.kind === "survey_answers")?.period).toBe("24개월");
    expect(body.officers.map((officer) => officer.name)).toEqual([officerName]);
  });
});

describe("the public privacy policy", () => {
  it("is not found for an address that is no organisation's", async () => {
    const missing = await get(policyPage, services, browsers.anonymous, {
      path: "/nowhere/privacy",
      address: from(),
      params: { tenant: "nowhere" },
    });
    expect(missing.status).toBe(404);
  });
});
