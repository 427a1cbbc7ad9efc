// A cohort's awards against the real PostgreSQL as the app role (RLS on): Gangneung's latest cohort with
// its teams published and its template's awards (최우수 1 team, 우수 2). The coordinator proposes, the
// executive returns or approves; approval signs each winning team's 표창장 with the tenant's key, the worker's
// generation renders it, /verify confirms it as an award, and the winners are told in Korean.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database, TenantDb } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveAwards, getCohortAwards, proposeAwards, returnAwards } from "../src/awards";
import {
  generateCertificateBatch,
  listCertificateBatches,
  listMyCertificates,
  verifySerial,
} from "../src/certificates";
import { seedPrograms } from "../src/seed";
import { publishTeams, seededCohortOf } from "./certificates-support";

const ENCRYPTION_KEY = "cd".repeat(32);
const APP_URL = "https://mentoring.example.kr";
const now = new Date("2025-12-10T02:00:00Z");

let database: SeededTestDatabase;
let db: Database;
let storageDir = "";
const city = { tenantId: "", cohortId: "", actorUserId: "" };
let executiveId = "";
let yongin = "";
let yonginTeamId = "";
/** Gangneung's team ids in number order (1팀 first). */
let teams: string[] = [];
/** Each team's member names, mentors then mentees, as the certificate prints them. */
let membersOf = new Map<string, { mentors: string[]; mentees: string[]; staff: string[] }>();

const code = (error: unknown) => (isAppError(error) ? error.code : error);
const refusal = (error: unknown) => (isAppError(error) ? { code: error.code, params: error.params } : error);
const inCity = <T>(work: (tx: TenantDb) => Promise<T>) => db.withTenant(city.tenantId, work);

const propose = (grants: { category: number; teamId: string }[], actorUserId = city.actorUserId) =>
  inCity((tx) => proposeAwards(tx, { ...city, actorUserId, grants, now }));
const approve = (actorUserId = executiveId) =>
  inCity((tx) =>
    approveAwards(tx, { ...city, actorUserId, encryptionKey: ENCRYPTION_KEY, appUrl: APP_URL, now }),
  );
const returnWith = (comment: string, actorUserId = executiveId) =>
  inCity((tx) => returnAwards(tx, { ...city, actorUserId, comment, now }));
const decision = () =>
  inCity((tx) => getCohortAwards(tx, { tenantId: city.tenantId, cohortId: city.cohortId, locale: "ko" }));

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  await seedPrograms(db);
  Object.assign(city, await seededCohortOf(db, "gangneung"));
  storageDir = await mkdtemp(path.join(os.tmpdir(), "awards-test-"));
  const published = await publishTeams(db, city.tenantId, city.cohortId);
  teams = published.teams.map((team) => team.id);
  executiveId = await inCity(
    async (tx) =>
      (
        await tx.membership.findFirstOrThrow({
          where: { tenantId: city.tenantId, roles: { has: "executive" } },
        })
      ).userId,
  );
  const names = await inCity((tx) =>
    tx.teamMember.findMany({
      where: { tenantId: city.tenantId, cohortId: city.cohortId },
      select: {
        teamId: true,
        role: true,
        application: { select: { staffMemberId: true, staffMember: { select: { name: true } } } },
      },
    }),
  );
  membersOf = new Map(
    teams.map((teamId) => {
      const of = (role: "mentor" | "mentee") =>
        names
          .filter((member) => member.teamId === teamId && member.role === role)
          .map((member) => member.application.staffMember.name)
          .sort();
      const staff = names
        .filter((member) => member.teamId === teamId)
        .map((member) => member.application.staffMemberId);
      return [teamId, { mentors: of("mentor"), mentees: of("mentee"), staff }];
    }),
  );
  const elsewhere = await seededCohortOf(db, "yongin");
  yongin = elsewhere.tenantId;
  yonginTeamId = (await publishTeams(db, yongin, elsewhere.cohortId)).teams[0]?.id as string;
}, 120_000);

