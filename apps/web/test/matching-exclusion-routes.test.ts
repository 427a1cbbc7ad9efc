// The matching page's exclusion intent and its swap of someone unplaced, asked of the real route: the
// coordinator excludes a person for the next run with a reason and takes them back in, forgetting to choose
// the person is answered at the field, someone the run left unplaced takes a placed person's place, a
// member without the matching permission gets 403 and someone of another city 404, and neither writes.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import type { MatchingProblemInput } from "@mentoring/matching";
import {
  getRun,
  runMatching,
  setExclusion,
  startMatchingRun,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../app/routes/$tenant.programs.cohorts.$cohortId.matching";
import type { Services } from "../app/services/services.server";
import { post, servicesWithoutRedis, signedInBrowser } from "./requests";

let database: SeededTestDatabase;
let db: Database;
let services: Services;
const city = { slug: "gangneung", tenantId: "", cohortId: "", runId: "", coordinatorId: "" };
const browsers = {} as Record<
  "coordinator" | "executive" | "outsider",
  Awaited<ReturnType<typeof signedInBrowser>>
>;
let address = 0;
const from = () => `10.9.3.${++address}`;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  services = servicesWithoutRedis(db);
  await seedPrograms(db);
  city.tenantId = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
  const { tenantId } = city;
  const users = await db.withTenant(tenantId, async (tx) => {
    city.cohortId = (
      await tx.cohort.findFirstOrThrow({ where: { tenantId, title: "거꾸로 멘토링 2기" } })
    ).id;
    return {
      coordinator: (
        await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: "coordinator" } } })
      ).userId,
      executive: (
        await tx.membership.findFirstOrThrow({ where: { tenantId, roles: { equals: ["executive"] } } })
      ).userId,
    };
  });
  city.coordinatorId = users.coordinator;
  const acting = { tenantId, cohortId: city.cohortId, actorUserId: users.coordinator };
  await db.withTenant(tenantId, (tx) =>
    transitionCohort(tx, {
      ...acting,
      to: "matching",
      override: true,
      reason: "매칭 일정 시작",
      today: tenantToday("Asia/Seoul"),
      appUrl: "http://localhost",
    }),
  );
  // A run with someone unplaced: one junior excluded, the run based on it leaves two juniors out.
  const base = (await db.withTenant(tenantId, (tx) => startMatchingRun(tx, acting))).runId;
  await runMatching(db, { tenantId, runId: base });
  const baseProblem = (await runRow(base)).problem as unknown as MatchingProblemInput;
  const junior = baseProblem.participants.find((person) => person.role === "mentor")?.id ?? "";
  await db.withTenant(tenantId, (tx) =>
    setExclusion(tx, { ...acting, runId: base, applicationId: junior, on: true }),
  );
  city.runId = (
    await db.withTenant(tenantId, (tx) => startMatchingRun(tx, { ...acting, basedOnRunId: base }))
  ).runId;
  await runMatching(db, { tenantId, runId: city.runId });

  const yongin = (await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } })).id;
  const outsider = await db.withTenant(yongin, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } }),
  );
  browsers.coordinator = await signedInBrowser(services, users.coordinator);
  browsers.executive = await signedInBrowser(services, users.executive);
  browsers.outsider = await signedInBrowser(services, outsider.userId);
}, 180_000);

afterAll(() => database?.drop());

function runRow(runId: string) {
  return db.withTenant(city.tenantId, (tx) =>
    tx.matchingRun.findFirstOrThrow({ where: { tenantId: city.tenantId, id: runId } }),
  );
}
const view = () =>
  db.withTenant(city.tenantId, (tx) =>
    getRun(tx, { tenantId: city.tenantId, cohortId: city.cohortId, runId: city.runId }),
  );
const path = () => `/${city.slug}/programs/cohorts/${city.cohortId}/matching?run=${city.runId}`;
const send = (who: keyof typeof browsers, fields: Record<string, string>) =>
  post(action, services, browsers[who], {
    path: path(),
    fields: { runId: city.runId, ...fields },
    address: from(),
    params: { tenant: city.slug, cohortId: city.cohortId },
  });
const excluded = async () =>
  ((await runRow(city.runId)).problem as unknown as MatchingProblemInput).constraints?.excluded ?? [];

describe("excluding a person through the matching page", () => {
  it("excludes with a reason for the coordinator, and takes the person back in", async () => {
    const person = (await view()).teams?.[0]?.members[0]?.applicationId ?? "";
    const before = await excluded();
    const done = await send("coordinator", {
      intent: "exclusion",
      on: "1",
      applicationId: person,
      reason: "장기 출장",
    });
    expect(done).toMatchObject({
      status: 200,
      body: { intent: "exclusion", on: true, applicationId: person },
    });
    expect(await excluded()).toEqual([...before, person]);
    expect((await runRow(city.runId)).exclusionReasons).toEqual({ [person]: "장기 출장" });

    const lifted = await send("coordinator", { intent: "exclusion", on: "0", applicationId: person });
    expect(lifted).toMatchObject({ status: 200, body: { intent: "exclusion", on: false } });
    expect(await excluded()).toEqual(before);
  });

  it("asks for the person when none was chosen, for the exclusion form, and writes nothing", async () => {
    const before = await excluded();
    const refused = await send("coordinator", { intent: "exclusion", on: "1", reason: "장기 출장" });
    expect(refused).toMatchObject({
      status: 400,
      body: { refused: "exclusion", error: { "": ["제외할 사람을 고르세요."] } },
    });
    expect(await excluded()).toEqual(before);
  });

  it("answers 403 to a member without the matching permission and 404 to another city's, writing nothing", async () => {
    const person = (await view()).teams?.[0]?.members[0]?.applicationId ?? "";
    const before = await excluded();
    for (const [who, status] of [
      ["executive", 403],
      ["outsider", 404],
    ] as const)
      expect((await send(who, { intent: "exclusion", on: "1", applicationId: person })).status).toBe(status);
    expect(await excluded()).toEqual(before);
  });
});

describe("swapping someone unplaced into a team through the matching page", () => {
  it("puts the unplaced junior in the chosen junior's place for the coordinator", async () => {
    const run = await view();
    const waiting = run.unplaced.find((person) => person.role === "mentor" && person.code !== "excluded");
    const leaving = run.teams?.[0]?.members.find((member) => member.role === "mentor")?.applicationId;
    if (!waiting || !leaving) throw new Error("no junior waiting or placed");
    const done = await send("coordinator", {
      intent: "swap",
      applicationId: waiting.applicationId,
      withApplicationId: leaving,
    });
    expect(done).toMatchObject({
      status: 200,
      body: { intent: "edit", applicationId: waiting.applicationId },
    });
    const after = await view();
    expect(after.teams?.[0]?.members.map((member) => member.applicationId)).toContain(waiting.applicationId);
    expect(after.unplaced.map((person) => person.applicationId)).toContain(leaving);
  });

  it("answers 403 and 404 to the swap as to any edit, and moves no one", async () => {
    const run = await view();
    const waiting = run.unplaced.find((person) => person.role === "mentor" && person.code !== "excluded");
    const placed = run.teams?.[1]?.members.find((member) => member.role === "mentor")?.applicationId ?? "";
    for (const [who, status] of [
      ["executive", 403],
      ["outsider", 404],
    ] as const)
      expect(
        (
          await send(who, {
            intent: "swap",
            applicationId: waiting?.applicationId ?? "",
            withApplicationId: placed,
          })
        ).status,
      ).toBe(status);
    expect((await view()).teams?.[1]?.members.map((member) => member.applicationId)).toContain(placed);
  });
});
