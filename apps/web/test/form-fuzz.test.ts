// Every form, posted hostile values through its real action against a real database and Redis: the
// tenant pages' forms, the public ones (sign-in, sign-up, password forgot and reset, joining by
// invitation, the language switch) and the platform operator's. NUL and other control characters in any
// field, numbers no one means (10^23, -1, 1e999), strings far beyond any field, ids that are no one's or
// another city's, values of the wrong type. Each post must be answered with a 4xx (never a 500) that says
// what is wrong in the reader's language, and must write nothing (no session either: a hostile sign-in
// signs no one in). fast-check picks the field and the value, seeded, so a run is the same every time.
// Each post comes from an address of its own, so that the rate limits (counted in Redis under this
// file's prefix) judge the values, not the number of posts.
import { randomUUID } from "node:crypto";
import { hashToken, newToken } from "@mentoring/auth";
import { connect, withDatabase } from "@mentoring/db/provision";
import { PLATFORM_OPERATOR_EMAIL } from "@mentoring/db/seed";
import { createSeededTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { builtinTemplateKeys, scheduleFields, tenantRoles } from "@mentoring/domain";
import { loadTemplate } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { submitApplication } from "@mentoring/tenants";
import type { ActionFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../app/services/csrf.server";
import { localeCookie } from "../app/services/i18n.server";
import type { Services } from "../app/services/services.server";
import { startSession } from "../app/services/session.server";
import { templateFormValues } from "../app/services/template-form";
import { testServices } from "./requests";
import { installWriteCounter, writeCount } from "./write-counter";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

/** What a field holds, and so which hostile values it is sent. */
type FieldKind = "text" | "boundedText" | "number" | "id" | "date" | "choice" | "flag" | "slug";

interface FormCase {
  /** The values of a form that would be accepted (or refused for another reason), one field then spoiled. */
  base: Record<string, string | string[]>;
  fields: Record<string, FieldKind>;
}

interface RouteCase {
  route: string;
  params: () => Record<string, string>;
  forms: FormCase[];
  /** Who posts: a member of Yongin holding every role (the default), no one signed in, the operator. */
  who?: "member" | "anonymous" | "operator";
}

let testDb: TestDatabase;
let services: Services;
let fingerprintClient: Awaited<ReturnType<typeof connect>>;
let cookie: string;
let operatorCookie: string;
let csrfCookie: string;
let csrf: string;
const ids = {
  cohort: "",
  template: "",
  round: "",
  signer: "",
  membership: "",
  foreignCohort: "",
  foreignTemplate: "",
  foreignMembership: "",
  foreignSigner: "",
  invitationToken: "",
  application: "",
};
let templateBase: Record<string, string | string[]> = {};
let settingsBase: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createSeededTestDatabase();
  const { db } = testDb;
  services = (await testServices(db)).services;
  await seedPrograms(db);
  const tenantOf = (slug: string) => db.platform.tenant.findUniqueOrThrow({ where: { slug } });
  const [yongin, gangneung] = await Promise.all([tenantOf("yongin"), tenantOf("gangneung")]);
  const userId = await db.withTenant(yongin.id, async (tx) => {
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId: yongin.id, roles: { has: "coordinator" } },
    });
    // Every role, so that no form is refused for want of a permission before its values are judged.
    await tx.membership.update({ where: { id: coordinator.id }, data: { roles: [...tenantRoles] } });
    ids.membership = coordinator.id;
    const cohort = await tx.cohort.findFirstOrThrow({
      where: { tenantId: yongin.id },
      orderBy: { number: "asc" },
    });
    ids.cohort = cohort.id;
    // Yongin's own program (a template with a rubric to refuse values of), not whichever copy comes first.
    ids.template = (
      await tx.programTemplate.findFirstOrThrow({
        where: { tenantId: yongin.id, builtinKey: "new_official_mentoring" },
      })
    ).id;
    ids.round = (await tx.surveyRound.findFirst({ where: { tenantId: yongin.id } }))?.id ?? randomUUID();
    ids.signer = (
      await tx.certificateSigner.create({
        data: { tenantId: yongin.id, name: "이상일", title: "시장", position: 0 },
      })
    ).id;
    const template = await loadTemplate(tx, yongin.id, ids.template);
    templateBase = flatten(templateFormValues(template.definition));
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: yongin.id } });
    settingsBase = { name: tenant.name, locale: "ko", timeZone: "Asia/Seoul" };
    // An invitation to a new address: its page asks for a name and a password.
    ids.invitationToken = newToken();
    await tx.invitation.create({
      data: {
        tenantId: yongin.id,
        email: "invited.fuzz@yongin.go.kr",
        roles: ["participant"],
        tokenHash: hashToken(ids.invitationToken),
        invitedByUserId: coordinator.userId,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return coordinator.userId;
  });
  await db.withTenant(gangneung.id, async (tx) => {
    ids.foreignCohort = (await tx.cohort.findFirstOrThrow({ where: { tenantId: gangneung.id } })).id;
    ids.foreignTemplate = (
      await tx.programTemplate.findFirstOrThrow({ where: { tenantId: gangneung.id } })
    ).id;
    ids.foreignMembership = (await tx.membership.findFirstOrThrow({ where: { tenantId: gangneung.id } })).id;
    ids.foreignSigner = (
      await tx.certificateSigner.create({
        data: { tenantId: gangneung.id, name: "김홍규", title: "시장", position: 0 },
      })
    ).id;
  });
  ids.application = (
    await submitApplication(db, {
      organisationName: "춘천시",
      kind: "basic_government",
      region: "강원특별자치도",
      contactName: "김춘천",
      contactEmail: "contact@chuncheon.go.kr",
    })
  ).applicationId;
  const operator = await db.platform.user.findUniqueOrThrow({ where: { email: PLATFORM_OPERATOR_EMAIL } });
  const token = await csrfToken(new Request("http://127.0.0.1/"), services.config.SESSION_SECRET);
  csrf = token.token;
  csrfCookie = (token.setCookie ?? "").split(";")[0] as string;
  const session = (await startSession(services, userId)).split(";")[0];
  cookie = `${session}; ${csrfCookie}`;
  operatorCookie = `${(await startSession(services, operator.id)).split(";")[0]}; ${csrfCookie}`;
  // As the database's owner: the write counter's triggers see every tenant's rows, past row-level security.
  fingerprintClient = await connect(withDatabase(testDb.urls.admin, testDb.name));
  await installWriteCounter(fingerprintClient);
});
afterAll(async () => {
  await fingerprintClient?.end();
  await services?.close();
  await testDb?.drop();
});

