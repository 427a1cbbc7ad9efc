// The junior board's pages through the real routes against a seeded database: a member proposes on their
// board page, an executive answers on the cohort's proposals page (a reply is needed to adopt). Someone of
// another city gets 404 on both and writes nothing; a wrong role gets 403 (an executive on the members'
// page, a member on the executives' page); a mentoring cohort has no proposals page. Executives find the
// boards from their own list (with each board's proposals counted by status), and every page of a cohort
// knows from the cohort frame whether it is a board, so its menu offers proposals, not matching.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { calendarDate } from "@mentoring/domain";
import { copyBuiltinTemplate, createCohort } from "@mentoring/programs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as boardPage from "../app/routes/$tenant.board";
import * as cohortFrame from "../app/routes/$tenant.programs.cohorts.$cohortId";
import * as proposalsPage from "../app/routes/$tenant.programs.cohorts.$cohortId.proposals";
import * as boardsPage from "../app/routes/$tenant.proposals";
import type { Services } from "../app/services/services.server";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "", cohortId: "", reverseCohortId: "", otherCityBoardId: "" };
const browsers = {} as Record<
  "member" | "executive" | "coordinator" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let address = 0;
const from = () => `10.9.3.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    const acting = { tenantId, actorUserId: coordinator.userId };
    const board = await copyBuiltinTemplate(tx, { ...acting, builtinKey: "junior_board" });
    const reverse = await copyBuiltinTemplate(tx, { ...acting, builtinKey: "reverse_mentoring" });
    const create = (templateId: string) =>
      createCohort(tx, {
        ...acting,
        form: { templateId, recruitmentStart: "2026-03-02" },
        today: calendarDate("2026-02-20"),
      });
    city.cohortId = (await create(board.templateId)).cohortId;
    city.reverseCohortId = (await create(reverse.templateId)).cohortId;
    await tx.cohort.updateMany({ where: { tenantId, id: city.cohortId }, data: { status: "active" } });
    // A participant with an account, accepted on the board.
    const participant = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { equals: ["participant"] }, staffMemberId: { not: null } },
    });
    await tx.application.create({
      data: {
        tenantId,
        cohortId: city.cohortId,
        staffMemberId: participant.staffMemberId as string,
        role: "mentor",
        status: "accepted",
        eligibility: {},
      },
    });
    const executive = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "executive" } },
    });
    return { member: participant.userId, executive: executive.userId, coordinator: coordinator.userId };
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  // Yongin's own board: never listed nor reached under Gangneung's address.
  city.otherCityBoardId = await db.withTenant(yongin, async (tx) => {
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId: yongin, roles: { has: "coordinator" } },
    });
    const acting = { tenantId: yongin, actorUserId: coordinator.userId };
    const board = await copyBuiltinTemplate(tx, { ...acting, builtinKey: "junior_board" });
    const created = await createCohort(tx, {
      ...acting,
      form: { templateId: board.templateId, recruitmentStart: "2026-03-02" },
      today: calendarDate("2026-02-20"),
    });
    return created.cohortId;
  });
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "executive" } } }),
  );
  browsers.member = await signedInBrowser(services, users.member);
  browsers.executive = await signedInBrowser(services, users.executive);
  browsers.coordinator = await signedInBrowser(services, users.coordinator);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 120_000);

afterAll(() => database?.drop());

const params = (extra: Record<string, string> = {}) => ({ tenant: city.slug, ...extra });
const boardHome = (who: keyof typeof browsers) =>
  get(boardPage.loader, services, browsers[who], {
    path: `/${city.slug}/board`,
    address: from(),
    params: params(),
  });
const propose = (who: keyof typeof browsers, title: string) =>
  post(boardPage.action, services, browsers[who], {
    path: `/${city.slug}/board`,
    fields: {
      intent: "propose",
      cohortId: city.cohortId,
      title,
      body: "청년 직원의 주거 부담을 덜어 주세요.",
    },
    address: from(),
    params: params(),
  });
const proposals = (who: keyof typeof browsers, cohortId = city.cohortId) =>
  get(proposalsPage.loader, services, browsers[who], {
    path: `/${city.slug}/programs/cohorts/${cohortId}/proposals`,
    address: from(),
    params: params({ cohortId }),
  });
const answer = (who: keyof typeof browsers, proposalId: string, to: string, reply = "") =>
  post(proposalsPage.action, services, browsers[who], {
    path: `/${city.slug}/programs/cohorts/${city.cohortId}/proposals`,
    fields: { proposalId, to, reply },
    address: from(),
    params: params({ cohortId: city.cohortId }),
  });
const boards = (who: keyof typeof browsers) =>
  get(boardsPage.loader, services, browsers[who], {
    path: `/${city.slug}/proposals`,
    address: from(),
    params: params(),
  });
const frame = (who: keyof typeof browsers, cohortId = city.cohortId) =>
  get(cohortFrame.loader, services, browsers[who], {
    path: `/${city.slug}/programs/cohorts/${cohortId}/matching`,
    address: from(),
    params: params({ cohortId }),
  });
const stored = () =>
  db.withTenant(city.tenantId, (tx) =>
    tx.boardProposal.findMany({
      where: { tenantId: city.tenantId },
      select: { id: true, status: true, reply: true },
    }),
  );

describe("the junior board's pages", () => {
  it("answer someone of another city 404 on both pages, and store nothing", async () => {
    expect((await boardHome("outsider")).status).toBe(404);
    expect((await propose("outsider", "외부인 제안")).status).toBe(404);
    expect((await proposals("outsider")).status).toBe(404);
    expect((await answer("outsider", "00000000-0000-4000-8000-000000000000", "reviewed")).status).toBe(404);
    expect(await stored()).toEqual([]);
  });

  it("refuse the wrong role with 403: an executive proposing, a member answering", async () => {
    expect((await boardHome("executive")).status).toBe(403);
    expect((await propose("executive", "간부 제안")).status).toBe(403);
    expect((await proposals("member")).status).toBe(403);
    expect(
      (await answer("member", "00000000-0000-4000-8000-000000000000", "adopted", "자화자찬")).status,
    ).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it("let a member propose and an executive adopt it with a reply, not without one", async () => {
    expect((await propose("member", "청년 직원 관사 지원")).body).toEqual({
      proposed: true,
      cohortId: city.cohortId,
    });
    const page = (await boardHome("member")).body as {
      boards: { proposals: { id: string; status: string }[] }[];
    };
    const [proposal] = page.boards[0]?.proposals ?? [];
    expect(proposal?.status).toBe("proposed");
    const id = proposal?.id as string;
    expect((await answer("executive", id, "adopted")).status).toBe(422);
    expect((await answer("executive", id, "adopted", "내년 예산에 반영하겠습니다.")).body).toEqual({
      proposalId: id,
      status: "adopted",
    });
    expect((await answer("executive", id, "declined", "번복")).status).toBe(409);
    expect(await stored()).toEqual([{ id, status: "adopted", reply: "내년 예산에 반영하겠습니다." }]);
    const list = (await proposals("executive")).body as {
      groups: { status: string; proposals: unknown[] }[];
    };
    expect(list.groups.map((group) => [group.status, group.proposals.length])).toEqual([
      ["proposed", 0],
      ["reviewed", 0],
      ["adopted", 1],
      ["declined", 0],
    ]);
  });

  it("have no proposals page for a mentoring cohort", async () => {
    expect((await proposals("executive", city.reverseCohortId)).status).toBe(404);
  });
});

describe("the executives' way to the boards", () => {
  it("lists the city's boards alone, with their proposals counted by status and a link to answer them", async () => {
    const page = (await boards("executive")).body as {
      boards: { cohortId: string; proposals: Record<string, number>; to: string }[];
    };
    expect(page.boards.map((board) => board.cohortId)).toEqual([city.cohortId]);
    // The adopted proposal of the test above.
    expect(page.boards[0]?.proposals).toEqual({ proposed: 0, reviewed: 0, adopted: 1, declined: 0 });
    expect(page.boards[0]?.to).toBe(`/${city.slug}/programs/cohorts/${city.cohortId}/proposals`);
  });

  it("is the coordinator's too, and is refused to a member (403) and to someone of another city (404)", async () => {
    expect((await boards("coordinator")).status).toBe(200);
    expect((await boards("member")).status).toBe(403);
    expect((await boards("outsider")).status).toBe(404);
  });
});

describe("the cohort frame every cohort page sits in", () => {
  it("tells the menu that a board is a board and a mentoring cohort is not", async () => {
    expect((await frame("coordinator")).body).toEqual({ cohortKind: "board" });
    expect((await frame("coordinator", city.reverseCohortId)).body).toEqual({ cohortKind: "reverse" });
    // The executives reach a board's proposals page inside the frame too.
    expect((await frame("executive")).body).toEqual({ cohortKind: "board" });
  });

  it("answers 404 for another city's cohort and 403 to a member, and reads nothing for them", async () => {
    expect((await frame("outsider")).status).toBe(404);
    expect((await frame("member")).status).toBe(403);
    expect((await frame("coordinator", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    // Another city's cohort id under this city's address is no cohort here.
    expect((await frame("coordinator", city.otherCityBoardId)).status).toBe(404);
    expect((await proposals("executive", city.otherCityBoardId)).status).toBe(404);
  });
});
