import { redirect } from "@remix-run/node";
import { publicRoute } from "../services/guard.server";
import { endSession } from "../services/session.server";

/** Revokes the session server-side (the row stays, marked revoked) and clears the cookie. */
export const action = publicRoute(async ({ request, context }) => {
  throw redirect("/sign-in", { headers: { "Set-Cookie": await endSession(request, context.services) } });
});

export const loader = publicRoute(async () => {
  throw redirect("/");
});
