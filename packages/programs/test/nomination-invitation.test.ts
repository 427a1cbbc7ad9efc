import type { Database } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { builtinTemplate, CONSENT_VERSION, calendarDate, scheduleFromOffsets } from "@mentoring/domain";
import { acceptInvitation, NOMINATION_INVITATION_DAYS, viewInvitation } from "@mentoring/tenants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleColumns } from "../src/records/cohort-record";
import { consentToNomination, listStaffApplications, nominateToCohort } from "../src/recruitment";

// A coordinator of Gangneung nominates juniors for its reverse mentoring: one without an account (most of
// the directory), one whose account is tied to their staff record.

let database: SeededTestDatabase;
let db: Database;
let gangneung: string;
let coordinatorUserId: string;
const appUrl = "https://mentoring.example.kr";

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const summary = database.seeded.find((seeded) => seeded.slug === "gangneung");
  gangneung = summary?.tenantId as string;
  const coordinator = summary?.accounts.find((account) => account.roles.includes("coordinator"));
  coordinatorUserId = (
    await db.platform.user.findUniqueOrThrow({ where: { email: coordinator?.email as string } })
  ).id;
});

afterAll(async () => {
  await database?.drop();
});

let cohorts = 0;

async function recruitingCohort() {
  cohorts += 1;
  const definition = builtinTemplate("reverse_mentoring");
  return db.withTenant(gangneung, async (tx) => {
    const template = await tx.programTemplate.create({
      data: { tenantId: gangneung, name: `추천 초대 ${cohorts}`, kind: definition.kind },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId: gangneung, templateId: template.id, version: 1, definition },
    });
    const cohort = await tx.cohort.create({
      data: {
        tenantId: gangneung,
        templateId: template.id,
        templateVersionId: version.id,
        number: 1,
        title: `추천 초대 ${cohorts}기`,
        status: "recruiting",
        ...scheduleColumns(scheduleFromOffsets(calendarDate("2025-01-22"), definition.phases)),
        scheduleCheckedOn: new Date("2025-01-22T00:00:00Z"),
        quotaMentor: definition.roles.mentor.quota,
        quotaMentee: definition.roles.mentee.quota,
      },
    });
    return { id: cohort.id, title: cohort.title };
  });
}

/** Eligible reverse mentors (grade 8-9, at most five years on 2025-01-22), with or without an account. */
async function juniors(count: number, { withAccount }: { withAccount: boolean }) {
  return db.withTenant(gangneung, (tx) =>
    tx.staffMember.findMany({
      where: {
        tenantId: gangneung,
        active: true,
        email: { not: null },
        grade: { in: [8, 9] },
        hireDate: { gte: new Date("2019-01-23T00:00:00Z"), lte: new Date("2025-01-22T00:00:00Z") },
        memberships: withAccount ? { some: {} } : { none: {} },
      },
      orderBy: { employeeNumber: "desc" },
      take: count,
      select: { id: true, employeeNumber: true, email: true, name: true },
    }),
  );
}

const nominate = (cohortId: string, employeeNumbers: string[], now = new Date()) =>
  db.withTenant(gangneung, (tx) =>
    nominateToCohort(tx, {
      tenantId: gangneung,
      cohortId,
      employeeNumbers,
      role: "mentor",
      actorUserId: coordinatorUserId,
      requestId: "test",
      now,
      appUrl,
    }),
  );

const mailsTo = (address: string) =>
  db.platform.outgoingEmail.findMany({
    where: { toAddress: address.toLowerCase() },
    orderBy: { createdAt: "asc" },
  });

/** The one-time token of the link a mail carries (the body keeps it until the worker sends the mail). */
function tokenIn(text: string | null): string {
  const match = /\/join\/gangneung\/([\w-]+)/.exec(text ?? "");
  if (!match?.[1]) throw new Error(`no invitation link in ${text}`);
  return match[1];
}

