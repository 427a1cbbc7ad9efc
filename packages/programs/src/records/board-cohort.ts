import type { TenantDb } from "@mentoring/db";
import { AppError, type BoardProposalStatus, boardMemberRole } from "@mentoring/domain";
import { type CohortRecord, loadCohort } from "./cohort-record";

/**
 * A junior board's cohort with its definition. Not found (404) when the cohort is not the tenant's or runs
 * another kind of program: a board's pages and proposals exist for boards alone.
 */
export async function loadBoardCohort(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  options: { lock?: boolean } = {},
): Promise<CohortRecord> {
  let record: CohortRecord;
  try {
    record = await loadCohort(tx, tenantId, cohortId, options);
  } catch (error) {
    if (error instanceof AppError && error.code === "cohort.not_found")
      throw new AppError("board.cohort_not_found");
    throw error;
  }
  if (record.definition.kind !== "board") throw new AppError("board.cohort_not_found");
  return record;
}

/** The board's members: accepted applications in the member role, with the staff member's name. */
export async function boardMembers(tx: TenantDb, tenantId: string, cohortId: string) {
  return tx.application.findMany({
    where: { tenantId, cohortId, role: boardMemberRole, status: "accepted" },
    select: {
      id: true,
      staffMemberId: true,
      staffMember: { select: { name: true, email: true, department: { select: { name: true } } } },
    },
    orderBy: { staffMember: { name: "asc" } },
  });
}

export interface BoardProposalRow {
  id: string;
  title: string;
  body: string;
  status: BoardProposalStatus;
  reply: string | null;
  repliedByName: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  /** The members who proposed it, by name (가나다 order), with their department. */
  proposers: { applicationId: string; name: string; department: string }[];
}

/** Reads a board's proposals, newest first. Not found when the cohort is not the tenant's board. */
export async function proposalRows(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
): Promise<BoardProposalRow[]> {
  const rows = await tx.boardProposal.findMany({
    where: { tenantId, cohortId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      reply: true,
      repliedByName: true,
      repliedAt: true,
      createdAt: true,
      proposers: {
        select: {
          applicationId: true,
          application: {
            select: { staffMember: { select: { name: true, department: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  return rows.map(({ proposers, ...row }) => ({
    ...row,
    proposers: proposers
      .map(({ applicationId, application }) => ({
        applicationId,
        name: application.staffMember.name,
        department: application.staffMember.department.name,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "ko")),
  }));
}
