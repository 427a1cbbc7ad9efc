import type { TenantDb } from "@mentoring/db";
import { type Announcement, announcementOf } from "../records/announcement";
import { placeCounts } from "../records/cohort-places";
import { loadCohort } from "../records/cohort-record";

/** The cohorts now taking applications, newest recruitment first. */
export async function listRecruitingCohorts(
  tx: TenantDb,
  { tenantId }: { tenantId: string },
): Promise<Announcement[]> {
  const cohorts = await tx.cohort.findMany({
    where: { tenantId, status: "recruiting" },
    orderBy: [{ recruitmentStart: "desc" }, { number: "desc" }],
    select: { id: true },
  });
  const announcements: Announcement[] = [];
  for (const { id } of cohorts) {
    const record = await loadCohort(tx, tenantId, id);
    announcements.push(announcementOf(record, await placeCounts(tx, tenantId, id)));
  }
  return announcements;
}
