import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { type Announcement, announcementOf } from "../records/announcement";
import { placeCounts } from "../records/cohort-places";
import { loadCohort } from "../records/cohort-record";
import { departmentsNamedIn } from "../records/department-names";
import { listStaffApplications, type OwnApplication } from "./list-staff-applications";

/**
 * One cohort's announcement as a staff member sees it: the program, the places, the rules in force, and
 * their own application there if any. A draft cohort is not announced (404).
 */
export async function getCohortAnnouncement(
  tx: TenantDb,
  {
    tenantId,
    cohortId,
    staffMemberId,
  }: {
    tenantId: string;
    cohortId: string;
    /** The reader's own staff record: their application comes with the announcement. */
    staffMemberId: string | null;
  },
): Promise<{
  announcement: Announcement;
  application: OwnApplication | null;
  departments: Record<string, string>;
}> {
  const record = await loadCohort(tx, tenantId, cohortId);
  if (record.cohort.status === "draft") throw new AppError("cohort.not_found");
  const announcement = announcementOf(record, await placeCounts(tx, tenantId, cohortId));
  const application = staffMemberId
    ? ((await listStaffApplications(tx, { tenantId, staffMemberId, cohortId }))[0] ?? null)
    : null;
  const departments = await departmentsNamedIn(
    tx,
    tenantId,
    announcement.roles.map((role) => role.eligibility),
  );
  return { announcement, application, departments };
}
