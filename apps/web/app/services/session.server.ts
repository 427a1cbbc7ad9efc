import { hashToken, newToken } from "@mentoring/auth";
import { findRequestAccess, type RequestAccess } from "@mentoring/db";
import {
  type Cookie,
  createCookie,
  createSessionStorage,
  redirect,
  type SessionStorage,
} from "@remix-run/node";
import type { Services } from "./services.server";

/** Sessions live for eight hours (a working day) and can be revoked at any time, e.g. at sign-out. */
export const SESSION_HOURS = 8;

const storages = new WeakMap<Services, SessionStorage>();
const cookies = new WeakMap<Services, Cookie>();

/** The session cookie: signed, it holds the session's random token. */
function sessionCookie(services: Services): Cookie {
  const existing = cookies.get(services);
  if (existing) return existing;
  const { config } = services;
  const cookie = createCookie("session", {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: config.NODE_ENV === "production" && config.APP_URL.startsWith("https:"),
    secrets: [config.SESSION_SECRET],
    maxAge: SESSION_HOURS * 3600,
  });
  cookies.set(services, cookie);
  return cookie;
}

/**
 * Server-side sessions: the cookie holds a random token, the sessions table its hash and the data.
 * Reading a session that was revoked or has expired yields an empty one.
 */
export function sessionStorage(services: Services): SessionStorage {
  const existing = storages.get(services);
  if (existing) return existing;
  const { db } = services;
  const storage = createSessionStorage({
    cookie: sessionCookie(services),
    async createData(data, expires) {
      const token = newToken();
      await db.platform.session.create({
        data: {
          tokenHash: hashToken(token),
          userId: typeof data.userId === "string" ? data.userId : null,
          data: data as object,
          expiresAt: expires ?? new Date(Date.now() + SESSION_HOURS * 3600_000),
        },
      });
      return token;
    },
    async readData(token) {
      const session = await db.platform.session.findUnique({ where: { tokenHash: hashToken(token) } });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
      return session.data as Record<string, unknown>;
    },
    async updateData(token, data, expires) {
      await db.platform.session.updateMany({
        where: { tokenHash: hashToken(token), revokedAt: null },
        data: {
          data: data as object,
          userId: typeof data.userId === "string" ? data.userId : null,
          lastSeenAt: new Date(),
          ...(expires ? { expiresAt: expires } : {}),
        },
      });
    },
    async deleteData(token) {
      // Revoked, not deleted: the row shows when and that the session ended.
      await db.platform.session.updateMany({
        where: { tokenHash: hashToken(token), revokedAt: null },
        data: { revokedAt: new Date() },
      });
    },
  });
  storages.set(services, storage);
  return storage;
}

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
  platformRole: "operator" | "insights_analyst" | null;
}

/**
 * Who sent the request, in one statement: the live session of its cookie, its user, and, given a
 * tenant's slug, that tenant and the user's membership there. Null without a live session.
 */
export async function readRequestAccess(
  request: Request,
  services: Services,
  tenantSlug: string | null,
): Promise<RequestAccess | null> {
  const token: unknown = await sessionCookie(services).parse(request.headers.get("cookie"));
  if (typeof token !== "string" || token === "") return null;
  return findRequestAccess(services.db.platformSql, { tokenHash: hashToken(token), tenantSlug });
}

export async function currentUser(request: Request, services: Services): Promise<SignedInUser | null> {
  return (await readRequestAccess(request, services, null))?.user ?? null;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, services: Services): Promise<SignedInUser> {
  const user = await currentUser(request, services);
  if (user) return user;
  throw signInFirst(request);
}

/** A redirect to sign-in that comes back to this address afterwards. */
export function signInFirst(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function startSession(services: Services, userId: string): Promise<string> {
  const storage = sessionStorage(services);
  const session = await storage.getSession();
  session.set("userId", userId);
  return storage.commitSession(session);
}

export async function endSession(request: Request, services: Services): Promise<string> {
  const storage = sessionStorage(services);
  return storage.destroySession(await storage.getSession(request.headers.get("cookie")));
}
