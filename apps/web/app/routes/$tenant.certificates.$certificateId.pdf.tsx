import { can } from "@mentoring/domain";
import { certificatePdf, idSchema } from "../services/certificates.server";
import { notFound, tenantRoute } from "../services/guard.server";

/**
 * One certificate's PDF. Any member may ask; what they get is decided per certificate: a coordinator
 * (programs.manage) any of the tenant's, anyone else only their own team's and not a revoked one (404
 * otherwise, so nobody learns of others' certificates).
 */
export const loader = tenantRoute("tenant.home.view", async ({ params, context, tenant, membership }) => {
  const certificateId = idSchema.safeParse(params.certificateId);
  if (!certificateId.success) throw notFound();
  return certificatePdf(context.services, {
    tenant,
    certificateId: certificateId.data,
    staffMemberId: membership.staffMemberId,
    anyOfTenant: can(membership.roles, "programs.manage"),
  });
});
