// A cross-department template's matching page, called as Remix calls it against a real database: the page
// offers the tenant's divisions for the pairs, a coordinator's pair of two divisions is saved, and a pair
// naming one division twice is refused at its second select with nothing saved.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { DepartmentTree } from "@mentoring/domain";
import { copyBuiltinTemplate, loadTemplate } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loader as matchingPage,
  action as saveMatching,
} from "../app/routes/$tenant.programs.templates.$templateId_.matching";
import type { Services } from "../app/services/services.server";
import { matchingFormValues } from "../app/services/template-matching-form";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let tenantId = "";
let templateId = "";
let coordinator: Awaited<ReturnType<typeof signedInBrowser>>;
let divisions: string[] = [];
let address = 0;
const from = () => `10.9.8.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  const membership = await db.withTenant(tenantId, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } }),
  );
  coordinator = await signedInBrowser(services, membership.userId);
  await db.withTenant(tenantId, async (tx) => {
    templateId = (
      await copyBuiltinTemplate(tx, {
        tenantId,
        builtinKey: "cross_department_communication",
        actorUserId: membership.userId,
      })
    ).templateId;
    const departments = await tx.department.findMany({
      where: { tenantId },
      select: { id: true, parentId: true, code: true },
    });
    const tree = new DepartmentTree(departments);
    divisions = departments.filter((d) => tree.depthOf(d.id) === 2).map((d) => d.code);
  });
});

afterAll(() => database?.drop());

const params = () => ({ tenant: "gangneung", templateId });
const path = () => `/gangneung/programs/templates/${templateId}/matching`;
const current = () => db.withTenant(tenantId, (tx) => loadTemplate(tx, tenantId, templateId));

function formFields(value: unknown, prefix: string): Record<string, string> {
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => formFields(item, `${prefix}[${index}]`)));
  if (typeof value === "object" && value !== null)
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => formFields(inner, prefix ? `${prefix}.${key}` : key)),
    );
  return value === "" || value === undefined ? {} : { [prefix]: String(value) };
}

const save = async (first: string, second: string) =>
  post(saveMatching, services, coordinator, {
    path: path(),
    fields: {
      ...formFields(matchingFormValues((await current()).definition), ""),
      "matching.departmentPairs[0].first": first,
      "matching.departmentPairs[0].second": second,
    },
    address: from(),
    params: params(),
  });

describe("the department pairs of a cross-department template's matching page", () => {
  it("offers the organisation's divisions, at the template's division level", async () => {
    const page = await get(matchingPage, services, coordinator, {
      path: path(),
      address: from(),
      params: params(),
    });
    expect(page.status).toBe(200);
    const choices = (page.body as { pairDepartments: { value: string }[] }).pairDepartments.map(
      (c) => c.value,
    );
    expect(divisions.length).toBeGreaterThan(1);
    for (const code of divisions) expect(choices).toContain(code);
  });

  it("refuses one division twice at the pair's second select, saving nothing, and saves two divisions", async () => {
    const [a, b] = divisions as [string, string];
    const refused = await save(a, a);
    expect(refused.status).toBe(400);
    const errors = (refused.body as { error: Record<string, string[]> }).error;
    expect(errors["matching.departmentPairs[0].second"]).toEqual([
      "부서 짝 1의 둘째 부서: 서로 다른 두 부서를 고르세요",
    ]);
    expect((await current()).definition.matching.departmentPairs).toEqual([]);

    expect((await save(a, b)).status).toBeLessThan(400);
    expect((await current()).definition.matching.departmentPairs).toEqual([{ first: a, second: b }]);
  });
});
