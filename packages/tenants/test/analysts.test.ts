// National insights analysts' accounts, made and disabled by the operator, and an organisation's choice to
// share its figures, against the real PostgreSQL as the app role.
import { randomBytes } from "node:crypto";
import { hashPassword, hashToken, newToken } from "@mentoring/auth";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { isAppError } from "@mentoring/domain";
import { parseJobPayload } from "@mentoring/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword, sendPasswordResetLink } from "../src/accounts";
import { createAnalyst, disableAnalyst, listAnalysts } from "../src/analysts";
import { updateInsightsSharing } from "../src/settings";

const APP_URL = "http://127.0.0.1:39998";
const ENCRYPTION_KEY = "cd".repeat(32);

let database: SeededTestDatabase;
let operatorId: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const operator = await database.db.platform.user.create({
    data: {
      email: `operator-${randomBytes(3).toString("hex")}@example.kr`,
      displayName: "운영자",
      platformRole: "operator",
    },
  });
  operatorId = operator.id;
});
afterAll(async () => {
  await database?.drop();
});

const newAddress = () => `analyst-${randomBytes(4).toString("hex")}@example.kr`;

async function mailedLink(email: string): Promise<string> {
  const mail = await database.db.platform.outgoingEmail.findFirstOrThrow({
    where: { toAddress: email, kind: "analyst_invitation" },
  });
  const match = mail.textBody?.match(new RegExp(`${APP_URL}/password/reset/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no link in ${mail.textBody}`);
  return match[1];
}

describe("the operator creating a national analyst", () => {
  it("makes an account with no password, mails a one-time link to set it and writes a platform audit row", async () => {
    const email = newAddress();
    const created = await createAnalyst(database.db, {
      form: { name: "박분석", email: email.toUpperCase(), agency: "행정안전부" },
      operatorId,
      locale: "ko",
      appUrl: APP_URL,
      requestId: "req-create",
    });
    expect(created.email).toBe(email);
    const user = await database.db.platform.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      platformRole: "insights_analyst",
      agency: "행정안전부",
      passwordHash: null,
    });
    const mail = await database.db.platform.outgoingEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail.subject).toContain("국가 통계 분석가");
    expect(mail.textBody).toContain("행정안전부");
    const audit = await database.db.platform.platformAuditLog.findMany({ where: { entityId: user.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "analyst.create",
        actorUserId: operatorId,
        requestId: "req-create",
        after: { email, name: "박분석", agency: "행정안전부" },
      }),
    ]);
    // The mailed link sets the first password.
    await resetPassword(database.db, {
      token: await mailedLink(email),
      password: "분석가의 새 비밀번호 2026",
    });
    expect((await listAnalysts(database.db)).find((row) => row.id === user.id)?.status).toBe("active");
  });

  it("refuses an address that already has an account, and creates nothing", async () => {
    const email = newAddress();
    await database.db.platform.user.create({ data: { email, displayName: "기존 사용자" } });
    const before = await database.db.platform.platformAuditLog.count();
    const refused = await createAnalyst(database.db, {
      form: { name: "다른 이름", email, agency: "지방자치인재개발원" },
      operatorId,
      locale: "ko",
      appUrl: APP_URL,
      requestId: "req",
    }).catch((error: unknown) => error);
    expect(isAppError(refused, "insights.analyst_email_taken")).toBe(true);
    expect(await database.db.platform.platformAuditLog.count()).toBe(before);
    expect(await database.db.platform.outgoingEmail.count({ where: { toAddress: email } })).toBe(0);
  });
});

