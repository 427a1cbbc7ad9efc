import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  AppError,
  builtinTemplate,
  calendarDate,
  isAppError,
  type TemplateDefinition,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort } from "../src/cohorts";
import {
  copyBuiltinTemplate,
  listTemplates,
  listTenantDepartments,
  loadTemplate,
  saveTemplate,
} from "../src/templates";

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let yongin: string;
let coordinatorUserId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summaries = database.seeded;
  gangneung = summaries.find((summary) => summary.slug === "gangneung")?.tenantId as string;
  yongin = summaries.find((summary) => summary.slug === "yongin")?.tenantId as string;
  const coordinator = summaries
    .find((summary) => summary.slug === "gangneung")
    ?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
});

afterAll(() => database?.drop());

const acting = () => ({ tenantId: gangneung, actorUserId: coordinatorUserId, requestId: "req-templates" });

const copyReverse = () =>
  db.withTenant(gangneung, (tx) => copyBuiltinTemplate(tx, { ...acting(), builtinKey: "reverse_mentoring" }));

const template = (templateId: string) =>
  db.withTenant(gangneung, (tx) => loadTemplate(tx, gangneung, templateId));

const versionsOf = (templateId: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.programTemplateVersion.findMany({
      where: { tenantId: gangneung, templateId },
      orderBy: { version: "asc" },
      select: { version: true, definition: true },
    }),
  );

const auditOf = (templateId: string) =>
  db.withTenant(gangneung, (tx) =>
    tx.auditLog.findMany({
      where: { tenantId: gangneung, entityType: "program_template", entityId: templateId },
      orderBy: { at: "asc" },
    }),
  );

const save = (templateId: string, definition: unknown) =>
  db.withTenant(gangneung, (tx) => saveTemplate(tx, { ...acting(), templateId, definition }));

/** The paths of the fields a refused save names, or the save's result when it was not refused as invalid. */
const refusedFields = (attempt: Promise<unknown>) =>
  attempt.then(
    (result) => result,
    (error: unknown) => {
      if (!isAppError(error, "input.invalid")) throw error;
      return (error.details.fields ?? []).map((field) => field.path);
    },
  );

/** The template's current definition with `change` applied, as the editor submits it. */
async function edited(templateId: string, change: (definition: TemplateDefinition) => void) {
  const definition = structuredClone((await template(templateId)).definition);
  change(definition);
  return definition;
}

describe("copying a built-in template", () => {
  it("gives the tenant its own template whose version 1 is the built-in definition, audited", async () => {
    const { templateId } = await copyReverse();
    const copy = await template(templateId);
    expect(copy).toMatchObject({
      name: "거꾸로 멘토링",
      kind: "reverse",
      builtinKey: "reverse_mentoring",
      currentVersion: 1,
      currentVersionInUse: false,
      cohorts: 0,
    });
    expect(copy.definition).toEqual(builtinTemplate("reverse_mentoring"));
    const audit = await auditOf(templateId);
    expect(audit.map((row) => [row.action, row.actorUserId, row.requestId])).toEqual([
      ["program_template.copy", coordinatorUserId, "req-templates"],
    ]);
  });

  it("lists the tenant's templates with their shape, current version and cohorts", async () => {
    const { templateId } = await db.withTenant(gangneung, (tx) =>
      copyBuiltinTemplate(tx, { ...acting(), builtinKey: "new_official_mentoring" }),
    );
    const listed = await db.withTenant(gangneung, (tx) => listTemplates(tx, { tenantId: gangneung }));
    expect(listed.find((row) => row.id === templateId)).toEqual({
      id: templateId,
      name: "신규 공직자 멘토링",
      kind: "standard",
      builtinKey: "new_official_mentoring",
      currentVersion: 1,
      teamShape: { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 2 } },
      cohorts: 0,
    });
  });

  it("keeps one tenant's templates from another", async () => {
    const { templateId } = await copyReverse();
    expect(
      (await db.withTenant(yongin, (tx) => listTemplates(tx, { tenantId: yongin }))).map((row) => row.id),
    ).not.toContain(templateId);
    const refusal = await db
      .withTenant(yongin, (tx) => loadTemplate(tx, yongin, templateId))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "template.not_found", status: 404 });
  });
});

