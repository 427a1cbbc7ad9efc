// "Accepted applications per role never exceed the quota, under any concurrency" (domain-model.md): a
// hundred people press the button at the same moment for the last five places.
import { createDatabase, type Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import {
  builtinTemplate,
  CONSENT_VERSION,
  calendarDate,
  scheduleFromOffsets,
  type TemplateDefinition,
} from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleColumns } from "../src/records/cohort-record";
import { applyToCohort, type PlacementOutcome } from "../src/recruitment";

const QUOTA = 20;
const TAKEN = QUOTA - 5;
const APPLICANTS = 100;

let database: SeededTestDatabase;
/** A second client with room for many transactions at once, so that they really do overlap. */
let db: Database;
let tenantId: string;
let cohortId: string;
let applicants: string[];

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const [yongin] = database.seeded;
  tenantId = yongin?.tenantId as string;
  db = createDatabase(database.urls.app, { poolSize: 25 });

  // Anyone on the staff may be a mentor: the rule is empty, so only the quota decides.
  const standard = builtinTemplate("new_official_mentoring");
  const definition: TemplateDefinition = {
    ...standard,
    roles: { ...standard.roles, mentor: { eligibility: {}, quota: QUOTA } },
  };
  const staff = await database.db.withTenant(tenantId, (tx) =>
    tx.staffMember.findMany({
      where: { tenantId, active: true },
      orderBy: { employeeNumber: "asc" },
      select: { id: true },
      take: TAKEN + APPLICANTS,
    }),
  );
  expect(staff).toHaveLength(TAKEN + APPLICANTS);
  applicants = staff.slice(TAKEN).map((person) => person.id);

  cohortId = await database.db.withTenant(tenantId, async (tx) => {
    const template = await tx.programTemplate.create({
      data: { tenantId, name: definition.name, kind: definition.kind },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId, templateId: template.id, version: 1, definition },
    });
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId: template.id,
        templateVersionId: version.id,
        number: 1,
        title: "신규 공직자 멘토링 1기",
        status: "recruiting",
        ...scheduleColumns(scheduleFromOffsets(calendarDate("2025-03-15"), definition.phases)),
        scheduleCheckedOn: new Date("2025-03-15T00:00:00Z"),
        quotaMentor: QUOTA,
        quotaMentee: definition.roles.mentee.quota,
      },
    });
    // The places already taken: all but the last five.
    await tx.application.createMany({
      data: staff.slice(0, TAKEN).map((person, index) => ({
        tenantId,
        cohortId: cohort.id,
        staffMemberId: person.id,
        role: "mentor" as const,
        status: "accepted" as const,
        consentVersion: CONSENT_VERSION,
        consentAt: new Date(Date.UTC(2025, 2, 15, 1, index)),
        submittedAt: new Date(Date.UTC(2025, 2, 15, 1, index)),
        eligibility: {},
      })),
    });
    return cohort.id;
  });
}, 120_000);

afterAll(async () => {
  await db?.disconnect();
  await database?.drop();
});

describe("the last five places of a quota", () => {
  it("go to exactly five of a hundred simultaneous applicants; the other 95 wait in an unbroken line", async () => {
    const now = new Date("2025-03-16T00:00:00Z");
    let inside = 0;
    let mostInsideAtOnce = 0;
    const outcomes = await Promise.all(
      applicants.map((staffMemberId) =>
        db.withTenant(
          tenantId,
          async (tx) => {
            inside += 1;
            mostInsideAtOnce = Math.max(mostInsideAtOnce, inside);
            try {
              return await applyToCohort(tx, {
                tenantId,
                cohortId,
                staffMemberId,
                role: "mentor",
                consentVersion: CONSENT_VERSION,
                actorUserId: null,
                now,
                appUrl: "https://mentoring.example.kr",
              });
            } finally {
              inside -= 1;
            }
          },
          // A hundred on a pool of 25: the last wait for a connection as long as the line takes.
          { timeout: 60_000, maxWait: 60_000 },
        ),
      ),
    );
    // The transactions did overlap: the lock, not the pool, kept them apart.
    expect(mostInsideAtOnce).toBeGreaterThan(5);

    const accepted = outcomes.filter((outcome) => outcome.outcome === "accepted");
    const waitlisted = outcomes.filter(
      (outcome): outcome is Extract<PlacementOutcome, { outcome: "waitlisted" }> =>
        outcome.outcome === "waitlisted",
    );
    expect(accepted).toHaveLength(5);
    expect(waitlisted).toHaveLength(95);
    expect(waitlisted.map((outcome) => outcome.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 95 }, (_, index) => index + 1),
    );

    const stored = await db.withTenant(tenantId, (tx) =>
      tx.application.findMany({
        where: { tenantId, cohortId, role: "mentor" },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true },
      }),
    );
    expect(stored.filter((row) => row.status === "accepted")).toHaveLength(QUOTA);
    // The queue in the database is the order the positions were given in.
    const queue = stored.filter((row) => row.status === "waitlisted").map((row) => row.id);
    const byPosition = [...waitlisted].sort((a, b) => a.position - b.position).map((o) => o.applicationId);
    expect(queue).toEqual(byPosition);
  }, 120_000);
});
