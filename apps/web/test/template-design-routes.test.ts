// A template's question sets page, its participant's preview and the blank template of the programs page,
// called as Remix calls them against a real database: another city's coordinator gets 404, a member
// without the permission 403 (an admin may read a template but not change it); a coordinator's choice
// question with one option is refused at its options with a translated message and nothing is saved;
// a good save keeps the rest of the definition; the preview shows a role only the sets it answers.
import type { Database, MembershipRole } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { copyBuiltinTemplate, loadTemplate } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as programsAction } from "../app/routes/$tenant.programs._index";
import { loader as previewPage } from "../app/routes/$tenant.programs.templates.$templateId_.preview";
import {
  loader as questionsPage,
  action as saveQuestions,
} from "../app/routes/$tenant.programs.templates.$templateId_.questions";
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
const from = () => `10.9.7.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  const member = (role: MembershipRole) =>
    db.withTenant(tenantId, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId, roles: { equals: [role] } } }),
    );
  const coordinator = await db.withTenant(tenantId, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } }),
  );
  const admin = await db.withTenant(tenantId, (tx) =>
    tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "tenant_admin" }, NOT: { roles: { has: "coordinator" } } },
    }),
  );
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } }),
  );
  browsers.coordinator = await signedInBrowser(services, coordinator.userId);
  browsers.admin = await signedInBrowser(services, admin.userId);
  browsers.participant = await signedInBrowser(services, (await member("participant")).userId);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
  browsers.anonymous = await browser(services);

  // A blank template, made through the programs page as a coordinator makes it.
  const created = await post(programsAction, services, browsers.coordinator, {
    path: "/gangneung/programs",
    fields: { intent: "blank", name: "부서 간 소통 멘토링", kind: "standard" },
    address: from(),
    params: { tenant: "gangneung" },
  });
  expect(created.status).toBe(302);
  templateId =
    /templates\/([0-9a-f-]{36})\?created=1$/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
}, 120_000);

afterAll(() => database?.drop());

const params = () => ({ tenant: "gangneung", templateId });
const questionsPath = () => `/gangneung/programs/templates/${templateId}/questions`;
const current = () => db.withTenant(tenantId, (tx) => loadTemplate(tx, tenantId, templateId));

/** A pre-survey for mentees: a scored diagnostic item and a single-choice question with `options`. */
const preSurvey = (options: string[]) => ({
  "questionSets[0].key": "pre",
  "questionSets[0].title.ko": "사전 설문",
  "questionSets[0].phases": "pre",
  "questionSets[0].roles": "mentee",
  "questionSets[0].dimensions[0].key": "trust",
  "questionSets[0].dimensions[0].label.ko": "신뢰",
  "questionSets[0].questions[0].key": "t1",
  "questionSets[0].questions[0].type": "likert",
  "questionSets[0].questions[0].prompt.ko": "동료를 믿는다",
  "questionSets[0].questions[0].required": "on",
  "questionSets[0].questions[0].dimension": "trust",
  "questionSets[0].questions[0].reversed": "on",
  "questionSets[0].questions[1].key": "style",
  "questionSets[0].questions[1].type": "single",
  "questionSets[0].questions[1].prompt.ko": "선호하는 소통 방식",
  ...Object.fromEntries(
    options.flatMap((option, index) => [
      [`questionSets[0].questions[1].options[${index}].key`, option],
      [`questionSets[0].questions[1].options[${index}].label.ko`, option],
    ]),
  ),
});

const save = (who: keyof typeof browsers, fields: Record<string, string>) =>
  post(saveQuestions, services, browsers[who], {
    path: questionsPath(),
    fields,
    address: from(),
    params: params(),
  });

describe("the question sets page", () => {
  const open = (who: keyof typeof browsers) =>
    get(questionsPage, services, browsers[who], { path: questionsPath(), address: from(), params: params() });

  it("shows a coordinator and an admin the template's question sets, none yet", async () => {
    for (const who of ["coordinator", "admin"] as const) {
      const page = await open(who);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ values: { questionSets: [] }, mayManage: who === "coordinator" });
    }
  });

  it("is not there for another city's coordinator (404) and refused to a participant (403)", async () => {
    expect((await open("outsider")).status).toBe(404);
    expect((await open("participant")).status).toBe(403);
    expect((await open("anonymous")).status).not.toBe(200);
  });

  it("refuses a save by an admin (403) and by another city's coordinator (404), saving nothing", async () => {
    expect((await save("admin", preSurvey(["talk", "chat"]))).status).toBe(403);
    expect((await save("outsider", preSurvey(["talk", "chat"]))).status).toBe(404);
    expect((await current()).definition.questionSets).toEqual([]);
  });

  it("refuses a single-choice question with one option at its options, in Korean, saving nothing", async () => {
    const refused = await save("coordinator", preSurvey(["talk"]));
    expect(refused.status).toBe(400);
    const errors = (refused.body as { error: Record<string, string[]> }).error;
    expect(errors["questionSets[0].questions[1].options"]).toEqual([
      "설문 1 문항 2 선택지: 선택형 문항에는 선택지가 두 개 이상 있어야 합니다",
    ]);
    expect((await current()).definition.questionSets).toEqual([]);
  });

  it("saves a scored pre-survey into the current version, keeping the rest of the definition", async () => {
    const before = await current();
    const saved = await save("coordinator", preSurvey(["talk", "chat"]));
    expect(saved.body).toEqual({ version: 1, newVersion: false, changed: true });
    const after = await current();
    expect(after.definition.questionSets[0]?.questions.map((q) => [q.key, q.dimension, q.reversed])).toEqual([
      ["t1", "trust", true],
      ["style", undefined, false],
    ]);
    expect({ ...after.definition, questionSets: [] }).toEqual(before.definition);
  });

  it("refuses to take away questions that matching criteria use, naming each criterion, saving nothing", async () => {
    const { templateId: reverse } = await db.withTenant(tenantId, (tx) =>
      copyBuiltinTemplate(tx, { tenantId, builtinKey: "reverse_mentoring", actorUserId: null }),
    );
    // Every question set removed: the pre-survey's questions and the diagnostic's dimension go with them.
    const refused = await post(saveQuestions, services, browsers.coordinator, {
      path: `/gangneung/programs/templates/${reverse}/questions`,
      fields: {},
      address: from(),
      params: { tenant: "gangneung", templateId: reverse },
    });
    expect(refused.status).toBe(400);
    const errors = (refused.body as { error: Record<string, string[]> }).error;
    expect(errors.matching).toEqual([
      "매칭 기준과 규칙: 이 변경으로 매칭 기준 1 (diagnostic_complement:digital_diagnostic.digital_literacy), 2 (interest_overlap), 3 (answer:pre_survey.communication_style)의 문항이나 진단 영역이 없어지거나 맞지 않게 됩니다. 그 문항을 그대로 두거나 매칭 기준을 먼저 고치세요",
    ]);
    const kept = await db.withTenant(tenantId, (tx) => loadTemplate(tx, tenantId, reverse));
    expect(kept.definition.questionSets.map((set) => set.key)).toEqual([
      "pre_survey",
      "digital_diagnostic",
      "satisfaction",
    ]);
  });
});

describe("the participant's preview", () => {
  const open = (who: keyof typeof browsers, role = "mentee") =>
    get(previewPage, services, browsers[who], {
      path: `/gangneung/programs/templates/${templateId}/preview?role=${role}`,
      address: from(),
      params: params(),
    });

  it("shows a mentee the sets mentees answer and a mentor none, with the certificate filled in", async () => {
    const mentee = (await open("coordinator")).body as {
      sets: { key: string; questions: { key: string }[] }[];
      certificate: { body: string };
    };
    expect(mentee.sets.map((set) => [set.key, set.questions.map((q) => q.key)])).toEqual([
      ["pre", ["t1", "style"]],
    ]);
    expect(mentee.certificate.body).toContain(
      "김하늘, 박서준 멘토와 이도윤 멘티는 강릉시 부서 간 소통 멘토링 1기",
    );
    expect(((await open("admin", "mentor")).body as { sets: unknown[] }).sets).toEqual([]);
  });

  it("is not there for another city's coordinator (404) and refused to a participant (403)", async () => {
    expect((await open("outsider")).status).toBe(404);
    expect((await open("participant")).status).toBe(403);
  });
});

describe("a blank template from the programs page", () => {
  const create = (who: keyof typeof browsers, fields: Record<string, string>) =>
    post(programsAction, services, browsers[who], {
      path: "/gangneung/programs",
      fields: { intent: "blank", ...fields },
      address: from(),
      params: { tenant: "gangneung" },
    });

  it("refuses an empty name, naming the field, and an admin (403)", async () => {
    const refused = await create("coordinator", { name: " ", kind: "standard" });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: Record<string, string[]> }).error.name).toEqual([
      "새 템플릿 이름: 입력하세요",
    ]);
    expect((await create("admin", { name: "관리자 템플릿", kind: "standard" })).status).toBe(403);
    expect((await create("outsider", { name: "남의 템플릿", kind: "standard" })).status).toBe(404);
  });
});
