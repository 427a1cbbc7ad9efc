import { decryptSecret, encryptSecret, SecretBoxError } from "@mentoring/auth";
import type { Config } from "@mentoring/config";
import { recordAudit, type SsoConfig, type TenantDb } from "@mentoring/db";
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { z } from "zod";
import type { Services } from "./services.server";

/**
 * Single sign-on per tenant with OpenID Connect (authorization code flow with PKCE, state and nonce).
 * A person is matched to an existing member once, by e-mail or employee number, and from then on by the
 * provider's (issuer, subject); nobody is created here. The client secret is stored sealed with
 * DATA_ENCRYPTION_KEY, bound to the tenant.
 */

export type SsoServices = Pick<Services, "db" | "config" | "log">;

export const matchByValues = ["email", "employee_number"] as const;
export type MatchBy = (typeof matchByValues)[number];

const SCOPE = "openid email profile";
/** How long a browser may take at the provider before the flow cookie is no longer accepted. */
export const FLOW_MINUTES = 10;
const DEFAULT_EMPLOYEE_NUMBER_CLAIM = "employee_number";

export function redirectUriFor(appUrl: string, slug: string): string {
  return new URL(`/sso/${encodeURIComponent(slug)}/callback`, appUrl).toString();
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http is only for a provider on this machine (tests, local development). */
function isLoopback(url: URL): boolean {
  return loopbackHosts.has(url.hostname);
}

function urlOrNull(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function secretContext(tenantId: string) {
  return `sso_config:${tenantId}`;
}

// --- Settings (the admin page) -------------------------------------------------------------------

/** One schema for the admin form and its action. Messages are i18n keys. */
export const ssoSettingsForm = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, "form.required")
    .max(500, "sso.form.tooLong")
    .url("sso.form.invalidIssuer")
    .refine((value) => {
      const url = urlOrNull(value);
      return !url || (url.search === "" && url.hash === "" && /^https?:$/.test(url.protocol));
    }, "sso.form.invalidIssuer")
    .refine((value) => {
      // Plain http only for a provider on this machine; other malformed values are reported above.
      const url = urlOrNull(value);
      if (!url) return true;
      return url.protocol !== "http:" || isLoopback(url);
    }, "sso.form.issuerHttps"),
  clientId: z.string().trim().min(1, "form.required").max(255, "sso.form.tooLong"),
  /** Blank keeps the stored secret. */
  clientSecret: z
    .string()
    .max(1000, "sso.form.tooLong")
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined)),
  matchBy: z.enum(matchByValues, { message: "form.required" }),
  employeeNumberClaim: z
    .string()
    .trim()
    .transform((value) => value || DEFAULT_EMPLOYEE_NUMBER_CLAIM)
    .pipe(
      z
        .string()
        .max(100, "sso.form.tooLong")
        .regex(/^[A-Za-z0-9_.:-]+$/, "sso.form.invalidClaim"),
    ),
  enabled: z.boolean(),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsForm>;

/** What the admin page shows: everything but the secret, of which only its presence. */
export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  matchBy: MatchBy;
  employeeNumberClaim: string;
  enabled: boolean;
  hasSecret: boolean;
}

function viewOf(row: SsoConfig): SsoSettingsView {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    matchBy: row.matchBy === "employee_number" ? "employee_number" : "email",
    employeeNumberClaim: row.employeeNumberClaim,
    enabled: row.enabled,
    hasSecret: row.clientSecretEncrypted !== "",
  };
}

export async function ssoSettings(services: SsoServices, tenantId: string): Promise<SsoSettingsView | null> {
  const row = await services.db.withTenant(tenantId, (tx) =>
    tx.ssoConfig.findUnique({ where: { tenantId } }),
  );
  return row ? viewOf(row) : null;
}

