import type { Prisma, TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";

/** A participant of a round: an accepted application in one of the roles the question set is for. */
export interface Participant {
  applicationId: string;
  role: ApplicationRole;
  staffMemberId: string;
  name: string;
  department: string;
  email: string | null;
  response: {
    submittedAt: Date | null;
    updatedAt: Date;
    answers: Prisma.JsonValue;
    scores: Prisma.JsonValue;
  } | null;
}

export async function participantsOf(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  roles: readonly ApplicationRole[],
  roundId: string,
): Promise<Participant[]> {
  const applications = await tx.application.findMany({
    where: { tenantId, cohortId, status: "accepted", role: { in: [...roles] } },
    select: {
      id: true,
      role: true,
      staffMember: { select: { id: true, name: true, email: true, department: { select: { name: true } } } },
      surveyResponses: {
        where: { tenantId, roundId },
        select: { submittedAt: true, updatedAt: true, answers: true, scores: true },
      },
    },
  });
  return applications
    .map((application) => ({
      applicationId: application.id,
      role: application.role,
      staffMemberId: application.staffMember.id,
      name: application.staffMember.name,
      department: application.staffMember.department.name,
      email: application.staffMember.email,
      response: application.surveyResponses[0] ?? null,
    }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, "ko") : a.role === "mentor" ? -1 : 1));
}
