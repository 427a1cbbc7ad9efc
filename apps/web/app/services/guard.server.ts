import { hashToken } from "@mentoring/auth";
import { isDatabaseUnavailable, type Membership, type RequestAccess, type Tenant } from "@mentoring/db";
import { AppError, can, type Permission, type TenantPermission } from "@mentoring/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { tenantAccessState } from "./billing-access.server";
import { verifyCsrf, verifyCsrfHeader } from "./csrf.server";
import {
  type BodyKind,
  bodyLimits,
  declaresMoreThan,
  isFormPost,
  limitedRequest,
  RequestBodyTooLarge,
} from "./request-body.server";
import { readRequestAccess, requireUser, type SignedInUser, signInFirst } from "./session.server";

/**
 * Who may run a loader or action, decided before it runs. Remix runs nested loaders in parallel, so each
 * checks for itself. Pages use these gates through the route builder (route-builder.server.ts); machine
 * endpoints use `webhookRoute` and `apiRoute` here. Every built handler is tagged with its access rule
 * and the request body it takes, and a test fails for any route module whose loader or action was not
 * built this way (test/route-access.test.ts, test/request-body.test.ts).
 */

export type Access =
  | { kind: "public" }
  | { kind: "signed_in" }
  | { kind: "tenant"; permission: Permission }
  | { kind: "platform"; permission: Permission }
  | { kind: "webhook" }
  | { kind: "api"; scope: TenantPermission };

export const ACCESS = Symbol.for("mentoring.access");

type Args = LoaderFunctionArgs | ActionFunctionArgs;

export function tag<F extends (...args: never[]) => unknown>(handler: F, access: Access): F {
  const answered = async (...args: Parameters<F>) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw databaseUnavailable(error, access, args[0] as Args | undefined);
    }
  };
  return Object.assign(answered as unknown as F, { [ACCESS]: access });
}

/** Seconds a client is told to wait while the database (or its pooler) is away: it comes back in seconds. */
const UNAVAILABLE_RETRY_SECONDS = "5";

/**
 * A request that met the database away (restarting, its pooler restarting, cut off) is answered 503
 * "try again shortly", translated on the error page, rather than as the app's own fault (500). A machine
 * endpoint gets `{ error: "unavailable" }`. Logged as a warning with the request id: it passes by itself.
 */
function databaseUnavailable(error: unknown, access: Access, args: Args | undefined): Response {
  const headers = new Headers({ "Retry-After": UNAVAILABLE_RETRY_SECONDS });
  const context = args?.context;
  if (context) {
    context.services.log.warn({ err: error, requestId: context.requestId }, "database unavailable");
    context.replyHeaders ??= new Headers();
    context.replyHeaders.set("Retry-After", UNAVAILABLE_RETRY_SECONDS);
  }
  if (access.kind === "api" || access.kind === "webhook")
    return Response.json({ error: "unavailable" }, { status: 503, headers });
  return new Response(null, { status: 503, statusText: "Service Unavailable", headers });
}

export function accessOf(handler: unknown): Access | undefined {
  return typeof handler === "function" ? (handler as { [ACCESS]?: Access })[ACCESS] : undefined;
}

export const BODY_LIMIT = Symbol.for("mentoring.body-limit");

/** Declares the most bytes of request body the handler reads; its builder or guard enforces it. */
export function withBodyLimit<F extends (...args: never[]) => unknown>(handler: F, limit: number): F {
  return Object.assign(handler, { [BODY_LIMIT]: limit });
}

/** The most bytes of request body the handler reads (request-body.server.ts), as its builder declared. */
export function bodyLimitOf(handler: unknown): number | undefined {
  return typeof handler === "function" ? (handler as { [BODY_LIMIT]?: number })[BODY_LIMIT] : undefined;
}

export function notFound(): Response {
  return new Response(null, { status: 404, statusText: "Not Found" });
}

export function forbidden(): Response {
  return new Response(null, { status: 403, statusText: "Forbidden" });
}

function payloadTooLarge(): Response {
  return new Response(null, { status: 413, statusText: "Payload Too Large" });
}

/**
 * A page's post, screened from its headers before anything reads it: a form (415 for JSON, text or
 * nothing, which no page's form sends), no longer than the page takes (413). Its body is then limited as
 * it streams in, for the CSRF check and the form's parsing alike.
 */
export function screenFormPost<A extends ActionFunctionArgs>(args: A, limit: number): A {
  if (!isFormPost(args.request))
    throw new Response(null, { status: 415, statusText: "Unsupported Media Type" });
  if (declaresMoreThan(args.request, limit)) throw payloadTooLarge();
  return { ...args, request: limitedRequest(args.request, limit) };
}

