import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { attendees } from "../records/certificate-teams";

export interface CeremonyView {
  startsAt: Date;
  place: string;
  programme: string;
  gift: string;
  attendance: {
    applicationId: string;
    name: string;
    role: ApplicationRole;
    teamNumber: number | null;
    present: boolean | null;
  }[];
}

/** The cohort's ceremony, or null when none is set. */
export async function getCeremony(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string },
): Promise<CeremonyView | null> {
  const { tenantId, cohortId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const ceremony = await tx.ceremony.findFirst({
    where: { tenantId, cohortId },
    select: {
      startsAt: true,
      place: true,
      programme: true,
      gift: true,
      attendance: { where: { tenantId }, select: { applicationId: true, present: true } },
    },
  });
  if (!ceremony) return null;
  const present = new Map(ceremony.attendance.map((row) => [row.applicationId, row.present]));
  const people = await attendees(tx, tenantId, cohortId);
  return {
    startsAt: ceremony.startsAt,
    place: ceremony.place,
    programme: ceremony.programme,
    gift: ceremony.gift,
    attendance: people.map((person) => ({
      applicationId: person.applicationId,
      name: person.name,
      role: person.role,
      teamNumber: person.teamNumber,
      present: present.get(person.applicationId) ?? null,
    })),
  };
}
