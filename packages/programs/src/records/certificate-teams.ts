import type { TenantDb } from "@mentoring/db";
import type { ApplicationRole } from "@mentoring/domain";

/* The people a cohort's certificates and ceremony are about: its published teams, or its accepted applicants. */

export interface TeamOfCohort {
  id: string;
  number: number;
  mentors: { applicationId: string; staffMemberId: string; name: string }[];
  mentees: { applicationId: string; staffMemberId: string; name: string }[];
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The cohort's published teams with their members' directory names, mentors and mentees each by name. */
export async function teamsOfCohort(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
): Promise<TeamOfCohort[]> {
  const teams = await tx.team.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      members: {
        where: { tenantId },
        select: {
          role: true,
          applicationId: true,
          application: { select: { staffMemberId: true, staffMember: { select: { name: true } } } },
        },
      },
    },
  });
  return teams.map((team) => {
    const people = (role: ApplicationRole) =>
      team.members
        .filter((member) => member.role === role)
        .map((member) => ({
          applicationId: member.applicationId,
          staffMemberId: member.application.staffMemberId,
          name: member.application.staffMember.name,
        }))
        .sort((a, b) => byName(a, b) || (a.applicationId < b.applicationId ? -1 : 1));
    return { id: team.id, number: team.number, mentors: people("mentor"), mentees: people("mentee") };
  });
}

/**
 * Who may be marked at the ceremony: the members of the published teams, or, before teams are
 * published, every accepted applicant.
 */
export async function attendees(tx: TenantDb, tenantId: string, cohortId: string) {
  const teams = await teamsOfCohort(tx, tenantId, cohortId);
  if (teams.length > 0)
    return teams.flatMap((team) => [
      ...team.mentors.map((person) => ({
        ...person,
        role: "mentor" as const,
        teamNumber: team.number as number | null,
      })),
      ...team.mentees.map((person) => ({
        ...person,
        role: "mentee" as const,
        teamNumber: team.number as number | null,
      })),
    ]);
  const accepted = await tx.application.findMany({
    where: { tenantId, cohortId, status: "accepted" },
    select: { id: true, role: true, staffMemberId: true, staffMember: { select: { name: true } } },
  });
  return accepted
    .map((application) => ({
      applicationId: application.id,
      staffMemberId: application.staffMemberId,
      name: application.staffMember.name,
      role: application.role,
      teamNumber: null as number | null,
    }))
    .sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === "mentor" ? -1 : 1) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.applicationId < b.applicationId ? -1 : 1),
    );
}
