// Who may sign up for an event and check in to the ceremony, asked of the real routes: a participant the
// event is for signs up (a double post keeps one place), a member without the participant's permission is
// refused with 403, someone of another city gets 404, and a participant cannot change the calendar.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { saveCalendarItem } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  action as ceremonyCheckIn,
  loader as ceremonyPage,
} from "../app/routes/$tenant.check-in.ceremony.$cohortId";
import { action as itemAction, loader as itemPage } from "../app/routes/$tenant.my-calendar_.$itemId";
import { action as calendarAction } from "../app/routes/$tenant.programs.cohorts.$cohortId.calendar";
import type { Services } from "../app/services/services.server";
import { formMessages, get, post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "", cohortId: "", itemId: "" };
const browsers = {} as Record<
  "junior" | "executive" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let address = 0;
const from = () => `10.9.0.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    city.cohortId = cohort.id;
    let member = await tx.teamMember.findFirst({
      where: { tenantId, cohortId: cohort.id },
      select: { application: { select: { staffMemberId: true } } },
    });
    if (!member) {
      // No teams published yet: one team of one junior is enough to be expected at an event.
      const application = await tx.application.findFirstOrThrow({
        where: { tenantId, cohortId: cohort.id, status: "accepted", role: "mentor" },
      });
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
      await tx.teamMember.create({
        data: {
          tenantId,
          cohortId: cohort.id,
          teamId: team.id,
          applicationId: application.id,
          role: "mentor",
        },
      });
      member = { application: { staffMemberId: application.staffMemberId } };
    }
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    city.itemId = (
      await saveCalendarItem(tx, {
        tenantId,
        cohortId: cohort.id,
        itemId: null,
        actorUserId: coordinator.userId,
        item: {
          kind: "event",
          title: "힐링 음악회",
          description: "",
          place: "강릉아트센터",
          audience: "all",
          teamId: null,
          attendance: false,
          startsAt: new Date(Date.now() + 7 * 86_400_000),
          endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000),
          signUp: true,
          capacity: 100,
        },
      })
    ).itemId;
    await tx.ceremony.upsert({
      where: { tenantId_cohortId: { tenantId, cohortId: cohort.id } },
      create: { tenantId, cohortId: cohort.id, startsAt: new Date(), place: "강릉시청 대회의실" },
      update: {},
    });
    return {
      junior: (
        await tx.membership.findFirstOrThrow({
          where: { tenantId, staffMemberId: member.application.staffMemberId },
        })
      ).userId,
      executive: (
        await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { equals: ["executive"] } } })
      ).userId,
    };
  });
  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "participant" } } }),
  );
  browsers.junior = await signedInBrowser(services, users.junior);
  browsers.executive = await signedInBrowser(services, users.executive);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 120_000);

afterAll(() => database?.drop());

const itemPath = () => `/${city.slug}/my-calendar/${city.itemId}`;
const itemParams = () => ({ tenant: city.slug, itemId: city.itemId });
const signUp = (who: keyof typeof browsers) =>
  post(itemAction, services, browsers[who], {
    path: itemPath(),
    fields: { intent: "sign_up" },
    address: from(),
    params: itemParams(),
  });
const places = () =>
  db.withTenant(city.tenantId, (tx) => tx.eventSignup.count({ where: { itemId: city.itemId } }));

describe("signing up for an event through its page", () => {
  it("takes the place of a participant it is for, once for a double post", async () => {
    const page = await get(itemPage, services, browsers.junior, {
      path: itemPath(),
      address: from(),
      params: itemParams(),
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ signUp: { capacity: 100, taken: 0, signedUp: false } });
    const [one, two] = await Promise.all([signUp("junior"), signUp("junior")]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(await places()).toBe(1);
  });

  it("answers 403 to a member without the participant's permission, and writes nothing", async () => {
    expect((await signUp("executive")).status).toBe(403);
    expect(
      (
        await get(itemPage, services, browsers.executive, {
          path: itemPath(),
          address: from(),
          params: itemParams(),
        })
      ).status,
    ).toBe(403);
    expect(await places()).toBe(1);
  });

  it("answers 404 to someone of another city, and writes nothing", async () => {
    expect((await signUp("outsider")).status).toBe(404);
    expect(await places()).toBe(1);
  });

  it("does not let a participant change the event's places in the calendar (403)", async () => {
    const refused = await post(calendarAction, services, browsers.junior, {
      path: `/${city.slug}/programs/cohorts/${city.cohortId}/calendar`,
      fields: {
        intent: "event",
        itemId: city.itemId,
        kind: "event",
        title: "힐링 음악회",
        startsAt: "2030-01-01T10:00",
        endsAt: "2030-01-01T12:00",
        signUp: "on",
        capacity: "1",
      },
      address: from(),
      params: { tenant: city.slug, cohortId: city.cohortId },
    });
    expect(refused.status).toBe(403);
    const item = await db.withTenant(city.tenantId, (tx) =>
      tx.calendarItem.findUniqueOrThrow({ where: { id: city.itemId }, select: { capacity: true } }),
    );
    expect(item.capacity).toBe(100);
  });
});

describe("the ceremony's check-in page", () => {
  const path = () => `/${city.slug}/check-in/ceremony/${city.cohortId}`;
  const params = () => ({ tenant: city.slug, cohortId: city.cohortId });

  it("answers 403 to a member without the participant's permission and 404 to another city's", async () => {
    for (const [who, status] of [
      ["executive", 403],
      ["outsider", 404],
    ] as const) {
      expect(
        (
          await get(ceremonyPage, services, browsers[who], {
            path: path(),
            address: from(),
            params: params(),
          })
        ).status,
      ).toBe(status);
      expect(
        (
          await post(ceremonyCheckIn, services, browsers[who], {
            path: path(),
            fields: { code: "1.abc" },
            address: from(),
            params: params(),
          })
        ).status,
      ).toBe(status);
    }
  });

  it("refuses a junior's forged code with a translated message, marking nothing", async () => {
    const refused = await post(ceremonyCheckIn, services, browsers.junior, {
      path: path(),
      fields: { code: `9999999999.${"A".repeat(43)}` },
      address: from(),
      params: params(),
    });
    expect(refused.status).toBe(400);
    expect(formMessages(refused)).toEqual([
      "출석 코드가 올바르지 않습니다. 화면의 QR 코드를 다시 찍어 주세요.",
    ]);
    const marked = await db.withTenant(city.tenantId, (tx) =>
      tx.ceremonyAttendance.count({ where: { method: "check_in" } }),
    );
    expect(marked).toBe(0);
  });
});