/** Reads the provider's discovery document and makes a client for it. Throws when it cannot. */
export async function discoverProvider(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const insecure = isLoopback(url) && url.protocol === "http:";
  const discovered = await oidc.discovery(url, clientId, clientSecret, undefined, {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  const metadata = discovered.serverMetadata();
  // client_secret_basic is the default of OpenID Connect registration; _post where only it is offered.
  const methods = metadata.token_endpoint_auth_methods_supported;
  const auth =
    methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
      ? oidc.ClientSecretPost(clientSecret)
      : oidc.ClientSecretBasic(clientSecret);
  const configuration = new oidc.Configuration(metadata, clientId, clientSecret, auth);
  configuration.timeout = 10;
  if (insecure) oidc.allowInsecureRequests(configuration);
  return configuration;
}

export type SaveSsoResult =
  | { ok: true }
  | { ok: false; fieldErrors: { clientSecret: string } }
  | { ok: false; formError: "sso.form.discoveryFailed" };

/**
 * Saves a tenant's SSO settings after checking the issuer's discovery document, with an audit row in
 * the same transaction (the secret never appears in it: only whether it changed).
 */
export async function saveSsoSettings(
  services: SsoServices,
  {
    tenantId,
    actorUserId,
    input,
    requestId,
  }: { tenantId: string; actorUserId: string; input: SsoSettingsInput; requestId: string },
): Promise<SaveSsoResult> {
  const { db, config, log } = services;
  const existing = await db.withTenant(tenantId, (tx) => tx.ssoConfig.findUnique({ where: { tenantId } }));
  const secret = input.clientSecret ?? storedSecret(config, existing);
  if (!secret) return { ok: false, fieldErrors: { clientSecret: "sso.form.secretRequired" } };

  let issuer: string;
  try {
    issuer = (await discoverProvider(input.issuer, input.clientId, secret)).serverMetadata().issuer;
  } catch (error) {
    log.info({ requestId, tenantId, issuer: input.issuer, err: error }, "sso discovery failed");
    return { ok: false, formError: "sso.form.discoveryFailed" };
  }

  const fields = {
    issuer,
    clientId: input.clientId,
    matchBy: input.matchBy,
    employeeNumberClaim: input.employeeNumberClaim,
    enabled: input.enabled,
  };
  const clientSecretEncrypted = input.clientSecret
    ? encryptSecret(input.clientSecret, config.DATA_ENCRYPTION_KEY, secretContext(tenantId))
    : (existing?.clientSecretEncrypted as string);
  await db.withTenant(tenantId, async (tx) => {
    const row = await tx.ssoConfig.upsert({
      where: { tenantId },
      create: { tenantId, ...fields, clientSecretEncrypted },
      update: { ...fields, clientSecretEncrypted },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: existing ? "sso_config.update" : "sso_config.create",
      entityType: "sso_config",
      entityId: row.id,
      ...(existing ? { before: auditedFields(existing) } : {}),
      after: { ...fields, clientSecretChanged: input.clientSecret !== undefined },
      requestId,
    });
  });
  clientCache.clear();
  return { ok: true };
}

/** The settings as the audit log keeps them: never the secret. */
function auditedFields(row: SsoConfig) {
  const { issuer, clientId, matchBy, employeeNumberClaim, enabled } = row;
  return { issuer, clientId, matchBy, employeeNumberClaim, enabled };
}

function storedSecret(config: Config, row: SsoConfig | null): string | undefined {
  if (!row?.clientSecretEncrypted) return undefined;
  try {
    return decryptSecret(row.clientSecretEncrypted, config.DATA_ENCRYPTION_KEY, secretContext(row.tenantId));
  } catch (error) {
    // Sealed under another key (rotated without re-encrypting): the admin must enter it again.
    if (error instanceof SecretBoxError) return undefined;
    throw error;
  }
}

// --- Sign-in ------------------------------------------------------------------------------------

interface EnabledSso {
  tenant: { id: string; slug: string };
  sso: SsoConfig;
}

async function enabledSso(services: SsoServices, slug: string): Promise<EnabledSso | null> {
  const tenant = await services.db.platform.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, status: true },
  });
  if (!tenant || tenant.status === "closed") return null;
  const sso = await services.db.withTenant(tenant.id, (tx) =>
    tx.ssoConfig.findUnique({ where: { tenantId: tenant.id } }),
  );
  return sso?.enabled ? { tenant: { id: tenant.id, slug: tenant.slug }, sso } : null;
}

/** Whether /sso/{slug}/start leads anywhere: for a "sign in with your organisation's account" link. */
export async function ssoEnabledFor(services: SsoServices, slug: string): Promise<boolean> {
  return (await enabledSso(services, slug)) !== null;
}

const CLIENT_CACHE_MS = 10 * 60_000;
const clientCache = new Map<string, { configuration: oidc.Configuration; expires: number }>();

