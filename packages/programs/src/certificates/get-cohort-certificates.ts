import type { TenantDb } from "@mentoring/db";
import type { CertificateBatchView } from "../records/certificate-batch-view";
import { requireCohort } from "../records/certificate-cohort";
import { type CeremonyView, getCeremony } from "./get-ceremony";
import { listCertificateBatches } from "./list-certificate-batches";

/**
 * What the coordinator's ceremony and certificates page shows of a cohort: its title, its ceremony with
 * the attendance (null when none is set) and its batches, newest first. cohort.not_found (404) when the
 * cohort is not the tenant's.
 */
export async function getCohortCertificates(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<{
  cohort: { id: string; title: string };
  ceremony: CeremonyView | null;
  batches: CertificateBatchView[];
}> {
  const cohort = await requireCohort(tx, input.tenantId, input.cohortId);
  const ceremony = await getCeremony(tx, input);
  const batches = await listCertificateBatches(tx, input);
  return { cohort, ceremony, batches };
}