afterAll(async () => {
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe("the coordinator's proposal", () => {
  it("has the template's award categories to fill: 최우수 for 1 team, 우수 for 2", async () => {
    const awards = await decision();
    expect(awards.categories.map((category) => [category.name, category.teams])).toEqual([
      ["최우수", 1],
      ["우수", 2],
    ]);
    expect(awards.decision).toBeNull();
    expect(awards.teams).toHaveLength(10);
  });

  it("a proposal over a category's count is refused", async () => {
    const over = await propose([
      { category: 0, teamId: teams[0] as string },
      { category: 0, teamId: teams[1] as string },
    ]).catch(refusal);
    expect(over).toEqual({ code: "award.over_count", params: { award: "최우수", places: 1, chosen: 2 } });
    // The other rules of a proposal: one award per team, only the cohort's teams, only the template's awards.
    const twice = await propose([
      { category: 0, teamId: teams[0] as string },
      { category: 1, teamId: teams[0] as string },
    ]).catch(refusal);
    expect(twice).toEqual({ code: "award.team_twice", params: { team: 1 } });
    expect(code(await propose([{ category: 1, teamId: yonginTeamId }]).catch((error) => error))).toBe(
      "award.team_not_found",
    );
    expect(code(await propose([{ category: 2, teamId: teams[0] as string }]).catch((error) => error))).toBe(
      "award.unknown_category",
    );
    expect(code(await propose([]).catch((error) => error))).toBe("award.no_grants");
    // Nothing was stored by any of them.
    expect((await decision()).decision).toBeNull();
    expect(await inCity((tx) => tx.awardGrant.count({ where: { tenantId: city.tenantId } }))).toBe(0);
  });

  it("a coordinator cannot approve", async () => {
    const proposed = await propose([
      { category: 0, teamId: teams[0] as string },
      { category: 1, teamId: teams[1] as string },
      { category: 1, teamId: teams[2] as string },
    ]);
    expect(proposed.status).toBe("proposed");
    expect(code(await approve(city.actorUserId).catch((error) => error))).toBe("award.not_allowed");
    expect(code(await returnWith("다시 검토해 주세요.", city.actorUserId).catch((error) => error))).toBe(
      "award.not_allowed",
    );
    // Nor does the executive propose: the two steps stay with two people.
    expect(
      code(await propose([{ category: 0, teamId: teams[3] as string }], executiveId).catch((e) => e)),
    ).toBe("award.not_allowed");
    const after = await decision();
    expect(after.decision?.status).toBe("proposed");
    expect(after.decision?.grants.map((grant) => [grant.name, grant.teamNumber])).toEqual([
      ["최우수", 1],
      ["우수", 2],
      ["우수", 3],
    ]);
    expect(
      await inCity((tx) => tx.certificateBatch.count({ where: { tenantId: city.tenantId, kind: "award" } })),
    ).toBe(0);
  });

  it("returned with a comment, the coordinator can propose again", async () => {
    expect(code(await returnWith("   ").catch((error) => error))).toBe("award.comment_required");
    await returnWith("3팀과 4팀이 동점입니다. 동점 처리 기준을 적용해 다시 올려 주세요.");
    const returned = await decision();
    expect(returned.decision).toMatchObject({
      status: "returned",
      comment: "3팀과 4팀이 동점입니다. 동점 처리 기준을 적용해 다시 올려 주세요.",
    });
    expect(returned.decision?.decidedBy).not.toBeNull();
    // A returned decision is not approved by mistake.
    expect(code(await approve().catch((error) => error))).toBe("award.not_proposed");

    await propose([
      { category: 0, teamId: teams[0] as string },
      { category: 1, teamId: teams[1] as string },
      { category: 1, teamId: teams[3] as string },
    ]);
    const again = await decision();
    expect(again.decision).toMatchObject({ status: "proposed", comment: null, decidedAt: null });
    expect(again.decision?.grants.map((grant) => grant.teamNumber)).toEqual([1, 2, 4]);
    const audit = await inCity((tx) =>
      tx.auditLog.findMany({
        where: { tenantId: city.tenantId, entityType: "award_decision" },
        orderBy: { at: "asc" },
        select: { action: true },
      }),
    );
    expect(audit.map((row) => row.action)).toEqual([
      "award_decision.propose",
      "award_decision.return",
      "award_decision.propose",
    ]);
  });
});

describe("the executive's approval", () => {
  it("the executive approves and each winning team gets a signed 표창장 that verifies", async () => {
    const { batchId, serials } = await approve();
    expect(serials).toHaveLength(3);
    const approved = await decision();
    expect(approved.decision?.status).toBe("approved");
    const winners = [teams[0], teams[1], teams[3]] as string[];

    for (const grant of approved.decision?.grants ?? []) {
      const serial = grant.certificate?.serial as string;
      const verification = await verifySerial(db, { serial });
      const members = membersOf.get(grant.teamId);
      expect(verification).toMatchObject({
        status: "valid",
        serial,
        issuer: "강릉시",
        mentors: members?.mentors,
        mentees: members?.mentees,
        award: {
          title: "표창장",
          name: grant.name,
          prize: grant.name === "최우수" ? "표창 및 국내외 우수사례지 견학" : "표창",
        },
      });
    }
    expect(approved.decision?.grants.map((grant) => grant.teamId)).toEqual(winners);

    // The worker renders them as award certificates: the title, the award and the prize are on the page.
    await generateCertificateBatch(db, {
      tenantId: city.tenantId,
      batchId,
      storageDir,
      appUrl: APP_URL,
      encryptionKey: ENCRYPTION_KEY,
    });
    const rendered = await inCity((tx) =>
      tx.certificate.findMany({
        where: { tenantId: city.tenantId, batchId },
        select: { fileKey: true, content: true },
      }),
    );
    for (const certificate of rendered) {
      const file = path.join(storageDir, certificate.fileKey as string);
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      const award = (certificate.content as { award: { name: string; prize: string } }).award;
      expect(text).toContain("표창장");
      expect(text).toContain(`${award.name}에선정하여`);
      expect(text).toContain(`부상:${award.prize.replace(/\s+/g, "")}`);
      expect(text).not.toContain("결연증서");
    }
    expect((await decision()).decision?.grants.every((grant) => grant.certificate?.ready)).toBe(true);
    // A winner finds it among their own certificates, as the award it is.
    const winner = membersOf.get(teams[0] as string)?.staff[0] as string;
    const mine = await inCity((tx) =>
      listMyCertificates(tx, { tenantId: city.tenantId, staffMemberId: winner }),
    );
    expect(mine.map((row) => row.award)).toEqual([{ title: "표창장", name: "최우수" }]);
    // Among the cohort's certificate batches it is the award kind, ready, signed by the executive.
    const batches = await inCity((tx) =>
      listCertificateBatches(tx, { tenantId: city.tenantId, cohortId: city.cohortId }),
    );
    expect(batches.map((batch) => [batch.kind, batch.status, batch.certificates.length])).toEqual([
      ["award", "ready", 3],
    ]);

    // Every member of each winning team is told once, in the app and by mail, in Korean with its particle.
    const notices = await inCity((tx) =>
      tx.notification.findMany({
        where: { tenantId: city.tenantId, kind: "award_granted" },
        select: { staffMemberId: true, params: true, link: true },
      }),
    );
    const told = winners.flatMap((teamId) => membersOf.get(teamId)?.staff ?? []);
    expect(notices.map((notice) => notice.staffMemberId).sort()).toEqual([...told].sort());
    expect(notices.every((notice) => notice.link === "/gangneung/certificates")).toBe(true);
    const mails = await db.platform.outgoingEmail.findMany({
      where: { kind: "award_granted" },
      select: { subject: true, textBody: true },
    });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.some((mail) => mail.subject.includes("1팀이 최우수로 선정되었습니다"))).toBe(true);
    expect(mails.some((mail) => mail.subject.includes("2팀이 우수로 선정되었습니다"))).toBe(true);
    // No pairing-certificate notice for an award batch.
    expect(
      await inCity((tx) =>
        tx.notification.count({ where: { tenantId: city.tenantId, kind: "certificate_issued" } }),
      ),
    ).toBe(0);

    // Approved is final: neither approved again nor replaced by a new proposal.
    expect(code(await approve().catch((error) => error))).toBe("award.already_approved");
    expect(code(await propose([{ category: 0, teamId: teams[5] as string }]).catch((e) => e))).toBe(
      "award.already_approved",
    );
  });

  it("a forged award on a signed certificate no longer verifies", async () => {
    const certificate = await inCity((tx) =>
      tx.certificate.findFirstOrThrow({
        where: { tenantId: city.tenantId, batch: { kind: "award" } },
        select: { id: true, serial: true, content: true },
      }),
    );
    const content = certificate.content as Record<string, unknown> & { award: Record<string, string> };
    await inCity((tx) =>
      tx.certificate.update({
        where: { id: certificate.id },
        data: { content: { ...content, award: { ...content.award, name: "대상" } } },
      }),
    );
    expect((await verifySerial(db, { serial: certificate.serial })).status).toBe("invalid");
    await inCity((tx) =>
      tx.certificate.update({ where: { id: certificate.id }, data: { content: certificate.content ?? {} } }),
    );
    expect((await verifySerial(db, { serial: certificate.serial })).status).toBe("valid");
  });
});

describe("another tenant", () => {
  it("another tenant cannot read or write awards", async () => {
    const fromYongin = await db.withTenant(yongin, async (tx) => ({
      decisions: await tx.awardDecision.findMany({ where: { cohortId: city.cohortId } }),
      grants: await tx.awardGrant.findMany({ where: { tenantId: city.tenantId } }),
      changed: (
        await tx.awardDecision.updateMany({
          where: { cohortId: city.cohortId },
          data: { status: "returned" },
        })
      ).count,
      deleted: (await tx.awardGrant.deleteMany({ where: { tenantId: city.tenantId } })).count,
    }));
    expect(fromYongin).toEqual({ decisions: [], grants: [], changed: 0, deleted: 0 });
    // Through the use cases, Gangneung's cohort is simply not there for Yongin.
    const yonginCoordinator = (await seededCohortOf(db, "yongin")).actorUserId;
    const asYongin = { tenantId: yongin, cohortId: city.cohortId };
    expect(
      code(
        await db
          .withTenant(yongin, (tx) => getCohortAwards(tx, { ...asYongin, locale: "ko" }))
          .catch((e) => e),
      ),
    ).toBe("cohort.not_found");
    expect(
      code(
        await db
          .withTenant(yongin, (tx) =>
            proposeAwards(tx, {
              ...asYongin,
              actorUserId: yonginCoordinator,
              grants: [{ category: 0, teamId: teams[0] as string }],
              now,
            }),
          )
          .catch((error) => error),
      ),
    ).toBe("cohort.not_found");
    // Yongin's own rows cannot be written under Gangneung's id either: the policy refuses the insert.
    const forged = await db
      .withTenant(yongin, (tx) =>
        tx.awardDecision.create({ data: { tenantId: city.tenantId, cohortId: city.cohortId } }),
      )
      .catch((error) => error);
    expect(forged).toBeInstanceOf(Error);
    const still = await decision();
    expect(still.decision?.status).toBe("approved");
    expect(still.decision?.grants).toHaveLength(3);
  });
});