describe("saving a template", () => {
  it("refuses a team without mentors, naming teamShape.mentors.min, and saves nothing", async () => {
    const { templateId } = await copyReverse();
    const before = await versionsOf(templateId);
    const fields = await refusedFields(
      save(
        templateId,
        await edited(templateId, (d) => {
          d.teamShape.mentors.min = 0;
          d.name = "바뀌면 안 되는 이름";
        }),
      ),
    );
    expect(fields).toEqual(["teamShape.mentors.min"]);
    expect(await versionsOf(templateId)).toEqual(before);
    expect((await template(templateId)).name).toBe("거꾸로 멘토링");
    expect((await auditOf(templateId)).map((row) => row.action)).toEqual(["program_template.copy"]);
  });

  it("refuses phases out of order, naming the phase, and saves nothing", async () => {
    const { templateId } = await copyReverse();
    const fields = await refusedFields(
      save(
        templateId,
        await edited(templateId, (d) => {
          d.phases.orientation = 5;
        }),
      ),
    );
    expect(fields).toEqual(["phases.orientation"]);
    expect((await template(templateId)).definition.phases.orientation).toBe(30);
  });

  it("updates an unused version in place, audited with what changed", async () => {
    const { templateId } = await copyReverse();
    const result = await save(
      templateId,
      await edited(templateId, (d) => {
        d.name = "강릉 거꾸로 멘토링";
        d.roles.mentor.quota = 24;
      }),
    );
    expect(result).toEqual({ version: 1, newVersion: false, changed: true });
    const saved = await template(templateId);
    expect(saved.name).toBe("강릉 거꾸로 멘토링");
    expect(saved.definition.roles.mentor.quota).toBe(24);
    expect((await versionsOf(templateId)).map((row) => row.version)).toEqual([1]);
    const update = (await auditOf(templateId)).find((row) => row.action === "program_template.update");
    expect(update?.before).toMatchObject({ version: 1, name: "거꾸로 멘토링" });
    expect(update?.after).toMatchObject({ version: 1, name: "강릉 거꾸로 멘토링" });
    expect(Object.keys(update?.after as object).sort()).toEqual(["name", "roles", "version"]);
  });

  it("never changes a version a cohort runs on: saving makes the next version", async () => {
    const { templateId } = await copyReverse();
    const created = await db.withTenant(gangneung, (tx) =>
      createCohort(tx, {
        ...acting(),
        form: { templateId, recruitmentStart: "2025-01-22" },
        today: calendarDate("2025-01-10"),
      }),
    );
    expect(created.cohortId).toEqual(expect.any(String));
    expect((await template(templateId)).currentVersionInUse).toBe(true);

    const result = await save(
      templateId,
      await edited(templateId, (d) => {
        d.teamShape.mentors = { min: 2, max: 3 };
      }),
    );
    expect(result).toEqual({ version: 2, newVersion: true, changed: true });
    const versions = await versionsOf(templateId);
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    const shapes = versions.map((row) => (row.definition as TemplateDefinition).teamShape.mentors);
    expect(shapes).toEqual([
      { min: 3, max: 3 },
      { min: 2, max: 3 },
    ]);
    const saved = await template(templateId);
    expect(saved).toMatchObject({ currentVersion: 2, currentVersionInUse: false, cohorts: 1 });

    // The cohort stays on the version it started from.
    const cohort = await db.withTenant(gangneung, (tx) =>
      tx.cohort.findFirstOrThrow({
        where: { tenantId: gangneung, templateId },
        select: { templateVersion: { select: { version: true } } },
      }),
    );
    expect(cohort.templateVersion.version).toBe(1);

    // Version 2 is not used yet: the next save changes it in place.
    const again = await save(
      templateId,
      await edited(templateId, (d) => {
        d.description = "3~4명의 주니어가 한 팀";
      }),
    );
    expect(again).toEqual({ version: 2, newVersion: false, changed: true });
    expect((await versionsOf(templateId)).map((row) => row.version)).toEqual([1, 2]);
  });

  it("refuses a rubric whose weights add up to 101, with the sum at the rubric, and saves nothing", async () => {
    const { templateId } = await copyReverse();
    const before = await versionsOf(templateId);
    const refusal = await save(
      templateId,
      await edited(templateId, (d) => {
        d.rubric = d.rubric.map((criterion, index) => ({ ...criterion, weight: [40, 21, 40][index] ?? 0 }));
      }),
    ).catch((error: unknown) => error);
    expect(isAppError(refusal, "input.invalid")).toBe(true);
    expect((refusal as AppError).details.fields).toEqual([
      { path: "rubric", message: "programs.issue.weightsSum", params: { sum: 101 } },
    ]);
    expect(await versionsOf(templateId)).toEqual(before);
    expect((await auditOf(templateId)).map((row) => row.action)).toEqual(["program_template.copy"]);
  });

  it("saves a reweighted rubric, evaluation settings and awards of a version in use as the next version", async () => {
    const { templateId } = await copyReverse();
    await db.withTenant(gangneung, (tx) =>
      createCohort(tx, {
        ...acting(),
        form: { templateId, recruitmentStart: "2025-01-22" },
        today: calendarDate("2025-01-10"),
      }),
    );
    const result = await save(
      templateId,
      await edited(templateId, (d) => {
        d.rubric = d.rubric.map((criterion, index) => ({ ...criterion, weight: [40, 20, 40][index] ?? 0 }));
        d.evaluation = { conflictSameDepartment: false, normalisation: "none", disagreementSpread: 15 };
        d.awards.push({ name: { ko: "장려" }, teams: 2, prize: { ko: "상품권" }, certificateTitle: "상장" });
      }),
    );
    expect(result).toEqual({ version: 2, newVersion: true, changed: true });
    const versions = (await versionsOf(templateId)).map((row) => row.definition as TemplateDefinition);
    expect(versions.map((definition) => definition.rubric.map((criterion) => criterion.weight))).toEqual([
      [30, 30, 40],
      [40, 20, 40],
    ]);
    expect(versions[0]?.evaluation.normalisation).toBe("z_score");
    expect(versions[1]?.evaluation).toEqual({
      conflictSameDepartment: false,
      normalisation: "none",
      disagreementSpread: 15,
    });
    expect(versions.map((definition) => definition.awards.length)).toEqual([2, 3]);
    const update = (await auditOf(templateId)).find((row) => row.action === "program_template.update");
    expect(Object.keys(update?.after as object).sort()).toEqual([
      "awards",
      "evaluation",
      "rubric",
      "version",
    ]);
    expect(update?.before).toMatchObject({ version: 1 });
    expect(update?.after).toMatchObject({ version: 2 });
  });

  it("writes nothing, not even an audit row, when nothing changed", async () => {
    const { templateId } = await copyReverse();
    const result = await save(templateId, (await template(templateId)).definition);
    expect(result).toEqual({ version: 1, newVersion: false, changed: false });
    expect((await auditOf(templateId)).map((row) => row.action)).toEqual(["program_template.copy"]);
  });

  it("refuses to save another tenant's template", async () => {
    const { templateId } = await copyReverse();
    const definition = (await template(templateId)).definition;
    const refusal = await db
      .withTenant(yongin, (tx) =>
        saveTemplate(tx, { tenantId: yongin, templateId, definition, actorUserId: null }),
      )
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "template.not_found", status: 404 });
  });
});

describe("the tenant's departments for eligibility rules", () => {
  it("lists the tenant's own departments and no one else's", async () => {
    const departments = await db.withTenant(gangneung, (tx) =>
      listTenantDepartments(tx, { tenantId: gangneung }),
    );
    expect(departments.length).toBeGreaterThan(5);
    const yonginIds = new Set(
      (await db.withTenant(yongin, (tx) => listTenantDepartments(tx, { tenantId: yongin }))).map(
        (department) => department.id,
      ),
    );
    expect(departments.some((department) => yonginIds.has(department.id))).toBe(false);
  });
});
