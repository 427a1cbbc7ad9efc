import { AppError } from "@mentoring/domain";
import { getMyCalendar } from "@mentoring/programs";
import { z } from "zod";
import { programCalendarIcs } from "../services/ics.server";
import { tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

/** One of the participant's items as an .ics file, to add to a calendar app. Another person's is not found. */
export const loader = tenantLoader(
  { permission: "own_team.view", params: z.object({ itemId: id }) },
  async ({ params, tenant, membership, locale, t, services, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("calendar.item_not_found");
    const { items } = await withTenant((db) => getMyCalendar(db, { tenantId: tenant.id, staffMemberId }));
    const item = items.find((one) => one.id === params.itemId);
    if (!item) throw new AppError("calendar.item_not_found");
    const ics = programCalendarIcs([item], {
      name: t("calendar.feed.name", { tenant: tenant.name }),
      timeZone: tenant.timeZone,
      locale,
      duePrefix: t("calendar.feed.duePrefix"),
      link: `${services.config.APP_URL}/${tenant.slug}`,
    });
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="program-${item.id.slice(0, 8)}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
