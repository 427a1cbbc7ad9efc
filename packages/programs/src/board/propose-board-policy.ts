import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, acceptsProposals, BOARD_PROPOSERS_MAX, boardProposalDraftSchema } from "@mentoring/domain";
import { boardMembers, loadBoardCohort } from "../records/board-cohort";

export interface ProposeBoardPolicyInput {
  tenantId: string;
  cohortId: string;
  /** The member proposing. */
  staffMemberId: string;
  actorUserId: string;
  title: string;
  body: string;
  /** Other members proposing it with them, by application id. */
  coProposerApplicationIds?: readonly string[];
  requestId?: string;
}

/**
 * A junior board's member proposes a policy (정책 제안) to the executives, alone or with other members of
 * the same board. Refused unless the cohort is a board, it is active, the proposer and every co-proposer
 * hold an accepted member application there, and the text is within its bounds. Audited.
 */
export async function proposeBoardPolicy(
  tx: TenantDb,
  input: ProposeBoardPolicyInput,
): Promise<{ proposalId: string }> {
  const { tenantId, cohortId } = input;
  const { cohort } = await loadBoardCohort(tx, tenantId, cohortId);
  const members = await boardMembers(tx, tenantId, cohortId);
  const self = members.find((member) => member.staffMemberId === input.staffMemberId);
  if (!self) throw new AppError("board.not_member");
  if (!acceptsProposals(cohort.status)) throw new AppError("board.not_active");
  const draft = boardProposalDraftSchema.safeParse({ title: input.title, body: input.body });
  if (!draft.success) throw AppError.invalid(draft.error);
  const memberIds = new Set(members.map((member) => member.id));
  const proposers = [...new Set([self.id, ...(input.coProposerApplicationIds ?? [])])];
  if (proposers.some((id) => !memberIds.has(id))) throw new AppError("board.proposer_not_member");
  if (proposers.length > BOARD_PROPOSERS_MAX)
    throw new AppError("board.proposer_not_member", { max: BOARD_PROPOSERS_MAX });

  const proposal = await tx.boardProposal.create({
    data: {
      tenantId,
      cohortId,
      title: draft.data.title,
      body: draft.data.body,
      createdByUserId: input.actorUserId,
    },
    select: { id: true },
  });
  await tx.boardProposalProposer.createMany({
    data: proposers.map((applicationId) => ({ tenantId, proposalId: proposal.id, applicationId })),
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "board_proposal.propose",
    entityType: "board_proposal",
    entityId: proposal.id,
    after: { status: "proposed", cohortId, proposers: proposers.length },
    requestId: input.requestId,
  });
  return { proposalId: proposal.id };
}
