// Members and onboarding against the real PostgreSQL (RLS on): invitations by mail, joining through one,
// role changes that would strand the tenant, and the operator approving an application into a tenant.
import { randomBytes, randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, changeMemberRoles, inviteMember, viewInvitation } from "../src/members";
import { approveApplication, rejectApplication, submitApplication } from "../src/onboarding";

const APP_URL = "http://127.0.0.1:39999";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

async function city() {
  return database.db.platform.tenant.create({
    data: {
      slug: `city-${randomBytes(4).toString("hex")}`,
      name: "원주시",
      nameEn: "Wonju",
      kind: "basic_government",
      region: "강원특별자치도",
      status: "trial",
    },
  });
}

type City = Awaited<ReturnType<typeof city>>;

function invite(tenant: City, email: string, roles: ("tenant_admin" | "coordinator")[] = ["coordinator"]) {
  return database.db.withTenant(tenant.id, (tx) =>
    inviteMember(tx, {
      tenant,
      actorUserId: randomUUID(),
      email,
      roles,
      locale: "ko",
      appUrl: APP_URL,
      requestId: "req",
    }),
  );
}

/** The token of the last invitation mailed to `email`, read from the link in its text. */
async function mailedToken(tenant: City, email: string): Promise<string> {
  const mail = await database.db.platform.outgoingEmail.findFirstOrThrow({
    where: { toAddress: email, kind: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  const match = mail.textBody?.match(new RegExp(`${APP_URL}/join/${tenant.slug}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no invitation link in ${mail.textBody}`);
  return match[1];
}

const auditActions = (tenantId: string) =>
  database.db.withTenant(tenantId, async (tx) =>
    (await tx.auditLog.findMany({ where: { tenantId }, orderBy: { at: "asc" } })).map((row) => row.action),
  );

describe("inviting and joining", () => {
  it("mails an invitation that a new person joins with, once", async () => {
    const tenant = await city();
    await invite(tenant, "Minji.Lee@wonju.example.kr");
    const token = await mailedToken(tenant, "minji.lee@wonju.example.kr");

    expect(await viewInvitation(database.db, { slug: tenant.slug, token, signedInUser: null })).toMatchObject(
      {
        tenant: { id: tenant.id, slug: tenant.slug },
        view: { state: "new_account", email: "minji.lee@wonju.example.kr", roles: ["coordinator"] },
      },
    );
    const { userId } = await acceptInvitation(database.db, {
      tenantId: tenant.id,
      token,
      signedInUser: null,
      newAccount: { displayName: "이민지", password: "a long enough password" },
    });
    const membership = await database.db.withTenant(tenant.id, (tx) =>
      tx.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId } } }),
    );
    expect(membership.roles).toEqual(["coordinator"]);
    expect(await auditActions(tenant.id)).toEqual(["invitation.create", "invitation.accept"]);

    // The link is spent.
    expect(await viewInvitation(database.db, { slug: tenant.slug, token, signedInUser: null })).toMatchObject(
      {
        view: { state: "invalid" },
      },
    );
    await expect(
      acceptInvitation(database.db, {
        tenantId: tenant.id,
        token,
        signedInUser: { id: userId, email: "minji.lee@wonju.example.kr" },
      }),
    ).rejects.toMatchObject({ code: "member.invitation_unusable" });
  });

  it("refuses to invite an address that is already a member's, and writes nothing", async () => {
    const tenant = await city();
    await invite(tenant, "jihoon.choi@wonju.example.kr");
    const token = await mailedToken(tenant, "jihoon.choi@wonju.example.kr");
    await acceptInvitation(database.db, {
      tenantId: tenant.id,
      token,
      signedInUser: null,
      newAccount: { displayName: "최지훈", password: "a long enough password" },
    });

    await expect(invite(tenant, "JIHOON.CHOI@wonju.example.kr")).rejects.toMatchObject({
      code: "member.already_member",
      messageKey: "members.invite.alreadyMember",
    });
    const invitations = await database.db.withTenant(tenant.id, (tx) =>
      tx.invitation.count({ where: { tenantId: tenant.id } }),
    );
    expect(invitations).toBe(1);
  });

  it("does not open a link of a closed or unknown tenant", async () => {
    const tenant = await city();
    await invite(tenant, "someone@wonju.example.kr");
    const token = await mailedToken(tenant, "someone@wonju.example.kr");
    await database.db.platform.tenant.update({ where: { id: tenant.id }, data: { status: "closed" } });
    expect(await viewInvitation(database.db, { slug: tenant.slug, token, signedInUser: null })).toBeNull();
    expect(await viewInvitation(database.db, { slug: "no-such-city", token, signedInUser: null })).toBeNull();
  });
});

