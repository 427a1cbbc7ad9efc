import type { TenantDb } from "@mentoring/db";

/** For the executive: the tenant's award decisions awaiting approval, oldest proposal first. */
export async function listAwardsToApprove(
  tx: TenantDb,
  input: { tenantId: string },
): Promise<{ cohortId: string; cohortTitle: string; proposedAt: Date | null; grants: number }[]> {
  const decisions = await tx.awardDecision.findMany({
    where: { tenantId: input.tenantId, status: "proposed" },
    orderBy: { proposedAt: "asc" },
    select: {
      cohortId: true,
      proposedAt: true,
      cohort: { select: { title: true } },
      _count: { select: { grants: true } },
    },
  });
  return decisions.map((decision) => ({
    cohortId: decision.cohortId,
    cohortTitle: decision.cohort.title,
    proposedAt: decision.proposedAt,
    grants: decision._count.grants,
  }));
}
