import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { attendees } from "../records/certificate-teams";

export interface CeremonyView {
  /** What the ceremony's check-in codes are signed for. */
  id: string;
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
    /** How the mark was taken: by the coordinator, or by the person scanning the ceremony's code. */
    method: "coordinator" | "check_in" | null;
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
      id: true,
      startsAt: true,
      place: true,
      programme: true,
      gift: true,
      attendance: { where: { tenantId }, select: { applicationId: true, present: true, method: true } },
    },
  });
  if (!ceremony) return null;
  const marks = new Map(ceremony.attendance.map((row) => [row.applicationId, row]));
  const people = await attendees(tx, tenantId, cohortId);
  return {
    id: ceremony.id,
    startsAt: ceremony.startsAt,
    place: ceremony.place,
    programme: ceremony.programme,
    gift: ceremony.gift,
    attendance: people.map((person) => ({
      applicationId: person.applicationId,
      name: person.name,
      role: person.role,
      teamNumber: person.teamNumber,
      present: marks.get(person.applicationId)?.present ?? null,
      method: marks.get(person.applicationId)?.method ?? null,
    })),
  };
}