/** The provider's client, from a short cache so that not every sign-in fetches the discovery document. */
async function clientFor(services: SsoServices, { sso }: EnabledSso): Promise<oidc.Configuration> {
  const key = `${sso.tenantId}\n${sso.updatedAt.toISOString()}`;
  const cached = clientCache.get(key);
  if (cached && cached.expires > Date.now()) return cached.configuration;
  const secret = storedSecret(services.config, sso);
  if (!secret) throw new Error("the stored SSO client secret cannot be opened");
  const configuration = await discoverProvider(sso.issuer, sso.clientId, secret);
  if (clientCache.size > 1000) clientCache.clear();
  clientCache.set(key, { configuration, expires: Date.now() + CLIENT_CACHE_MS });
  return configuration;
}

/** What the browser carries between start and callback, in a signed, HttpOnly, short-lived cookie. */
const ssoFlow = z.object({
  slug: z.string(),
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  startedAt: z.number(),
});
export type SsoFlow = z.infer<typeof ssoFlow>;

export function ssoFlowCookie(config: Config, slug: string) {
  return createCookie("sso_flow", {
    path: `/sso/${encodeURIComponent(slug)}/`,
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    sameSite: "lax",
    secure: config.NODE_ENV === "production" && config.APP_URL.startsWith("https:"),
    secrets: [config.SESSION_SECRET],
    maxAge: FLOW_MINUTES * 60,
  });
}

/** The flow from a cookie's parsed value, or null when absent, forged (unsigned) or malformed. */
export function parseSsoFlow(value: unknown): SsoFlow | null {
  const parsed = ssoFlow.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type BeginResult =
  | { kind: "redirect"; url: URL; flow: SsoFlow }
  | { kind: "not_found" }
  | { kind: "unavailable" };

/** The provider's authorization URL for this tenant, and the flow secrets to keep until the callback. */
export async function beginSsoSignIn(
  services: SsoServices,
  slug: string,
  { requestId, now = new Date() }: { requestId?: string; now?: Date } = {},
): Promise<BeginResult> {
  const enabled = await enabledSso(services, slug);
  if (!enabled) return { kind: "not_found" };
  let configuration: oidc.Configuration;
  try {
    configuration = await clientFor(services, enabled);
  } catch (error) {
    services.log.warn({ requestId, tenant: slug, err: error }, "sso provider unavailable");
    return { kind: "unavailable" };
  }
  const flow: SsoFlow = {
    slug,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    startedAt: now.getTime(),
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriFor(services.config.APP_URL, slug),
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: "S256",
  });
  return { kind: "redirect", url, flow };
}

export type SsoProblem = "no_match" | "expired" | "cancelled" | "unavailable" | "failed";

export type CompleteResult =
  | { ok: true; userId: string; locale: string | null; linked: boolean }
  | { ok: false; problem: SsoProblem | "not_found" };

/** Why a person was refused, for the log (the page says only that nobody matched). */
type Refusal =
  | "no_claim"
  | "email_unverified"
  | "no_member"
  | "staff_inactive"
  | "identity_not_member"
  | "other_identity_at_issuer";

type Claims = Record<string, unknown> & { sub: string };

/**
 * Finishes a sign-in at the callback: checks state, nonce and PKCE, exchanges the code, validates the
 * ID token, reads the claims (from userinfo when the ID token lacks the one to match by), and matches
 * the person to a member of this tenant.
 */
