import { getCertificateArchive } from "@mentoring/programs";
import { fileDownload } from "../services/file-download.server";
import { notFound } from "../services/guard.server";
import { tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

/** A ready batch's certificates in one ZIP, for the coordinator. */
export const loader = tenantLoader(
  { permission: "programs.manage", params: cohortParams.extend({ batchId: id }) },
  async ({ params, tenant, services, withTenant }) => {
    const file = await withTenant((db) =>
      getCertificateArchive(db, { tenantId: tenant.id, cohortId: params.cohortId, batchId: params.batchId }),
    );
    if (!file) throw notFound();
    return fileDownload(services, file, "application/zip");
  },
);