describe("nominating someone who has no account", () => {
  let cohort: { id: string; title: string };
  let nominee: Awaited<ReturnType<typeof juniors>>[number];
  let token: string;

  beforeAll(async () => {
    cohort = await recruitingCohort();
    [nominee] = (await juniors(1, { withAccount: false })) as [typeof nominee];
  });

  it("places them and mails an invitation to their directory address instead of the decision", async () => {
    const now = new Date();
    const [result] = await nominate(cohort.id, [nominee.employeeNumber], now);
    expect(result).toMatchObject({ outcome: "accepted" });
    const mails = await mailsTo(nominee.email as string);
    expect(mails.map((mail) => mail.kind)).toEqual(["nomination_invitation"]);
    const [mail] = mails;
    expect(mail?.subject).toBe(`[${cohort.title}] 참여 추천 안내: 계정을 만들고 답해 주십시오`);
    expect(mail?.textBody).toContain("한 번만 쓸 수 있으며");
    token = tokenIn(mail?.textBody ?? null);
    // Its job waits in the outbox, as every mail's does.
    const jobs = await db.platform.outboxEvent.findMany({ where: { jobName: "email.send" } });
    expect(jobs.some((job) => (job.payload as { emailId: string }).emailId === mail?.id)).toBe(true);
    const invitation = await db.withTenant(gangneung, (tx) =>
      tx.invitation.findFirstOrThrow({ where: { tenantId: gangneung, staffMemberId: nominee.id } }),
    );
    expect(invitation).toMatchObject({
      email: (nominee.email as string).toLowerCase(),
      roles: ["participant"],
      cohortId: cohort.id,
      acceptedAt: null,
    });
    expect(invitation.expiresAt.getTime() - now.getTime()).toBe(NOMINATION_INVITATION_DAYS * 24 * 3600_000);
  });

  it("opens on the nomination, for the nominee to make their account", async () => {
    const found = await viewInvitation(db, { slug: "gangneung", token, signedInUser: null });
    expect(found?.view).toMatchObject({
      state: "new_account",
      email: (nominee.email as string).toLowerCase(),
    });
    expect(found?.nomination).toEqual({ cohortId: cohort.id, cohortTitle: cohort.title, name: nominee.name });
  });

  it("makes an account tied to that staff member, which can then consent to the nomination", async () => {
    const { userId, cohortId } = await acceptInvitation(db, {
      tenantId: gangneung,
      token,
      signedInUser: null,
      newAccount: { displayName: nominee.name, password: "nominee-password-123" },
    });
    expect(cohortId).toBe(cohort.id);
    const membership = await db.withTenant(gangneung, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: gangneung, userId } }),
    );
    expect(membership).toMatchObject({ staffMemberId: nominee.id, roles: ["participant"] });

    await db.withTenant(gangneung, (tx) =>
      consentToNomination(tx, {
        tenantId: gangneung,
        cohortId: cohort.id,
        staffMemberId: membership.staffMemberId as string,
        consentVersion: CONSENT_VERSION,
        actorUserId: userId,
        now: new Date(),
        appUrl,
      }),
    );
    const [own] = await db.withTenant(gangneung, (tx) =>
      listStaffApplications(tx, { tenantId: gangneung, staffMemberId: nominee.id, cohortId: cohort.id }),
    );
    expect(own).toMatchObject({ status: "accepted", nominated: true, consentPending: false });
  });

  it("is spent once used: the link opens nothing a second time", async () => {
    const again = await viewInvitation(db, { slug: "gangneung", token, signedInUser: null });
    expect(again?.view).toEqual({ state: "invalid" });
    await expect(
      acceptInvitation(db, {
        tenantId: gangneung,
        token,
        signedInUser: null,
        newAccount: { displayName: "누군가", password: "someone-else-123" },
      }),
    ).rejects.toMatchObject({ code: "member.invitation_unusable" });
  });
});

describe("a nominee's link", () => {
  it("no longer opens once its two weeks are over", async () => {
    const cohort = await recruitingCohort();
    const [nominee] = await juniors(2, { withAccount: false }).then((rows) => rows.slice(1));
    const longAgo = new Date(Date.now() - (NOMINATION_INVITATION_DAYS * 24 + 1) * 3600_000);
    await nominate(cohort.id, [nominee?.employeeNumber as string], longAgo);
    const [mail] = await mailsTo(nominee?.email as string);
    const found = await viewInvitation(db, {
      slug: "gangneung",
      token: tokenIn(mail?.textBody ?? null),
      signedInUser: null,
    });
    expect(found?.view).toEqual({ state: "invalid" });
  });

  it("is replaced by a new one when the person is nominated again: only the newest works", async () => {
    const cohort = await recruitingCohort();
    const [, , nominee] = await juniors(3, { withAccount: false });
    await nominate(cohort.id, [nominee?.employeeNumber as string]);
    // They decline (their application is withdrawn), and the coordinator nominates them again.
    await db.withTenant(gangneung, (tx) =>
      tx.application.updateMany({
        where: { tenantId: gangneung, cohortId: cohort.id, staffMemberId: nominee?.id },
        data: { status: "withdrawn", withdrawnAt: new Date() },
      }),
    );
    await nominate(cohort.id, [nominee?.employeeNumber as string]);
    const [first, second] = await mailsTo(nominee?.email as string);
    const view = (mail: typeof first) =>
      viewInvitation(db, { slug: "gangneung", token: tokenIn(mail?.textBody ?? null), signedInUser: null });
    expect((await view(first))?.view.state).toBe("invalid");
    expect((await view(second))?.view.state).toBe("new_account");
  });

  it("cannot be taken by an account already tied to another staff member", async () => {
    const cohort = await recruitingCohort();
    const [, , , nominee] = await juniors(4, { withAccount: false });
    await nominate(cohort.id, [nominee?.employeeNumber as string]);
    const [mail] = await mailsTo(nominee?.email as string);
    // Someone signed in whose account is someone else's record, at the nominee's address (a shared inbox).
    const [other] = await juniors(1, { withAccount: true });
    const otherUser = await db.withTenant(gangneung, (tx) =>
      tx.membership.findFirstOrThrow({
        where: { tenantId: gangneung, staffMemberId: other?.id },
        select: { userId: true },
      }),
    );
    await expect(
      acceptInvitation(db, {
        tenantId: gangneung,
        token: tokenIn(mail?.textBody ?? null),
        signedInUser: { id: otherUser.userId, email: String(nominee?.email).toLowerCase() },
      }),
    ).rejects.toMatchObject({ code: "member.invitation_unusable" });
  });
});

describe("nominating someone who has an account", () => {
  it("mails them the decision, as an applicant is mailed, and makes no invitation", async () => {
    const cohort = await recruitingCohort();
    const [member] = await juniors(1, { withAccount: true });
    if (!member) throw new Error("the seed has no eligible junior with an account");
    const before = (await mailsTo(member.email as string)).length;
    const [result] = await nominate(cohort.id, [member.employeeNumber]);
    expect(result).toMatchObject({ outcome: "accepted" });
    const mails = (await mailsTo(member.email as string)).slice(before);
    expect(mails.map((mail) => mail.kind)).toEqual(["application_decision"]);
    const invitations = await db.withTenant(gangneung, (tx) =>
      tx.invitation.count({ where: { tenantId: gangneung, staffMemberId: member.id } }),
    );
    expect(invitations).toBe(0);
  });
});
