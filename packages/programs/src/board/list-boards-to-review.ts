import type { TenantDb } from "@mentoring/db";
import { type BoardProposalStatus, boardProposalStatuses, type CohortStatus } from "@mentoring/domain";

export interface BoardToReview {
  cohortId: string;
  title: string;
  status: CohortStatus;
  /** How many of the board's proposals are in each status (every status present, 0 when none). */
  proposals: Record<BoardProposalStatus, number>;
}

/**
 * The tenant's junior boards, for whoever reviews their proposals (board.review is tenant-wide): every
 * cohort whose program is a board, newest first, with its proposals counted by status.
 */
export async function listBoardsToReview(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<BoardToReview[]> {
  const { tenantId } = input;
  const cohorts = await tx.cohort.findMany({
    where: { tenantId, templateVersion: { definition: { path: ["kind"], equals: "board" } } },
    orderBy: [{ recruitmentStart: "desc" }, { title: "asc" }],
    select: { id: true, title: true, status: true },
  });
  if (cohorts.length === 0) return [];
  const counts = await tx.boardProposal.groupBy({
    by: ["cohortId", "status"],
    where: { tenantId, cohortId: { in: cohorts.map((cohort) => cohort.id) } },
    _count: { _all: true },
  });
  return cohorts.map((cohort) => {
    const proposals = Object.fromEntries(boardProposalStatuses.map((status) => [status, 0])) as Record<
      BoardProposalStatus,
      number
    >;
    for (const row of counts) if (row.cohortId === cohort.id) proposals[row.status] = row._count._all;
    return { cohortId: cohort.id, title: cohort.title, status: cohort.status, proposals };
  });
}
