import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { requireCohort } from "./certificate-cohort";
import { attendees } from "./certificate-teams";

/**
 * A participant at their cohort's ceremony: the cohort (not found for another tenant's), its ceremony
 * (refused while none is set), and the person among those who may be marked there, or refused as not
 * expected (the members of the published teams, or before them the accepted applicants).
 */
export async function ceremonyAttendee(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  staffMemberId: string,
) {
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const ceremony = await tx.ceremony.findFirst({
    where: { tenantId, cohortId },
    select: { id: true, startsAt: true, place: true },
  });
  if (!ceremony) throw new AppError("certificate.no_ceremony");
  const person = (await attendees(tx, tenantId, cohortId)).find(
    (candidate) => candidate.staffMemberId === staffMemberId,
  );
  if (!person) throw new AppError("attendance.not_for_you");
  const row = await tx.ceremonyAttendance.findUnique({
    where: {
      tenantId_ceremonyId_applicationId: {
        tenantId,
        ceremonyId: ceremony.id,
        applicationId: person.applicationId,
      },
    },
    select: { present: true },
  });
  return { cohort, ceremony, person, present: row?.present === true };
}
