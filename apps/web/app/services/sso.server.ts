import type { Config } from "@mentoring/config";
import { isAppError } from "@mentoring/domain";
import {
  type EnabledSso,
  findEnabledSso,
  isLoopbackUrl,
  joinNominationBySso,
  matchSsoMember,
  type SsoClaims,
  type SsoProviderCheck,
} from "@mentoring/tenants";
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { z } from "zod";
import type { Services } from "./services.server";

/**
 * Single sign-on per tenant with OpenID Connect (authorization code flow with PKCE, state and nonce): the
 * protocol, its cookie and its cache of provider clients. The configuration is stored and people are
 * matched by @mentoring/tenants: once by e-mail or employee number, from then on by the provider's
 * (issuer, subject); nobody is created.
 */

export type SsoServices = Pick<Services, "db" | "config" | "log">;

const SCOPE = "openid email profile";
/** How long a browser may take at the provider before the flow cookie is no longer accepted. */
export const FLOW_MINUTES = 10;

export function redirectUriFor(appUrl: string, slug: string): string {
  return new URL(`/sso/${encodeURIComponent(slug)}/callback`, appUrl).toString();
}

const CLIENT_CACHE_MS = 10 * 60_000;
/** Provider clients by tenant and settings version, so that not every sign-in fetches the discovery document. */
const clientCache = new Map<string, { configuration: oidc.Configuration; expires: number }>();

/** Reads the provider's discovery document and makes a client for it. Throws when it cannot. */
export async function discoverProvider(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const insecure = isLoopbackUrl(url) && url.protocol === "http:";
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

// --- Settings (the admin page) -------------------------------------------------------------------

/**
 * How a save of the SSO settings asks the provider for its configuration: the issuer as the provider
 * names itself, or a failure (logged here, refused by the save as sso.discovery_failed).
 */
export function ssoProviderCheck(
  services: SsoServices,
  { tenantId, requestId }: { tenantId: string; requestId: string },
): SsoProviderCheck {
  return async (issuer, clientId, clientSecret) => {
    try {
      return (await discoverProvider(issuer, clientId, clientSecret)).serverMetadata().issuer;
    } catch (error) {
      services.log.info({ requestId, tenantId, issuer, err: error }, "sso discovery failed");
      throw error;
    }
  };
}

/** Forgets every provider client, so that sign-ins after a change of settings use the new ones. */
export function forgetSsoClients(): void {
  clientCache.clear();
}

// --- Sign-in ------------------------------------------------------------------------------------

function enabledSso(services: SsoServices, slug: string): Promise<EnabledSso | null> {
  return findEnabledSso(services.db, { slug, encryptionKey: services.config.DATA_ENCRYPTION_KEY });
}

/** Whether /sso/{slug}/start leads anywhere: for a "sign in with your organisation's account" link. */
export async function ssoEnabledFor(services: SsoServices, slug: string): Promise<boolean> {
  return (await enabledSso(services, slug)) !== null;
}

/** The provider's client, from the short cache. */
async function clientFor({ sso, clientSecret: secret }: EnabledSso): Promise<oidc.Configuration> {
  const key = `${sso.tenantId}\n${sso.updatedAt.toISOString()}`;
  const cached = clientCache.get(key);
  if (cached && cached.expires > Date.now()) return cached.configuration;
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
  /** A nominee's invitation token, when the sign-in began from its link: it may make their account. */
  invitation: z.string().min(1).optional(),
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
  { requestId, now = new Date(), invitation }: { requestId?: string; now?: Date; invitation?: string } = {},
): Promise<BeginResult> {
  const enabled = await enabledSso(services, slug);
  if (!enabled) return { kind: "not_found" };
  let configuration: oidc.Configuration;
  try {
    configuration = await clientFor(enabled);
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
    ...(invitation ? { invitation } : {}),
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
  | { ok: true; userId: string; locale: string | null; linked: boolean; cohortId?: string }
  | { ok: false; problem: SsoProblem | "not_found" };

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
    configuration = await clientFor(enabled);
  } catch (err) {
    log.warn({ requestId, tenant: slug, err }, "sso provider unavailable");
    return { ok: false, problem: "unavailable" };
  }
  // The redirect URI exactly as registered (the token request repeats it), with the provider's answer.
  const currentUrl = new URL(redirectUriFor(config.APP_URL, slug));
  currentUrl.search = params.toString();
  let claims: SsoClaims;
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

  let matched: Awaited<ReturnType<typeof matchSsoMember>>;
  try {
    matched = await services.db.withTenant(enabled.tenant.id, (tx) =>
      matchSsoMember(tx, { tenantId: enabled.tenant.id, sso: enabled.sso, claims, requestId }),
    );
  } catch (err) {
    if (!isAppError(err, "sso.no_match")) throw err;
    // Nobody matches, but the sign-in began from a nominee's invitation: it may make their account.
    if (flow.invitation && err.params.reason === "no_member") {
      const token = flow.invitation;
      try {
        const joined = await services.db.withTenant(enabled.tenant.id, (tx) =>
          joinNominationBySso(tx, {
            tenantId: enabled.tenant.id,
            sso: enabled.sso,
            claims,
            token,
            requestId,
          }),
        );
        return {
          ok: true,
          userId: joined.userId,
          locale: joined.locale,
          linked: true,
          cohortId: joined.cohortId,
        };
      } catch (joinError) {
        if (!isAppError(joinError, "sso.no_match")) throw joinError;
        log.warn(
          { requestId, tenant: slug, subject: claims.sub, reason: joinError.params.reason },
          "sso nominee sign-in refused",
        );
        return { ok: false, problem: "no_match" };
      }
    }
    log.warn(
      {
        requestId,
        tenant: slug,
        issuer: enabled.sso.issuer,
        subject: claims.sub,
        matchBy: enabled.sso.matchBy,
        reason: err.params.reason,
      },
      "sso sign-in refused: nobody matches",
    );
    return { ok: false, problem: "no_match" };
  }
  return { ok: true, userId: matched.userId, locale: matched.locale, linked: matched.linked };
}
