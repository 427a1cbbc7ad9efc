import { applicantFilterSchema, exportApplicants } from "@mentoring/programs";
import { z } from "zod";
import { presentApplicantsFile } from "../presenters/applicants-file.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams } from "../services/route-params";

/** The list's filters (what does not read as a filter is ignored) and the file's format. */
const exportQuery = applicantFilterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

/**
 * The applicant list as a file (`?format=csv|xlsx`, with the list's filters). It holds personal data:
 * every download is audited with its filter and row count, and the response is never cached.
 */
export const loader = tenantLoader(
  { permission: "applications.review", params: cohortParams, query: exportQuery },
  async ({ params, query, tenant, user, requestId, locale, t, withTenant }) => {
    const { format, ...filter } = query;
    const exported = await withTenant(
      (db) =>
        exportApplicants(db, {
          tenantId: tenant.id,
          cohortId: params.cohortId,
          filter,
          format,
          actorUserId: user.id,
          requestId,
        }),
      {
        accessLog: ({ rows }) => ({
          kind: "applicant_export",
          subjects: { applicationIds: rows.map((row) => row.applicationId) },
          cohortId: params.cohortId,
        }),
      },
    );
    const file = await presentApplicantsFile(exported, { format, t, locale, timeZone: tenant.timeZone });
    const asciiName = `applicants.${format}`;
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
