import { getNationalInsights, nationalInsightsQuery } from "@mentoring/tenants";
import { presentNationalInsights, presentNationalInsightsCsv } from "../presenters/insights.server";
import { notFound } from "../services/guard.server";
import { insightsReaderOf } from "../services/insights-reader.server";
import { platformLoader } from "../services/route-builder.server";

/** What /insights shows for the same choices, as CSV (UTF-8 with a byte-order mark), nothing more. */
export const loader = platformLoader(
  { permission: "insights.view", query: nationalInsightsQuery },
  async ({ query, services, t, locale }) => {
    const view = await getNationalInsights(insightsReaderOf(services), { query });
    if (!view) throw notFound();
    const csv = presentNationalInsightsCsv(presentNationalInsights(view, t, locale), t);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="national-insights.csv"; filename*=UTF-8''${encodeURIComponent(t("insights.csv.fileName"))}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
