// The notifications page and the bell, asked of the real routes: a participant sees their own notices worded
// in Korean and the layout's unread count; marking one read lowers it; another person's notice is not found
// (404) and stays unread; someone of another city gets 404 and writes nothing; the choices are saved.
import { type Database, NotificationKind } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { nudgeTeams } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as layout } from "../app/routes/$tenant";
import { action, loader } from "../app/routes/$tenant.notifications";
import type { Services } from "../app/services/services.server";
import { get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "", cohortId: "" };
const people = { junior: "", teammate: "" };
const browsers = {} as Record<"junior" | "outsider", Awaited<ReturnType<typeof signedInBrowser>>>;
let address = 0;
const from = () => `10.9.1.${++address}`;
const path = () => `/${city.slug}/notifications`;
const params = () => ({ tenant: city.slug });

type Page = {
  unread: number;
  notifications: { id: string; text: string; link: string; read: boolean }[];
  choices: { kind: string; email: boolean; inApp: boolean }[];
};
const page = async (who: keyof typeof browsers) =>
  get(loader, services, browsers[who], { path: path(), address: from(), params: params() });
const bell = async () =>
  (
    (
      await get(layout, services, browsers.junior, {
        path: `/${city.slug}`,
        address: from(),
        params: params(),
      })
    ).body as { bell: { to: string; unread: number } | null }
  ).bell;
const unreadOf = (staffMemberId: string) =>
  db.withTenant(city.tenantId, (tx) =>
    tx.notification.count({ where: { tenantId: city.tenantId, staffMemberId, readAt: null } }),
  );

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const junior = await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    city.cohortId = cohort.id;
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    // A participant with an account and one teammate, in a team of the cohort.
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, staffMemberId: true },
    });
    const account = await tx.membership.findFirstOrThrow({
      where: { tenantId, staffMemberId: { in: accepted.map((a) => a.staffMemberId) } },
    });
    people.junior = account.staffMemberId as string;
    const application = accepted.find((a) => a.staffMemberId === people.junior) as (typeof accepted)[number];
    const other = await tx.application.findFirstOrThrow({
      where: { tenantId, cohortId: cohort.id, status: "accepted", id: { not: application.id } },
    });
    people.teammate = other.staffMemberId;
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        number: 99,
        status: "succeeded",
        problem: {},
        publishedAt: new Date(),
      },
    });
    const team = await tx.team.create({
      data: { tenantId, cohortId: cohort.id, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    await tx.teamMember.createMany({
      data: [application, other].map((a, index) => ({
        tenantId,
        cohortId: cohort.id,
        teamId: team.id,
        applicationId: a.id,
        role: index === 0 ? ("mentor" as const) : ("mentee" as const),
      })),
    });
    await nudgeTeams(tx, {
      tenantId,
      cohortId: cohort.id,
      teamIds: [team.id],
      today: "2025-04-01" as never,
      actorUserId: coordinator.userId,
      appUrl: "http://127.0.0.1",
    });
    return account.userId;
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "participant" } } }),
  );
  browsers.junior = await signedInBrowser(services, junior);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 120_000);

afterAll(() => database?.drop());

describe("a participant's notifications page", () => {
  it("lists their notice in Korean, and the layout's bell counts it", async () => {
    const seen = await page("junior");
    expect(seen.status).toBe(200);
    const body = seen.body as Page;
    expect(body.unread).toBe(1);
    expect(body.notifications).toHaveLength(1);
    expect(body.notifications[0]).toMatchObject({ link: `/${city.slug}/activities`, read: false });
    expect(body.notifications[0]?.text).toMatch(/^1팀의 활동 기록이 \d+일째 없습니다\./);
    // A choice for every kind of notice, in the order the kinds are declared.
    expect(body.choices.map((choice: { kind: string }) => choice.kind)).toEqual(
      Object.values(NotificationKind),
    );
    expect(await bell()).toEqual({ to: `/${city.slug}/notifications`, unread: 1 });
  });

  it("does not find another person's notice for them (404), which stays unread", async () => {
    const theirs = await db.withTenant(city.tenantId, (tx) =>
      tx.notification.findFirstOrThrow({
        where: { tenantId: city.tenantId, staffMemberId: people.teammate },
      }),
    );
    const refused = await post(action, services, browsers.junior, {
      path: path(),
      fields: { intent: "read", notificationId: theirs.id },
      address: from(),
      params: params(),
    });
    expect(refused.status).toBe(404);
    expect(await unreadOf(people.teammate)).toBe(1);
  });

  it("answers 404 to someone of another city, and writes nothing", async () => {
    expect((await page("outsider")).status).toBe(404);
    const refused = await post(action, services, browsers.outsider, {
      path: path(),
      fields: { intent: "read_all" },
      address: from(),
      params: params(),
    });
    expect(refused.status).toBe(404);
    expect(await unreadOf(people.junior)).toBe(1);
  });

  it("marks their notice read, which empties the bell", async () => {
    const [notice] = ((await page("junior")).body as Page).notifications;
    const done = await post(action, services, browsers.junior, {
      path: path(),
      fields: { intent: "read", notificationId: notice?.id as string },
      address: from(),
      params: params(),
    });
    expect(done.status).toBe(200);
    expect(await unreadOf(people.junior)).toBe(0);
    expect(await bell()).toEqual({ to: `/${city.slug}/notifications`, unread: 0 });
  });

  it("saves the choices: the kinds not ticked are off on that channel", async () => {
    const saved = await post(action, services, browsers.junior, {
      path: path(),
      fields: { intent: "preferences", email: "team_published", inApp: "team_nudge" },
      address: from(),
      params: params(),
    });
    expect(saved.status).toBe(200);
    const choices = ((await page("junior")).body as Page).choices;
    expect(choices.find((choice) => choice.kind === "team_nudge")).toEqual({
      kind: "team_nudge",
      email: false,
      inApp: true,
    });
    expect(choices.find((choice) => choice.kind === "team_published")).toMatchObject({
      email: true,
      inApp: false,
    });
    expect(choices.find((choice) => choice.kind === "assignment_late")).toMatchObject({
      email: false,
      inApp: false,
    });
  });
});
