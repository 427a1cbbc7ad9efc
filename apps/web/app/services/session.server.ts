import { hashToken, newToken } from "@mentoring/auth";
import { createCookie, createSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import type { Services } from "./services.server";

/** Sessions live for eight hours (a working day) and can be revoked at any time, e.g. at sign-out. */
export const SESSION_HOURS = 8;

const storages = new WeakMap<Services, SessionStorage>();

/**
 * Server-side sessions: the cookie holds a random token, the sessions table its hash and the data.
 * Reading a session that was revoked or has expired yields an empty one.
 */
export function sessionStorage(services: Services): SessionStorage {
  const existing = storages.get(services);
  if (existing) return existing;
  const { db, config } = services;
  const storage = createSessionStorage({
    cookie: createCookie("session", {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: config.NODE_ENV === "production" && config.APP_URL.startsWith("https:"),
      secrets: [config.SESSION_SECRET],
      maxAge: SESSION_HOURS * 3600,
    }),
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

export async function currentUser(request: Request, services: Services): Promise<SignedInUser | null> {
  const session = await sessionStorage(services).getSession(request.headers.get("cookie"));
  const userId = session.get("userId");
  if (typeof userId !== "string") return null;
  return services.db.platform.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, locale: true, platformRole: true },
  });
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, services: Services): Promise<SignedInUser> {
  const user = await currentUser(request, services);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
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
