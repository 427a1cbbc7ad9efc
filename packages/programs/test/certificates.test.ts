import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { newSerial } from "@mentoring/certificates";
import type { Database, Prisma, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { AppError, type AppErrorCode } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateCertificateBatch,
  getCeremony,
  getCertificateArchive,
  getCertificateBatch,
  getCertificateDownload,
  listBatchesForSigning,
  listCertificateBatches,
  listMyCertificates,
  prepareCertificateBatch,
  recordAttendance,
  revokeCertificate,
  saveCeremony,
  signCertificateBatch,
  verifySerial,
} from "../src/certificates";
import { seedPrograms } from "../src/seed";
import { publishTeams } from "./certificates-support";

/** The signature with one bit of its 11th byte flipped: always a different signature, whatever the day. */
function withOneBitFlipped(signature: string): string {
  const bytes = Buffer.from(signature, "base64url");
  bytes[10] = (bytes[10] as number) ^ 1;
  return bytes.toString("base64url");
}

const ENCRYPTION_KEY = "ab".repeat(32);
const APP_URL = "https://mentoring.example.kr";
let database: SeededTestDatabase;
let db: Database;
let storageDir: string;
const tenants: Record<string, string> = {};
let yongin: string;
let cohortId: string;
let coordinatorId: string;
let executiveId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  for (const summary of database.seeded) tenants[summary.slug] = summary.tenantId;
  await seedPrograms(db);
  yongin = tenants.yongin as string;
  storageDir = await mkdtemp(path.join(os.tmpdir(), "certificates-test-"));
  await db.withTenant(yongin, async (tx) => {
    const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId: yongin, number: 1 } });
    cohortId = cohort.id;
    coordinatorId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "coordinator" } } })
    ).userId;
    executiveId = (
      await tx.membership.findFirstOrThrow({ where: { tenantId: yongin, roles: { has: "executive" } } })
    ).userId;
  });
}, 120_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

const inYongin = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(yongin, work);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const ceremonyInput = {
  // 10:00 in Seoul on 2025-03-05 is still 2025-03-05 01:00 UTC; 16:30 UTC the day before is 01:30 in Seoul.
  startsAt: new Date("2025-03-04T16:30:00Z"),
  place: "  시청 컨벤션홀 ",
  programme: "1. 개회\n2. 결연증서 수여\n3. 기념 촬영",
  gift: "조아용 인형",
};

describe("the pairing ceremony", () => {
  it("is absent until the coordinator sets it, then shows when, where, programme and gift", async () => {
    expect(await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }))).toBeNull();
    await inYongin((tx) =>
      saveCeremony(tx, { tenantId: yongin, cohortId, ...ceremonyInput, actorUserId: coordinatorId }),
    );
    const ceremony = await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }));
    expect(ceremony).toMatchObject({
      startsAt: ceremonyInput.startsAt,
      place: "시청 컨벤션홀",
      programme: ceremonyInput.programme,
      gift: "조아용 인형",
    });
    const audit = await inYongin((tx) =>
      tx.auditLog.findFirst({ where: { tenantId: yongin, action: "ceremony.create" } }),
    );
    expect(audit?.actorUserId).toBe(coordinatorId);
  });

  it("refuses bad input with a translated reason and changes nothing", async () => {
    const cases: [Partial<typeof ceremonyInput>, AppErrorCode][] = [
      [{ startsAt: new Date("not a date") }, "certificate.starts_at_invalid"],
      [{ place: "   " }, "certificate.place_required"],
      [{ place: "홀".repeat(201) }, "certificate.place_too_long"],
      [{ programme: "가".repeat(4001) }, "certificate.programme_too_long"],
      [{ gift: "인형".repeat(101) }, "certificate.gift_too_long"],
    ];
    for (const [change, code] of cases) {
      const error = await refusal(
        inYongin((tx) =>
          saveCeremony(tx, {
            tenantId: yongin,
            cohortId,
            ...ceremonyInput,
            ...change,
            actorUserId: coordinatorId,
          }),
        ),
      );
      expect(error.code).toBe(code);
    }
    const ceremony = await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }));
    expect(ceremony?.place).toBe("시청 컨벤션홀");
  });

  it("lists every accepted participant before teams are published, and records who came", async () => {
    const ceremony = await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }));
    expect(ceremony?.attendance).toHaveLength(38);
    expect(
      ceremony?.attendance.every((person) => person.present === null && person.teamNumber === null),
    ).toBe(true);
    const first = ceremony?.attendance[0];
    if (!first) throw new Error("nobody to mark");
    await inYongin((tx) =>
      recordAttendance(tx, {
        tenantId: yongin,
        cohortId,
        applicationId: first.applicationId,
        present: true,
        actorUserId: coordinatorId,
      }),
    );
    const after = await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }));
    expect(after?.attendance.find((person) => person.applicationId === first.applicationId)?.present).toBe(
      true,
    );
  });

  it("refuses to mark someone who is not a participant of the cohort", async () => {
    const error = await refusal(
      inYongin((tx) =>
        recordAttendance(tx, {
          tenantId: yongin,
          cohortId,
          applicationId: "00000000-0000-4000-8000-000000000000",
          present: true,
          actorUserId: coordinatorId,
        }),
      ),
    );
    expect(error.code).toBe("certificate.not_attendee");
  });
});

