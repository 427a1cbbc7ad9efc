// Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1), in a fresh seeded database
// connected as the app role: who is matched, who is refused, and that an identity is linked once.
import { config } from "@mentoring/config";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { getSsoSettings, type SsoSettingsInput, saveSsoSettings } from "@mentoring/tenants";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  beginSsoSignIn,
  type CompleteResult,
  completeSsoSignIn,
  redirectUriFor,
  type SsoServices,
  ssoEnabledFor,
  ssoProviderCheck,
} from "../app/services/sso.server";
import {
  type ProviderAccount,
  signInAtProvider,
  startOidcProvider,
  type TestProvider,
} from "../e2e/oidc-provider";

const APP_URL = "http://127.0.0.1:39999";
const PASSWORD = "provider-password";
const coordinatorEmail = "sujin.kwon@yongin.example.kr";
const adminEmail = "seonghun.park@yongin.example.kr";

let database: SeededTestDatabase;
let services: SsoServices;
let provider: TestProvider;
let yongin: { id: string; adminUserId: string; coordinatorUserId: string; adminEmployeeNumber: string };
let unlinkedEmployeeNumber: string;
let inactiveEmployeeNumber: string;
let gangneungCoordinatorEmail: string;

/** The provider's accounts; tests change their claims, which the provider reads at each sign-in. */
const accounts: ProviderAccount[] = [
  { sub: "kwon", username: "kwon", password: PASSWORD, claims: {} },
  { sub: "park", username: "park", password: PASSWORD, claims: {} },
  { sub: "stranger", username: "stranger", password: PASSWORD, claims: {} },
];
const account = (sub: string) => accounts.find((candidate) => candidate.sub === sub) as ProviderAccount;

/** Saves the tenant's settings as the admin page does, the provider asked over OpenID Connect. */
function saveSettings(form: SsoSettingsInput) {
  return saveSsoSettings(database.db, {
    tenantId: yongin.id,
    actorUserId: yongin.adminUserId,
    form,
    requestId: "test",
    encryptionKey: services.config.DATA_ENCRYPTION_KEY,
    checkProvider: ssoProviderCheck(services, { tenantId: yongin.id, requestId: "test" }),
  });
}

async function configure(input: Partial<SsoSettingsInput> = {}) {
  await saveSettings({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    matchBy: "email",
    employeeNumberClaim: "employee_number",
    enabled: true,
    ...input,
  });
}

/** The whole flow, as the browser would run it: start, sign in at the provider, come back. */
async function signInAs(sub: string): Promise<CompleteResult> {
  const begun = await beginSsoSignIn(services, "yongin");
  if (begun.kind !== "redirect") throw new Error(`could not start: ${begun.kind}`);
  const back = await signInAtProvider(begun.url, { username: sub, password: PASSWORD });
  return completeSsoSignIn(services, { slug: "yongin", params: back.searchParams, flow: begun.flow });
}

const identitiesOf = (userId: string) =>
  database.db.withTenant(yongin.id, (tx) => tx.userIdentity.findMany({ where: { userId } }));

beforeAll(async () => {
  database = await createSeededTestDatabase();
  services = {
    db: database.db,
    config: { ...config(), APP_URL },
    log: pino({ level: "silent" }),
  };
  const tenant = await database.db.platform.tenant.findUniqueOrThrow({ where: { slug: "yongin" } });
  const users = await database.db.platform.user.findMany({
    where: { email: { in: [coordinatorEmail, adminEmail] } },
  });
  const userId = (email: string) => users.find((user) => user.email === email)?.id as string;
  await database.db.withTenant(tenant.id, async (tx) => {
    const admin = await tx.membership.findFirstOrThrow({
      where: { tenantId: tenant.id, userId: userId(adminEmail) },
      select: { staffMember: { select: { employeeNumber: true } } },
    });
    yongin = {
      id: tenant.id,
      adminUserId: userId(adminEmail),
      coordinatorUserId: userId(coordinatorEmail),
      adminEmployeeNumber: admin.staffMember?.employeeNumber as string,
    };
    const unlinked = await tx.staffMember.findFirstOrThrow({
      where: { tenantId: tenant.id, active: true, memberships: { none: {} } },
    });
    unlinkedEmployeeNumber = unlinked.employeeNumber;
    const inactive = await tx.staffMember.findFirstOrThrow({ where: { tenantId: tenant.id, active: false } });
    inactiveEmployeeNumber = inactive.employeeNumber;
  });
  const gangneung = await database.db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } });
  gangneungCoordinatorEmail = await database.db.withTenant(gangneung.id, async (tx) => {
    const member = await tx.membership.findFirstOrThrow({
      where: { tenantId: gangneung.id, roles: { has: "coordinator" } },
      select: { user: { select: { email: true } } },
    });
    return member.user.email;
  });
  provider = await startOidcProvider({ redirectUris: [redirectUriFor(APP_URL, "yongin")], accounts });
}, 120_000);

