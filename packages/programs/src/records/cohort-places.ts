import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole, ApplicationStatus } from "@mentoring/domain";

/** Applications that hold a place or a spot in the queue. */
export const LIVE: ApplicationStatus[] = ["accepted", "waitlisted"];

export function quotaOf(cohort: { quotaMentor: number; quotaMentee: number }, role: ApplicationRole) {
  return role === "mentor" ? cohort.quotaMentor : cohort.quotaMentee;
}

/** Accepted and waitlisted applications per role. */
export async function placeCounts(tx: TenantDb, tenantId: string, cohortId: string) {
  const groups = await tx.application.groupBy({
    by: ["role", "status"],
    where: { tenantId, cohortId, status: { in: LIVE } },
    _count: { _all: true },
  });
  const counts = {
    mentor: { accepted: 0, waitlisted: 0 },
    mentee: { accepted: 0, waitlisted: 0 },
  };
  for (const group of groups) {
    const status = group.status as "accepted" | "waitlisted";
    counts[group.role][status] = group._count._all;
  }
  return counts;
}

/** The waitlist of a cohort: each waitlisted application's place in its role's queue (1 = next). */
export async function waitlistPositions(tx: TenantDb, tenantId: string, cohortId: string) {
  const waiting = await tx.application.findMany({
    where: { tenantId, cohortId, status: "waitlisted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true },
  });
  const next = { mentor: 0, mentee: 0 };
  return new Map(waiting.map((application) => [application.id, ++next[application.role]]));
}
