import { getTeamProgress, tenantToday } from "@mentoring/programs";
import { presentTeamProgressFile } from "../presenters/team-progress-file.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

/** The team dashboard as an XLSX file, for the coordinating department's own reports. */
export const loader = tenantLoader(
  { permission: "programs.view", params: cohortParams },
  async ({ params, tenant, t, withTenant }) => {
    const progress = await withTenant(
      (db) =>
        getTeamProgress(db, {
          tenantId: tenant.id,
          cohortId: params.cohortId,
          today: tenantToday(tenant.timeZone),
          now: new Date(),
        }),
      // Each team's meetings and attendance in a file: about the people of those teams.
      {
        accessLog: (progress) => ({
          kind: "team_progress_export",
          subjects: { teamIds: progress.teams.map((team) => team.teamId) },
          cohortId: params.cohortId,
        }),
      },
    );
    const file = await presentTeamProgressFile(progress, t);
    return new Response(file.body, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="teams.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
