import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { peopleOf, reviewTeams } from "../records/matching-review";
import {
  findRun,
  json,
  lockRun,
  participantIds,
  problemOf,
  requireMatching,
  requireTeams,
} from "../records/matching-run";
import { mailPublishedTeams } from "../records/team-mail";

/** The number of published teams when they are exactly this published run's teams, else null. */
async function publishedUnchanged(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  run: Awaited<ReturnType<typeof findRun>>,
): Promise<number | null> {
  if (run.publishedAt === null) return null;
  const published = await tx.team.findMany({
    where: { tenantId, cohortId },
    select: { runId: true, number: true, members: { select: { role: true, applicationId: true } } },
  });
  const wanted = requireTeams(run);
  if (published.length !== wanted.length || published.some((team) => team.runId !== run.id)) return null;
  const key = (number: number, mentorIds: readonly string[], menteeIds: readonly string[]) =>
    `${number}|${[...mentorIds].sort().join(",")}|${[...menteeIds].sort().join(",")}`;
  const current = new Set(
    published.map((team) =>
      key(
        team.number,
        team.members.filter((m) => m.role === "mentor").map((m) => m.applicationId),
        team.members.filter((m) => m.role === "mentee").map((m) => m.applicationId),
      ),
    ),
  );
  const same = wanted.every((team, index) => current.has(key(index + 1, team.mentorIds, team.menteeIds)));
  return same ? published.length : null;
}

/**
 * Publishes the run's reviewed teams as the cohort's teams (replacing any earlier publication while the
 * cohort is in matching). Refused while certificates issued for the published teams are not revoked, while
 * evaluators are assigned to them, or while any team breaks a hard rule, has not the template's shape, or
 * has a member whose application is no longer accepted. Unsigned draft certificates of the replaced teams
 * are discarded; revoked ones stay, detached from them. Every member is told their team by mail. Audited.
 * Publishing the run whose teams are already the cohort's is a no-op (no write, no audit row, no mail),
 * also when many presses arrive at once.
 */
export async function publishRun(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    runId: string;
    actorUserId: string;
    requestId?: string;
    appUrl: string;
  },
): Promise<{ teams: number }> {
  const { tenantId, cohortId, runId, actorUserId, requestId } = input;
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  await findRun(tx, tenantId, cohortId, runId);
  await lockRun(tx, tenantId, runId);
  const run = await findRun(tx, tenantId, cohortId, runId);
  requireMatching(record);
  // Publishing is idempotent: the run's teams already being the cohort's is the effect asked for, so a
  // repeated press (or twenty at once: the cohort's lock above makes them wait their turn, and each then
  // reads what the first committed) changes nothing and records nothing. A run edited since it was
  // published differs from its teams and is published again.
  const unchanged = await publishedUnchanged(tx, tenantId, cohortId, run);
  if (unchanged !== null) return { teams: unchanged };
  // Signing and preparing lock the cohort too, so this count holds until the end of the transaction.
  const issued = await tx.certificate.count({
    where: { tenantId, cohortId, signature: { not: null }, revokedAt: null },
  });
  if (issued > 0) throw new AppError("matching.certificates_issued", { count: issued });
  // Evaluators are assigned to the teams (their evaluations with them): replacing the teams would drop
  // them unseen, so the coordinator removes the assignments first. One made meanwhile and not yet
  // committed is not counted; the key (Restrict) then still keeps it from being lost.
  const evaluators = await tx.evaluatorAssignment.count({ where: { tenantId, cohortId } });
  if (evaluators > 0) throw new AppError("matching.evaluators_assigned", { count: evaluators });
  const teams = requireTeams(run);
  if (teams.length === 0) throw new AppError("matching.no_teams");
  // The shape is the template's, whatever the snapshot says: the invariant of a published team.
  const problem = { ...problemOf(run), teamShape: record.definition.teamShape };
  const people = await peopleOf(tx, tenantId, cohortId, participantIds(problem));
  const review = reviewTeams(problem, teams, people);
  const violations = review.teams.flatMap((team) => team.violations);
  if (violations.length > 0) throw new AppError("matching.violations", { count: violations.length });

  const previous = await tx.team.findMany({ where: { tenantId, cohortId }, select: { runId: true } });
  // A draft names the replaced teams' people: discarded with its serials (preparing again makes one for
  // the new teams). A revoked certificate stays verifiable as revoked, tied to no team.
  const drafts = await tx.certificate.findMany({
    where: { tenantId, cohortId, batch: { status: "draft" } },
    select: { serial: true },
  });
  if (drafts.length > 0) {
    await tx.certificate.deleteMany({ where: { tenantId, cohortId, batch: { status: "draft" } } });
    await tx.certificateSerial.deleteMany({
      where: { tenantId, serial: { in: drafts.map((draft) => draft.serial) } },
    });
  }
  await tx.certificateBatch.deleteMany({ where: { tenantId, cohortId, status: "draft" } });
  const detached = await tx.certificate.updateMany({
    where: { tenantId, cohortId, teamId: { not: null }, revokedAt: { not: null } },
    data: { teamId: null },
  });
  await tx.teamMember.deleteMany({ where: { tenantId, cohortId } });
  await tx.team.deleteMany({ where: { tenantId, cohortId } });
  for (const [index, team] of review.teams.entries()) {
    const created = await tx.team.create({
      data: {
        tenantId,
        cohortId,
        runId,
        number: index + 1,
        score: team.score,
        breakdown: json(team.breakdown),
      },
      select: { id: true },
    });
    await tx.teamMember.createMany({
      data: [
        ...team.mentorIds.map((applicationId) => ({ role: "mentor" as const, applicationId })),
        ...team.menteeIds.map((applicationId) => ({ role: "mentee" as const, applicationId })),
      ].map((member) => ({ tenantId, cohortId, teamId: created.id, ...member })),
    });
  }
  const now = new Date();
  await tx.matchingRun.updateMany({
    where: { tenantId, cohortId, id: { not: runId }, publishedAt: { not: null } },
    data: { publishedAt: null, publishedByUserId: null },
  });
  await tx.matchingRun.update({
    where: { id: run.id },
    data: { publishedAt: now, publishedByUserId: actorUserId },
  });
  const replaced = [...new Set(previous.map((team) => team.runId))];
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "matching_run.publish",
    entityType: "matching_run",
    entityId: run.id,
    ...(replaced.length > 0 && { before: { publishedRunIds: replaced, teams: previous.length } }),
    after: {
      cohortId,
      number: run.number,
      teams: review.teams.length,
      total: review.total,
      ...(drafts.length > 0 && { discardedDraftCertificates: drafts.length }),
      ...(detached.count > 0 && { detachedRevokedCertificates: detached.count }),
    },
    requestId,
  });
  // Nobody should learn from a spreadsheet that their team was formed.
  await mailPublishedTeams(tx, {
    tenantId,
    cohortId,
    cohortTitle: record.cohort.title,
    appUrl: input.appUrl,
  });
  return { teams: review.teams.length };
}
