// A tenant's single sign-on settings: the form, the client secret sealed and kept, the audit rows, against
// the real PostgreSQL (RLS on). The provider's answer is the caller's (the web app asks it over OpenID
// Connect); here it is a stand-in.
import { randomBytes, randomUUID } from "node:crypto";
import { decryptSecret } from "@mentoring/auth";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findEnabledSso,
  getSsoSettings,
  type SsoProviderCheck,
  type SsoSettingsInput,
  saveSsoSettings,
  ssoSettingsForm,
} from "../src/sso";

const ISSUER = "https://sso.yongin.go.kr/realms/staff";
const CLIENT_SECRET = "provider-client-secret";
const encryptionKey = randomBytes(32).toString("hex");

let database: TestDatabase;
let yongin: { id: string; slug: string; adminUserId: string };

/** A provider that answers for any issuer, naming itself as asked. */
const answering: SsoProviderCheck = async (issuer) => issuer;

function save(form: Partial<SsoSettingsInput> = {}, checkProvider: SsoProviderCheck = answering) {
  return saveSsoSettings(database.db, {
    tenantId: yongin.id,
    actorUserId: yongin.adminUserId,
    form: {
      issuer: ISSUER,
      clientId: "mentoring",
      clientSecret: CLIENT_SECRET,
      matchBy: "email",
      employeeNumberClaim: "employee_number",
      enabled: true,
      ...form,
    },
    requestId: "test",
    encryptionKey,
    checkProvider,
  });
}

const settingsOf = (tenantId: string) =>
  database.db.withTenant(tenantId, (tx) => getSsoSettings(tx, { tenantId }));

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.db.platform.tenant.create({
    data: {
      slug: `yongin-${randomBytes(4).toString("hex")}`,
      name: "용인특례시",
      kind: "basic_government",
      region: "경기도",
      status: "trial",
    },
  });
  yongin = { id: tenant.id, slug: tenant.slug, adminUserId: randomUUID() };
});

afterAll(async () => {
  await database?.drop();
});

describe("the SSO settings form", () => {
  const valid = {
    issuer: "https://sso.yongin.go.kr/realms/staff",
    clientId: "mentoring",
    clientSecret: "  ",
    matchBy: "email",
    employeeNumberClaim: "",
    enabled: true,
  };
  const firstErrors = (input: Record<string, unknown>) => {
    const parsed = ssoSettingsForm.safeParse({ ...valid, ...input });
    if (parsed.success) return {};
    return Object.fromEntries(
      Object.entries(parsed.error.flatten().fieldErrors).map(([field, errors]) => [field, errors?.[0]]),
    );
  };

  it("accepts an https issuer, keeps the secret when blank and defaults the employee number claim", () => {
    expect(ssoSettingsForm.parse(valid)).toEqual({
      ...valid,
      clientSecret: undefined,
      employeeNumberClaim: "employee_number",
    });
  });

  it("answers each wrong field with a message key", () => {
    expect(firstErrors({ issuer: "" })).toEqual({ issuer: "form.required" });
    expect(firstErrors({ issuer: "sso.yongin.go.kr" })).toEqual({ issuer: "sso.form.invalidIssuer" });
    expect(firstErrors({ issuer: "https://sso.yongin.go.kr/?realm=staff" })).toEqual({
      issuer: "sso.form.invalidIssuer",
    });
    expect(firstErrors({ issuer: "http://sso.yongin.go.kr" })).toEqual({ issuer: "sso.form.issuerHttps" });
    expect(firstErrors({ issuer: "http://127.0.0.1:8080" })).toEqual({});
    expect(firstErrors({ clientId: " " })).toEqual({ clientId: "form.required" });
    expect(firstErrors({ matchBy: "name" })).toEqual({ matchBy: "form.required" });
    expect(firstErrors({ employeeNumberClaim: "사번" })).toEqual({
      employeeNumberClaim: "sso.form.invalidClaim",
    });
  });
});

describe("SSO settings", () => {
  it("refuses to save when the provider does not answer, and saves nothing", async () => {
    const unreachable: SsoProviderCheck = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:9");
    };
    await expect(save({}, unreachable)).rejects.toMatchObject({
      code: "sso.discovery_failed",
      messageKey: "sso.form.discoveryFailed",
    });
    expect(await settingsOf(yongin.id)).toBeNull();
  });

  it("asks for the client secret when none is stored yet", async () => {
    await expect(save({ clientSecret: undefined })).rejects.toMatchObject({
      code: "sso.secret_required",
      messageKey: "sso.form.secretRequired",
    });
  });

  it("stores the secret sealed, keeps it when left blank, and never writes it to the audit log", async () => {
    await save();
    await save({ clientSecret: undefined, enabled: false });
    const { row, audits } = await database.db.withTenant(yongin.id, async (tx) => ({
      row: await tx.ssoConfig.findUniqueOrThrow({ where: { tenantId: yongin.id } }),
      audits: await tx.auditLog.findMany({
        where: { tenantId: yongin.id, entityType: "sso_config" },
        orderBy: { at: "asc" },
      }),
    }));
    expect(row.clientSecretEncrypted).not.toContain(CLIENT_SECRET);
    expect(decryptSecret(row.clientSecretEncrypted, encryptionKey, `sso_config:${yongin.id}`)).toBe(
      CLIENT_SECRET,
    );
    expect(row.enabled).toBe(false);
    expect(audits.map((audit) => audit.action)).toEqual(["sso_config.create", "sso_config.update"]);
    expect(audits[1]?.after).toMatchObject({ enabled: false, clientSecretChanged: false });
    expect(audits[1]?.before).toMatchObject({ enabled: true, issuer: ISSUER });
    expect(JSON.stringify(audits)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(audits)).not.toContain(row.clientSecretEncrypted);
    expect(await settingsOf(yongin.id)).toMatchObject({ hasSecret: true, enabled: false });
    expect(await findEnabledSso(database.db, { slug: yongin.slug, encryptionKey })).toBeNull();
  });

  it("offers the enabled settings to sign-in, with the secret opened", async () => {
    await save({ clientSecret: undefined, enabled: true });
    expect(await findEnabledSso(database.db, { slug: yongin.slug, encryptionKey })).toMatchObject({
      tenant: { id: yongin.id, slug: yongin.slug },
      sso: { issuer: ISSUER, enabled: true },
      clientSecret: CLIENT_SECRET,
    });
    // Sealed under a key since replaced: the secret cannot be opened, and must be entered again.
    const otherKey = randomBytes(32).toString("hex");
    expect(await findEnabledSso(database.db, { slug: yongin.slug, encryptionKey: otherKey })).toMatchObject({
      clientSecret: undefined,
    });
  });
});
