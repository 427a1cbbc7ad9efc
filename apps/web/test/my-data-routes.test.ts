// A person's own data, asked of the real routes against a seeded database: a participant opens "내 정보",
// downloads their JSON (their name, not a teammate's contact details) and PDF, asks for a correction, reads
// what withdrawing consent does and withdraws it once; the tenant admin resolves the correction. Someone of
// another city gets 404 everywhere and writes nothing; a participant gets 403 from the admins' list. Every
// tenant role holds own_data.manage, so the person's pages have no wrong role.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminPage from "../app/routes/$tenant.admin.correction-requests";
import * as myDataPage from "../app/routes/$tenant.my-data._index";
import * as consentPage from "../app/routes/$tenant.my-data.consent.$cohortId";
import * as exportFile from "../app/routes/$tenant.my-data.export.$format";
import type { Services } from "../app/services/services.server";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "", cohortId: "" };
const person = { name: "", staffId: "", teammatePhone: "", teammateEmployeeNumber: "" };
const browsers = {} as Record<
  "participant" | "admin" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let address = 0;
const from = () => `10.9.2.${++address}`;
const params = (extra: Record<string, string> = {}) => ({ tenant: city.slug, ...extra });

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    city.cohortId = cohort.id;
    // A participant with an account and a consented application, and another applicant of the cohort.
    const applications = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, consentAt: { not: null } },
      orderBy: { submittedAt: "asc" },
      select: {
        staffMemberId: true,
        staffMember: { select: { name: true, phone: true, employeeNumber: true } },
      },
    });
    let participant: string | null = null;
    for (const application of applications) {
      const member = await tx.membership.findFirst({
        where: { tenantId, staffMemberId: application.staffMemberId },
      });
      if (member && !participant) {
        participant = member.userId;
        person.name = application.staffMember.name;
        person.staffId = application.staffMemberId;
      } else if (participant && application.staffMember.phone) {
        person.teammatePhone = application.staffMember.phone;
        person.teammateEmployeeNumber = application.staffMember.employeeNumber;
        break;
      }
    }
    const admin = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "tenant_admin" } },
    });
    return { participant: participant as string, admin: admin.userId };
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "tenant_admin" } } }),
  );
  browsers.participant = await signedInBrowser(services, users.participant);
  browsers.admin = await signedInBrowser(services, users.admin);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 120_000);

afterAll(() => database?.drop());

const myData = (who: keyof typeof browsers) =>
  get(myDataPage.loader, services, browsers[who], {
    path: `/${city.slug}/my-data`,
    address: from(),
    params: params(),
  });
const download = (who: keyof typeof browsers, format: string) =>
  get(exportFile.loader, services, browsers[who], {
    path: `/${city.slug}/my-data/export/${format}`,
    address: from(),
    params: params({ format }),
  });
const consent = (who: keyof typeof browsers, cohortId = city.cohortId) =>
  get(consentPage.loader, services, browsers[who], {
    path: `/${city.slug}/my-data/consent/${cohortId}`,
    address: from(),
    params: params({ cohortId }),
  });
const withdraw = (who: keyof typeof browsers) =>
  post(consentPage.action, services, browsers[who], {
    path: `/${city.slug}/my-data/consent/${city.cohortId}`,
    fields: { intent: "withdraw" },
    address: from(),
    params: params({ cohortId: city.cohortId }),
  });
const askCorrection = (who: keyof typeof browsers) =>
  post(myDataPage.action, services, browsers[who], {
    path: `/${city.slug}/my-data`,
    fields: { intent: "correct", field: "position_title", requestedValue: "팀장", note: "11월 1일자 승진" },
    address: from(),
    params: params(),
  });
const adminList = (who: keyof typeof browsers) =>
  get(adminPage.loader, services, browsers[who], {
    path: `/${city.slug}/admin/correction-requests`,
    address: from(),
    params: params(),
  });
const resolve = (who: keyof typeof browsers, requestId: string) =>
  post(adminPage.action, services, browsers[who], {
    path: `/${city.slug}/admin/correction-requests`,
    fields: { intent: "applied", requestId },
    address: from(),
    params: params(),
  });
const corrections = () =>
  db.withTenant(city.tenantId, (tx) => tx.correctionRequest.findMany({ where: { tenantId: city.tenantId } }));

describe("a person's own data pages", () => {
  it("answers someone of another city 404 on every page and download, and stores nothing", async () => {
    expect((await myData("outsider")).status).toBe(404);
    expect((await askCorrection("outsider")).status).toBe(404);
    expect((await download("outsider", "json")).status).toBe(404);
    expect((await consent("outsider")).status).toBe(404);
    expect((await withdraw("outsider")).status).toBe(404);
    expect((await adminList("outsider")).status).toBe(404);
    expect(await corrections()).toEqual([]);
  });

  it("refuses the admins' list of corrections to a participant (403)", async () => {
    expect((await adminList("participant")).status).toBe(403);
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await resolve("participant", id)).status).toBe(403);
  });

  it("downloads the person's data as JSON and as PDF, their own and not a teammate's contact details", async () => {
    const json = (await download("participant", "json")).body as Response;
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("content-disposition")).toContain("attachment");
    const text = await json.text();
    const data = JSON.parse(text) as { person: { name: string }; rows: { applications: unknown[] } };
    expect(data.person.name).toBe(person.name);
    expect(data.rows.applications.length).toBeGreaterThan(0);
    expect(text).not.toContain(person.teammatePhone);
    expect(text).not.toContain(person.teammateEmployeeNumber);
    const pdf = (await download("participant", "pdf")).body as Response;
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    expect((await download("participant", "xml")).status).toBe(404);
  });

  it("sends a correction request once, which the tenant admin then marks corrected", async () => {
    const page = (await myData("participant")).body as { directory: { field: string; value: string }[] };
    expect(page.directory.map((row) => row.field)).toContain("position_title");
    const [first, second] = [await askCorrection("participant"), await askCorrection("participant")];
    expect([first.body, second.body]).toEqual([
      { outcome: "sent", field: "position_title" },
      { outcome: "already_pending", field: "position_title" },
    ]);
    const [request] = await corrections();
    const list = (await adminList("admin")).body as { pending: { id: string; name: string }[] };
    expect(list.pending).toEqual([expect.objectContaining({ id: request?.id, name: person.name })]);
    expect((await resolve("admin", request?.id as string)).body).toMatchObject({ outcome: "applied" });
    expect((await resolve("admin", request?.id as string)).status).toBe(409);
  });

  it("explains what withdrawing consent does, withdraws it once, and 404s a cohort that is not theirs", async () => {
    const page = (await consent("participant")).body as {
      effects: { withdrawsApplication: boolean };
      withdrawnAt: null;
    };
    expect(page).toMatchObject({ effects: { withdrawsApplication: true }, withdrawnAt: null });
    expect((await withdraw("participant")).body).toMatchObject({ outcome: "withdrawn" });
    expect((await withdraw("participant")).body).toMatchObject({ outcome: "already" });
    const after = (await consent("participant")).body as { withdrawnAt: string | null };
    expect(after.withdrawnAt).not.toBeNull();
    // Another city's cohort, and one that does not exist: not the person's.
    const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
    const other = await db.withTenant(yongin, (tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId: yongin } }),
    );
    expect((await consent("participant", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await consent("participant", other.id)).status).toBe(404);
  });
});
