import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { ceremonyAttendee } from "../records/ceremony-attendee";
import { readCheckInCode } from "../records/check-in-code";

/**
 * A participant checks in to their cohort's ceremony with the code on the coordinator's screen (the same
 * signed, time-limited codes as trainings and events): their own attendance only, while the code works,
 * and only a code made for this ceremony of this tenant. Checking in twice is once. Audited.
 */
export async function checkInToCeremony(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    staffMemberId: string;
    code: string;
    secret: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ cohortTitle: string; alreadyIn: boolean }> {
  const { tenantId, cohortId, now } = input;
  const { cohort, ceremony, person, present } = await ceremonyAttendee(
    tx,
    tenantId,
    cohortId,
    input.staffMemberId,
  );
  const verdict = readCheckInCode({
    secret: input.secret,
    tenantId,
    ceremonyId: ceremony.id,
    code: input.code,
    now,
  });
  if (verdict === "invalid") throw new AppError("attendance.code_invalid");
  if (verdict === "expired") throw new AppError("attendance.code_expired");
  if (present) return { cohortTitle: cohort.title, alreadyIn: true };
  const { applicationId } = person;
  const row = await tx.ceremonyAttendance.upsert({
    where: { tenantId_ceremonyId_applicationId: { tenantId, ceremonyId: ceremony.id, applicationId } },
    create: { tenantId, ceremonyId: ceremony.id, applicationId, present: true, method: "check_in" },
    update: { present: true, method: "check_in", recordedAt: now },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "ceremony.attendance",
    entityType: "ceremony_attendance",
    entityId: row.id,
    after: { cohortId, applicationId, name: person.name, present: true, method: "check_in" },
    requestId: input.requestId,
  });
  return { cohortTitle: cohort.title, alreadyIn: false };
}
