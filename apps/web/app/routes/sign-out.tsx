import { redirect } from "@remix-run/node";
import { publicAction, publicLoader } from "../services/route-builder.server";
import { endSession } from "../services/session.server";

/** Revokes the session server-side (the row stays, marked revoked) and clears the cookie. */
export const action = publicAction({}, async ({ request, services }) => {
  throw redirect("/sign-in", { headers: { "Set-Cookie": await endSession(request, services) } });
});

export const loader = publicLoader({}, async () => {
  throw redirect("/");
});