describe("the operator disabling a national analyst", () => {
  it("revokes their sessions, removes the password, spends their links and refuses them a new one", async () => {
    const email = newAddress();
    const analyst = await database.db.platform.user.create({
      data: {
        email,
        displayName: "최분석",
        agency: "행정안전부",
        platformRole: "insights_analyst",
        passwordHash: await hashPassword("오래된 비밀번호 1234"),
      },
    });
    const session = await database.db.platform.session.create({
      data: {
        userId: analyst.id,
        tokenHash: hashToken(newToken()),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const pending = newToken();
    await database.db.platform.passwordResetToken.create({
      data: { userId: analyst.id, tokenHash: hashToken(pending), expiresAt: new Date(Date.now() + 3600_000) },
    });

    expect(
      await disableAnalyst(database.db, { analystId: analyst.id, operatorId, requestId: "req-disable" }),
    ).toEqual({
      email,
      changed: true,
    });
    const after = await database.db.platform.user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(after.passwordHash).toBeNull();
    expect(after.disabledAt).not.toBeNull();
    expect(
      (await database.db.platform.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt,
    ).not.toBeNull();
    const spent = await resetPassword(database.db, { token: pending, password: "새 비밀번호 5678" }).catch(
      (e) => e,
    );
    expect(isAppError(spent, "auth.reset_link_invalid")).toBe(true);
    // Asking for a reset link mails nothing.
    await requestPasswordReset(database.db, { email, locale: "ko", encryptionKey: ENCRYPTION_KEY });
    const event = await database.db.platform.outboxEvent.findFirstOrThrow({
      where: { jobName: "accounts.password-reset" },
      orderBy: { id: "desc" },
    });
    const payload = parseJobPayload("accounts.password-reset", event.payload);
    expect(
      await sendPasswordResetLink(database.db, {
        ...payload,
        encryptionKey: ENCRYPTION_KEY,
        appUrl: APP_URL,
      }),
    ).toEqual({ sent: false });

    expect((await listAnalysts(database.db)).find((row) => row.id === analyst.id)?.status).toBe("disabled");
    const audit = await database.db.platform.platformAuditLog.findMany({ where: { entityId: analyst.id } });
    expect(audit.map((row) => row.action)).toEqual(["analyst.disable"]);
    // Again: nothing changes and no second row.
    expect(
      (await disableAnalyst(database.db, { analystId: analyst.id, operatorId, requestId: "again" })).changed,
    ).toBe(false);
    expect(await database.db.platform.platformAuditLog.count({ where: { entityId: analyst.id } })).toBe(1);
  });

  it("keeps the platform's audit log append-only for the app: its rows cannot be changed or deleted", async () => {
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => "allowed",
        (error: { code?: string; meta?: { code?: string }; message?: string }) =>
          /permission denied/.test(error.message ?? "") ? "refused" : `failed: ${error.message}`,
      );
    expect(await database.db.platform.platformAuditLog.count()).toBeGreaterThan(0);
    expect(await refusal(database.db.platform.$executeRaw`update platform_audit_logs set action = 'x'`)).toBe(
      "refused",
    );
    expect(await refusal(database.db.platform.$executeRaw`delete from platform_audit_logs`)).toBe("refused");
  });

  it("finds no analyst behind the id of an operator or of a member of an organisation", async () => {
    const refused = await disableAnalyst(database.db, {
      analystId: operatorId,
      operatorId,
      requestId: "r",
    }).catch((error: unknown) => error);
    expect(isAppError(refused, "insights.analyst_not_found")).toBe(true);
    expect(
      (await database.db.platform.user.findUniqueOrThrow({ where: { id: operatorId } })).disabledAt,
    ).toBeNull();
  });
});

describe("an organisation's choice to share with national insights", () => {
  it("opts in, agrees to be named and opts out, each audited, opting out withdrawing the naming", async () => {
    const tenantId = database.seeded[0]?.tenantId as string;
    const change = (choice: "opt_in" | "opt_out" | "name" | "unname") =>
      database.db.withTenant(tenantId, (tx) =>
        updateInsightsSharing(tx, { tenantId, actorUserId: operatorId, form: { choice }, requestId: choice }),
      );
    expect(await change("name")).toEqual({ optedIn: false, named: false, changed: false });
    expect(await change("opt_in")).toEqual({ optedIn: true, named: false, changed: true });
    expect(await change("opt_in")).toEqual({ optedIn: true, named: false, changed: false });
    expect(await change("name")).toEqual({ optedIn: true, named: true, changed: true });
    expect(await change("opt_out")).toEqual({ optedIn: false, named: false, changed: true });
    const tenant = await database.db.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(tenant).toMatchObject({ insightsOptedInAt: null, insightsNamed: false });
    const audit = await database.db.withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({
        where: { tenantId, action: { startsWith: "tenant.insights." } },
        orderBy: { at: "asc" },
        select: { action: true, after: true },
      }),
    );
    expect(audit).toEqual([
      { action: "tenant.insights.opt_in", after: { optedIn: true, named: false } },
      { action: "tenant.insights.naming", after: { optedIn: true, named: true } },
      { action: "tenant.insights.opt_out", after: { optedIn: false, named: false } },
    ]);
  });
});