afterAll(async () => {
  await provider?.close();
  await database?.drop();
});

beforeEach(() => {
  account("kwon").claims = { email: coordinatorEmail, email_verified: true, employee_number: "none" };
  account("park").claims = { email: "park@elsewhere.example.kr", employee_number: "" };
  account("stranger").claims = { email: "stranger@yongin.example.kr", employee_number: "00000000" };
});

describe("SSO settings", () => {
  it("start is not found and no link is offered until SSO is configured and enabled", async () => {
    expect(await ssoEnabledFor(services, "yongin")).toBe(false);
    expect(await beginSsoSignIn(services, "yongin")).toEqual({ kind: "not_found" });
    expect(await ssoEnabledFor(services, "no-such-city")).toBe(false);
  });

  it("refuses to save when the issuer's discovery document cannot be read", async () => {
    await expect(
      saveSettings({
        issuer: "http://127.0.0.1:9/",
        clientId: "x",
        clientSecret: "y",
        matchBy: "email",
        employeeNumberClaim: "employee_number",
        enabled: true,
      }),
    ).rejects.toMatchObject({ code: "sso.discovery_failed", messageKey: "sso.form.discoveryFailed" });
    expect(
      await database.db.withTenant(yongin.id, (tx) => getSsoSettings(tx, { tenantId: yongin.id })),
    ).toBeNull();
  });
});

describe("SSO sign-in matched by e-mail", () => {
  beforeAll(() => configure({ matchBy: "email" }));

  it("sends the browser to the provider with state, nonce and PKCE (S256)", async () => {
    expect(await ssoEnabledFor(services, "yongin")).toBe(true);
    const begun = await beginSsoSignIn(services, "yongin");
    if (begun.kind !== "redirect") throw new Error(begun.kind);
    expect(begun.url.origin).toBe(provider.issuer);
    const query = begun.url.searchParams;
    expect(query.get("redirect_uri")).toBe(`${APP_URL}/sso/yongin/callback`);
    expect(query.get("state")).toBe(begun.flow.state);
    expect(query.get("nonce")).toBe(begun.flow.nonce);
    expect(query.get("code_challenge_method")).toBe("S256");
    expect(query.get("code_challenge")).not.toBe(begun.flow.codeVerifier);
  });

  it("signs in the member whose account has the provider's e-mail, and links the identity once", async () => {
    const first = await signInAs("kwon");
    expect(first).toMatchObject({ ok: true, userId: yongin.coordinatorUserId, linked: true });
    expect(await identitiesOf(yongin.coordinatorUserId)).toMatchObject([
      { issuer: provider.issuer, subject: "kwon" },
    ]);

    // Later the provider's address changes: the linked identity still finds the same person.
    account("kwon").claims = { email: "s.kwon@new-domain.example.kr", email_verified: true };
    const second = await signInAs("kwon");
    expect(second).toMatchObject({ ok: true, userId: yongin.coordinatorUserId, linked: false });
    expect(await identitiesOf(yongin.coordinatorUserId)).toHaveLength(1);
    const links = await database.db.withTenant(yongin.id, (tx) =>
      tx.auditLog.count({ where: { tenantId: yongin.id, action: "sso_identity.link" } }),
    );
    expect(links).toBe(1);
  });

  it("refuses an e-mail nobody in the tenant has, and links nothing", async () => {
    expect(await signInAs("stranger")).toEqual({ ok: false, problem: "no_match" });
    const identities = await database.db.withTenant(yongin.id, (tx) =>
      tx.userIdentity.count({ where: { subject: "stranger" } }),
    );
    expect(identities).toBe(0);
  });

  it("refuses a member of another tenant (Gangneung's coordinator at Yongin)", async () => {
    account("stranger").claims = { email: gangneungCoordinatorEmail, email_verified: true };
    expect(await signInAs("stranger")).toEqual({ ok: false, problem: "no_match" });
  });

  it("refuses an address the provider says it has not verified", async () => {
    account("park").claims = { email: adminEmail, email_verified: false };
    expect(await signInAs("park")).toEqual({ ok: false, problem: "no_match" });
  });

  it("refuses a second provider account claiming a person who is already linked", async () => {
    account("stranger").claims = { email: coordinatorEmail, email_verified: true };
    expect(await signInAs("stranger")).toEqual({ ok: false, problem: "no_match" });
    expect(await identitiesOf(yongin.coordinatorUserId)).toMatchObject([{ subject: "kwon" }]);
  });
});

