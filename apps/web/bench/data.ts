// The data the page benchmark reads: a fresh copy of the seeded template (Yongin and Gangneung, as
// `seedAll` leaves them), their programs (`seedPrograms`), and Yongin's first cohort taken on through the
// use cases the pages call: moved to matching, matched (about forty people), published, its certificates
// signed. Sessions are made as sign-in makes them: a row holding the hash of a random token.
import { randomBytes } from "node:crypto";
import { hashToken, newToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import { connect } from "@mentoring/db/provision";
import { createSeededTestDatabase, ensureTestTemplate, type TestDatabase } from "@mentoring/db/testing";
import {
  prepareCertificateBatch,
  publishRun,
  runMatching,
  signCertificateBatch,
  startMatchingRun,
  tenantToday,
  transitionCohort,
} from "@mentoring/programs";
import { seedPrograms } from "@mentoring/programs/seed";

export interface BenchData {
  database: TestDatabase;
  tenantSlug: string;
  cohortId: string;
  serial: string;
  /** Session tokens (the value the session cookie carries, before signing), per user the pages need. */
  tokens: { admin: string; coordinator: string; participant: string };
  /** How many people the matching review shows, and teams it holds. */
  people: number;
  teams: number;
}

const SESSION_HOURS = 8;

async function sessionFor(db: Database, userId: string): Promise<string> {
  const token = newToken();
  await db.platform.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      data: { userId },
      // Longer than any run: the benchmark must never meet an expired session.
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    },
  });
  return token;
}

export async function createBenchData(): Promise<BenchData> {
  await ensureTestTemplate();
  const database = await createSeededTestDatabase();
  try {
    const { db } = database;
    await seedPrograms(db);
    const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
    const tenantId = tenant.id;
    const inYongin = <T>(work: Parameters<typeof db.withTenant<T>>[1]) => db.withTenant(tenantId, work);
    const { cohortId, adminUserId, coordinatorUserId } = await inYongin(async (tx) => {
      const cohort = await tx.cohort.findFirstOrThrow({ where: { tenantId, number: 1 } });
      const byRole = (role: "tenant_admin" | "coordinator") =>
        tx.membership.findFirstOrThrow({
          where: { tenantId, roles: { has: role } },
          select: { userId: true },
        });
      return {
        cohortId: cohort.id,
        adminUserId: (await byRole("tenant_admin")).userId,
        coordinatorUserId: (await byRole("coordinator")).userId,
      };
    });
    const acting = { tenantId, cohortId, actorUserId: coordinatorUserId };
    const appUrl = "http://127.0.0.1";
    await inYongin((tx) =>
      transitionCohort(tx, {
        ...acting,
        to: "matching",
        override: true,
        reason: "벤치마크: 매칭 일정 시작",
        today: tenantToday(tenant.timeZone),
        appUrl,
      }),
    );
    const { runId } = await inYongin((tx) => startMatchingRun(tx, acting));
    // The worker's job, run here: the review then shows a solved run with its scores.
    await runMatching(db, { tenantId, runId });
    const { teams } = await inYongin((tx) => publishRun(tx, { ...acting, runId, appUrl }));
    const { batchId } = await inYongin((tx) =>
      prepareCertificateBatch(tx, { ...acting, today: tenantToday(tenant.timeZone) }),
    );
    await inYongin((tx) =>
      signCertificateBatch(tx, {
        ...acting,
        batchId,
        encryptionKey: randomBytes(32).toString("hex"),
        now: new Date(),
      }),
    );
    // What a participant's home shows next: an assignment due in ten days and a training in three, beside
    // one already past.
    const day = 86_400_000;
    const soon = (days: number) => new Date(Date.now() + days * day);
    await inYongin((tx) =>
      tx.calendarItem.createMany({
        data: [
          { kind: "assignment" as const, title: "3월 과제: 우리 팀 소개 영상", dueAt: soon(10) },
          { kind: "assignment" as const, title: "2월 과제: 첫 만남 기록", dueAt: soon(-20) },
          {
            kind: "training" as const,
            title: "소통 교육 2회차",
            place: "시청 4층 교육장",
            startsAt: soon(3),
            endsAt: new Date(soon(3).getTime() + 2 * 3600_000),
            attendance: true,
          },
        ].map((item) => ({ tenantId, cohortId, ...item })),
      }),
    );
    const { serial, participantUserId, people } = await inYongin(async (tx) => {
      const certificate = await tx.certificate.findFirstOrThrow({
        where: { tenantId, cohortId, signature: { not: null } },
        select: { serial: true },
      });
      // A mentee of a published team who signs in as a participant: /team shows their team.
      const member = await tx.teamMember.findFirstOrThrow({
        where: { tenantId, cohortId, role: "mentee" },
        orderBy: { team: { number: "asc" } },
        select: { application: { select: { staffMemberId: true } } },
      });
      const membership = await tx.membership.findFirstOrThrow({
        where: { tenantId, staffMemberId: member.application.staffMemberId },
        select: { userId: true },
      });
      const people = await tx.teamMember.count({ where: { tenantId, cohortId } });
      return { serial: certificate.serial, participantUserId: membership.userId, people };
    });
    // Statistics, as autovacuum would have gathered them on a database in use: without them the planner
    // guesses every table holds a handful of rows.
    const owner = await connect(database.urls.owner);
    await owner.query("analyze");
    await owner.end();
    return {
      database,
      tenantSlug: tenant.slug,
      cohortId,
      serial,
      tokens: {
        admin: await sessionFor(db, adminUserId),
        coordinator: await sessionFor(db, coordinatorUserId),
        participant: await sessionFor(db, participantUserId),
      },
      people,
      teams,
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
