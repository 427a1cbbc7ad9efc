import { readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { getCertificateBatch, prepareCertificateBatch, signCertificateBatch } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertificatesJob } from "../src/jobs/certificates-generate";
import type { JobContext } from "../src/jobs/handler";
import { deliverQueuedMails, log, noMail } from "./support";

let database: SeededTestDatabase;
let db: Database;
const tenants: Record<string, string> = {};

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  for (const summary of database.seeded) tenants[summary.slug] = summary.tenantId;
  await seedPrograms(db);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

function context(signal = new AbortController().signal) {
  const reported: number[] = [];
  const job: JobContext = {
    db,
    log,
    mailer: noMail,
    signal,
    async progress(percent) {
      reported.push(percent);
    },
  };
  return { job, reported };
}

/**
 * A signed batch of the tenant's first cohort: teams published as the matching service leaves them (four
 * teams of one mentor and one mentee), the batch prepared by the coordinator and signed by the executive.
 */
async function signedBatch(tenantId: string, encryptionKey: string): Promise<string> {
  return db.withTenant(tenantId, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId, status: "orientation" } });
    const accepted = await tx.application.findMany({
      where: { tenantId, cohortId: cohort.id, status: "accepted" },
      orderBy: { submittedAt: "asc" },
    });
    const mentors = accepted.filter((application) => application.role === "mentor").slice(0, 4);
    const mentees = accepted.filter((application) => application.role === "mentee").slice(0, 4);
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
    for (const [index, mentor] of mentors.entries()) {
      const team = await tx.team.create({
        data: { tenantId, cohortId: cohort.id, runId: run.id, number: index + 1, score: 1, breakdown: {} },
      });
      await tx.teamMember.createMany({
        data: [
          { applicationId: mentor.id, role: "mentor" as const },
          { applicationId: mentees[index]?.id as string, role: "mentee" as const },
        ].map((member) => ({ tenantId, cohortId: cohort.id, teamId: team.id, ...member })),
      });
    }
    const coordinator = await tx.membership.findFirstOrThrow({
      where: { tenantId, roles: { has: "coordinator" } },
    });
    const { batchId } = await prepareCertificateBatch(tx, {
      tenantId,
      cohortId: cohort.id,
      actorUserId: coordinator.userId,
      today: "2025-03-05",
    });
    await signCertificateBatch(tx, {
      tenantId,
      cohortId: cohort.id,
      batchId,
      actorUserId: coordinator.userId,
      encryptionKey,
      now: new Date("2025-03-05T03:00:00Z"),
    });
    return batchId;
  });
}

const batchOf = (tenantId: string, batchId: string) =>
  db.withTenant(tenantId, (tx) => getCertificateBatch(tx, { tenantId, batchId }));

describe("the certificates.generate job", () => {
  let tenantId: string;
  let batchId: string;
  let files: string[];
  const times = () => Promise.all(files.map(async (file) => (await stat(file)).mtimeMs));

  beforeAll(async () => {
    tenantId = tenants.yongin as string;
    batchId = await signedBatch(tenantId, config().DATA_ENCRYPTION_KEY);
  });

  it("stores every PDF and the ZIP under STORAGE_DIR, reporting progress up to 100", async () => {
    const { job, reported } = context();
    expect(await generateCertificatesJob({ tenantId, batchId }, job)).toEqual({ status: "ready" });
    expect(reported.length).toBeGreaterThan(1);
    expect(reported.at(-1)).toBe(100);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    const batch = await batchOf(tenantId, batchId);
    expect(batch).toMatchObject({ status: "ready", progress: 100, archiveReady: true });
    const folder = path.join(config().STORAGE_DIR, "tenants", tenantId, "certificates", batchId);
    files = [
      ...batch.certificates.map((row) => path.join(folder, `${row.serial}.pdf`)),
      path.join(folder, "certificates.zip"),
    ];
    expect(files).toHaveLength(5);
    for (const file of files.slice(0, -1))
      expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("is idempotent: run again, it leaves every stored file as it was", async () => {
    const before = await times();
    const { job, reported } = context();
    expect(await generateCertificatesJob({ tenantId, batchId }, job)).toEqual({ status: "ready" });
    expect(await times()).toEqual(before);
    expect(reported.at(-1)).toBe(100);
  });

  it("tells each member of the four teams once that their certificate was issued, delivered to a real SMTP server", async () => {
    const issued = await db.platform.outgoingEmail.count({ where: { kind: "certificate_issued" } });
    // Eight people in four teams, every one with an address; the second run above told no one again.
    expect(issued).toBe(8);
    const received = (await deliverQueuedMails(db)).filter((mail) =>
      /\] \d팀 결연증서가 발급되었습니다$/.test(mail.subject),
    );
    expect(received).toHaveLength(8);
    expect(new Set(received.map((mail) => mail.to)).size).toBe(8);
    expect(received[0]?.text).toContain("결연증서가 발급되었습니다.");
  }, 120_000);

  it("renders again only the file that is missing (the same bytes, so the ZIP stays as it was)", async () => {
    const before = await times();
    await unlink(files[0] as string);
    await generateCertificatesJob({ tenantId, batchId }, context().job);
    const after = await times();
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).not.toBe(before[0]);
    expect((await readFile(files[0] as string)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("gives up at once on a batch that does not exist", async () => {
    await expect(
      generateCertificatesJob({ tenantId, batchId: "00000000-0000-4000-8000-000000000000" }, context().job),
    ).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it("marks the batch failed with the reason when the signing key does not open, and fails the job", async () => {
    const gangneung = tenants.gangneung as string;
    const sealedWithAnotherKey = await signedBatch(gangneung, "cd".repeat(32));
    await expect(
      generateCertificatesJob({ tenantId: gangneung, batchId: sealedWithAnotherKey }, context().job),
    ).rejects.toThrow(/DATA_ENCRYPTION_KEY/);
    expect((await batchOf(gangneung, sealedWithAnotherKey)).status).toBe("failed");
    // The reason is kept for operators on the row; the pages do not show it.
    const stored = await db.withTenant(gangneung, (tx) =>
      tx.certificateBatch.findFirstOrThrow({ where: { tenantId: gangneung, id: sealedWithAnotherKey } }),
    );
    expect(stored.error).toMatch(/does not open/);
  });
});
