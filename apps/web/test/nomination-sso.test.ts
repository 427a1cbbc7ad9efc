// A nominee without an account, at a tenant that signs its people in through single sign-on (matched by
// employee number), follows their invitation's link to the provider: the whole flow against a real OpenID
// provider (oidc-provider on 127.0.0.1), in a fresh seeded database connected as the app role.
import { config } from "@mentoring/config";
import { createSeededTestDatabase, type SeededTestDatabase } from "@mentoring/db/testing";
import { builtinTemplate, scheduleFields } from "@mentoring/domain";
import { inviteNominee, saveSsoSettings } from "@mentoring/tenants";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  beginSsoSignIn,
  completeSsoSignIn,
  redirectUriFor,
  type SsoServices,
  ssoProviderCheck,
} from "../app/services/sso.server";
import {
  type ProviderAccount,
  signInAtProvider,
  startOidcProvider,
  type TestProvider,
} from "../e2e/oidc-provider";

const APP_URL = "http://127.0.0.1:39998";
const PASSWORD = "provider-password";

let database: SeededTestDatabase;
let services: SsoServices;
let provider: TestProvider;
let yongin: {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  timeZone: string;
  locale: string;
};
let cohortId: string;
let nominee: { id: string; name: string; email: string; employeeNumber: string };
let token: string;

const accounts: ProviderAccount[] = [
  { sub: "nominee", username: "nominee", password: PASSWORD, claims: {} },
  { sub: "someone", username: "someone", password: PASSWORD, claims: { employee_number: "Y0000-0000" } },
];

/** Start, sign in at the provider, come back: as the browser runs it from the invitation page's link. */
async function signInAs(sub: string, invitation?: string) {
  const begun = await beginSsoSignIn(services, "yongin", invitation ? { invitation } : {});
  if (begun.kind !== "redirect") throw new Error(`could not start: ${begun.kind}`);
  const back = await signInAtProvider(begun.url, { username: sub, password: PASSWORD });
  return completeSsoSignIn(services, { slug: "yongin", params: back.searchParams, flow: begun.flow });
}

beforeAll(async () => {
  database = await createSeededTestDatabase();
  services = { db: database.db, config: { ...config(), APP_URL }, log: pino({ level: "silent" }) };
  yongin = await database.db.platform.tenant.findUniqueOrThrow({
    where: { slug: "yongin" },
    select: { id: true, slug: true, name: true, nameEn: true, timeZone: true, locale: true },
  });
  provider = await startOidcProvider({ redirectUris: [redirectUriFor(APP_URL, "yongin")], accounts });
  const admin = await database.db.withTenant(yongin.id, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: yongin.id, roles: { has: "tenant_admin" } } }),
  );
  await saveSsoSettings(database.db, {
    tenantId: yongin.id,
    actorUserId: admin.userId,
    form: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      matchBy: "employee_number",
      employeeNumberClaim: "employee_number",
      enabled: true,
    },
    requestId: "test",
    encryptionKey: services.config.DATA_ENCRYPTION_KEY,
    checkProvider: ssoProviderCheck(services, { tenantId: yongin.id, requestId: "test" }),
  });
  await database.db.withTenant(yongin.id, async (tx) => {
    const staff = await tx.staffMember.findFirstOrThrow({
      where: { tenantId: yongin.id, active: true, email: { not: null }, memberships: { none: {} } },
      select: { id: true, name: true, email: true, employeeNumber: true },
    });
    nominee = { ...staff, email: staff.email as string };
    const definition = builtinTemplate("new_official_mentoring");
    const template = await tx.programTemplate.create({
      data: { tenantId: yongin.id, name: "SSO 추천", kind: definition.kind },
    });
    const version = await tx.programTemplateVersion.create({
      data: { tenantId: yongin.id, templateId: template.id, version: 1, definition },
    });
    const day = new Date("2025-07-01T00:00:00Z");
    const cohort = await tx.cohort.create({
      data: {
        tenantId: yongin.id,
        templateId: template.id,
        templateVersionId: version.id,
        number: 9,
        title: "SSO 추천 9기",
        status: "recruiting",
        ...(Object.fromEntries(scheduleFields.map((field) => [field, day])) as Record<
          (typeof scheduleFields)[number],
          Date
        >),
        scheduleCheckedOn: day,
        quotaMentor: definition.roles.mentor.quota,
        quotaMentee: definition.roles.mentee.quota,
      },
    });
    cohortId = cohort.id;
    await inviteNominee(tx, {
      tenant: yongin,
      actorUserId: admin.userId,
      now: new Date(),
      appUrl: APP_URL,
      staff: nominee,
      cohort: { id: cohort.id, title: cohort.title },
      placed: { outcome: "accepted" },
      locale: "ko",
    });
  });
  const mail = await database.db.platform.outgoingEmail.findFirstOrThrow({
    where: { toAddress: nominee.email.toLowerCase(), kind: "nomination_invitation" },
  });
  token = /\/join\/yongin\/([\w-]+)/.exec(mail.textBody ?? "")?.[1] as string;
}, 120_000);

afterAll(async () => {
  await provider?.close();
  await database?.drop();
});

describe("a nominee signing in through the organisation's single sign-on", () => {
  it("is refused without the invitation: sign-on alone makes no account", async () => {
    (accounts[0] as ProviderAccount).claims = { employee_number: nominee.employeeNumber };
    expect(await signInAs("nominee")).toEqual({ ok: false, problem: "no_match" });
  });

  it("is refused from the invitation when the provider vouches for someone else", async () => {
    expect(await signInAs("someone", token)).toEqual({ ok: false, problem: "no_match" });
  });

  it("gets their account, tied to their staff record, from the invitation, and is led to the nomination", async () => {
    const outcome = await signInAs("nominee", token);
    expect(outcome).toMatchObject({ ok: true, linked: true, cohortId });
    if (!outcome.ok) throw new Error("refused");
    const membership = await database.db.withTenant(yongin.id, (tx) =>
      tx.membership.findFirstOrThrow({ where: { tenantId: yongin.id, userId: outcome.userId } }),
    );
    expect(membership).toMatchObject({ staffMemberId: nominee.id, roles: ["participant"] });
    // Next time the provider alone signs them in, as any member.
    expect(await signInAs("nominee")).toMatchObject({ ok: true, userId: outcome.userId, linked: false });
  });
});