// Posts must carry the CSRF token; reads need not. A script's request whose body is no form (a resumable
// upload's chunk) carries it in a header instead (`csrf: "header"`).
export async function requireCsrf(args: Args, csrf: "form" | "header" = "form") {
  if (args.request.method === "GET" || args.request.method === "HEAD") return;
  if (csrf === "header") {
    if (await verifyCsrfHeader(args.request, args.context.services.config.SESSION_SECRET)) return;
    throw new Response(null, { status: 403, statusText: "Invalid CSRF token" });
  }
  let valid: boolean;
  try {
    valid = await verifyCsrf(args.request, args.context.services.config.SESSION_SECRET);
  } catch (error) {
    // The form could not be read: beyond the page's limit, or not the form it says it is.
    if (error instanceof RequestBodyTooLarge) throw payloadTooLarge();
    throw new Response(null, { status: 400, statusText: "Unreadable form" });
  }
  if (!valid) throw new Response(null, { status: 403, statusText: "Invalid CSRF token" });
}

/** What a machine endpoint serves, answered before its caller is authenticated. */
export interface Endpoint {
  /** Its methods (GET brings HEAD): any other is answered 405 naming them in Allow. */
  methods: ("GET" | "POST")[];
  /** The body it takes (request-body.server.ts): a longer one is answered 413. */
  body: BodyKind;
}

/**
 * A machine endpoint's request, screened before anything else: its method, then its declared length; its
 * body then limited as it streams in. A refusal is JSON, for a machine to act on.
 */
function screenMachineRequest<A extends Args>(args: A, endpoint: Endpoint): A | Response {
  const allowed: string[] = endpoint.methods.includes("GET")
    ? [...endpoint.methods, "HEAD"]
    : endpoint.methods;
  if (!allowed.includes(args.request.method))
    return Response.json(
      { error: "method_not_allowed" },
      { status: 405, headers: { Allow: allowed.join(", ") } },
    );
  const limit = bodyLimits[endpoint.body];
  if (declaresMoreThan(args.request, limit)) return tooLargeForMachine(limit);
  return { ...args, request: limitedRequest(args.request, limit) };
}

function tooLargeForMachine(limit: number): Response {
  return Response.json({ error: "payload_too_large", maxBytes: limit }, { status: 413 });
}

/**
 * A machine-to-machine endpoint (Stripe webhooks): no session and no CSRF token, since the caller is not a
 * browser. The handler must authenticate the request itself, e.g. by verifying the sender's signature.
 * Export it as both the loader and the action, so that every method gets the endpoint's answer.
 */
export function webhookRoute<A extends Args, R>(endpoint: Endpoint, handler: (args: A) => Promise<R>) {
  const route = tag(
    async (args: A) => {
      const screened = screenMachineRequest(args, endpoint);
      if (screened instanceof Response) return screened;
      try {
        return await handler(screened);
      } catch (error) {
        if (error instanceof RequestBodyTooLarge) return tooLargeForMachine(error.limit);
        throw error;
      }
    },
    { kind: "webhook" },
  );
  return withBodyLimit(route, bodyLimits[endpoint.body]);
}

export interface TenantAccess {
  user: SignedInUser;
  tenant: Pick<
    Tenant,
    | "id"
    | "slug"
    | "name"
    | "nameEn"
    | "status"
    | "timeZone"
    | "locale"
    | "brandColor"
    | "subscriptionStatus"
    | "pastDueSince"
    | "trialEndsAt"
  >;
  /** With how many of the member's notices are unread, for the bell (read with the membership). */
  membership: Pick<Membership, "id" | "roles" | "staffMemberId"> & { unreadNotifications: number };
}

/**
 * Lets a request into a tenant page, or throws the answer: 404 to a non-member (an outsider learns
 * nothing, not even that the tenant exists), 403 (logged) to a member without `permission`, 403 for a
 * post without its CSRF token, 423 for a change to a read-only tenant.
 */
export async function tenantGate(
  args: Args,
  permission: Permission,
  options: { csrf?: "form" | "header" } = {},
): Promise<TenantAccess> {
  const { services, requestId } = args.context;
  const found = await requestAccessOnce(args);
  if (!found) throw signInFirst(args.request);
  const access = tenantAccessOf(found);
  if (!access) throw notFound();
  if (!can(access.membership.roles, permission)) {
    services.log.warn(
      {
        requestId,
        userId: access.user.id,
        tenant: access.tenant.slug,
        permission,
        roles: access.membership.roles,
      },
      "access denied",
    );
    throw forbidden();
  }
  // After the sign-in check: an outsider's post is refused before its body is read.
  await requireCsrf(args, options.csrf);
  // A read-only tenant (billing past its grace period, or set by the operator) keeps every page to
  // read but takes no change, except what settles the bill.
  const writing = args.request.method !== "GET" && args.request.method !== "HEAD";
  if (writing && permission !== "billing.manage" && tenantAccessState(access.tenant, new Date()).readOnly) {
    throw new Response(null, { status: 423, statusText: "Read-only" });
  }
  return access;
}

