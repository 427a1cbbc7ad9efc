// A cohort's final report page and its downloads against a real database, called as Remix would call
// them: the coordinator starts the report once however often it is pressed, sees it under way, and once the
// worker's part has run downloads its PDF and workbook; a participant gets 403, another city's coordinator
// 404, and a file not made yet is not found.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { generateCohortReport } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../app/routes/$tenant.programs.cohorts.$cohortId.report";
import { loader as download } from "../app/routes/$tenant.programs.cohorts.$cohortId.report.$runId.$format";
import type { Services } from "../app/services/services.server";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let storageDir: string;
const city = { slug: "gangneung", tenantId: "", cohortId: "" };
const browsers = {} as Record<
  "coordinator" | "participant" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let address = 0;
const from = () => `10.9.1.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  storageDir = mkdtempSync(path.join(os.tmpdir(), "report-routes-"));
  services = servicesWithoutRedis(db, { STORAGE_DIR: storageDir });
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    city.cohortId = (
      await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } })
    ).id;
    const member = (roles: string[]) =>
      tx.membership.findFirstOrThrow({ where: { tenantId, roles: { equals: roles as never } } });
    return {
      coordinator: (
        await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
      ).userId,
      participant: (await member(["participant"])).userId,
    };
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } }),
  );
  browsers.coordinator = await signedInBrowser(services, users.coordinator);
  browsers.participant = await signedInBrowser(services, users.participant);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 120_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

const pagePath = () => `/${city.slug}/programs/cohorts/${city.cohortId}/report`;
const params = () => ({ tenant: city.slug, cohortId: city.cohortId });
const open = (who: keyof typeof browsers) =>
  get(loader, services, browsers[who], { path: pagePath(), address: from(), params: params() });
const press = (who: keyof typeof browsers) =>
  post(action, services, browsers[who], {
    path: pagePath(),
    fields: { intent: "start" },
    address: from(),
    params: params(),
  });
const fetchFile = (who: keyof typeof browsers, runId: string, format: string) =>
  get(download, services, browsers[who], {
    path: `${pagePath()}/${runId}/${format}`,
    address: from(),
    params: { ...params(), runId, format },
  });
const runs = () =>
  db.withTenant(city.tenantId, (tx) => tx.cohortReportRun.findMany({ where: { tenantId: city.tenantId } }));

interface PageData {
  run: { id: string; status: string; progress: number; files: { pdf: string; xlsx: string } | null } | null;
}

describe("the cohort's final report page", () => {
  it("refuses a participant (403) and another city's coordinator (404), storing nothing", async () => {
    expect((await open("participant")).status).toBe(403);
    expect((await press("participant")).status).toBe(403);
    expect((await open("outsider")).status).toBe(404);
    expect((await press("outsider")).status).toBe(404);
    expect(await runs()).toEqual([]);
  });

  it("starts the report once, shows it under way, and offers its files once made", async () => {
    expect(((await open("coordinator")).body as PageData).run).toBeNull();
    const [one, two] = [await press("coordinator"), await press("coordinator")];
    expect([one.body, two.body]).toEqual([{ outcome: "started" }, { outcome: "under_way" }]);
    const [run] = await runs();
    const runId = run?.id as string;
    expect(await runs()).toHaveLength(1);
    const jobs = await db.platform.outboxEvent.count({ where: { jobName: "reports.cohort-report" } });
    expect(jobs).toBe(1);
    const underWay = (await open("coordinator")).body as PageData;
    expect(underWay.run).toMatchObject({ id: runId, status: "generating", progress: 0, files: null });
    // Not made yet: the file is not found.
    expect((await fetchFile("coordinator", runId, "pdf")).status).toBe(404);

    await generateCohortReport(db, { tenantId: city.tenantId, runId, storageDir, now: new Date() });
    const ready = (await open("coordinator")).body as PageData;
    expect(ready.run).toMatchObject({
      status: "ready",
      progress: 100,
      files: { pdf: `${pagePath()}/${runId}/pdf`, xlsx: `${pagePath()}/${runId}/xlsx` },
    });

    const pdf = await fetchFile("coordinator", runId, "pdf");
    expect(pdf.status).toBe(200);
    const response = pdf.body as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("결과보고서.pdf"));
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const xlsx = (await fetchFile("coordinator", runId, "xlsx")).body as Response;
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    // Another city's coordinator, a participant, an unknown format: nothing.
    expect((await fetchFile("outsider", runId, "pdf")).status).toBe(404);
    expect((await fetchFile("participant", runId, "pdf")).status).toBe(403);
    expect((await fetchFile("coordinator", runId, "docx")).status).toBe(404);

    // Pressed again with nothing changed: the same report, no new run.
    expect((await press("coordinator")).body).toEqual({ outcome: "unchanged" });
    expect(await runs()).toHaveLength(1);
  });
});
