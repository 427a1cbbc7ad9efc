import type { TenantDb } from "@mentoring/db";
import type { CohortStatus } from "@mentoring/domain";
import { type BoardProposalRow, loadBoardCohort, proposalRows } from "../records/board-cohort";

/**
 * What the executives' and coordinator's proposals page shows: the board cohort and every proposal with its
 * proposers and reply. Not found (404) when the cohort is not the tenant's junior board.
 */
export async function listBoardProposals(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<{
  cohort: { id: string; title: string; status: CohortStatus };
  proposals: BoardProposalRow[];
}> {
  const { cohort } = await loadBoardCohort(tx, input.tenantId, input.cohortId);
  return {
    cohort: { id: cohort.id, title: cohort.title, status: cohort.status },
    proposals: await proposalRows(tx, input.tenantId, cohort.id),
  };
}
