import { getCertificateDownload } from "@mentoring/programs";
import { z } from "zod";
import { fileDownload } from "../services/file-download.server";
import { notFound } from "../services/guard.server";
import { tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

/**
 * One certificate's PDF. Any member may ask; what they get is decided per certificate: a coordinator
 * (programs.manage) any of the tenant's, anyone else only their own team's and not a revoked one (404
 * otherwise, so nobody learns of others' certificates).
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view", params: z.object({ certificateId: id }) },
  async ({ params, tenant, membership, may, services, withTenant }) => {
    const anyOfTenant = may("programs.manage");
    if (!anyOfTenant && !membership.staffMemberId) throw notFound();
    const file = await withTenant((db) =>
      getCertificateDownload(db, {
        tenantId: tenant.id,
        certificateId: params.certificateId,
        staffMemberId: anyOfTenant ? null : membership.staffMemberId,
      }),
    );
    if (!file) throw notFound();
    return fileDownload(services, file, "application/pdf");
  },
);
