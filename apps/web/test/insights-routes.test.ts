// National insights' pages against a real database, called as Remix would call them: the analyst sees the
// comparison, its CSV and the methodology and no organisation's page; the operator manages analysts and is
// refused the insights (403); an organisation's admin opts in from the settings and compares with the
// nation; members without the permission get 403 and everyone else 404.
import type { Database } from "@mentoring/db";
import {
  createSeededTestDatabase,
  publishInsightFixture,
  type SeededTestDatabase,
  sampleInsightCohorts,
} from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as tenantHome } from "../app/routes/$tenant._index";
import { loader as tenantAdminInsights } from "../app/routes/$tenant.admin.insights";
import { action as settingsAction, loader as settingsPage } from "../app/routes/$tenant.admin.settings";
import { loader as programsPage } from "../app/routes/$tenant.programs._index";
import { loader as insightsPage } from "../app/routes/insights._index";
import { loader as insightsExport } from "../app/routes/insights.export";
import { loader as methodologyPage } from "../app/routes/insights.methodology";
import { action as analystsAction, loader as analystsPage } from "../app/routes/platform.analysts";
import { closeInsightsReaders } from "../app/services/insights-reader.server";
import type { Services } from "../app/services/services.server";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const who = {} as Record<
  "analyst" | "operator" | "admin" | "participant" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let gangneung = "";
