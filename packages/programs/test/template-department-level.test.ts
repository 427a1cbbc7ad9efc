import type { TenantDb } from "@mentoring/db";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { isAppError, type TemplateDefinition } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBuiltinTemplate, loadTemplate, saveTemplate } from "../src/templates";

// A template compares departments at a division or bureau level only where the tenant's tree has one.

let database: TestDatabase;
let tenantId = "";

const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => database.db.withTenant(tenantId, work);

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.db.platform.tenant.create({
    data: {
      slug: "samcheok",
      name: "삼척시",
      kind: "basic_government",
      region: "강원특별자치도",
      status: "active",
    },
  });
  tenantId = tenant.id;
  // The city and its bureaus only: no division has been placed under a bureau yet.
  await inCity(async (tx) => {
    const city = await tx.department.create({ data: { tenantId, code: "city", name: "삼척시" } });
    for (const [code, name] of [
      ["planning", "기획조정실"],
      ["welfare", "복지국"],
    ]) {
      await tx.department.create({
        data: { tenantId, code: code as string, name: name as string, parentId: city.id },
      });
    }
  });
});

afterAll(() => database?.drop());

async function reverseTemplate(): Promise<{ templateId: string; definition: TemplateDefinition }> {
  const { templateId } = await inCity((tx) =>
    copyBuiltinTemplate(tx, { tenantId, builtinKey: "reverse_mentoring", actorUserId: null }),
  );
  const { definition } = await inCity((tx) => loadTemplate(tx, tenantId, templateId));
  return { templateId, definition };
}

/** The fields a refused save names with their messages, or the result of a save that went through. */
const attempt = (templateId: string, definition: TemplateDefinition) =>
  inCity((tx) => saveTemplate(tx, { tenantId, templateId, definition, actorUserId: null })).then(
    (result) => result,
    (error: unknown) => {
      if (!isAppError(error, "input.invalid")) throw error;
      return (error.details.fields ?? []).map((field) => [field.path, field.message]);
    },
  );

describe("saving a template's department level", () => {
  it("refuses the division level where no department sits under a bureau, naming the field", async () => {
    const { templateId, definition } = await reverseTemplate();
    definition.matching.departmentLevel = "division";
    expect(await attempt(templateId, definition)).toEqual([
      ["matching.departmentLevel", "programs.issue.noDivisionLevel"],
    ]);
    const stored = await inCity((tx) => loadTemplate(tx, tenantId, templateId));
    expect(stored.definition.matching.departmentLevel).toBe("bureau");
  });

  it("saves the bureau and team levels, which the tree has", async () => {
    const { templateId, definition } = await reverseTemplate();
    definition.matching.departmentLevel = "team";
    expect(await attempt(templateId, definition)).toMatchObject({ changed: true });
    definition.matching.departmentLevel = "bureau";
    expect(await attempt(templateId, definition)).toMatchObject({ changed: true });
  });

  it("saves the division level once a division is placed under a bureau", async () => {
    await inCity(async (tx) => {
      const welfare = await tx.department.findFirstOrThrow({ where: { tenantId, code: "welfare" } });
      await tx.department.create({
        data: { tenantId, code: "elderly", name: "노인복지과", parentId: welfare.id },
      });
    });
    const { templateId, definition } = await reverseTemplate();
    definition.matching.departmentLevel = "division";
    expect(await attempt(templateId, definition)).toMatchObject({ changed: true });
  });
});
