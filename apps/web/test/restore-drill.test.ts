// The restore drill: a backup made by `npm run backup` (database and storage) restored by `npm run
// restore` into a new database and a new storage directory, and the app working against them: a person
// signs in, their pairing certificate still verifies with its signature, and its PDF downloads unchanged.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "@mentoring/auth";
import { parseConfig } from "@mentoring/config";
import { createDatabase, type Database } from "@mentoring/db";
import { connect, withDatabase } from "@mentoring/db/provision";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { generateCertificateBatch, prepareCertificateBatch, signCertificateBatch } from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as certificatePdf } from "../app/routes/$tenant.certificates.$certificateId.pdf";
import { action as signInAction } from "../app/routes/sign-in";
import { loader as verifyLoader } from "../app/routes/verify.$serial";
import type { Services } from "../app/services/services.server";
import { browser, get, post, signedInBrowser, testServices } from "./requests";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const PASSWORD = "restored-and-still-mine";
const { DATA_ENCRYPTION_KEY, DATABASE_ADMIN_URL } = parseConfig({});

let source: SeededTestDatabase;
let restored: Database | undefined;
let restoredServices: Services | undefined;
const restoredName = `mentoring_test_restored_${Date.now().toString(36)}`;
const folders: string[] = [];
let mentor: { userId: string; email: string; certificateId: string; serial: string; tenantSlug: string };
let originalPdf: Buffer;

/** A fresh folder under the system's temporary one, removed after the file. */
async function folder(name: string): Promise<string> {
  const made = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  folders.push(made);
  return made;
}

function npm(script: string, args: string[]) {
  const result = spawnSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Yongin's first cohort with one published pair, its certificate signed by the executive and rendered. */
async function signedCertificate(db: Database, storageDir: string) {
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  const tenantId = tenant.id;
  const { cohortId, executiveId, coordinatorId, mentorApplication, menteeApplication } = await db.withTenant(
    tenantId,
    async (tx) => {
      const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId, number: 1 } });
      const accepted = (role: "mentor" | "mentee") =>
        tx.application.findFirstOrThrow({
          where: { tenantId, cohortId: cohort.id, status: "accepted", role },
          orderBy: { submittedAt: "asc" },
          select: { id: true, staffMember: { select: { id: true, email: true } } },
        });
      const member = (role: "executive" | "coordinator") =>
        tx.membership.findFirstOrThrow({ where: { tenantId, roles: { has: role } } });
      return {
        cohortId: cohort.id,
        executiveId: (await member("executive")).userId,
        coordinatorId: (await member("coordinator")).userId,
        mentorApplication: await accepted("mentor"),
        menteeApplication: await accepted("mentee"),
      };
    },
  );
  await db.withTenant(tenantId, async (tx) => {
    const run = await tx.matchingRun.create({
      data: { tenantId, cohortId, number: 99, status: "succeeded", problem: {}, publishedAt: new Date() },
    });
    const team = await tx.team.create({
      data: { tenantId, cohortId, runId: run.id, number: 1, score: 1, breakdown: {} },
    });
    await tx.teamMember.createMany({
      data: [
        { tenantId, cohortId, teamId: team.id, applicationId: mentorApplication.id, role: "mentor" },
        { tenantId, cohortId, teamId: team.id, applicationId: menteeApplication.id, role: "mentee" },
      ],
    });
  });
  const { batchId } = await db.withTenant(tenantId, (tx) =>
    prepareCertificateBatch(tx, { tenantId, cohortId, actorUserId: coordinatorId, today: "2025-03-05" }),
  );
  await db.withTenant(tenantId, (tx) =>
    signCertificateBatch(tx, {
      tenantId,
      cohortId,
      batchId,
      actorUserId: executiveId,
      encryptionKey: DATA_ENCRYPTION_KEY,
      now: new Date(),
    }),
  );
  await generateCertificateBatch(db, {
    tenantId,
    batchId,
    storageDir,
    appUrl: "http://127.0.0.1",
    encryptionKey: DATA_ENCRYPTION_KEY,
  });
  const certificate = await db.withTenant(tenantId, (tx) =>
    tx.certificate.findFirstOrThrow({
      where: { tenantId, batchId },
      select: { id: true, serial: true, fileKey: true },
    }),
  );
  // The mentor signs in with a password of their own (the seed gives accounts none).
  const email = mentorApplication.staffMember.email as string;
  const user = await db.platform.user.update({
    where: { email },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  return {
    mentor: {
      userId: user.id,
      email,
      certificateId: certificate.id,
      serial: certificate.serial,
      tenantSlug: "yongin",
    },
    pdf: await readFile(path.join(storageDir, certificate.fileKey as string)),
  };
}

beforeAll(async () => {
  source = await createSeededTestDatabase();
  await seedPrograms(source.db);
  const storage = await folder("drill-storage");
  ({ mentor, pdf: originalPdf } = await signedCertificate(source.db, storage));

  const backup = path.join(await folder("drill-backup"), "backup");
  npm("backup", ["--out", backup, "--database", source.name, "--storage", storage]);
  const restoredStorage = path.join(await folder("drill-restored"), "storage");
  npm("restore", ["--from", backup, "--database", restoredName, "--storage", restoredStorage]);

  restored = createDatabase(withDatabase(source.urls.app, restoredName), { poolSize: 2 });
  const { services } = await testServices(restored);
  restoredServices = { ...services, config: { ...services.config, STORAGE_DIR: restoredStorage } };
}, 240_000);

afterAll(async () => {
  await restoredServices?.close();
  await restored?.disconnect();
  const admin = await connect(DATABASE_ADMIN_URL);
  await admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`).finally(() => admin.end());
  await source?.drop();
  await Promise.all(folders.map((made) => rm(made, { recursive: true, force: true })));
});

describe("a restore drill, from a backup into a new database and storage", () => {
  it("lets a person sign in with the password they had", async () => {
    const services = restoredServices as Services;
    const outcome = await post(signInAction, services, await browser(services), {
      path: "/sign-in",
      fields: { email: mentor.email, password: PASSWORD, redirectTo: "/" },
      address: "198.51.100.20",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("set-cookie")).toMatch(/session/);
  });

  it("still verifies the certificate by its signature", async () => {
    const services = restoredServices as Services;
    const outcome = await get(verifyLoader, services, await browser(services), {
      path: `/verify/${mentor.serial}`,
      params: { serial: mentor.serial },
      address: "198.51.100.21",
    });
    expect(outcome.status).toBe(200);
    expect((outcome.body as { verification: { status: string } }).verification.status).toBe("valid");
  });

  it("serves the certificate's PDF from the restored storage, byte for byte", async () => {
    const services = restoredServices as Services;
    const outcome = await get(certificatePdf, services, await signedInBrowser(services, mentor.userId), {
      path: `/${mentor.tenantSlug}/certificates/${mentor.certificateId}.pdf`,
      params: { tenant: mentor.tenantSlug, certificateId: mentor.certificateId },
      address: "198.51.100.22",
    });
    // A download is a Response of its own.
    const download = outcome.body as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(originalPdf)).toBe(true);
  });
});