/**
 * The loaders of one request (the tenant layout's and the page's, run in parallel) share one look-up of
 * who is asking: the load context is the request's own object.
 */
const accessOfRequest = new WeakMap<object, Promise<RequestAccess | null>>();

function requestAccessOnce(args: Args): Promise<RequestAccess | null> {
  const known = accessOfRequest.get(args.context);
  if (known) return known;
  const found = readRequestAccess(args.request, args.context.services, args.params.tenant ?? null);
  accessOfRequest.set(args.context, found);
  return found;
}

function tenantAccessOf({ user, tenant, membership }: RequestAccess): TenantAccess | null {
  if (!tenant || tenant.status === "closed" || !membership) return null;
  return { user, tenant, membership };
}

/** Lets an operator or analyst holding `permission` in: 404 to everyone else, 403 (logged) to staff without it. */
export async function platformGate(args: Args, permission: Permission): Promise<SignedInUser> {
  await requireCsrf(args);
  const { services, requestId } = args.context;
  const user = await requireUser(args.request, services);
  if (!user.platformRole) throw notFound();
  if (!can([user.platformRole], permission)) {
    services.log.warn({ requestId, userId: user.id, permission }, "access denied");
    throw forbidden();
  }
  return user;
}

export interface ApiAccess {
  tenant: Pick<Tenant, "id" | "slug" | "status">;
  token: { id: string; scopes: string[] };
}

function apiError(status: 401 | 403, error: "unauthorized" | "insufficient_scope"): Response {
  return Response.json(
    { error },
    {
      status,
      headers:
        status === 401
          ? { "WWW-Authenticate": `Bearer realm="api", error="invalid_token"` }
          : { "WWW-Authenticate": `Bearer realm="api", error="insufficient_scope"` },
    },
  );
}

/** `mnt_<tenant-slug>_<secret>`: slugs have no underscore, so the first one after the prefix ends it. */
const API_TOKEN = /^mnt_([a-z0-9-]+)_([A-Za-z0-9_-]{16,})$/;

/**
 * An endpoint of the REST API (/api/v1/…), for machines: `Authorization: Bearer mnt_<slug>_<secret>`.
 * The slug picks the tenant; the token's hash must be one of that tenant's API tokens, not revoked
 * (401 otherwise, the same answer for every reason, the tenant's existence included), and carry `scope`
 * (403 otherwise). No CSRF check: the credential is a header a browser never adds on its own. A use
 * case's refusal answers its status with `{ error: <code>, ...params }`, for a machine to act on (and
 * Retry-After when it says to come back later). Export
 * it as both the loader and the action, so that every method gets the endpoint's answer.
 */
export function apiRoute<A extends Args, R>(
  scope: TenantPermission,
  endpoint: Endpoint,
  handler: (args: A & ApiAccess) => Promise<R>,
) {
  const route = tag(
    async (received: A) => {
      const args = screenMachineRequest(received, endpoint);
      if (args instanceof Response) return args;
      const { services, requestId } = args.context;
      const header = args.request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const parts = match ? API_TOKEN.exec(match[1] as string) : null;
      if (!match || !parts) throw apiError(401, "unauthorized");
      const tenant = await services.db.platform.tenant.findUnique({
        where: { slug: parts[1] as string },
        select: { id: true, slug: true, status: true },
      });
      if (!tenant || tenant.status === "closed") throw apiError(401, "unauthorized");
      const token = await services.db.withTenant(tenant.id, async (tx) => {
        const found = await tx.apiToken.findUnique({
          where: { tenantId_tokenHash: { tenantId: tenant.id, tokenHash: hashToken(match[1] as string) } },
          select: { id: true, scopes: true, revokedAt: true },
        });
        if (!found || found.revokedAt) return null;
        await tx.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
        return { id: found.id, scopes: found.scopes };
      });
      if (!token) throw apiError(401, "unauthorized");
      if (!token.scopes.includes(scope)) {
        services.log.warn({ requestId, tenant: tenant.slug, tokenId: token.id, scope }, "api access denied");
        throw apiError(403, "insufficient_scope");
      }
      try {
        return await handler({ ...args, tenant, token });
      } catch (error) {
        if (error instanceof RequestBodyTooLarge) return tooLargeForMachine(error.limit);
        if (!(error instanceof AppError)) throw error;
        const retryAfter = error.details.retryAfterSeconds;
        return Response.json(
          { error: error.code, ...error.params },
          {
            status: error.status,
            headers:
              retryAfter === undefined ? {} : { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) },
          },
        );
      }
    },
    { kind: "api", scope },
  );
  return withBodyLimit(route, bodyLimits[endpoint.body]);
}