let address = 0;
const from = () => `10.9.7.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db, { DATABASE_INSIGHTS_URL: database.urls.insights });
  const tenant = (slug: string) => db.platform.tenant.findUniqueOrThrow({ where: { slug } });
  const yongin = await tenant("yongin");
  gangneung = (await tenant("gangneung")).id;
  const others = [];
  for (let i = 1; i <= 5; i++) {
    others.push(
      await db.platform.tenant.create({
        data: {
          slug: `insights-city-${i}`,
          name: `통계시 ${i}`,
          kind: "basic_government",
          region: "충청북도",
        },
      }),
    );
  }
  const metropolitan = await db.platform.tenant.create({
    data: { slug: "insights-province", name: "통계도", kind: "metropolitan_government", region: "전라남도" },
  });
  const fixtureTenants = [...others, metropolitan, yongin, { ...(await tenant("gangneung")) }].map((row) => ({
    tenantId: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    named: row.slug === "yongin",
  }));
  await publishInsightFixture(db, { cohorts: sampleInsightCohorts(fixtureTenants) });

  const user = (email: string, platformRole: "operator" | "insights_analyst") =>
    db.platform.user.create({ data: { email, displayName: email.split("@")[0] as string, platformRole } });
  const member = async (tenantId: string, roles: string[]) =>
    (
      await db.withTenant(tenantId, (tx) =>
        tx.membership.findFirstOrThrow({ where: { tenantId, roles: { equals: roles as never } } }),
      )
    ).userId;
  const yonginCoordinator = await db.withTenant(yongin.id, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin.id, roles: { has: "coordinator" } } }),
  );
  const admin = await db.withTenant(gangneung, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: gangneung, roles: { has: "tenant_admin" } } }),
  );
  who.analyst = await signedInBrowser(
    services,
    (await user("insights-analyst@mois.example.kr", "insights_analyst")).id,
  );
  who.operator = await signedInBrowser(
    services,
    (await user("insights-operator@platform.example.kr", "operator")).id,
  );
  who.admin = await signedInBrowser(services, admin.userId);
  who.participant = await signedInBrowser(services, await member(gangneung, ["participant"]));
  who.outsider = await signedInBrowser(services, yonginCoordinator.userId);
}, 120_000);

afterAll(async () => {
  await closeInsightsReaders();
  await database?.drop();
});

const open = (
  loader: Parameters<typeof get>[0],
  as: keyof typeof who,
  path: string,
  params: Record<string, string> = {},
) => get(loader, services, who[as], { path, address: from(), params });

interface InsightsData {
  page: {
    groups: { key: string; label: string; n: string; suppressed: string; median: string | null }[];
    named: { organisation: string; value: string }[];
  } | null;
}

describe("the national insights pages", () => {
  it("show the analyst each program kind's distribution of completion, the named city only by name", async () => {
    const answer = await open(insightsPage, "analyst", "/insights?metric=completion_rate&by=program_kind");
    expect(answer.status).toBe(200);
    const { page } = answer.body as InsightsData;
    // 8 organisations, one reverse cohort each in 2025 (0.70 … 0.91) and one standard in 2026 (0.80 … 0.94).
    expect(page?.groups.map((group) => [group.label, group.n, group.median])).toEqual([
      ["역멘토링", "8", "80.5%"],
      ["멘토링", "8", "87%"],
    ]);
    expect(page?.named.map((row) => row.organisation)).toEqual(["용인특례시", "용인특례시"]);
  });

  it("leave out suppressed cells and hide the distribution of a group with fewer than 3 cohorts", async () => {
    const answer = await open(
      insightsPage,
      "analyst",
      "/insights?metric=satisfaction&by=government_type&cohortYear=2026",
    );
    const { page } = answer.body as InsightsData;
    // 2026 satisfaction is suppressed for the 1st, 4th and 7th organisation (Yongin): 4 of the 7 basic
    // governments are shown; the one province's figure stands alone, so its distribution is not shown.
    expect(page?.groups.map((group) => [group.key, group.n, group.suppressed, group.median])).toEqual([
      ["basic_government", "4", "3", "4.2"],
      ["metropolitan_government", "1", "0", null],
    ]);
  });

  it("export exactly the distribution shown as CSV, with a byte-order mark", async () => {
    const answer = await open(
      insightsExport,
      "analyst",
      "/insights/export?metric=completion_rate&by=program_kind",
    );
    expect(answer.status).toBe(200);
    const response = answer.body as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines).toContain("역멘토링,8,75.3%,80.5%,85.7%,0");
    expect(lines).toContain("멘토링,8,83.5%,87%,90.5%,0");
    expect(lines.filter((line) => line.startsWith("용인특례시,"))).toHaveLength(2);
  });

  it("refuse the operator (403) and a member of an organisation (404), the methodology too", async () => {
    for (const loader of [insightsPage, insightsExport, methodologyPage]) {
      expect((await open(loader, "operator", "/insights")).status).toBe(403);
      expect((await open(loader, "admin", "/insights")).status).toBe(404);
    }
    expect((await open(methodologyPage, "analyst", "/insights/methodology")).status).toBe(200);
  });

  it("leave every organisation's pages to its members: the analyst gets 404 on each", async () => {
    const params = { tenant: "gangneung" };
    expect((await open(tenantHome, "analyst", "/gangneung", params)).status).toBe(404);
    expect((await open(settingsPage, "analyst", "/gangneung/admin/settings", params)).status).toBe(404);
    expect((await open(programsPage, "analyst", "/gangneung/programs", params)).status).toBe(404);
    expect((await open(tenantAdminInsights, "analyst", "/gangneung/admin/insights", params)).status).toBe(
      404,
    );
  });
});

describe("the operator's analysts page", () => {
  it("creates an analyst for the operator alone: 403 to an analyst, 404 to a member", async () => {
    const fields = {
      intent: "create",
      name: "정분석",
      email: "jeong@kihoe.example.kr",
      agency: "지방자치인재개발원",
    };
    const path = "/platform/analysts";
    expect(
      (await post(analystsAction, services, who.analyst, { path, fields, address: from() })).status,
    ).toBe(403);
    expect((await post(analystsAction, services, who.admin, { path, fields, address: from() })).status).toBe(
      404,
    );
    expect(await db.platform.user.count({ where: { email: fields.email } })).toBe(0);
    const created = await post(analystsAction, services, who.operator, { path, fields, address: from() });
    expect(created.body).toEqual({ outcome: "created", email: fields.email });
    const listed = (await open(analystsPage, "operator", path)).body as {
      analysts: { email: string; status: string }[];
    };
    expect(listed.analysts).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: fields.email, status: "invited" })]),
    );
    expect((await open(analystsPage, "analyst", path)).status).toBe(403);
    expect((await open(analystsPage, "admin", path)).status).toBe(404);
  });
});

describe("an organisation's comparison with the nation", () => {
  const params = { tenant: "gangneung" };
  const path = "/gangneung/admin/insights";

  it("says the organisation does not share until its admin opts in from the settings", async () => {
    const before = (await open(tenantAdminInsights, "admin", path, params)).body as { optedIn: boolean };
    expect(before.optedIn).toBe(false);
    const refused = await post(settingsAction, services, who.participant, {
      path: "/gangneung/admin/settings",
      fields: { intent: "insights", choice: "opt_in" },
      address: from(),
      params,
    });
    expect(refused.status).toBe(403);
    const opted = await post(settingsAction, services, who.admin, {
      path: "/gangneung/admin/settings",
      fields: { intent: "insights", choice: "opt_in" },
      address: from(),
      params,
    });
    expect(opted.body).toEqual({ saved: true, insights: "opt_in" });
    const after = (await open(tenantAdminInsights, "admin", path, params)).body as {
      comparison: { summary: { metric: string; sentence: string | null }[] };
    };
    const completion = after.comparison.summary.find((row) => row.metric === "completion_rate");
    expect(completion?.sentence).toBe("수료율이 기초자치단체 중 상위 25%에 속합니다.");
  });

  it("refuses a participant (403) and another city's coordinator (404)", async () => {
    expect((await open(tenantAdminInsights, "participant", path, params)).status).toBe(403);
    expect((await open(tenantAdminInsights, "outsider", path, params)).status).toBe(404);
  });
});
