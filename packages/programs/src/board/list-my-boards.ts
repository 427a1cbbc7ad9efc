import type { TenantDb } from "@mentoring/db";
import { acceptsProposals, boardMemberRole, type CohortStatus } from "@mentoring/domain";
import { type BoardProposalRow, boardMembers, proposalRows } from "../records/board-cohort";

export interface MyBoard {
  cohortId: string;
  title: string;
  status: CohortStatus;
  /** Whether the member may propose now (the board is active). */
  mayPropose: boolean;
  /** Their own application: proposals name it as a proposer. */
  applicationId: string;
  /** The other members, who may propose with them. */
  fellowMembers: { applicationId: string; name: string; department: string }[];
  proposals: (BoardProposalRow & { mine: boolean })[];
}

/**
 * The junior boards a staff member belongs to (an accepted member application in a cohort whose program is
 * a board), newest first, each with the board's proposals and replies and the members they may propose with.
 */
export async function listMyBoards(
  tx: TenantDb,
  input: { tenantId: string; staffMemberId: string },
): Promise<MyBoard[]> {
  const { tenantId, staffMemberId } = input;
  const applications = await tx.application.findMany({
    where: {
      tenantId,
      staffMemberId,
      role: boardMemberRole,
      status: "accepted",
      cohort: { templateVersion: { definition: { path: ["kind"], equals: "board" } } },
    },
    orderBy: { cohort: { recruitmentStart: "desc" } },
    select: { id: true, cohort: { select: { id: true, title: true, status: true } } },
  });
  return Promise.all(
    applications.map(async ({ id, cohort }) => {
      const [members, proposals] = await Promise.all([
        boardMembers(tx, tenantId, cohort.id),
        proposalRows(tx, tenantId, cohort.id),
      ]);
      return {
        cohortId: cohort.id,
        title: cohort.title,
        status: cohort.status,
        mayPropose: acceptsProposals(cohort.status),
        applicationId: id,
        fellowMembers: members
          .filter((member) => member.id !== id)
          .map((member) => ({
            applicationId: member.id,
            name: member.staffMember.name,
            department: member.staffMember.department.name,
          })),
        proposals: proposals.map((proposal) => ({
          ...proposal,
          mine: proposal.proposers.some((proposer) => proposer.applicationId === id),
        })),
      };
    }),
  );
}
