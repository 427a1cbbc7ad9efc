// Creating a template from nothing (no built-in to copy), against a real database: a blank definition of
// the kind chosen as version 1, audited; a bad name refused naming the field, nothing written; the new
// template saves like any other and is the tenant's own.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTemplate, listTemplates, loadTemplate, saveTemplate } from "../src/templates";

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let yongin: string;
let coordinatorUserId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const city = database.seeded.find((summary) => summary.slug === "gangneung");
  gangneung = city?.tenantId as string;
  yongin = database.seeded.find((summary) => summary.slug === "yongin")?.tenantId as string;
  const coordinator = city?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
});

afterAll(() => database?.drop());

const create = (kind: string, name: string) =>
  db.withTenant(gangneung, (tx) =>
    createTemplate(tx, {
      tenantId: gangneung,
      kind,
      name,
      actorUserId: coordinatorUserId,
      requestId: "req-new",
    }),
  );

const templateCount = () =>
  db.withTenant(gangneung, async (tx) => (await listTemplates(tx, { tenantId: gangneung })).length);

describe("creating a blank template", () => {
  it("makes version 1 of a 1:1 template of the kind chosen, with no questions, audited", async () => {
    const { templateId } = await create("reverse", "  우리 시 역멘토링 ");
    const template = await db.withTenant(gangneung, (tx) => loadTemplate(tx, gangneung, templateId));
    expect(template.name).toBe("우리 시 역멘토링");
    expect(template.currentVersion).toBe(1);
    expect(template.currentVersionInUse).toBe(false);
    expect(template.definition.kind).toBe("reverse");
    expect(template.definition.teamShape).toEqual({
      mentors: { min: 1, max: 1 },
      mentees: { min: 1, max: 1 },
    });
    expect(template.definition.roles.mentor.eligibility).toEqual({});
    expect(template.definition.questionSets).toEqual([]);

    const audits = await db.withTenant(gangneung, (tx) =>
      tx.auditLog.findMany({ where: { tenantId: gangneung, entityId: templateId } }),
    );
    expect(audits.map((row) => [row.action, row.actorUserId, row.requestId])).toEqual([
      ["program_template.create", coordinatorUserId, "req-new"],
    ]);
    expect(audits[0]?.after).toMatchObject({ name: "우리 시 역멘토링", kind: "reverse", version: 1 });
  });

  it("refuses an empty name or an unknown kind, naming the field, and writes nothing", async () => {
    const before = await templateCount();
    const refusedPaths = (attempt: Promise<unknown>) =>
      attempt.then(
        () => [],
        (error: unknown) => {
          if (!isAppError(error, "input.invalid")) throw error;
          return (error.details.fields ?? []).map((field) => field.path);
        },
      );
    expect(await refusedPaths(create("standard", "   "))).toEqual(["name"]);
    expect(await refusedPaths(create("mentoring", "새 템플릿"))).toEqual(["kind"]);
    expect(await templateCount()).toBe(before);
  });

  it("is saved like any other template, and only its own tenant sees it", async () => {
    const { templateId } = await create("standard", "빈 템플릿");
    const template = await db.withTenant(gangneung, (tx) => loadTemplate(tx, gangneung, templateId));
    const saved = await db.withTenant(gangneung, (tx) =>
      saveTemplate(tx, {
        tenantId: gangneung,
        templateId,
        definition: {
          ...template.definition,
          roles: { ...template.definition.roles, mentee: { eligibility: {}, quota: 24 } },
        },
        actorUserId: coordinatorUserId,
      }),
    );
    expect(saved).toEqual({ version: 1, newVersion: false, changed: true });
    const seenByYongin = await db.withTenant(yongin, (tx) => listTemplates(tx, { tenantId: yongin }));
    expect(seenByYongin.map((summary) => summary.id)).not.toContain(templateId);
  });
});
