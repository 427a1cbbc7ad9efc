// A nominee without an account, at a tenant that signs its people in through single sign-on, makes their
// account from their invitation link by signing in at the provider: the claims are the provider's answer
// (the web app asks it over OpenID Connect); here they are given.
import type { Database, SsoConfig } from "@mentoring/db";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { builtinTemplate, scheduleFields } from "@mentoring/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteNominee } from "../src/members";
import { joinNominationBySso, matchSsoMember } from "../src/sso";

const ISSUER = "https://sso.gangneung.go.kr/realms/staff";

let database: SeededTestDatabase;
let db: Database;
let gangneung: {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  timeZone: string;
  locale: string;
};
let cohort: { id: string; title: string };
let sso: SsoConfig;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  db = database.db;
  const tenantId = database.seeded.find((seeded) => seeded.slug === "gangneung")?.tenantId as string;
  gangneung = await db.platform.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, slug: true, name: true, nameEn: true, timeZone: true, locale: true },
  });
  ({ cohort, sso } = await db.withTenant(tenantId, async (tx) => ({
    cohort: await (async () => {
      const definition = builtinTemplate("reverse_mentoring");
      const template = await tx.programTemplate.create({
        data: { tenantId, name: definition.name, kind: definition.kind },
      });
      const version = await tx.programTemplateVersion.create({
        data: { tenantId, templateId: template.id, version: 1, definition },
      });
      const day = new Date("2025-01-22T00:00:00Z");
      return tx.cohort.create({
        data: {
          tenantId,
          templateId: template.id,
          templateVersionId: version.id,
          number: 1,
          title: "거꾸로 멘토링 1기",
          status: "recruiting",
          ...Object.fromEntries(scheduleFields.map((field) => [field, day])),
          scheduleCheckedOn: day,
          quotaMentor: definition.roles.mentor.quota,
          quotaMentee: definition.roles.mentee.quota,
        } as Parameters<typeof tx.cohort.create>[0]["data"],
        select: { id: true, title: true },
      });
    })(),
    sso: await tx.ssoConfig.create({
      data: {
        tenantId,
        issuer: ISSUER,
        clientId: "mentoring",
        clientSecretEncrypted: "sealed",
        matchBy: "employee_number",
        enabled: true,
      },
    }),
  })));
});

afterAll(async () => {
  await database?.drop();
});

/** Staff members with an address and no account, the first `count` of them. */
const withoutAccount = (count: number) =>
  db.withTenant(gangneung.id, (tx) =>
    tx.staffMember.findMany({
      where: { tenantId: gangneung.id, active: true, email: { not: null }, memberships: { none: {} } },
      orderBy: { employeeNumber: "asc" },
      take: count,
      select: { id: true, name: true, email: true, employeeNumber: true },
    }),
  );

/** Invites the nominee as a nomination does, and returns the token of the mail's link. */
async function invite(staff: { id: string; name: string; email: string | null }) {
  await db.withTenant(gangneung.id, (tx) =>
    inviteNominee(tx, {
      tenant: gangneung,
      actorUserId: null,
      now: new Date(),
      appUrl: "https://mentoring.example.kr",
      staff: { id: staff.id, name: staff.name, email: staff.email as string },
      cohort,
      placed: { outcome: "accepted" },
      locale: "ko",
    }),
  );
  const mail = await db.platform.outgoingEmail.findFirstOrThrow({
    where: { toAddress: (staff.email as string).toLowerCase(), kind: "nomination_invitation" },
    orderBy: { createdAt: "desc" },
  });
  expect(mail.textBody).toContain("통합 로그인(SSO)");
  return /\/join\/gangneung\/([\w-]+)/.exec(mail.textBody ?? "")?.[1] as string;
}

const join = (token: string, claims: Record<string, unknown> & { sub: string }) =>
  db.withTenant(gangneung.id, (tx) =>
    joinNominationBySso(tx, { tenantId: gangneung.id, sso, claims, token, requestId: "test" }),
  );

describe("a nominee signing in through single sign-on from their invitation", () => {
  it("gets an account tied to their staff record and linked to the provider, and signs in by it later", async () => {
    const [nominee] = await withoutAccount(1);
    if (!nominee) throw new Error("the seed has no one without an account");
    const token = await invite(nominee);
    const joined = await join(token, { sub: "subject-1", employee_number: nominee.employeeNumber });
    expect(joined.cohortId).toBe(cohort.id);
    const membership = await db.withTenant(gangneung.id, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: gangneung.id, userId: joined.userId } }),
    );
    expect(membership).toMatchObject({ staffMemberId: nominee.id, roles: ["participant"] });
    const user = await db.platform.user.findUniqueOrThrow({ where: { id: joined.userId } });
    expect(user).toMatchObject({ email: (nominee.email as string).toLowerCase(), passwordHash: null });
    // The next sign-in finds them as any member.
    const again = await db.withTenant(gangneung.id, (tx) =>
      matchSsoMember(tx, { tenantId: gangneung.id, sso, claims: { sub: "subject-1" } }),
    );
    expect(again.userId).toBe(joined.userId);
    // The link is spent.
    await expect(
      join(token, { sub: "subject-1b", employee_number: nominee.employeeNumber }),
    ).rejects.toMatchObject({
      code: "sso.no_match",
    });
  });

  it("refuses someone the provider says is another person, and leaves the link usable", async () => {
    const [, nominee, other] = await withoutAccount(3);
    const token = await invite(nominee as NonNullable<typeof nominee>);
    await expect(
      join(token, { sub: "subject-2", employee_number: other?.employeeNumber }),
    ).rejects.toMatchObject({
      code: "sso.no_match",
      params: { reason: "not_the_nominee" },
    });
    const joined = await join(token, { sub: "subject-3", employee_number: nominee?.employeeNumber });
    expect(joined.cohortId).toBe(cohort.id);
  });

  it("refuses a link that is no nomination or no link at all", async () => {
    await expect(
      join("not-a-token", { sub: "subject-4", employee_number: "G0000-0000" }),
    ).rejects.toMatchObject({
      code: "sso.no_match",
      params: { reason: "invitation_unusable" },
    });
  });
});
