// A junior board's template settings page, rendered and saved as Remix does against a real database. A board
// forms no teams, so its page shows no team shape, mentee eligibility nor pairing certificate, and says so
// in words; saving the page keeps those unused parts as they were; a post that sends them anyway (no board
// page has such fields) is refused at the kind, naming why, and saves nothing. A mentoring template's page
// keeps all of them.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { copyBuiltinTemplate, loadTemplate } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tenantLayout from "../app/routes/$tenant";
import * as settingsPage from "../app/routes/$tenant.programs.templates.$templateId";
import type { Services } from "../app/services/services.server";
import { templateFormValues } from "../app/services/template-form";
import { documentHandler } from "./render-document";
import { post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
let tenantId = "";
const templates = { board: "", reverse: "" };
let coordinator: Awaited<ReturnType<typeof signedInBrowser>>;
let address = 0;
const from = () => `10.9.11.${++address}`;

const render = documentHandler([
  { id: "routes/$tenant", path: ":tenant", module: tenantLayout },
  {
    id: "routes/$tenant.programs.templates.$templateId",
    path: "programs/templates/:templateId",
    module: settingsPage,
  },
]);

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
    const acting = { tenantId, actorUserId: membership.userId };
    templates.board = (await copyBuiltinTemplate(tx, { ...acting, builtinKey: "junior_board" })).templateId;
    templates.reverse = (
      await copyBuiltinTemplate(tx, { ...acting, builtinKey: "reverse_mentoring" })
    ).templateId;
  });
}, 120_000);

afterAll(() => database?.drop());

const current = (templateId: string) =>
  db.withTenant(tenantId, (tx) => loadTemplate(tx, tenantId, templateId));

/** The form's fields as the page posts them ("" is an empty field, which the browser sends too). */
function formFields(value: unknown, prefix: string): Record<string, string> {
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => formFields(item, `${prefix}[${index}]`)));
  if (typeof value === "object" && value !== null)
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, inner]) => formFields(inner, prefix ? `${prefix}.${key}` : key)),
    );
  return value === undefined ? {} : { [prefix]: String(value) };
}

/**
 * What a board's page posts: every field but the team shape, the mentee role, the certificate and the
 * phases a board skips (orientation, matching, the pairing ceremony).
 */
async function boardPagePost() {
  const {
    teamShape: _shape,
    certificate: _certificate,
    roles,
    phases: { orientation: _orientation, matching: _matching, ceremony: _ceremony, ...phases },
    ...rest
  } = templateFormValues((await current(templates.board)).definition);
  return formFields({ ...rest, phases, roles: { mentor: roles.mentor } }, "");
}

const save = (templateId: string, fields: Record<string, string>) =>
  post(settingsPage.action, services, coordinator, {
    path: `/gangneung/programs/templates/${templateId}`,
    fields,
    address: from(),
    params: { tenant: "gangneung", templateId },
  });

const page = async (templateId: string) =>
  render(services, `http://127.0.0.1/gangneung/programs/templates/${templateId}`, coordinator.cookie);

describe("a junior board's template settings", () => {
  it("shows no team shape, mentee eligibility nor certificate, and says why", async () => {
    const { status, html } = await page(templates.board);
    expect(status).toBe(200);
    expect(html).toContain("주니어보드는 팀을 만들지 않고 위원만 모집하므로");
    expect(html).not.toContain('name="teamShape.mentors.min"');
    expect(html).not.toContain('name="roles.mentee.quota"');
    expect(html).not.toContain('name="certificate.title"');
    // The members' eligibility is there, under the members' name.
    expect(html).toContain('name="roles.mentor.quota"');
    expect(html).toContain("위원 신청 자격과 모집 인원");
    // Its phases, without those a board does not go through.
    expect(html).toContain('name="phases.recruitmentEnd"');
    expect(html).toContain('name="phases.activitiesStart"');
    for (const skipped of ["orientation", "matching", "ceremony"])
      expect(html).not.toContain(`name="phases.${skipped}"`);
  });

  it("saves the page's own fields and keeps the unused parts as they were", async () => {
    const before = (await current(templates.board)).definition;
    const fields = { ...(await boardPagePost()), "roles.mentor.quota": "25" };
    const saved = await save(templates.board, fields);
    expect(saved.status).toBe(200);
    const after = (await current(templates.board)).definition;
    expect(after.roles.mentor.quota).toBe(25);
    expect(after.teamShape).toEqual(before.teamShape);
    expect(after.roles.mentee).toEqual(before.roles.mentee);
    expect(after.certificate).toEqual(before.certificate);
  });

  it("puts the phases it skips on the last day of recruitment when its phases are saved", async () => {
    const fields = {
      ...(await boardPagePost()),
      "phases.recruitmentEnd": "12",
      "phases.activitiesStart": "14",
    };
    expect((await save(templates.board, fields)).status).toBe(200);
    const { phases } = (await current(templates.board)).definition;
    expect(phases).toMatchObject({
      recruitmentEnd: 12,
      orientation: 12,
      matching: 12,
      ceremony: 12,
      activitiesStart: 14,
    });
  });

  it("refuses a post that sends a team shape or a mentee quota for a board, at the kind, saving nothing", async () => {
    const before = await current(templates.board);
    const forgeries: Record<string, string>[] = [
      { "teamShape.mentees.max": "3" },
      { "roles.mentee.quota": "5" },
    ];
    for (const forged of forgeries) {
      const refused = await save(templates.board, { ...(await boardPagePost()), ...forged });
      expect(refused.status).toBe(400);
      expect((refused.body as { error: Record<string, string[]> }).error.kind?.[0]).toContain(
        "주니어보드에는 팀 구성, 멘티 자격, 결연증서를 저장할 수 없습니다",
      );
    }
    expect(await current(templates.board)).toEqual(before);
  });
});

describe("a mentoring template's settings", () => {
  it("keeps its team shape, both roles' eligibility and its certificate", async () => {
    const { status, html } = await page(templates.reverse);
    expect(status).toBe(200);
    expect(html).not.toContain("주니어보드는 팀을 만들지 않고");
    for (const name of [
      "teamShape.mentors.min",
      "roles.mentee.quota",
      "certificate.title",
      "phases.matching",
    ])
      expect(html).toContain(`name="${name}"`);
  });
});
