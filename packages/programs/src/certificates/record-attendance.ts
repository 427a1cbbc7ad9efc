import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { requireCohort } from "../records/certificate-cohort";
import { attendees } from "../records/certificate-teams";

/** The coordinator marks a participant present or absent at the ceremony (overriding a check-in). */
export async function recordAttendance(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    applicationId: string;
    present: boolean;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, applicationId, present, actorUserId } = input;
  await requireCohort(tx, tenantId, cohortId);
  const ceremony = await tx.ceremony.findFirst({ where: { tenantId, cohortId }, select: { id: true } });
  if (!ceremony) throw new AppError("certificate.no_ceremony");
  const people = await attendees(tx, tenantId, cohortId);
  const person = people.find((candidate) => candidate.applicationId === applicationId);
  if (!person) throw new AppError("certificate.not_attendee");
  const before = await tx.ceremonyAttendance.findFirst({
    where: { tenantId, ceremonyId: ceremony.id, applicationId },
    select: { present: true },
  });
  const row = await tx.ceremonyAttendance.upsert({
    where: { tenantId_ceremonyId_applicationId: { tenantId, ceremonyId: ceremony.id, applicationId } },
    create: { tenantId, ceremonyId: ceremony.id, applicationId, present, method: "coordinator" },
    update: { present, method: "coordinator", recordedAt: new Date() },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "ceremony.attendance",
    entityType: "ceremony_attendance",
    entityId: row.id,
    ...(before && { before: { present: before.present } }),
    after: { cohortId, applicationId, name: person.name, present },
    requestId: input.requestId,
  });
}
