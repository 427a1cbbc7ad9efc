import { supportedLocales } from "@mentoring/i18n";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { publicRoute } from "../services/guard.server";
import { localeCookie } from "../services/i18n.server";
import { currentUser } from "../services/session.server";
import { safeRedirect } from "../services/sign-in.server";

const switchForm = z.object({ locale: z.enum(supportedLocales), redirectTo: z.string().optional() });

/** The language switch: remembered in a cookie, and as the user's preference when signed in. */
export const action = publicRoute(async ({ request, context }) => {
  const parsed = switchForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response(null, { status: 400 });
  const user = await currentUser(request, context.services);
  if (user)
    await context.services.db.platform.user.update({
      where: { id: user.id },
      data: { locale: parsed.data.locale },
    });
  throw redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
});

export const loader = publicRoute(async () => {
  throw redirect("/");
});