/** A nested form value as the names conform gives its fields ("roles.mentor.quota"); lists repeat a name. */
function flatten(value: unknown, prefix = ""): Record<string, string | string[]> {
  // A list of rows (the rubric's criteria, the awards) as conform names them: "rubric[0].weight".
  if (Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null))
    return Object.fromEntries(
      value.flatMap((item, index) => Object.entries(flatten(item, `${prefix}[${index}]`))),
    );
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { [prefix]: Array.isArray(value) ? value.map(String) : String(value ?? "") };
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      Object.entries(flatten(inner, prefix ? `${prefix}.${key}` : key)),
    ),
  );
}

/** Rows written and sessions started so far (write-counter.ts): equal before and after a post that wrote nothing. */
const fingerprint = () => writeCount(fingerprintClient);

/** An address of its own for each post (TEST-NET and private ranges), so no rate limit is reached by numbers. */
let posts = 0;
function nextAddress(): string {
  posts++;
  return `10.${(posts >> 16) & 255}.${(posts >> 8) & 255}.${posts & 255}`;
}

const control = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u001f");
/** Text holding one control character somewhere. */
const withControl = fc
  .tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 }))
  .map(([before, character, after]) => `${before}${character}${after}`);
/** A string far beyond any field, written as a token so that a failure's report stays readable. */
const huge = fc.integer({ min: 5_000, max: 60_000 }).map((length) => `<huge ${length}>`);
const expand = (value: string) =>
  value.replace(/^<huge (\d+)>$/, (_, length) => "가a".repeat(Number(length) / 2));
const hostileNumber = fc.constantFrom(
  "1e23",
  "-1",
  "1e999",
  "-1e23",
  "NaN",
  "12.5",
  "0x10",
  "99999999999999999999",
);
const hostileDate = fc.constantFrom("+275760-09-13", "99999-01-01", "2025-02-30", "0000-00-00", "-1", "1e23");
const wrongType = fc.constantFrom("[object Object]", "true", "null", "undefined", "{}", "1e23");
const hostileId = () =>
  fc.oneof(
    fc.uuid().map((id) => id),
    fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000", "' or 1=1 --"),
    fc.constant(null).map(() => ids.foreignCohort),
    fc.constant(null).map(() => ids.foreignTemplate),
    fc.constant(null).map(() => ids.foreignMembership),
    fc.constant(null).map(() => ids.foreignSigner),
  );

/** The hostile values a field of this kind is sent, besides a control character, which any field is. */
function hostileFor(kind: FieldKind): fc.Arbitrary<string> {
  switch (kind) {
    case "text":
      return withControl;
    case "boundedText":
      return huge;
    case "number":
      return fc.oneof(
        hostileNumber,
        wrongType.filter((value) => value !== "true"),
      );
    case "id":
      return hostileId();
    case "date":
      return hostileDate;
    case "choice":
      return fc.oneof(wrongType, fc.constantFrom("boss", "admin", "-1"));
    case "flag":
      return fc.constantFrom("yes", "1e23", "{}", "off");
    case "slug":
      // Taken, reserved-looking, not an address: never a new tenant's.
      return fc.oneof(huge, fc.constantFrom("yongin", "gangneung", "-", "a b", "한글시", "../x", "1e23"));
  }
}

