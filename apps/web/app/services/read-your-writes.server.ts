import { type AppLoadContext, createCookie } from "@remix-run/node";
import type { Services } from "./services.server";

/**
 * Read-your-writes with a read replica (ADR 0028). After an action the browser is given the primary's WAL
 * position (a cookie); a read that may go to the replica passes it on, and the replica serves the read only
 * when it has replayed that far, else the primary does. Someone who just saved something never sees a page
 * without it; everyone else may see the replica's slightly older state.
 *
 * The cookie holds no secret and no personal data: forged, it can only send its own holder's reads to the
 * primary (a position far ahead) or show them the replica's state (one behind). Unsigned for that reason.
 */
const walCookie = (services: Services) =>
  createCookie("wal_seen", {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    // Long past any lag a replica may have in normal running: once it has replayed this far, the cookie no
    // longer changes where reads go.
    maxAge: 24 * 3600,
    secure: services.config.NODE_ENV === "production" && services.config.APP_URL.startsWith("https:"),
  });

const WAL_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** Positions noted during this request, for the loaders that run after its action in the same request. */
const notedInRequest = new WeakMap<AppLoadContext, string>();

/** The WAL position this browser's reads must see: noted in this request, or by the cookie, or none. */
export async function seenWalPosition(request: Request, context: AppLoadContext): Promise<string | null> {
  const noted = notedInRequest.get(context);
  if (noted) return noted;
  if (!context.services.db.hasReplica) return null;
  const value = await walCookie(context.services)
    .parse(request.headers.get("cookie"))
    .catch(() => null);
  return typeof value === "string" && WAL_POSITION.test(value) ? value : null;
}

/**
 * Notes, after an action, the primary's WAL position for this browser: whatever the action wrote has
 * committed by then. Without a replica, nothing to note. If the position cannot be read (the primary is
 * away, and the action's write failed with it), the browser keeps its earlier one.
 */
export async function noteWrites(context: AppLoadContext): Promise<void> {
  const { services } = context;
  if (!services.db.hasReplica) return;
  try {
    const position = await services.db.walPosition();
    notedInRequest.set(context, position);
    context.replyHeaders ??= new Headers();
    context.replyHeaders.append("Set-Cookie", await walCookie(services).serialize(position));
  } catch (err) {
    services.log.warn({ err, requestId: context.requestId }, "could not note the write position");
  }
}
