import { batchArchive, idSchema } from "../services/certificates.server";
import { notFound, tenantRoute } from "../services/guard.server";

/** A ready batch's certificates in one ZIP, for the coordinator. */
export const loader = tenantRoute("programs.manage", async ({ params, context, tenant }) => {
  const cohortId = idSchema.safeParse(params.cohortId);
  const batchId = idSchema.safeParse(params.batchId);
  if (!cohortId.success || !batchId.success) throw notFound();
  return batchArchive(context.services, { tenant, cohortId: cohortId.data, batchId: batchId.data });
});