describe("changing roles", () => {
  async function withAdmin() {
    const tenant = await city();
    const email = `admin-${tenant.slug}@wonju.example.kr`;
    await invite(tenant, email, ["tenant_admin"]);
    const { userId } = await acceptInvitation(database.db, {
      tenantId: tenant.id,
      token: await mailedToken(tenant, email),
      signedInUser: null,
      newAccount: { displayName: "박성훈", password: "a long enough password" },
    });
    const membership = await database.db.withTenant(tenant.id, (tx) =>
      tx.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: tenant.id, userId } } }),
    );
    return { tenant, userId, membershipId: membership.id };
  }

  it("refuses to leave the tenant without an admin, naming every problem, and changes nothing", async () => {
    const { tenant, userId, membershipId } = await withAdmin();
    const change = { tenantId: tenant.id, actorUserId: userId, membershipId, requestId: "req" };
    await expect(changeMemberRoles(database.db, { ...change, roles: [] })).rejects.toMatchObject({
      code: "member.no_roles",
      details: {
        fields: [
          { path: "roles", message: "members.problem.no_roles" },
          { path: "roles", message: "members.problem.last_admin" },
        ],
      },
    });
    await expect(changeMemberRoles(database.db, { ...change, roles: ["coordinator"] })).rejects.toMatchObject(
      {
        code: "member.last_admin",
        details: { fields: [{ path: "roles", message: "members.problem.last_admin" }] },
      },
    );
    expect(
      await changeMemberRoles(database.db, { ...change, roles: ["tenant_admin", "coordinator"] }),
    ).toEqual({
      name: "박성훈",
    });
    const audits = await auditActions(tenant.id);
    expect(audits.filter((action) => action === "membership.roles.update")).toHaveLength(1);
  });

  it("answers not found for another tenant's membership", async () => {
    const { membershipId } = await withAdmin();
    const other = await city();
    await expect(
      changeMemberRoles(database.db, {
        tenantId: other.id,
        actorUserId: randomUUID(),
        membershipId,
        roles: ["coordinator"],
        requestId: "req",
      }),
    ).rejects.toMatchObject({ code: "member.not_found" });
  });
});

describe("reviewing applications", () => {
  const form = {
    organisationName: "춘천시",
    kind: "basic_government" as const,
    region: "강원특별자치도" as const,
    businessRegistrationNumber: undefined,
    contactName: "김하늘",
    contactEmail: "haneul.kim@chuncheon.example.kr",
    contactPhone: undefined,
  };
  const review = { operatorId: randomUUID(), locale: "ko" as const, appUrl: APP_URL, requestId: "req" };

  it("approves an application into a trial tenant and invites its contact person as admin", async () => {
    const slug = `chuncheon-${randomBytes(3).toString("hex")}`;
    const { applicationId } = await submitApplication(database.db, form);
    expect(await approveApplication(database.db, { ...review, applicationId, slug })).toEqual({
      organisation: "춘천시",
      email: "haneul.kim@chuncheon.example.kr",
    });
    const tenant = await database.db.platform.tenant.findUniqueOrThrow({ where: { slug } });
    expect(tenant).toMatchObject({ name: "춘천시", status: "trial" });
    expect(await auditActions(tenant.id)).toEqual(["tenant.create", "invitation.create"]);
    const view = await viewInvitation(database.db, {
      slug,
      token: await mailedToken(tenant, form.contactEmail),
      signedInUser: null,
    });
    expect(view?.view).toMatchObject({ state: "new_account", roles: ["tenant_admin"] });

    await expect(
      approveApplication(database.db, { ...review, applicationId, slug: `${slug}-2` }),
    ).rejects.toMatchObject({ code: "onboarding.already_reviewed" });
    await expect(
      rejectApplication(database.db, { applicationId, reason: "", operatorId: review.operatorId }),
    ).rejects.toMatchObject({ code: "onboarding.already_reviewed" });
  });

  it("refuses a slug that is invalid or taken, and leaves the application pending", async () => {
    const { applicationId } = await submitApplication(database.db, form);
    const taken = await city();
    await expect(
      approveApplication(database.db, { ...review, applicationId, slug: "Not A Slug" }),
    ).rejects.toMatchObject({ code: "onboarding.invalid_slug" });
    await expect(
      approveApplication(database.db, { ...review, applicationId, slug: taken.slug }),
    ).rejects.toMatchObject({ code: "onboarding.slug_taken" });
    expect(
      await rejectApplication(database.db, {
        applicationId,
        reason: "중복 신청",
        operatorId: review.operatorId,
      }),
    ).toEqual({ organisation: "춘천시", email: "haneul.kim@chuncheon.example.kr" });
  });
});
