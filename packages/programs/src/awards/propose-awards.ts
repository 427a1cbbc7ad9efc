import { recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  type AwardGrantChoice,
  type AwardProposalProblem,
  awardProposalProblems,
  localize,
} from "@mentoring/domain";
import { auditedGrants, lockedDecision, requireAwardPermission } from "../records/award-decision";
import { requireCohort } from "../records/certificate-cohort";
import { loadCohort } from "../records/cohort-record";

/** The refusal for the first problem of a proposal, worded with the award's name and the team's number. */
function refusal(
  problem: AwardProposalProblem,
  awardName: (category: number) => string,
  teamNumber: (teamId: string) => number,
): AppError {
  switch (problem.code) {
    case "no_grants":
      return new AppError("award.no_grants");
    case "unknown_category":
      return new AppError("award.unknown_category", { category: problem.category });
    case "over_count":
      return new AppError("award.over_count", {
        award: awardName(problem.category),
        places: problem.places,
        chosen: problem.chosen,
      });
    case "team_twice":
      return new AppError("award.team_twice", { team: teamNumber(problem.teamId) });
    case "team_not_in_cohort":
      return new AppError("award.team_not_found");
  }
}

/**
 * The coordinator proposes the cohort's awards: the teams for each of the template's award categories
 * (usually the allocation getCohortResults suggests, with a tie at a boundary decided by the coordinator).
 * Checked by the domain's rule (awardProposalProblems): no category over its number of teams, a team at
 * most once, only the cohort's teams; refused with the first problem and nothing stored. Each grant copies
 * the category's name, prize and certificate title as they are now (Korean, as printed). With `submit`
 * (the default) the decision goes to the executive (proposed); without, it is kept as a draft. A decision
 * still awaiting approval, or returned, is replaced; an approved one is final (award.already_approved).
 * Only a member holding awards.manage may propose (award.not_allowed). Audited with before and after.
 */
export async function proposeAwards(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    actorUserId: string;
    grants: readonly AwardGrantChoice[];
    submit?: boolean;
    now: Date;
    requestId?: string;
  },
): Promise<{ decisionId: string; status: "draft" | "proposed" }> {
  const { tenantId, cohortId, actorUserId, now, requestId } = input;
  const submit = input.submit ?? true;
  await requireCohort(tx, tenantId, cohortId);
  await requireAwardPermission(tx, input, "awards.manage");
  const { definition } = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const categories = definition.awards;
  if (categories.length === 0) throw new AppError("award.no_categories");
  const existing = await lockedDecision(tx, tenantId, cohortId);
  if (existing?.status === "approved") throw new AppError("award.already_approved");

  const teams = await tx.team.findMany({
    where: { tenantId, cohortId },
    select: { id: true, number: true },
  });
  const numberOf = new Map(teams.map((team) => [team.id, team.number]));
  const problems = awardProposalProblems(
    input.grants,
    categories,
    teams.map((team) => team.id),
  );
  const first = problems[0];
  if (first)
    throw refusal(
      first,
      (category) => (categories[category] ? localize(categories[category].name, "ko") : String(category)),
      (teamId) => numberOf.get(teamId) ?? 0,
    );

  const status = submit ? ("proposed" as const) : ("draft" as const);
  const fields = {
    status,
    proposedByUserId: submit ? actorUserId : null,
    proposedAt: submit ? now : null,
    decidedByUserId: null,
    decidedAt: null,
    comment: null,
  };
  const decision = existing
    ? await tx.awardDecision.update({ where: { id: existing.id }, data: fields, select: { id: true } })
    : await tx.awardDecision.create({ data: { tenantId, cohortId, ...fields }, select: { id: true } });
  await tx.awardGrant.deleteMany({ where: { tenantId, decisionId: decision.id } });
  const grants = input.grants.map((grant) => {
    const category = categories[grant.category];
    if (!category) throw new Error("unreachable: the category was checked");
    return {
      tenantId,
      decisionId: decision.id,
      teamId: grant.teamId,
      categoryIndex: grant.category,
      name: localize(category.name, "ko"),
      prize: localize(category.prize, "ko"),
      certificateTitle: category.certificateTitle,
    };
  });
  await tx.awardGrant.createMany({ data: grants });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "award_decision.propose",
    entityType: "award_decision",
    entityId: decision.id,
    ...(existing && {
      before: { status: existing.status, comment: existing.comment, grants: auditedGrants(existing.grants) },
    }),
    after: {
      cohortId,
      status,
      grants: grants.map((grant) => ({ award: grant.name, team: numberOf.get(grant.teamId) ?? 0 })),
    },
    requestId,
  });
  return { decisionId: decision.id, status };
}