function caseArbitrary(route: RouteCase) {
  return fc.integer({ min: 0, max: route.forms.length - 1 }).chain((formIndex) => {
    const form = route.forms[formIndex] as FormCase;
    const names = Object.keys(form.fields);
    return fc
      .constantFrom(...names)
      .chain((name) =>
        fc
          .oneof(hostileFor(form.fields[name] as FieldKind), withControl)
          .map((value) => ({ form, name, value })),
      );
  });
}

async function postForm(route: RouteCase, fields: Record<string, string | string[]>, locale: "ko" | "en") {
  const module = (await import(/* @vite-ignore */ `../app/routes/${route.route}.tsx`)) as { action: Action };
  const body = new URLSearchParams({ csrf });
  for (const [name, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  const language = (await localeCookie.serialize(locale)).split(";")[0];
  const params = { tenant: "yongin", ...route.params() };
  const who = { member: cookie, anonymous: csrfCookie, operator: operatorCookie }[route.who ?? "member"];
  try {
    const reply = (await module.action({
      request: new Request(`http://127.0.0.1/yongin/fuzz`, {
        method: "POST",
        body,
        headers: { cookie: `${who}; ${language}`, "content-type": "application/x-www-form-urlencoded" },
      }),
      params,
      context: { services, requestId: "fuzz", nonce: "", clientAddress: nextAddress() },
    } as ActionFunctionArgs)) as { type?: string; data?: unknown; init?: { status?: number } };
    if (reply?.type === "DataWithResponseInit")
      return { status: reply.init?.status ?? 200, body: reply.data };
    return { status: 200, body: reply };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text() };
    return { status: 500, body: String(thrown) };
  }
}

/** The messages of a refusal: its form message and each field's. */
function messagesOf(body: unknown): string[] {
  const error = (body as { error?: Record<string, string[] | null> } | undefined)?.error ?? {};
  return Object.values(error).flatMap((messages) => messages ?? []);
}

const cohort = () => ({ cohortId: ids.cohort });

const routes: RouteCase[] = [
  {
    route: "$tenant.programs._index",
    params: () => ({}),
    forms: [
      {
        base: { intent: "copy", builtinKey: builtinTemplateKeys[0] },
        fields: { builtinKey: "choice", intent: "choice" },
      },
      {
        base: { intent: "blank", name: "시험 템플릿", kind: "standard" },
        fields: { name: "boundedText", kind: "choice" },
      },
    ],
  },
  {
    route: "$tenant.programs.templates.$templateId_.questions",
    params: () => ({ templateId: ids.template }),
    forms: [
      {
        base: {
          "questionSets[0].key": "pre_survey",
          "questionSets[0].title.ko": "사전 설문",
          "questionSets[0].phases": "pre",
          "questionSets[0].roles": "mentee",
          "questionSets[0].questions[0].key": "interests",
          "questionSets[0].questions[0].type": "multiple",
          "questionSets[0].questions[0].prompt.ko": "관심 주제",
          "questionSets[0].questions[0].required": "on",
          "questionSets[0].questions[0].pick": "2",
          "questionSets[0].questions[0].options[0].key": "ai",
          "questionSets[0].questions[0].options[0].label.ko": "AI",
          "questionSets[0].questions[0].options[1].key": "data",
          "questionSets[0].questions[0].options[1].label.ko": "데이터",
        },
        fields: {
          "questionSets[0].title.ko": "boundedText",
          "questionSets[0].phases": "choice",
          "questionSets[0].roles": "choice",
          "questionSets[0].questions[0].type": "choice",
          "questionSets[0].questions[0].prompt.ko": "boundedText",
          "questionSets[0].questions[0].required": "flag",
          "questionSets[0].questions[0].pick": "number",
          "questionSets[0].questions[0].options[1].label.ko": "boundedText",
        },
      },
    ],
  },
  {
    route: "$tenant.programs.templates.$templateId_.schedule",
    params: () => ({ templateId: ids.template }),
    forms: [
      {
        base: {
          "assignments[0].title.ko": "활동 계획서",
          "assignments[0].month": "1",
          "assignments[0].dueDay": "20",
          "notifications.assignmentReminderDays": "3",
          "notifications.silentTeamDays": "21",
        },
        fields: {
          "assignments[0].title.ko": "boundedText",
          "assignments[0].month": "number",
          "assignments[0].dueDay": "number",
          "notifications.assignmentReminderDays": "number",
          "notifications.silentTeamDays": "number",
        },
      },
    ],
  },
  {
    route: "$tenant.programs.templates.$templateId_.matching",
    params: () => ({ templateId: ids.template }),
    forms: [
      {
        base: {
          "matching.criteria[0].kind": "interest_overlap",
          "matching.criteria[0].weight": "3",
          "matching.criteria[0].question": "pre_survey.work_interests",
          "matching.departmentLevel": "team",
          "matching.noDirectSupervisor": "on",
        },
        fields: {
          "matching.criteria[0].kind": "choice",
          "matching.criteria[0].weight": "number",
          "matching.criteria[0].question": "choice",
          "matching.departmentLevel": "choice",
          "matching.differentDepartment": "flag",
          "matching.gradeGap.min": "number",
        },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.new",
    params: () => ({}),
    forms: [
      {
        base: { templateId: "", title: "시험 기수", recruitmentStart: "2027-03-02" },
        fields: { templateId: "id", number: "number", title: "boundedText", recruitmentStart: "date" },
      },
    ],
  },
  {
    route: "$tenant.programs.templates.$templateId",
    params: () => ({ templateId: ids.template }),
    forms: [
      {
        base: {},
        fields: {
          name: "boundedText",
          description: "boundedText",
          kind: "choice",
          "teamShape.mentors.min": "number",
          "teamShape.mentees.max": "number",
          "roles.mentor.quota": "number",
          "roles.mentor.eligibility.grade.min": "number",
          "roles.mentor.eligibility.yearsOfService.max": "number",
          "roles.mentee.eligibility.yearsOfService.min": "number",
          "roles.mentor.eligibility.birthYear.min": "number",
          "roles.mentee.eligibility.birthYear.max": "number",
          "roles.mentor.eligibility.hireDate.from": "date",
          "roles.mentor.eligibility.departments.include": "id",
          "roles.mentee.eligibility.departments.exclude": "id",
          "roles.mentor.eligibility.positionTitles.include": "boundedText",
          "phases.recruitmentEnd": "number",
          "phases.evaluationEnd": "number",
          "certificate.title": "boundedText",
          "certificate.body": "boundedText",
          "rubric[0].name.ko": "boundedText",
          "rubric[1].key": "text",
          "rubric[1].weight": "number",
          "rubric[0].scaleMax": "number",
          "rubric[0].source.kind": "choice",
          "rubric[2].levels[0].label.ko": "text",
          "evaluation.conflictSameDepartment": "flag",
          "evaluation.normalisation": "choice",
          "awards[0].teams": "number",
          "awards[0].prize.ko": "boundedText",
        },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId._index",
    params: cohort,
    forms: [
      {
        base: { intent: "schedule" },
        fields: Object.fromEntries(scheduleFields.map((field) => [field, "date" as const])),
      },
      {
        base: { intent: "move", to: "matching" },
        fields: { to: "choice", override: "flag", reason: "boundedText" },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.applicants",
    params: cohort,
    forms: [
      { base: { intent: "nominate", role: "mentor" }, fields: { role: "choice", numbers: "text" } },
      {
        base: { intent: "reject", applicationId: randomUUID() },
        fields: { applicationId: "id", name: "boundedText", reason: "boundedText" },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.certificates",
    params: cohort,
    forms: [
      {
        base: {
          intent: "ceremony",
          date: "2027-03-05",
          time: "14:00",
          place: "용인시청 에이스홀",
          programme: "",
          gift: "",
        },
        fields: {
          date: "date",
          time: "date",
          place: "boundedText",
          programme: "boundedText",
          gift: "boundedText",
        },
      },
      {
        base: { intent: "attendance", applicationId: randomUUID(), present: "true" },
        fields: { applicationId: "id", present: "choice" },
      },
      {
        base: { intent: "revoke", certificateId: randomUUID(), reason: "오기" },
        fields: { certificateId: "id", reason: "boundedText" },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.matching",
    params: cohort,
    forms: [
      { base: { intent: "run" }, fields: { basedOnRunId: "id" } },
      {
        base: { intent: "move", runId: randomUUID(), applicationId: randomUUID() },
        fields: { runId: "id", applicationId: "id", toTeam: "number" },
      },
      {
        base: { intent: "swap", runId: randomUUID(), applicationId: randomUUID() },
        fields: { withApplicationId: "id" },
      },
      {
        base: {
          intent: "pair",
          runId: randomUUID(),
          rule: "pin",
          on: "1",
          mentorApplicationId: randomUUID(),
          menteeApplicationId: randomUUID(),
        },
        fields: { rule: "choice", on: "choice", mentorApplicationId: "id", mentorName: "boundedText" },
      },
      { base: { intent: "publish", runId: randomUUID() }, fields: { runId: "id", confirm: "flag" } },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.surveys",
    params: cohort,
    forms: [{ base: { intent: "close" }, fields: { roundId: "id", intent: "choice" } }],
  },
  {
    route: "$tenant.recruiting.$cohortId",
    params: cohort,
    forms: [
      { base: { intent: "apply", role: "mentee" }, fields: { role: "choice", consent: "boundedText" } },
      { base: { intent: "consent" }, fields: { consent: "boundedText" } },
    ],
  },
  {
    route: "$tenant.recruiting._index",
    params: () => ({}),
    forms: [{ base: { intent: "withdraw" }, fields: { cohortId: "id" } }],
  },
  {
    route: "$tenant.signing.$batchId",
    params: () => ({ batchId: randomUUID() }),
    forms: [{ base: { confirm: "on" }, fields: { confirm: "flag" } }],
  },
  {
    route: "$tenant.surveys.$roundId",
    params: () => ({ roundId: ids.round }),
    forms: [{ base: {}, fields: { "q.goal": "text", intent: "choice" } }],
  },
  {
    route: "$tenant.admin.billing",
    params: () => ({}),
    forms: [
      { base: { intent: "brn" }, fields: { businessRegistrationNumber: "boundedText" } },
      {
        base: { intent: "subscribe", interval: "year", collection: "send_invoice" },
        fields: { interval: "choice", collection: "choice" },
      },
    ],
  },
  {
    route: "$tenant.admin.directory._index",
    params: () => ({}),
    forms: [{ base: {}, fields: { full: "flag" } }],
  },
  {
    route: "$tenant.admin.directory.$importId",
    params: () => ({ importId: randomUUID() }),
    forms: [{ base: {}, fields: { createMissingDepartments: "flag", deactivateMissing: "flag" } }],
  },
  {
    route: "$tenant.admin.members",
    params: () => ({}),
    forms: [
      {
        base: { intent: "invite", email: "new.person@yongin.go.kr", roles: "participant" },
        fields: { email: "boundedText", roles: "choice" },
      },
      { base: { intent: "roles", roles: "participant" }, fields: { membershipId: "id", roles: "choice" } },
    ],
  },
  {
    route: "$tenant.admin.settings_.retention",
    params: () => ({}),
    forms: [
      {
        base: {
          unselected_applications: "6",
          survey_answers: "36",
          program_records: "36",
          notifications: "12",
          inactive_staff: "12",
          directory_imports: "3",
        },
        fields: { unselected_applications: "number", survey_answers: "number", program_records: "number" },
      },
    ],
  },
  {
    route: "$tenant.admin.settings",
    params: () => ({}),
    forms: [
      {
        base: {},
        fields: {
          name: "boundedText",
          nameEn: "boundedText",
          brandColor: "text",
          locale: "choice",
          timeZone: "choice",
        },
      },
      {
        base: { intent: "add-signer", name: "홍길동", title: "부시장" },
        fields: { name: "boundedText", title: "boundedText" },
      },
      { base: { intent: "remove-signer" }, fields: { signerId: "id" } },
      { base: { intent: "remove-branding" }, fields: { kind: "choice" } },
      { base: { intent: "insights" }, fields: { choice: "choice" } },
    ],
  },
  {
    route: "$tenant.admin.sso",
    params: () => ({}),
    forms: [
      {
        base: { issuer: "https://sso.yongin.go.kr", clientId: "mentoring", matchBy: "email" },
        fields: {
          issuer: "boundedText",
          clientId: "boundedText",
          clientSecret: "text",
          matchBy: "choice",
          employeeNumberClaim: "boundedText",
        },
      },
    ],
  },
  // Public forms: no one signed in (the language switch also signed in, where it saves the preference).
  {
    route: "sign-in",
    who: "anonymous",
    params: () => ({}),
    forms: [
      // A real account's address: no hostile password or redirect signs its owner in.
      {
        base: { email: PLATFORM_OPERATOR_EMAIL, password: "a-wrong-guess", redirectTo: "/" },
        fields: { password: "boundedText", redirectTo: "text", email: "text" },
      },
      {
        base: { email: "nobody@example.kr", password: "a-wrong-guess", redirectTo: "/" },
        fields: { email: "choice", password: "text", redirectTo: "boundedText" },
      },
    ],
  },
  {
    route: "signup",
    who: "anonymous",
    params: () => ({}),
    forms: [
      {
        base: {
          organisationName: "원주시",
          kind: "basic_government",
          region: "강원특별자치도",
          businessRegistrationNumber: "",
          contactName: "김원주",
          contactEmail: "contact@wonju.go.kr",
          contactPhone: "033-737-2114",
        },
        fields: {
          organisationName: "boundedText",
          kind: "choice",
          region: "choice",
          businessRegistrationNumber: "number",
          contactName: "boundedText",
          contactEmail: "choice",
          contactPhone: "boundedText",
        },
      },
    ],
  },
  {
    route: "password.forgot",
    who: "anonymous",
    params: () => ({}),
    forms: [{ base: { email: "someone@example.kr" }, fields: { email: "choice" } }],
  },
  {
    route: "password.reset.$token",
    who: "anonymous",
    params: () => ({ token: newToken() }),
    forms: [
      {
        base: { password: "a-brand-new-password", confirm: "a-brand-new-password" },
        fields: { password: "text", confirm: "boundedText" },
      },
    ],
  },
  {
    route: "join.$tenant.$token",
    who: "anonymous",
    params: () => ({ tenant: "yongin", token: ids.invitationToken }),
    forms: [
      {
        base: { intent: "new_account", displayName: "새 참여자", password: "a-long-enough-password" },
        fields: { displayName: "boundedText", password: "text", email: "text", intent: "choice" },
      },
    ],
  },
  {
    route: "locale",
    params: () => ({}),
    forms: [{ base: { locale: "en", redirectTo: "/" }, fields: { locale: "choice", redirectTo: "text" } }],
  },
  // The platform operator's review of organisations' applications.
  {
    route: "platform.applications",
    who: "operator",
    params: () => ({}),
    forms: [
      {
        base: { intent: "approve", applicationId: "<application>", slug: "chuncheon" },
        fields: { slug: "slug", applicationId: "id", intent: "choice" },
      },
      {
        base: { intent: "reject", applicationId: "<application>", reason: "중복 신청" },
        fields: { reason: "boundedText", applicationId: "id" },
      },
    ],
  },
  // The operator's national insights analysts.
  {
    route: "platform.analysts",
    who: "operator",
    params: () => ({}),
    forms: [
      {
        base: {
          intent: "create",
          name: "한분석",
          email: "fuzz-analyst@mois.example.kr",
          agency: "행정안전부",
        },
        fields: { name: "boundedText", email: "choice", agency: "boundedText", intent: "choice" },
      },
      { base: { intent: "disable" }, fields: { analystId: "id" } },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.calendar",
    params: cohort,
    forms: [
      { base: { intent: "plan" }, fields: { intent: "choice" } },
      {
        base: {
          intent: "event",
          kind: "training",
          title: "소통 역량 강화 교육",
          place: "시청 대회의실",
          description: "",
          startsAt: "2026-12-09T14:00",
          endsAt: "2026-12-09T16:00",
          audience: "all",
        },
        fields: {
          kind: "choice",
          title: "boundedText",
          place: "boundedText",
          description: "boundedText",
          startsAt: "date",
          endsAt: "date",
          audience: "choice",
          attendance: "flag",
          itemId: "id",
        },
      },
      {
        base: {
          intent: "assignment",
          title: "3월 과제",
          description: "",
          dueAt: "2026-12-20T18:00",
          audience: "all",
        },
        fields: {
          title: "boundedText",
          description: "boundedText",
          dueAt: "date",
          audience: "choice",
          itemId: "id",
        },
      },
      {
        base: {
          intent: "event",
          kind: "event",
          title: "영상 제작 워크숍",
          place: "시청 3층 교육장",
          description: "",
          startsAt: "2026-12-09T14:00",
          endsAt: "2026-12-09T17:00",
          audience: "all",
          signUp: "on",
          capacity: "20",
          signUpClosesAt: "2026-12-08T18:00",
        },
        fields: { signUp: "flag", capacity: "number", signUpClosesAt: "date" },
      },
      { base: { intent: "remove", itemId: randomUUID() }, fields: { itemId: "id" } },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.submissions",
    params: cohort,
    forms: [
      {
        base: { submissionId: randomUUID(), decision: "accept", comment: "" },
        fields: { submissionId: "id", decision: "choice", comment: "boundedText" },
      },
    ],
  },
  {
    route: "$tenant.assignments",
    params: () => ({}),
    forms: [
      {
        base: { intent: "submit", itemId: randomUUID(), text: "팀 소개 영상", links: "https://youtu.be/a" },
        fields: { itemId: "id", text: "boundedText", links: "boundedText", intent: "choice" },
      },
    ],
  },
  {
    route: "$tenant.activities",
    params: () => ({}),
    forms: [
      {
        base: {
          cohortId: "<cohort>",
          kind: "meeting",
          happenedOn: "2025-05-14",
          minutes: "60",
          place: "",
          topic: "첫 만남",
          notes: "",
        },
        fields: {
          cohortId: "id",
          kind: "choice",
          happenedOn: "date",
          minutes: "number",
          place: "boundedText",
          topic: "boundedText",
          notes: "boundedText",
          participantIds: "id",
        },
      },
    ],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.attendance",
    params: cohort,
    forms: [
      {
        base: { itemId: randomUUID(), present: "true", who: "all" },
        fields: { itemId: "id", present: "choice", who: "choice" },
      },
    ],
  },
  {
    route: "$tenant.check-in.$itemId",
    params: () => ({ itemId: randomUUID() }),
    forms: [{ base: { code: "1.abc" }, fields: { code: "boundedText" } }],
  },
  {
    route: "$tenant.check-in.ceremony.$cohortId",
    params: cohort,
    forms: [{ base: { code: "1.abc" }, fields: { code: "boundedText" } }],
  },
  {
    route: "$tenant.my-calendar_.$itemId",
    params: () => ({ itemId: randomUUID() }),
    forms: [{ base: { intent: "sign_up" }, fields: { intent: "choice" } }],
  },
  {
    route: "$tenant.programs.cohorts.$cohortId.progress",
    params: cohort,
    forms: [{ base: { teamIds: randomUUID() }, fields: { teamIds: "id" } }],
  },
  {
    route: "$tenant.my-calendar",
    params: () => ({}),
    forms: [{ base: { intent: "revoke" }, fields: { intent: "choice" } }],
  },
  {
    route: "$tenant.notifications",
    params: () => ({}),
    forms: [
      {
        base: { intent: "read", notificationId: randomUUID() },
        fields: { intent: "choice", notificationId: "id" },
      },
      {
        base: { intent: "preferences", email: "team_nudge", inApp: "assignment_late" },
        fields: { email: "choice", inApp: "choice" },
      },
    ],
  },
  {
    route: "$tenant.my-data._index",
    params: () => ({}),
    forms: [
      {
        base: { intent: "correct", field: "phone", requestedValue: "033-640-5555", note: "" },
        fields: { intent: "choice", field: "choice", requestedValue: "boundedText", note: "boundedText" },
      },
    ],
  },
  {
    route: "$tenant.my-data.consent.$cohortId",
    params: cohort,
    forms: [{ base: { intent: "withdraw" }, fields: { intent: "choice" } }],
  },
  {
    route: "$tenant.admin.correction-requests",
    params: () => ({}),
    forms: [
      {
        base: { intent: "declined", requestId: randomUUID(), reason: "명부가 맞습니다" },
        fields: { intent: "choice", requestId: "id", reason: "boundedText" },
      },
    ],
  },
];

/** A route's case by its module's name: an index would point elsewhere once a case is inserted before it. */
function routeNamed(route: string): RouteCase {
  const found = routes.find((candidate) => candidate.route === route);
  if (!found) throw new Error(`no case for ${route}`);
  return found;
}

/** Posts per route: with one seed, the same cases every run. */
const numRuns = 10;
let cases = 0;
/** How the posts were answered, by status: the report says what was exercised (429s would mean limits did). */
const statuses = new Map<number, number>();

describe.each(routes)("$route", (route) => {
  it("answers every hostile value with a translated 4xx and writes nothing", async () => {
    // The template's and the settings' forms start from what they hold (filled in after the database is).
    for (const form of route.forms) {
      if (route.route.endsWith("templates.$templateId")) Object.assign(form.base, templateBase);
      if (route.route.endsWith("admin.settings") && !form.base.intent)
        Object.assign(form.base, { intent: "settings", ...settingsBase });
      if (form.base.applicationId === "<application>") form.base.applicationId = ids.application;
      if (form.base.cohortId === "<cohort>") form.base.cohortId = ids.cohort;
    }
    await fc.assert(
      fc.asyncProperty(
        caseArbitrary(route),
        fc.constantFrom("ko" as const, "en" as const),
        async (picked, locale) => {
          cases++;
          const before = await fingerprint();
          const { status, body } = await postForm(
            route,
            { ...picked.form.base, [picked.name]: expand(picked.value) },
            locale,
          );
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const what = `${picked.name}=${JSON.stringify(picked.value.slice(0, 40))}`;
          expect(status, `${what}: ${String(body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(status, what).toBeLessThan(500);
          if (status !== 404) {
            const messages = messagesOf(body);
            expect(messages.length, `${what}: no message`).toBeGreaterThan(0);
            for (const message of messages) {
              expect(message, what).not.toMatch(/^[a-z]+(\.[A-Za-z0-9_]+)+$/);
              expect(message, what).not.toContain("{{");
              if (locale === "ko") expect(message, what).toMatch(/[가-힣]/);
            }
          }
          expect(await fingerprint(), `${what} wrote to the database`).toBe(before);
        },
      ),
      { numRuns, seed: 13, endOnFailure: true },
    );
  });
});

describe("the write counter", () => {
  it("sees a post that writes, so that its silence means something", async () => {
    const before = await fingerprint();
    const { status } = await postForm(
      routeNamed("$tenant.admin.settings"),
      { intent: "add-signer", name: "홍길동", title: "부시장" },
      "ko",
    );
    expect(status).toBe(200);
    expect(await fingerprint()).not.toBe(before);
  });
});

describe("the values the outside test saved", () => {
  const post = (fields: Record<string, string>) =>
    postForm(routeNamed("$tenant.programs.templates.$templateId"), { ...templateBase, ...fields }, "ko");

  it.each([
    ["roles.mentor.eligibility.yearsOfService.max", "1e23"],
    ["roles.mentor.eligibility.birthYear.min", "-1"],
    ["roles.mentor.eligibility.departments.include", "0b6f1e7a-4d8c-4f3a-9f5e-2a1c3b4d5e6f"],
  ])("refuses %s = %s beside its field", async (name, value) => {
    const before = await fingerprint();
    const { status, body } = await post({ [name]: value });
    expect(status).toBe(400);
    expect((body as { error: Record<string, string[]> }).error[name]?.[0]).toMatch(/[가-힣]/);
    expect(await fingerprint()).toBe(before);
  });

  // Whatever the template's rubric is: one more point than it has, the first criterion's key again.
  it.each([
    ["rubric[0].name.ko", () => "정기\u0000만남", "rubric[0].name.ko", "평가 기준 1 이름(한국어)"],
    [
      "rubric[1].weight",
      () => String(Number(templateBase["rubric[1].weight"]) + 1),
      "rubric",
      "평가 기준: 가중치의 합이 100이어야 합니다 (지금 101)",
    ],
    ["rubric[0].scaleMax", () => "0", "rubric[0].scaleMax", "평가 기준 1 만점: 2 이상이어야 합니다"],
    [
      "rubric[1].key",
      () => String(templateBase["rubric[0].key"]),
      "rubric[1].key",
      "평가 기준 2 키: 같은 키가 두 번 쓰였습니다",
    ],
    [
      "rubric[0].levels[0].score",
      () => "11",
      "rubric[0].levels[0].score",
      "평가 기준 1 단계 1 점수: 단계 점수는 만점보다 클 수 없습니다",
    ],
  ])("refuses the rubric's %s beside its field, storing nothing", async (name, value, field, message) => {
    const before = await fingerprint();
    const levels = { "rubric[0].levels[0].score": "0", "rubric[0].levels[0].label.ko": "없음" };
    const { status, body } = await post({ ...levels, [name]: value() });
    expect(status).toBe(400);
    expect((body as { error: Record<string, string[]> }).error[field]?.[0]).toContain(message);
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a department of another city in an eligibility rule", async () => {
    const foreign = await testDb.db.withTenant(
      (await testDb.db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id,
      (tx) => tx.department.findFirstOrThrow(),
    );
    const name = "roles.mentee.eligibility.departments.exclude";
    const { status, body } = await post({ [name]: foreign.id });
    expect(status).toBe(400);
    expect((body as { error: Record<string, string[]> }).error[name]?.[0]).toContain("없는 부서");
  });

  it("does not say a signer of another city was removed", async () => {
    const before = await fingerprint();
    const { status } = await postForm(
      routeNamed("$tenant.admin.settings"),
      { intent: "remove-signer", signerId: ids.foreignSigner },
      "ko",
    );
    expect(status).toBe(404);
    expect(await fingerprint()).toBe(before);
  });

  // The calendar page has a form per item: a refusal the page cannot place beside its form is never seen.
  it.each([
    ["a control character", { title: "송년\u0000음악회" }],
    ["a missing title", { title: "" }],
    ["a use case's refusal", { endsAt: "2026-12-09T13:00" }],
  ])("says which item's form a refusal for %s answers", async (_what, spoiled) => {
    const calendar = routeNamed("$tenant.programs.cohorts.$cohortId.calendar");
    const [event] = calendar.forms.filter((form) => form.base.intent === "event");
    const itemId = randomUUID();
    const { status, body } = await postForm(calendar, { ...event?.base, itemId, ...spoiled }, "ko");
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body).toMatchObject({ status: "error", refused: "event", itemId });
  });

  it("refuses a NUL byte in any text with a message beside the field, in English too", async () => {
    const { status, body } = await postForm(
      routeNamed("$tenant.admin.settings"),
      { intent: "add-signer", name: "홍\u0000길동", title: "부시장" },
      "en",
    );
    expect(status).toBe(400);
    expect((body as { error: Record<string, string[]> }).error.name).toEqual([
      expect.stringContaining("control characters"),
    ]);
  });
});

afterAll(() => {
  // The count the report quotes: every fuzzed post of this file.
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  console.info(`form fuzz: ${cases} hostile posts over ${routes.length} routes (${byStatus.join(", ")})`);
});
