import type { Database } from "@mentoring/db";
import { GANGNEUNG_EDGE_CASES, seedAll } from "@mentoring/db/seed";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { CONSENT_VERSION } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPrograms } from "../src/seed";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedAll(db);
  await seedPrograms(db);
});

afterAll(() => database?.drop());

async function cohortsOf(slug: string) {
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug } });
  return db.withTenant(tenant.id, (tx) =>
    tx.cohort.findMany({
      where: { tenantId: tenant.id },
      orderBy: [{ title: "asc" }, { number: "asc" }],
      include: {
        applications: { select: { role: true, status: true, consentVersion: true } },
        surveyRounds: { include: { responses: { select: { submittedAt: true } } } },
      },
    }),
  );
}

const count = (rows: { role: string; status: string }[], role: string) =>
  rows.filter((row) => row.role === role && row.status === "accepted").length;

describe("the seeded programs", () => {
  it("has Gangneung's reverse mentoring 2nd cohort in orientation, 30 juniors and 10 managers, every pre-survey answered", async () => {
    const [cohort] = await cohortsOf("gangneung");
    expect(cohort?.title).toBe("거꾸로 멘토링 2기");
    expect(cohort?.status).toBe("orientation");
    expect(cohort?.orientation.toISOString().slice(0, 10)).toBe("2025-02-21");
    expect(count(cohort?.applications ?? [], "mentor")).toBe(30);
    expect(count(cohort?.applications ?? [], "mentee")).toBe(10);
    expect(cohort?.applications.every((a) => a.consentVersion === CONSENT_VERSION)).toBe(true);
    expect(cohort?.surveyRounds.map((round) => round.questionSetKey).sort()).toEqual([
      "digital_diagnostic",
      "pre_survey",
    ]);
    for (const round of cohort?.surveyRounds ?? []) {
      expect(round.responses.filter((r) => r.submittedAt !== null)).toHaveLength(40);
    }
  });

  it("has Yongin's new-official mentoring with 14 mentors and 24 new officials, part of them yet to answer, and a 2nd cohort recruiting", async () => {
    const [first, second] = await cohortsOf("yongin");
    expect(count(first?.applications ?? [], "mentor")).toBe(14);
    expect(count(first?.applications ?? [], "mentee")).toBe(24);
    const preSurvey = first?.surveyRounds.find((round) => round.questionSetKey === "pre_survey");
    expect(preSurvey?.responses.length).toBeGreaterThan(20);
    expect(preSurvey?.responses.length).toBeLessThan(38);
    expect(second?.status).toBe("recruiting");
    expect(second?.applications).toEqual([]);
  });

  it("gives the people on either side of the rules an account to apply with", async () => {
    const gangneung = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } });
    const linked = await db.withTenant(gangneung.id, (tx) =>
      tx.membership.findMany({
        where: {
          tenantId: gangneung.id,
          staffMember: { employeeNumber: { in: ["G2021-0904", "G2019-0905"] } },
        },
      }),
    );
    expect(linked).toHaveLength(2);
    expect(GANGNEUNG_EDGE_CASES.grade9SixYears.employeeNumber).toBe("G2019-0905");
  });

  it("changes nothing when run again", async () => {
    const before = await cohortsOf("gangneung");
    await seedAll(db);
    await seedPrograms(db);
    const after = await cohortsOf("gangneung");
    expect(after.map((c) => [c.id, c.applications.length])).toEqual(
      before.map((c) => [c.id, c.applications.length]),
    );
  });
});