describe("certificates of a cohort", () => {
  let batchId: string;
  let teams: Awaited<ReturnType<typeof publishTeams>>;
  const signedAt = new Date("2025-03-05T03:00:00.000Z");

  it("cannot be prepared before teams are published", async () => {
    const error = await refusal(
      inYongin((tx) =>
        prepareCertificateBatch(tx, {
          tenantId: yongin,
          cohortId,
          actorUserId: coordinatorId,
          today: "2025-03-01",
        }),
      ),
    );
    expect(error.code).toBe("certificate.no_teams");
  });

  it("cannot be prepared while the tenant has no signer", async () => {
    teams = await publishTeams(db, yongin, cohortId);
    const rollback = new Error("roll back");
    const outcome = await inYongin(async (tx) => {
      await tx.certificateSigner.deleteMany({ where: { tenantId: yongin } });
      const error = await refusal(
        prepareCertificateBatch(tx, {
          tenantId: yongin,
          cohortId,
          actorUserId: coordinatorId,
          today: "2025-03-01",
        }),
      );
      expect(error.code).toBe("certificate.no_signer");
      throw rollback;
    }).catch((error: unknown) => error);
    expect(outcome).toBe(rollback);
  });

  it("are prepared one per team, with the names, the ceremony's day in Seoul and the tenant's signer", async () => {
    ({ batchId } = await inYongin((tx) =>
      prepareCertificateBatch(tx, {
        tenantId: yongin,
        cohortId,
        actorUserId: coordinatorId,
        today: "2025-03-01",
      }),
    ));
    const batch = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId, cohortId }));
    expect(batch.status).toBe("draft");
    expect(batch.cohortTitle).toBe("신규 공직자 멘토링 1기");
    expect(batch.certificates).toHaveLength(teams.teams.length);
    expect(batch.certificates.every((row) => row.date === "2025-03-05" && !row.signed)).toBe(true);
    expect(batch.certificates.map((row) => row.teamNumber)).toEqual(teams.teams.map((_, index) => index + 1));
    const signer = await inYongin((tx) =>
      tx.certificateSigner.findFirstOrThrow({ where: { tenantId: yongin } }),
    );
    expect(batch).toMatchObject({ signerName: signer.name, signerTitle: signer.title });
    const first = await inYongin((tx) =>
      tx.certificate.findFirstOrThrow({ where: { tenantId: yongin, batchId, team: { number: 1 } } }),
    );
    const names = await inYongin((tx) =>
      tx.application.findMany({
        where: { tenantId: yongin, id: { in: teams.teams[0]?.mentees ?? [] } },
        select: { staffMember: { select: { name: true } } },
      }),
    );
    expect(first.content).toMatchObject({
      serial: first.serial,
      tenant: { id: yongin, name: "용인특례시" },
      program: "신규 공직자 멘토링",
      cohort: "신규 공직자 멘토링 1기",
      mentees: names.map((row) => row.staffMember.name).sort(),
      date: "2025-03-05",
      signer: { name: signer.name, title: signer.title },
    });
    const serialRows = await inYongin((tx) =>
      tx.certificateSerial.findMany({
        where: { serial: { in: batch.certificates.map((row) => row.serial) } },
      }),
    );
    expect(serialRows.every((row) => row.tenantId === yongin)).toBe(true);
    expect(serialRows).toHaveLength(batch.certificates.length);
  });

  it("make the ceremony's attendance list the published teams' members, with their team", async () => {
    const ceremony = await inYongin((tx) => getCeremony(tx, { tenantId: yongin, cohortId }));
    const inTeams = teams.teams.flatMap((team) => [...team.mentors, ...team.mentees]);
    expect(ceremony?.attendance.map((person) => person.applicationId).sort()).toEqual([...inTeams].sort());
    const first = teams.teams[0];
    expect(
      ceremony?.attendance
        .filter((person) => person.teamNumber === 1)
        .map((person) => person.applicationId)
        .sort(),
    ).toEqual([...(first?.mentors ?? []), ...(first?.mentees ?? [])].sort());
  });

  it("state the day they are prepared on when the cohort has no ceremony", async () => {
    const gangneung = tenants.gangneung as string;
    const cohort = await db.withTenant(gangneung, (tx) =>
      tx.cohort.findFirstOrThrow({ where: { tenantId: gangneung, number: 2 } }),
    );
    await publishTeams(db, gangneung, cohort.id);
    const coordinator = await db.withTenant(gangneung, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: gangneung, roles: { has: "coordinator" } } }),
    );
    const { batchId: other } = await db.withTenant(gangneung, (tx) =>
      prepareCertificateBatch(tx, {
        tenantId: gangneung,
        cohortId: cohort.id,
        actorUserId: coordinator.userId,
        today: "2025-03-01",
      }),
    );
    const batch = await db.withTenant(gangneung, (tx) =>
      getCertificateBatch(tx, { tenantId: gangneung, batchId: other }),
    );
    expect(batch.certificates.length).toBeGreaterThan(0);
    expect(batch.certificates.every((row) => row.date === "2025-03-01")).toBe(true);
    expect(
      await inYongin((tx) =>
        getCertificateBatch(tx, { tenantId: yongin, batchId: other }).catch((error) => error),
      ),
    ).toMatchObject({ code: "certificate.batch_not_found", status: 404 });
  });

  it("are refused, naming the team, when a team's certificate could not state what it must", async () => {
    const rollback = new Error("roll back");
    const outcome = await inYongin(async (tx) => {
      const team = teams.teams[2];
      await tx.teamMember.deleteMany({ where: { tenantId: yongin, teamId: team?.id, role: "mentee" } });
      const error = await refusal(
        prepareCertificateBatch(tx, {
          tenantId: yongin,
          cohortId,
          actorUserId: coordinatorId,
          today: "2025-03-01",
        }),
      );
      expect([error.code, error.params]).toEqual([
        "certificate.content_invalid",
        { team: 3, field: "mentees" },
      ]);
      throw rollback;
    }).catch((error: unknown) => error);
    expect(outcome).toBe(rollback);
  });

  it("ask the coordinator about people marked absent at the ceremony: refused until told, then issued to them too or left out", async () => {
    const rollback = new Error("roll back");
    const team = teams.teams.find((candidate) => candidate.mentees.length >= 2) ?? teams.teams[0];
    const absentId = team?.mentees[0] as string;
    const outcome = await inYongin(async (tx) => {
      await recordAttendance(tx, {
        tenantId: yongin,
        cohortId,
        applicationId: absentId,
        present: false,
        actorUserId: coordinatorId,
      });
      const absentName = (
        await tx.application.findFirstOrThrow({
          where: { tenantId: yongin, id: absentId },
          select: { staffMember: { select: { name: true } } },
        })
      ).staffMember.name;
      const prepare = (absentees?: "include" | "exclude") =>
        prepareCertificateBatch(tx, {
          tenantId: yongin,
          cohortId,
          actorUserId: coordinatorId,
          today: "2025-03-01",
          ...(absentees && { absentees }),
        });
      const namesOn = async (id: string) =>
        (
          await tx.certificate.findMany({
            where: { tenantId: yongin, batchId: id },
            select: { content: true },
          })
        ).flatMap((row) => {
          const content = row.content as { mentors: string[]; mentees: string[] };
          return [...content.mentors, ...content.mentees];
        });

      const undecided = await refusal(prepare());
      expect([undecided.code, undecided.params]).toEqual([
        "certificate.absentees_undecided",
        { count: 1, names: absentName },
      ]);

      const included = await prepare("include");
      expect(await namesOn(included.batchId)).toContain(absentName);
      expect(await tx.certificate.count({ where: { tenantId: yongin, batchId: included.batchId } })).toBe(
        teams.teams.length,
      );

      const excluded = await prepare("exclude");
      expect(await namesOn(excluded.batchId)).not.toContain(absentName);
      expect(await tx.certificate.count({ where: { tenantId: yongin, batchId: excluded.batchId } })).toBe(
        teams.teams.length,
      );
      const audit = await tx.auditLog.findFirstOrThrow({
        where: { tenantId: yongin, action: "certificate_batch.refresh", entityId: excluded.batchId },
        orderBy: { at: "desc" },
      });
      expect(audit.after).toMatchObject({ absent: 1, absentees: "exclude" });
      throw rollback;
    }).catch((error: unknown) => error);
    expect(outcome).toBe(rollback);
  });

  it("can be prepared again before signing, which replaces every serial", async () => {
    const before = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    const again = await inYongin((tx) =>
      prepareCertificateBatch(tx, {
        tenantId: yongin,
        cohortId,
        actorUserId: coordinatorId,
        today: "2025-03-01",
      }),
    );
    expect(again.batchId).toBe(batchId);
    const after = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    const oldSerials = before.certificates.map((row) => row.serial);
    expect(after.certificates).toHaveLength(before.certificates.length);
    expect(after.certificates.some((row) => oldSerials.includes(row.serial))).toBe(false);
    expect(
      await inYongin((tx) => tx.certificateSerial.count({ where: { serial: { in: oldSerials } } })),
    ).toBe(0);
    expect(await verifySerial(db, { serial: oldSerials[0] as string })).toEqual({ status: "not_found" });
    expect(await inYongin((tx) => listCertificateBatches(tx, { tenantId: yongin, cohortId }))).toHaveLength(
      1,
    );
  });

  it("are not confirmed by the public check before they are signed", async () => {
    const batch = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    expect(await verifySerial(db, { serial: batch.certificates[0]?.serial as string })).toEqual({
      status: "not_found",
    });
  });

  it("wait for the executive, who signs the batch once: the job is queued and the act audited", async () => {
    const waiting = await inYongin((tx) => listBatchesForSigning(tx, { tenantId: yongin }));
    expect(waiting.map((batch) => [batch.id, batch.status])).toEqual([[batchId, "draft"]]);
    await inYongin((tx) =>
      signCertificateBatch(tx, {
        tenantId: yongin,
        cohortId,
        batchId,
        actorUserId: executiveId,
        encryptionKey: ENCRYPTION_KEY,
        now: signedAt,
      }),
    );
    const batch = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    expect(batch).toMatchObject({ status: "generating", signedAt });
    expect(batch.signedByName).not.toBeNull();
    expect(batch.certificates.every((row) => row.signed && !row.fileReady)).toBe(true);
    const jobs = await db.platform.outboxEvent.findMany({ where: { jobName: "certificates.generate" } });
    expect(jobs.map((event) => event.payload)).toEqual([{ tenantId: yongin, batchId }]);
    const audit = await inYongin((tx) =>
      tx.auditLog.findFirst({
        where: { tenantId: yongin, action: "certificate_batch.sign", entityId: batchId },
      }),
    );
    expect(audit?.actorUserId).toBe(executiveId);

    const error = await refusal(
      inYongin((tx) =>
        signCertificateBatch(tx, {
          tenantId: yongin,
          cohortId,
          batchId,
          actorUserId: executiveId,
          encryptionKey: ENCRYPTION_KEY,
          now: new Date(),
        }),
      ),
    );
    expect(error.code).toBe("certificate.already_signed");
    expect(error.status).toBe(409);
  });

  it("are rendered to PDFs and one ZIP by the worker, reporting progress", async () => {
    const reported: number[] = [];
    await generateCertificateBatch(
      db,
      { tenantId: yongin, batchId, storageDir, appUrl: APP_URL, encryptionKey: ENCRYPTION_KEY },
      { onProgress: (percent) => void reported.push(percent) },
    );
    const batch = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    expect(batch).toMatchObject({ status: "ready", progress: 100, archiveReady: true, failureCode: null });
    expect(batch.certificates.every((row) => row.fileReady)).toBe(true);
    expect(reported.at(-1)).toBe(100);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));

    const stored = await inYongin((tx) => tx.certificate.findMany({ where: { tenantId: yongin, batchId } }));
    for (const certificate of stored) {
      expect(certificate.fileKey).toBe(`tenants/${yongin}/certificates/${batchId}/${certificate.serial}.pdf`);
      const pdf = await readFile(path.join(storageDir, certificate.fileKey as string));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
    const archive = await inYongin((tx) =>
      getCertificateArchive(tx, { tenantId: yongin, cohortId, batchId }),
    );
    expect(archive?.fileName).toBe("신규 공직자 멘토링 1기 결연증서.zip");
    const zip = await readFile(path.join(storageDir, archive?.storageKey as string));
    expect(zip.subarray(0, 2).toString()).toBe("PK");
  });

  it("are not rendered again when nothing changed", async () => {
    const stored = await inYongin((tx) => tx.certificate.findMany({ where: { tenantId: yongin, batchId } }));
    const files = [
      ...stored.map((row) => row.fileKey as string),
      `tenants/${yongin}/certificates/${batchId}/certificates.zip`,
    ];
    const times = async () =>
      Promise.all(files.map(async (file) => (await stat(path.join(storageDir, file))).mtimeMs));
    const before = await times();
    await generateCertificateBatch(db, {
      tenantId: yongin,
      batchId,
      storageDir,
      appUrl: APP_URL,
      encryptionKey: ENCRYPTION_KEY,
    });
    expect(await times()).toEqual(before);
    const batch = await inYongin((tx) => getCertificateBatch(tx, { tenantId: yongin, batchId }));
    expect(batch.status).toBe("ready");
  });

  describe("the public check", () => {
    let serial: string;
    let certificateId: string;

    beforeAll(async () => {
      const first = await inYongin((tx) =>
        tx.certificate.findFirstOrThrow({ where: { tenantId: yongin, batchId, team: { number: 1 } } }),
      );
      serial = first.serial;
      certificateId = first.id;
    });

    it("confirms a valid certificate with only what it states", async () => {
      const signer = await inYongin((tx) =>
        tx.certificateSigner.findFirstOrThrow({ where: { tenantId: yongin } }),
      );
      const verification = await verifySerial(db, { serial });
      expect(verification).toMatchObject({
        status: "valid",
        serial,
        issuer: "용인특례시",
        program: "신규 공직자 멘토링",
        cohort: "신규 공직자 멘토링 1기",
        date: "2025-03-05",
        signer: { name: signer.name, title: signer.title },
        revokedAt: null,
      });
      expect(Object.keys(verification).sort()).toEqual([
        "cohort",
        "date",
        "issuer",
        "mentees",
        "mentors",
        "program",
        "revokedAt",
        "serial",
        "signer",
        "status",
      ]);
      expect(await verifySerial(db, { serial: serial.toLowerCase().replaceAll("-", "") })).toMatchObject({
        status: "valid",
      });
    });

    it("answers invalid when any signed statement or the serial was changed", async () => {
      const original = await inYongin((tx) =>
        tx.certificate.findFirstOrThrow({ where: { tenantId: yongin, id: certificateId } }),
      );
      const content = original.content as Record<string, unknown> & { signer: Record<string, string> };
      const tampered: [string, Record<string, unknown>][] = [
        ["mentors", { ...content, mentors: ["홍길동"] }],
        ["mentees", { ...content, mentees: [...(content.mentees as string[]), "홍길동"] }],
        ["date", { ...content, date: "2025-03-06" }],
        ["signer title", { ...content, signer: { ...content.signer, title: "시장" } }],
        ["signer name", { ...content, signer: { ...content.signer, name: "홍길동" } }],
        ["program", { ...content, program: "거꾸로 멘토링" }],
        ["cohort", { ...content, cohort: "신규 공직자 멘토링 2기" }],
        ["issuer", { ...content, tenant: { id: yongin, name: "수원시" } }],
        ["issue time", { ...content, issuedAt: "2025-03-05T03:00:01.000Z" }],
        ["serial", { ...content, serial: newSerial() }],
      ];
      try {
        for (const [field, changed] of tampered) {
          await inYongin((tx) =>
            tx.certificate.update({
              where: { id: certificateId },
              data: { content: changed as Prisma.InputJsonValue },
            }),
          );
          expect({ field, status: (await verifySerial(db, { serial })).status }).toEqual({
            field,
            status: "invalid",
          });
        }
        await inYongin((tx) =>
          tx.certificate.update({
            where: { id: certificateId },
            data: {
              content: content as Prisma.InputJsonValue,
              signature: withOneBitFlipped(original.signature as string),
            },
          }),
        );
        expect((await verifySerial(db, { serial })).status).toBe("invalid");
      } finally {
        await inYongin((tx) =>
          tx.certificate.update({
            where: { id: certificateId },
            data: { content: content as Prisma.InputJsonValue, signature: original.signature },
          }),
        );
      }
      expect((await verifySerial(db, { serial })).status).toBe("valid");
    });

    it("answers not found for an unknown, mistyped or malformed serial, without an error", async () => {
      expect(await verifySerial(db, { serial: newSerial() })).toEqual({ status: "not_found" });
      const typo = `${serial.slice(0, -1)}${serial.endsWith("0") ? "1" : "0"}`;
      expect(await verifySerial(db, { serial: typo })).toEqual({ status: "not_found" });
      for (const text of ["", "abc", "'; drop table certificates; --", "x".repeat(10_000)])
        expect(await verifySerial(db, { serial: text })).toEqual({ status: "not_found" });
    });

    it("is the only way in from outside the tenant: another tenant cannot read the certificate", async () => {
      const gangneung = tenants.gangneung as string;
      const seen = await db.withTenant(gangneung, (tx) => tx.certificate.findFirst({ where: { serial } }));
      expect(seen).toBeNull();
      expect(
        await db.withTenant(gangneung, (tx) =>
          getCertificateDownload(tx, { tenantId: gangneung, certificateId, staffMemberId: null }),
        ),
      ).toBeNull();
    });

    it("lets the coordinator download any certificate, a participant only their own team's", async () => {
      const coordinator = await inYongin((tx) =>
        getCertificateDownload(tx, { tenantId: yongin, certificateId, staffMemberId: null }),
      );
      expect(coordinator?.storageKey).toBe(`tenants/${yongin}/certificates/${batchId}/${serial}.pdf`);
      expect(coordinator?.fileName.endsWith(`_${serial}.pdf`)).toBe(true);

      const ownTeam = teams.teams[0];
      const otherTeam = teams.teams[1];
      const member = teams.staffOf.get(ownTeam?.mentees[0] as string) as string;
      const outsider = teams.staffOf.get(otherTeam?.mentees[0] as string) as string;
      expect(
        await inYongin((tx) =>
          getCertificateDownload(tx, { tenantId: yongin, certificateId, staffMemberId: member }),
        ),
      ).toEqual(coordinator);
      expect(
        await inYongin((tx) =>
          getCertificateDownload(tx, { tenantId: yongin, certificateId, staffMemberId: outsider }),
        ),
      ).toBeNull();
      const mine = await inYongin((tx) =>
        listMyCertificates(tx, { tenantId: yongin, staffMemberId: member }),
      );
      expect(mine.map((row) => [row.serial, row.cohortTitle, row.fileReady])).toEqual([
        [serial, "신규 공직자 멘토링 1기", true],
      ]);
    });

    it("shows a certificate the coordinator revoked, with a reason, as revoked", async () => {
      for (const [reason, code] of [
        ["  ", "certificate.reason_required"],
        ["사".repeat(501), "certificate.reason_too_long"],
      ] as const) {
        const error = await refusal(
          inYongin((tx) =>
            revokeCertificate(tx, {
              tenantId: yongin,
              cohortId,
              certificateId,
              reason,
              actorUserId: coordinatorId,
            }),
          ),
        );
        expect(error.code).toBe(code);
      }
      expect((await verifySerial(db, { serial })).status).toBe("valid");
      await inYongin((tx) =>
        revokeCertificate(tx, {
          tenantId: yongin,
          cohortId,
          certificateId,
          reason: "멘티 이름 오기",
          actorUserId: coordinatorId,
        }),
      );
      const verification = await verifySerial(db, { serial });
      expect(verification.status).toBe("revoked");
      expect(verification.status !== "not_found" && verification.revokedAt).toBeInstanceOf(Date);
      const audit = await inYongin((tx) =>
        tx.auditLog.findFirst({
          where: { tenantId: yongin, action: "certificate.revoke", entityId: certificateId },
        }),
      );
      expect(audit?.after).toMatchObject({ serial, reason: "멘티 이름 오기" });
      const again = await refusal(
        inYongin((tx) =>
          revokeCertificate(tx, {
            tenantId: yongin,
            cohortId,
            certificateId,
            reason: "다시",
            actorUserId: coordinatorId,
          }),
        ),
      );
      expect(again.code).toBe("certificate.already_revoked");
      const member = teams.staffOf.get(teams.teams[0]?.mentees[0] as string) as string;
      expect(
        await inYongin((tx) =>
          getCertificateDownload(tx, { tenantId: yongin, certificateId, staffMemberId: member }),
        ),
      ).toBeNull();
    });

    it("answers invalid, not revoked, for a forged copy of a revoked certificate", async () => {
      const original = await inYongin((tx) =>
        tx.certificate.findFirstOrThrow({ where: { tenantId: yongin, id: certificateId } }),
      );
      const content = original.content as Record<string, unknown>;
      try {
        await inYongin((tx) =>
          tx.certificate.update({
            where: { id: certificateId },
            data: { content: { ...content, date: "2024-01-01" } as Prisma.InputJsonValue },
          }),
        );
        expect((await verifySerial(db, { serial })).status).toBe("invalid");
      } finally {
        await inYongin((tx) =>
          tx.certificate.update({
            where: { id: certificateId },
            data: { content: content as Prisma.InputJsonValue },
          }),
        );
      }
    });
  });
});
