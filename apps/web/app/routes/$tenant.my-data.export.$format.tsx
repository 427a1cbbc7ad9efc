import { exportMyData, personalDataPdf } from "@mentoring/programs";
import { z } from "zod";
import { tenantLoader } from "../services/route-builder.server";

/**
 * Everything held about the signed-in person in this tenant, as a JSON file or a readable PDF in their
 * language. Answered at once: a person's rows are few (exportMyData). Their own data: no access-log row.
 */
export const loader = tenantLoader(
  { permission: "own_data.manage", params: z.object({ format: z.enum(["json", "pdf"]) }) },
  async ({ params, tenant, user, membership, locale, t, withTenant }) => {
    const data = await withTenant((db) =>
      exportMyData(db, {
        tenantId: tenant.id,
        userId: user.id,
        staffMemberId: membership.staffMemberId,
        now: new Date(),
      }),
    );
    const fileName = `${t("myData.download.fileName")}-${tenant.slug}.${params.format}`;
    const disposition = `attachment; filename="my-data-${tenant.slug}.${params.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    if (params.format === "json")
      return new Response(JSON.stringify(data, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": disposition,
          "Cache-Control": "no-store",
        },
      });
    const pdf = await personalDataPdf(data, { locale });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": disposition,
        "Cache-Control": "no-store",
      },
    });
  },
);
