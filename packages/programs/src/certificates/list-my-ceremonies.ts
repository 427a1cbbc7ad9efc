import type { TenantDb } from "@mentoring/db";
import { listStaffApplications } from "../recruitment/list-staff-applications";
import { getCeremony } from "./get-ceremony";

export interface MyCeremony {
  cohortId: string;
  cohortTitle: string;
  startsAt: Date;
  place: string;
  programme: string;
  gift: string;
  /** Their own attendance as the coordinator recorded it; null before it is. */
  present: boolean | null;
}

/** A participant's ceremonies: those of the cohorts they were accepted into that have one set. */
export async function listMyCeremonies(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyCeremony[]> {
  const { tenantId, staffMemberId } = input;
  const applications = await listStaffApplications(tx, { tenantId, staffMemberId });
  const ceremonies: MyCeremony[] = [];
  for (const application of applications) {
    if (application.status !== "accepted") continue;
    const ceremony = await getCeremony(tx, { tenantId, cohortId: application.cohortId });
    if (!ceremony) continue;
    const own = ceremony.attendance.find((row) => row.applicationId === application.applicationId);
    ceremonies.push({
      cohortId: application.cohortId,
      cohortTitle: application.cohortTitle,
      startsAt: ceremony.startsAt,
      place: ceremony.place,
      programme: ceremony.programme,
      gift: ceremony.gift,
      present: own?.present ?? null,
    });
  }
  return ceremonies;
}
