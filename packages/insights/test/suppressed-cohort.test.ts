// Suppression end to end, as an analyst would attack the table: Yongin's cohort with only 4 of its mentors
// placed (ten were turned down), the 24 new officials dealt 6 to a team, opted in. The published rows are
// read back from the database and turned into equations: every shown value and people count, the relations
// anyone knows (mentors + mentees = participants; the published shape taken as every team's; the city's
// totals as the sums of its cohorts), and the city's totals wherever its shown figures give them. The 4 is
// not among them and does not follow from them.
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { type LinearForm, LinearKnowledge } from "@mentoring/domain";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTeams, seededCohortOf } from "../../programs/test/certificates-support";
import { aggregateInsights } from "../src/publications";

let database: SeededTestDatabase;
let db: Database;
let tenantId = "";

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  const city = await seededCohortOf(db, "yongin", "first");
  tenantId = city.tenantId;
  await db.withTenant(tenantId, async (tx) => {
    const mentors = await tx.application.findMany({
      where: { tenantId, cohortId: city.cohortId, role: "mentor", status: "accepted" },
      orderBy: { submittedAt: "asc" },
      select: { id: true },
    });
    await tx.application.updateMany({
      where: { id: { in: mentors.slice(4).map((mentor) => mentor.id) } },
      data: { status: "rejected" },
    });
  });
  await publishTeams(db, tenantId, city.cohortId);
  await db.withTenant(tenantId, (tx) =>
    tx.cohort.updateMany({ where: { tenantId, id: city.cohortId }, data: { status: "active" } }),
  );
  await db.platform.tenant.update({ where: { id: tenantId }, data: { insightsOptedInAt: new Date() } });
});

afterAll(async () => {
  await database?.drop();
});

function knowledgeOf(facts: readonly LinearForm[]) {
  const knowledge = new LinearKnowledge();
  for (const fact of facts) knowledge.know(fact);
  return knowledge;
}

describe("a published cohort with 4 mentors", () => {
  it("does not show them, and no combination of its shown cells and the city's totals recovers them", async () => {
    const { publicationId } = await aggregateInsights(db, { now: new Date("2025-10-01T17:30:00Z") });
    const rows = await db.withTenant(tenantId, (tx) =>
      tx.insightAggregate.findMany({ where: { tenantId, publicationId } }),
    );
    const mentors = rows.find((row) => row.metric === "participants" && row.dimension === "mentor");
    expect(mentors).toMatchObject({ suppressed: true, value: null, peopleCount: null });
    expect(rows[0]?.teamShape).toBe("1:6");
    expect(rows.every((row) => row.peopleCount === null || row.peopleCount >= 5)).toBe(true);

    // The analyst's system: unknowns m (mentors), e (mentees), T (participants), k (teams) and the city's totals.
    const [a, b] = (rows[0]?.teamShape ?? "").split(":").map(Number) as [number, number];
    const facts: LinearForm[] = [
      { m: 1, e: 1, T: -1 },
      { m: 1, k: -a },
      { m: b, e: -a },
      { m: 1, cityMentors: -1 },
      { e: 1, cityMentees: -1 },
      { T: 1, cityParticipants: -1 },
      { k: 1, cityTeams: -1 },
    ];
    for (const row of rows) {
      if (row.suppressed) continue;
      if (row.metric === "participants")
        facts.push({ [{ mentor: "m", mentee: "e", "": "T" }[row.dimension] ?? "?"]: 1 });
      if (row.metric === "teams") facts.push({ k: 1 }, { T: 1 });
      // Any people count as large as the participants may be the participants.
      if (row.metric !== "participants" && row.peopleCount !== null) facts.push({ T: 1 });
    }
    // The city's totals are known where a page can show them: as the sums of its shown cohort figures
    // (here none of its counts is shown, so none of its totals either).
    for (const [name, total] of [
      ["m", "cityMentors"],
      ["e", "cityMentees"],
      ["T", "cityParticipants"],
      ["k", "cityTeams"],
    ]) {
      if (knowledgeOf(facts).determinesUnknown(name as string)) facts.push({ [total as string]: 1 });
    }
    const knowledge = knowledgeOf(facts);
    expect(knowledge.determinesUnknown("m")).toBe(false);
    const direction = knowledge.hiddenDirection("m") ?? {};
    expect(direction.m).not.toBe(0);
    for (const fact of facts) {
      expect(Object.entries(fact).reduce((sum, [name, c]) => sum + c * (direction[name] ?? 0), 0)).toBe(0);
    }
  });
});
