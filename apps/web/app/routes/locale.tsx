import { supportedLocales } from "@mentoring/i18n";
import { setPreferredLocale } from "@mentoring/tenants";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "../services/i18n.server";
import { publicAction, publicLoader } from "../services/route-builder.server";
import { safeRedirect } from "../services/safe-redirect";
import { currentUser } from "../services/session.server";

const switchForm = z.object({ locale: z.enum(supportedLocales), redirectTo: z.string().optional() });

/** The language switch: remembered in a cookie, and as the user's preference when signed in. */
export const action = publicAction({ form: switchForm }, async ({ form, request, services }) => {
  const user = await currentUser(request, services);
  if (user) await setPreferredLocale(services.db, { userId: user.id, locale: form.locale });
  throw redirect(safeRedirect(form.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(form.locale) },
  });
});

export const loader = publicLoader({}, async () => {
  throw redirect("/");
});
