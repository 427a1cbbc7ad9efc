import type { TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { UUID } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";

/** A member of the tenant the coordinator may pick as a team's evaluator. */
export interface EvaluatorChoice {
  userId: string;
  name: string;
  email: string;
  /** The member's department (staff), or null for an outside trainer with no staff record. */
  department: string | null;
  /** Already holds the evaluator role. */
  evaluator: boolean;
}

export interface EvaluatorChoices {
  /** Every team of the cohort in number order, with its members and their departments (the conflict rule's facts). */
  teams: {
    id: string;
    number: number;
    members: { name: string; department: string; role: "mentor" | "mentee" }[];
  }[];
  /** The tenant's members, evaluators first, then by name. */
  members: EvaluatorChoice[];
  /** Open invitations carrying the evaluator role: outside trainers who have not joined yet. */
  pendingInvitations: { email: string; expiresAt: Date }[];
}

const rolePlace = { mentor: 0, mentee: 1 } as const;

/**
 * What the coordinator chooses from when assigning evaluators to a cohort's teams: the teams with their
 * members and departments, the tenant's members who could evaluate, and the invited evaluators who have
 * not accepted yet (they are assigned once they join). Not found (404) for a cohort that is not the
 * tenant's. Reads only.
 */
export async function listEvaluatorChoices(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; now: Date },
): Promise<EvaluatorChoices> {
  const { tenantId, cohortId, now } = input;
  if (!UUID.test(cohortId)) throw new AppError("cohort.not_found");
  await loadCohort(tx, tenantId, cohortId);
  const [teams, memberships, invitations] = await Promise.all([
    tx.team.findMany({
      where: { tenantId, cohortId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        members: {
          where: { tenantId },
          select: {
            role: true,
            application: {
              select: { staffMember: { select: { name: true, department: { select: { name: true } } } } },
            },
          },
        },
      },
    }),
    tx.membership.findMany({
      where: { tenantId },
      select: {
        userId: true,
        roles: true,
        user: { select: { displayName: true, email: true } },
        staffMember: { select: { name: true, department: { select: { name: true } } } },
      },
    }),
    tx.invitation.findMany({
      where: {
        tenantId,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
        roles: { has: "evaluator" },
      },
      orderBy: { createdAt: "desc" },
      select: { email: true, expiresAt: true },
    }),
  ]);
  const members = memberships
    .map((membership) => ({
      userId: membership.userId,
      name: membership.staffMember?.name ?? membership.user.displayName,
      email: membership.user.email,
      department: membership.staffMember?.department.name ?? null,
      evaluator: membership.roles.includes("evaluator"),
    }))
    .sort(
      (a, b) =>
        Number(b.evaluator) - Number(a.evaluator) ||
        a.name.localeCompare(b.name, "ko") ||
        a.email.localeCompare(b.email),
    );
  return {
    teams: teams.map((team) => ({
      id: team.id,
      number: team.number,
      members: team.members
        .map((member) => ({
          name: member.application.staffMember.name,
          department: member.application.staffMember.department.name,
          role: member.role,
        }))
        // Mentors first (the juniors of reverse mentoring), then by name.
        .sort((a, b) => rolePlace[a.role] - rolePlace[b.role] || a.name.localeCompare(b.name, "ko")),
    })),
    members,
    pendingInvitations: invitations,
  };
}
