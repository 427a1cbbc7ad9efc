import type { TenantDb } from "@mentoring/db";
import { ceremonyAttendee } from "../records/ceremony-attendee";

/** What a participant checking in to their cohort's ceremony is shown first: the ceremony, and whether they are in. */
export async function getCeremonyCheckIn(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; staffMemberId: string },
) {
  const { cohort, ceremony, present } = await ceremonyAttendee(
    tx,
    input.tenantId,
    input.cohortId,
    input.staffMemberId,
  );
  return { cohort, ceremony: { startsAt: ceremony.startsAt, place: ceremony.place }, present };
}