describe("SSO sign-in matched by employee number", () => {
  beforeAll(() => configure({ matchBy: "employee_number", clientSecret: undefined }));

  it("signs in the member linked to the staff member with the provider's employee number", async () => {
    account("park").claims = {
      email: "park@elsewhere.example.kr",
      employee_number: yongin.adminEmployeeNumber,
    };
    expect(await signInAs("park")).toMatchObject({ ok: true, userId: yongin.adminUserId, linked: true });
    expect(await identitiesOf(yongin.adminUserId)).toMatchObject([{ subject: "park" }]);
  });

  it("refuses an unknown number, a staff member without an account, and one who has left", async () => {
    for (const number of ["00000000", unlinkedEmployeeNumber, inactiveEmployeeNumber]) {
      account("stranger").claims = { employee_number: number };
      expect(await signInAs("stranger"), number).toEqual({ ok: false, problem: "no_match" });
    }
    // A matching e-mail does not count when the tenant matches by employee number.
    account("stranger").claims = { email: adminEmail, email_verified: true };
    expect(await signInAs("stranger")).toEqual({ ok: false, problem: "no_match" });
  });

  it("reads the employee number from the claim the tenant named", async () => {
    await configure({ matchBy: "employee_number", employeeNumberClaim: "emp_no", clientSecret: undefined });
    account("stranger").claims = { employee_number: yongin.adminEmployeeNumber };
    expect(await signInAs("stranger")).toEqual({ ok: false, problem: "no_match" });
    await configure({ matchBy: "employee_number", employeeNumberClaim: "employee_number" });
  });
});

describe("SSO callback protections", () => {
  beforeAll(() => configure({ matchBy: "email", clientSecret: undefined }));

  async function returnFromProvider() {
    const begun = await beginSsoSignIn(services, "yongin");
    if (begun.kind !== "redirect") throw new Error(begun.kind);
    const back = await signInAtProvider(begun.url, { username: "kwon", password: PASSWORD });
    return { flow: begun.flow, params: back.searchParams };
  }

  it("refuses a callback without the flow cookie, or from another tenant's flow", async () => {
    const { flow, params } = await returnFromProvider();
    expect(await completeSsoSignIn(services, { slug: "yongin", params, flow: null })).toEqual({
      ok: false,
      problem: "expired",
    });
    expect(
      await completeSsoSignIn(services, { slug: "yongin", params, flow: { ...flow, slug: "gangneung" } }),
    ).toEqual({ ok: false, problem: "expired" });
  });

  it("refuses a flow older than ten minutes", async () => {
    const { flow, params } = await returnFromProvider();
    const later = new Date(flow.startedAt + 11 * 60_000);
    expect(await completeSsoSignIn(services, { slug: "yongin", params, flow, now: later })).toEqual({
      ok: false,
      problem: "expired",
    });
  });

  it("refuses a wrong state, nonce or PKCE verifier", async () => {
    for (const change of [{ state: "forged" }, { nonce: "forged" }, { codeVerifier: "f".repeat(43) }]) {
      const { flow, params } = await returnFromProvider();
      const result = await completeSsoSignIn(services, {
        slug: "yongin",
        params,
        flow: { ...flow, ...change },
      });
      expect(result, JSON.stringify(change)).toEqual({ ok: false, problem: "failed" });
    }
  });

  it("accepts a code once: replaying the same callback fails", async () => {
    const { flow, params } = await returnFromProvider();
    expect(await completeSsoSignIn(services, { slug: "yongin", params, flow })).toMatchObject({ ok: true });
    expect(await completeSsoSignIn(services, { slug: "yongin", params, flow })).toEqual({
      ok: false,
      problem: "failed",
    });
  });

  it("explains the provider's own error answers", async () => {
    const begun = await beginSsoSignIn(services, "yongin");
    if (begun.kind !== "redirect") throw new Error(begun.kind);
    const answer = (error: string) =>
      completeSsoSignIn(services, {
        slug: "yongin",
        params: new URLSearchParams({ error, state: begun.flow.state }),
        flow: begun.flow,
      });
    expect(await answer("access_denied")).toEqual({ ok: false, problem: "cancelled" });
    expect(await answer("temporarily_unavailable")).toEqual({ ok: false, problem: "unavailable" });
    expect(await answer("server_error")).toEqual({ ok: false, problem: "failed" });
  });
});
