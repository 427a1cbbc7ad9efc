import { getFeedCalendar } from "@mentoring/programs";
import { z } from "zod";
import { notFound } from "../services/guard.server";
import { translatorIn } from "../services/i18n.server";
import { programCalendarIcs } from "../services/ics.server";
import { publicLoader } from "../services/route-builder.server";

/**
 * A person's calendar subscription, read by their calendar app: the secret address is the only key (no
 * session), so an unknown or revoked address is simply not there (404), and no other page is reachable by
 * it.
 */
export const loader = publicLoader(
  { params: z.object({ tenant: z.string().min(1).max(100), token: z.string().regex(/^[\w-]{43}$/) }) },
  async ({ params, services }) => {
    const calendar = await getFeedCalendar(services.db, { tenantSlug: params.tenant, token: params.token });
    if (!calendar) throw notFound();
    const { tenant } = calendar;
    const locale = tenant.locale === "en" ? "en" : "ko";
    const t = translatorIn(locale);
    const ics = programCalendarIcs(calendar.items, {
      name: t("calendar.feed.name", { tenant: tenant.name }),
      timeZone: tenant.timeZone,
      locale,
      duePrefix: t("calendar.feed.duePrefix"),
      link: `${services.config.APP_URL}/${tenant.slug}`,
    });
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        // A secret address: no shared cache keeps it.
        "Cache-Control": "private, no-store",
      },
    });
  },
);