export async function completeSsoSignIn(
  services: SsoServices,
  {
    slug,
    params,
    flow,
    requestId,
    now = new Date(),
  }: { slug: string; params: URLSearchParams; flow: SsoFlow | null; requestId?: string; now?: Date },
): Promise<CompleteResult> {
  const { log, config } = services;
  const enabled = await enabledSso(services, slug);
  if (!enabled) return { ok: false, problem: "not_found" };
  const error = params.get("error");
  if (error) {
    log.info({ requestId, tenant: slug, error }, "sso provider returned an error");
    if (error === "access_denied") return { ok: false, problem: "cancelled" };
    if (error === "temporarily_unavailable") return { ok: false, problem: "unavailable" };
    return { ok: false, problem: "failed" };
  }
  if (!flow || flow.slug !== slug || now.getTime() - flow.startedAt > FLOW_MINUTES * 60_000)
    return { ok: false, problem: "expired" };

  let configuration: oidc.Configuration;
  try {
    configuration = await clientFor(services, enabled);
  } catch (err) {
    log.warn({ requestId, tenant: slug, err }, "sso provider unavailable");
    return { ok: false, problem: "unavailable" };
  }
  // The redirect URI exactly as registered (the token request repeats it), with the provider's answer.
  const currentUrl = new URL(redirectUriFor(config.APP_URL, slug));
  currentUrl.search = params.toString();
  let claims: Claims;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("no ID token");
    claims = { ...idToken };
    const wanted = enabled.sso.matchBy === "email" ? "email" : enabled.sso.employeeNumberClaim;
    if (claims[wanted] === undefined && configuration.serverMetadata().userinfo_endpoint) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      // What the signed ID token says wins over userinfo.
      claims = { ...userInfo, ...idToken };
    }
  } catch (err) {
    log.warn({ requestId, tenant: slug, err }, "sso callback rejected");
    return { ok: false, problem: "failed" };
  }

  const matched = await services.db.withTenant(enabled.tenant.id, (tx) =>
    matchPerson(tx, { tenantId: enabled.tenant.id, sso: enabled.sso, claims, requestId }),
  );
  if ("refusal" in matched) {
    log.warn(
      {
        requestId,
        tenant: slug,
        issuer: enabled.sso.issuer,
        subject: claims.sub,
        matchBy: enabled.sso.matchBy,
        reason: matched.refusal,
      },
      "sso sign-in refused: nobody matches",
    );
    return { ok: false, problem: "no_match" };
  }
  const user = await services.db.platform.user.findUnique({
    where: { id: matched.userId },
    select: { locale: true },
  });
  return { ok: true, userId: matched.userId, locale: user?.locale ?? null, linked: matched.linked };
}

function claimText(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Who this is: the user already linked to (issuer, subject), or else the one member the tenant's rule
 * finds (e-mail of a member's account, or the employee number of a staff member linked to an account),
 * who is then linked. A linked user must still be a member of this tenant.
 */
async function matchPerson(
  tx: TenantDb,
  {
    tenantId,
    sso,
    claims,
    requestId,
  }: { tenantId: string; sso: SsoConfig; claims: Claims; requestId: string | undefined },
): Promise<{ userId: string; linked: boolean } | { refusal: Refusal }> {
  const { issuer } = sso;
  const subject = claims.sub;
  const isMember = async (userId: string) => (await tx.membership.count({ where: { tenantId, userId } })) > 0;

  const identity = await tx.userIdentity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    select: { userId: true },
  });
  if (identity) {
    return (await isMember(identity.userId))
      ? { userId: identity.userId, linked: false }
      : { refusal: "identity_not_member" };
  }

  let userId: string | undefined;
  if (sso.matchBy === "employee_number") {
    const employeeNumber = claimText(claims[sso.employeeNumberClaim]);
    if (!employeeNumber) return { refusal: "no_claim" };
    const staff = await tx.staffMember.findUnique({
      where: { tenantId_employeeNumber: { tenantId, employeeNumber } },
      select: { active: true, memberships: { where: { tenantId }, select: { userId: true } } },
    });
    if (staff && !staff.active) return { refusal: "staff_inactive" };
    userId = staff?.memberships[0]?.userId;
  } else {
    const email = claimText(claims.email)?.toLowerCase();
    if (!email) return { refusal: "no_claim" };
    if (claims.email_verified === false) return { refusal: "email_unverified" };
    const membership = await tx.membership.findFirst({
      where: { tenantId, user: { email } },
      select: { userId: true },
    });
    userId = membership?.userId;
  }
  if (!userId) return { refusal: "no_member" };

  // A second account at the same provider claiming the same person (a recycled address or number)
  // is refused rather than given this user's access.
  const other = await tx.userIdentity.findFirst({ where: { userId, issuer }, select: { id: true } });
  if (other) return { refusal: "other_identity_at_issuer" };

  const created = await tx.userIdentity.createMany({
    data: [{ userId, issuer, subject }],
    skipDuplicates: true,
  });
  if (created.count === 0) {
    // Linked by a sign-in running at the same moment: whoever it was linked to, it must be this user.
    const linked = await tx.userIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } });
    return linked?.userId === userId ? { userId, linked: false } : { refusal: "other_identity_at_issuer" };
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId: userId,
    action: "sso_identity.link",
    entityType: "user",
    entityId: userId,
    after: { issuer, subject, matchedBy: sso.matchBy },
    ...(requestId ? { requestId } : {}),
  });
  return { userId, linked: true };
}
