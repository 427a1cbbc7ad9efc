// The matching review page grows with the cohort, not with its square: the whole document (markup,
// hydration data) of a reviewed run of 400 people is at most 12 times that of 40, and 40 people's page
// stays small enough for a phone on a slow line. Cohorts of reverse mentoring (teams of 3 juniors and
// 1 manager), built through the use cases the pages call and solved by the engine, in a fresh database.
import { gzipSync } from "node:zlib";
import { buildDirectory, gangneungSeed, type SeedStaffMember } from "@mentoring/db/seed";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { builtinTemplate } from "@mentoring/domain";
import { copyBuiltinTemplate, runMatching, saveTemplate, startMatchingRun } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tenantLayout from "../app/routes/$tenant";
import * as cohortMatching from "../app/routes/$tenant.programs.cohorts.$cohortId.matching";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";
import { createCohortFor } from "../e2e/factories/cohorts";
import { createTenant } from "../e2e/factories/tenants";
import { documentHandler } from "./render-document";
import { browser, testServices } from "./requests";

const AS_OF = "2025-01-22";
const KB = 1024;

let testDb: TestDatabase;
let services: Services;

const render = documentHandler([
  { id: "routes/$tenant", path: ":tenant", module: tenantLayout },
  {
    id: "routes/$tenant.programs.cohorts.$cohortId.matching",
    path: "programs/cohorts/:cohortId/matching",
    module: cohortMatching,
  },
]);

/**
 * A city with `teams` managers (과장, one per division) and three juniors (9급, hired within three years)
 * per manager, spread over the divisions, and a coordinator.
 */
function directoryFor(teams: number, slug: string) {
  // Gangneung's division names, numbered past its own count, so that lines are as long as a city's.
  const names = gangneungSeed()
    .departments.filter((department) => department.name.endsWith("과"))
    .map((department) => department.name);
  const divisions = Array.from({ length: teams }, (_, index) => ({
    code: `division-${index + 1}`,
    name: `${names[index % names.length]}${index < names.length ? "" : ` ${Math.floor(index / names.length) + 1}`}`,
    parentCode: "city",
  }));
  const divisionAt = (index: number) => divisions[index % divisions.length]?.code ?? "city";
  return buildDirectory({
    slug,
    name: `${slug}시`,
    nameEn: `${slug} City`,
    kind: "basic_government",
    region: "강원특별자치도",
    asOf: AS_OF,
    employeeNumberPrefix: "S",
    emailDomain: `${slug}.example.kr`,
    phoneOffset: 0,
    departments: [{ code: "city", name: `${slug}시`, parentCode: null }, ...divisions],
    slots: [
      { departmentCode: "city", positionTitle: "주무관", grade: 7, hire: { years: [8, 12] } },
      ...divisions.map((division) => ({
        departmentCode: division.code,
        positionTitle: "과장",
        grade: 5,
        hire: { years: [20, 26] as const },
        entryAge: [22, 28] as const,
      })),
      ...Array.from({ length: teams * 3 }, (_, index) => ({
        departmentCode: divisionAt(index + 1),
        positionTitle: "주무관",
        grade: 9,
        hire: { years: [0, 3] as const },
      })),
    ],
  });
}

/** A cohort of `teams` × 4 people, matched by the engine; the address of its review page and a session. */
async function reviewedCohort(teams: number) {
  const { db } = testDb;
  const slug = `size${teams}`;
  const directory = directoryFor(teams, slug);
  const coordinator = directory.staff.find((person) => person.departmentCode === "city") as SeedStaffMember;
  const city = await createTenant(db, {
    like: directory,
    accounts: [{ person: coordinator, roles: ["coordinator"] }],
  });
  const actorUserId = city.userId(coordinator);
  // The tenant's copy of the template, its quotas raised to the cohort's size before the cohort is made.
  await db.withTenant(city.id, async (tx) => {
    const { templateId } = await copyBuiltinTemplate(tx, {
      tenantId: city.id,
      builtinKey: "reverse_mentoring",
      actorUserId,
    });
    const definition = builtinTemplate("reverse_mentoring");
    await saveTemplate(tx, {
      tenantId: city.id,
      templateId,
      actorUserId,
      definition: {
        ...definition,
        roles: {
          mentor: { ...definition.roles.mentor, quota: teams * 3 },
          mentee: { ...definition.roles.mentee, quota: teams },
        },
      },
    });
  });
  const applicants = directory.staff
    .filter((person) => person !== coordinator)
    .map((person) => ({
      person: city.staff(person),
      role: person.positionTitle === "과장" ? ("mentee" as const) : ("mentor" as const),
    }));
  const cohort = await createCohortFor(db, city, {
    template: "reverse_mentoring",
    recruitmentStart: AS_OF,
    phase: "matching",
    applicants,
    override: "페이지 크기 시험",
    actorUserId,
    appUrl: "http://127.0.0.1",
  });
  const acting = { tenantId: city.id, cohortId: cohort.id, actorUserId };
  const { runId } = await db.withTenant(city.id, (tx) => startMatchingRun(tx, acting));
  await runMatching(db, { tenantId: city.id, runId });
  const session = (await startSession(services, actorUserId)).split(";")[0];
  const { cookie } = await browser(services, "ko");
  return {
    url: `http://127.0.0.1/${city.slug}/programs/cohorts/${cohort.id}/matching?run=${runId}`,
    cookie: `${session}; ${cookie}`,
  };
}

async function pageSize(teams: number) {
  const { url, cookie } = await reviewedCohort(teams);
  const { status, html } = await render(services, url, cookie);
  expect(status).toBe(200);
  // The run is reviewed with its edit controls: every team is there, and every person can be moved.
  expect(html.match(/data-testid="team-card"/g)?.length).toBe(teams);
  expect(html.match(/data-testid="team-member"/g)?.length).toBe(teams * 4);
  expect(html.match(/class="member-edit" aria-haspopup="dialog"/g)?.length).toBe(teams * 4);
  const bytes = Buffer.byteLength(html);
  return { bytes, gzipped: gzipSync(html).length };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ services } = await testServices(testDb.db));
});

afterAll(async () => {
  await services?.close();
  await testDb?.drop();
});

describe("the matching review page's size", () => {
  it("is under 72 KB for 40 people and grows linearly: 400 people's page at most 12 times as large", async () => {
    const small = await pageSize(10);
    const large = await pageSize(100);
    console.info(
      `matching review: 40 people ${small.bytes} B (${small.gzipped} B gzipped), 400 people ${large.bytes} B (${large.gzipped} B gzipped)`,
    );
    // 60 KB until the page said the template's rules, each pair's points and whom to exclude (70 KB then,
    // 12.6 KB gzipped); the pairs' data could be sent more compactly (by place, not by ids).
    expect(small.bytes).toBeLessThan(72 * KB);
    expect(large.bytes / small.bytes).toBeLessThanOrEqual(12);
  }, 240_000);
});
