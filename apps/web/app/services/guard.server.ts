import type { Membership, Tenant } from "@mentoring/db";
import { can, type Permission } from "@mentoring/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { verifyCsrf } from "./csrf.server";
import { requireUser, type SignedInUser } from "./session.server";

/**
 * Every loader and action is built by one of these, which decide who may run it before it runs. Remix
 * runs nested loaders in parallel, so each checks for itself. Each builder tags what it returns, and a
 * test fails for any route module whose loader or action was not built this way.
 */

export type Access =
  | { kind: "public" }
  | { kind: "signed_in" }
  | { kind: "tenant"; permission: Permission }
  | { kind: "platform"; permission: Permission };

export const ACCESS = Symbol.for("mentoring.access");

type Args = LoaderFunctionArgs | ActionFunctionArgs;

function tag<F extends (...args: never[]) => unknown>(handler: F, access: Access): F {
  return Object.assign(handler, { [ACCESS]: access });
}

export function accessOf(handler: unknown): Access | undefined {
  return typeof handler === "function" ? (handler as { [ACCESS]?: Access })[ACCESS] : undefined;
}

export function notFound(): Response {
  return new Response(null, { status: 404, statusText: "Not Found" });
}

export function forbidden(): Response {
  return new Response(null, { status: 403, statusText: "Forbidden" });
}

// Posts must carry the CSRF token; reads need not.
async function requireCsrf(args: Args) {
  if (args.request.method === "GET" || args.request.method === "HEAD") return;
  if (!(await verifyCsrf(args.request, args.context.services.config.SESSION_SECRET))) {
    throw new Response(null, { status: 403, statusText: "Invalid CSRF token" });
  }
}

/** Anyone, signed in or not (sign-in, password reset, language switch). */
export function publicRoute<A extends Args, R>(handler: (args: A) => Promise<R>) {
  return tag(
    async (args: A) => {
      await requireCsrf(args);
      return handler(args);
    },
    { kind: "public" },
  );
}

/** Any signed-in user, whatever their roles. */
export function signedInRoute<A extends Args, R>(handler: (args: A & { user: SignedInUser }) => Promise<R>) {
  return tag(
    async (args: A) => {
      await requireCsrf(args);
      const user = await requireUser(args.request, args.context.services);
      return handler({ ...args, user });
    },
    { kind: "signed_in" },
  );
}

export interface TenantAccess {
  user: SignedInUser;
  tenant: Pick<Tenant, "id" | "slug" | "name" | "nameEn" | "status" | "timeZone" | "locale">;
  membership: Pick<Membership, "id" | "roles" | "staffMemberId">;
}

/**
 * A page under /{tenant-slug}/: the signed-in user must be a member of that tenant (otherwise 404: an
 * outsider learns nothing, not even that the tenant exists) and hold `permission` (otherwise 403, logged).
 */
export function tenantRoute<A extends Args, R>(
  permission: Permission,
  handler: (args: A & TenantAccess) => Promise<R>,
) {
  return tag(
    async (args: A) => {
      await requireCsrf(args);
      const { services, requestId } = args.context;
      const user = await requireUser(args.request, services);
      const access = await tenantAccess(args, user);
      if (!access) throw notFound();
      if (!can(access.membership.roles, permission)) {
        services.log.warn(
          {
            requestId,
            userId: user.id,
            tenant: access.tenant.slug,
            permission,
            roles: access.membership.roles,
          },
          "access denied",
        );
        throw forbidden();
      }
      return handler({ ...args, ...access });
    },
    { kind: "tenant", permission },
  );
}

async function tenantAccess(args: Args, user: SignedInUser): Promise<TenantAccess | null> {
  const slug = args.params.tenant;
  if (!slug) return null;
  const { db } = args.context.services;
  const tenant = await db.platform.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, nameEn: true, status: true, timeZone: true, locale: true },
  });
  if (!tenant || tenant.status === "closed") return null;
  const membership = await db.withTenant(tenant.id, (tx) =>
    tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
      select: { id: true, roles: true, staffMemberId: true },
    }),
  );
  return membership ? { user, tenant, membership } : null;
}

/** A page under /platform/ (operator) or /insights/ (national analyst). */
export function platformRoute<A extends Args, R>(
  permission: Permission,
  handler: (args: A & { user: SignedInUser }) => Promise<R>,
) {
  return tag(
    async (args: A) => {
      await requireCsrf(args);
      const { services, requestId } = args.context;
      const user = await requireUser(args.request, services);
      if (!user.platformRole) throw notFound();
      if (!can([user.platformRole], permission)) {
        services.log.warn({ requestId, userId: user.id, permission }, "access denied");
        throw forbidden();
      }
      return handler({ ...args, user });
    },
    { kind: "platform", permission },
  );
}
