// A participant's calendar subscription, read as a calendar app reads it and parsed by an independent
// iCalendar parser (node-ical): the training at 14:00 in Seoul, the assignment due at 23:59 in Seoul, a
// VTIMEZONE for Asia/Seoul; a revoked address and a made-up one answer 404.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { createCalendarFeed, revokeCalendarFeed, saveCalendarItem } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import type { LoaderFunctionArgs } from "@remix-run/node";
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../app/routes/feeds.$tenant.$token";
import type { Services } from "../app/services/services.server";
import { servicesWithoutRedis } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { tenantId: "", cohortId: "", actorUserId: "", staffMemberId: "" };

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } })).id;
  const { tenantId } = city;
  await db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId }, orderBy: { number: "desc" } });
    city.cohortId = cohort.id;
    city.actorUserId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
    ).userId;
    // One published team of a junior, as publishing leaves it.
    const junior = await tx.application.findFirstOrThrow({
      where: { tenantId, cohortId: cohort.id, status: "accepted", role: "mentor" },
    });
    city.staffMemberId = junior.staffMemberId;
    const run = await tx.matchingRun.create({
      data: {
        tenantId,
        cohortId: cohort.id,
        number: 1,
        status: "succeeded",
        problem: {},
        publishedAt: new Date(),
      },
    });
    const team = await tx.team.create({
      data: { tenantId, cohortId: cohort.id, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    await tx.teamMember.create({
      data: { tenantId, cohortId: cohort.id, teamId: team.id, applicationId: junior.id, role: "mentor" },
    });
  });
  const common = { description: "", audience: "all" as const, teamId: null };
  await db.withTenant(tenantId, async (tx) => {
    await saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        ...common,
        kind: "training",
        title: "소통 역량 강화 교육",
        place: "시청 대회의실",
        attendance: true,
        startsAt: new Date("2025-03-12T05:00:00Z"),
        endsAt: new Date("2025-03-12T07:00:00Z"),
      },
    });
    await saveCalendarItem(tx, {
      ...city,
      itemId: null,
      item: {
        ...common,
        kind: "assignment",
        title: "팀 소개 영상 만들기",
        place: "",
        attendance: false,
        dueAt: new Date("2025-03-25T14:59:00Z"),
      },
    });
  });
}, 120_000);

afterAll(() => database?.drop());

async function read(token: string): Promise<{ status: number; body: string; type: string | null }> {
  try {
    const response = (await loader({
      request: new Request(`http://127.0.0.1/feeds/gangneung/${token}`),
      params: { tenant: "gangneung", token },
      context: { services, requestId: "test", nonce: "", clientAddress: "127.0.0.1" },
    } as unknown as LoaderFunctionArgs)) as Response;
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get("content-type"),
    };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: "", type: null };
    throw thrown;
  }
}

const makeFeed = () =>
  db.withTenant(city.tenantId, (tx) =>
    createCalendarFeed(tx, {
      tenantId: city.tenantId,
      staffMemberId: city.staffMemberId,
      actorUserId: city.actorUserId,
      now: new Date(),
    }),
  );

describe("a participant's calendar subscription", () => {
  it("reads in another parser with the training and the due time at their moments in Seoul", async () => {
    const { token } = await makeFeed();
    const feed = await read(token);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(feed.body).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul");
    expect(feed.body).toContain("TZOFFSETTO:+0900");
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((entry) => entry?.type === "VEVENT");
    const byTitle = new Map(events.map((event) => [String((event as { summary: unknown }).summary), event]));
    const training = byTitle.get("소통 역량 강화 교육") as { start: Date; end: Date; location: string };
    expect(training.start.toISOString()).toBe("2025-03-12T05:00:00.000Z");
    expect(training.end.toISOString()).toBe("2025-03-12T07:00:00.000Z");
    expect(training.location).toBe("시청 대회의실");
    expect(feed.body).toMatch(/DTSTART;TZID=Asia\/Seoul:20250312T140000/);
    const due = byTitle.get("마감: 팀 소개 영상 만들기") as { start: Date };
    expect(due.start.toISOString()).toBe("2025-03-25T14:59:00.000Z");
  });

  it("answers 404 for a revoked address, a replaced one and a made-up one", async () => {
    const { token: first } = await makeFeed();
    const { token: second } = await makeFeed();
    expect((await read(first)).status).toBe(404);
    expect((await read(second)).status).toBe(200);
    await db.withTenant(city.tenantId, (tx) =>
      revokeCalendarFeed(tx, {
        tenantId: city.tenantId,
        staffMemberId: city.staffMemberId,
        actorUserId: city.actorUserId,
        now: new Date(),
      }),
    );
    expect((await read(second)).status).toBe(404);
    expect((await read("A".repeat(43))).status).toBe(404);
    expect((await read("not-a-token")).status).toBe(404);
  });
});
