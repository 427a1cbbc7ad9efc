import { getCohortReportFile } from "@mentoring/programs";
import { z } from "zod";
import { fileDownload } from "../services/file-download.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

/** A ready report run's PDF or workbook, for the coordinator. */
export const loader = tenantLoader(
  {
    permission: "programs.manage",
    params: cohortParams.extend({ runId: id, format: z.enum(["pdf", "xlsx"]) }),
  },
  async ({ params, tenant, services, withTenant }) => {
    const file = await withTenant(
      (db) =>
        getCohortReportFile(db, {
          tenantId: tenant.id,
          cohortId: params.cohortId,
          runId: params.runId,
          format: params.format,
        }),
      // The report names the award-winning teams' members: a download about the cohort's people.
      {
        accessLog: () => ({
          kind: "cohort_report",
          subjects: { cohortTeamsOf: params.cohortId },
          cohortId: params.cohortId,
        }),
      },
    );
    return fileDownload(services, file, file.contentType);
  },
);
