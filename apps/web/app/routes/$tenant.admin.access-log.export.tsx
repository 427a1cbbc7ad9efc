import { accessLogSearchQuery, searchAccessLog } from "@mentoring/tenants";
import { presentAccessLogFile } from "../presenters/access-log.server";
import { tenantLoader } from "../services/route-builder.server";

/** The privacy officer's search of the access log as a CSV file: the same filters, every matching row. */
export const loader = tenantLoader(
  { permission: "privacy.review", query: accessLogSearchQuery },
  async ({ query, tenant, locale, t, withTenant }) => {
    const { rows } = await withTenant((db) =>
      searchAccessLog(db, { tenantId: tenant.id, timeZone: tenant.timeZone, search: query, all: true }),
    );
    const file = await presentAccessLogFile(rows, { locale, timeZone: tenant.timeZone, t });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="access-log.csv"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
