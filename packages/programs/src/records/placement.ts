import { type Application, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  decideApplication,
  type EligibilityCandidate,
  type EligibilityFailure,
  evaluateEligibility,
  placesToFill,
} from "@mentoring/domain";
import { placeCounts, quotaOf } from "./cohort-places";
import type { CohortRecord } from "./cohort-record";
import { type Acting, mailDecision } from "./decision-mail";
import { inviteToOpenRounds } from "./late-survey-invitations";
import { candidateOf, type StaffFacts } from "./staff-candidate";

/**
 * The queue time of a new application: `now`, but never earlier than the latest one in the cohort, so
 * that the order of the waitlist is the order in which the lock let applications through, even when the
 * callers' clocks disagree by a millisecond or a batch shares one `now`.
 */
async function queueTime(tx: TenantDb, tenantId: string, cohortId: string, now: Date): Promise<Date> {
  const latest = await tx.application.aggregate({
    where: { tenantId, cohortId },
    _max: { submittedAt: true },
  });
  const last = latest._max.submittedAt;
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

/** The eligibility snapshot stored with an application: what was judged, on which day, with which result. */
function snapshotOf(candidate: EligibilityCandidate, judgedOn: string, failures: EligibilityFailure[]) {
  return {
    judgedOn,
    grade: candidate.grade,
    hireDate: candidate.hireDate,
    departmentCode: candidate.departmentId,
    positionTitle: candidate.positionTitle,
    birthYear: candidate.birthYear,
    eligible: failures.length === 0,
    failures: failures as unknown as Prisma.InputJsonValue,
  } satisfies Prisma.InputJsonObject;
}

/**
 * Lets the earliest waitlisted applications of `role` into the places the quota has free. The caller holds
 * the cohort lock. Each promoted applicant is mailed, and each promotion audited.
 */
export async function fillFromWaitlist(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  role: ApplicationRole,
): Promise<string[]> {
  const { tenantId } = acting;
  const cohortId = record.cohort.id;
  const accepted = await tx.application.count({ where: { tenantId, cohortId, role, status: "accepted" } });
  const free = placesToFill(quotaOf(record.cohort, role), accepted);
  if (free === 0) return [];
  const next = await tx.application.findMany({
    where: { tenantId, cohortId, role, status: "waitlisted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: free,
    select: { id: true, staffMember: { select: { id: true, name: true, email: true } } },
  });
  for (const application of next) {
    await tx.application.update({
      where: { id: application.id },
      data: { status: "accepted", decidedAt: acting.now },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: acting.actorUserId,
      action: "application.promote",
      entityType: "application",
      entityId: application.id,
      before: { status: "waitlisted" },
      after: { status: "accepted", cohortId, role },
      requestId: acting.requestId,
    });
    await mailDecision(tx, acting, record, application.staffMember, "promoted");
    // Promoted after the surveys opened: invited to the rounds open now (a nominee once they consent).
    await inviteToOpenRounds(tx, {
      tenantId,
      cohortId,
      applicationId: application.id,
      now: acting.now,
      appUrl: acting.appUrl,
    });
  }
  return next.map((application) => application.id);
}

export type PlacementOutcome =
  | { outcome: "accepted"; applicationId: string }
  | { outcome: "waitlisted"; applicationId: string; position: number }
  | { outcome: "refused"; failures: EligibilityFailure[] };

/**
 * Judges one staff member for a role and, when eligible, gives them a place or a spot on the waitlist:
 * a new application, or their withdrawn one reused. The caller holds the cohort lock and has checked that
 * they have no live application.
 */
export async function place(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  staff: StaffFacts,
  role: ApplicationRole,
  how: {
    consentVersion: string | null;
    nominatedByUserId: string | null;
    previous: Pick<Application, "id" | "status"> | null;
    /** False when the caller tells the person itself (a nominee without an account gets an invitation). */
    mail?: boolean;
  },
): Promise<PlacementOutcome> {
  const { tenantId, now } = acting;
  const cohortId = record.cohort.id;
  const judgedOn = record.schedule.recruitmentStart;
  const candidate = candidateOf(staff);
  const eligibility = evaluateEligibility(record.definition.roles[role].eligibility, candidate, judgedOn);
  const counts = (await placeCounts(tx, tenantId, cohortId))[role];
  const decision = decideApplication({
    eligibility,
    quota: quotaOf(record.cohort, role),
    accepted: counts.accepted,
    waitlisted: counts.waitlisted,
  });
  if (decision.outcome === "refused") return decision;

  const status = decision.outcome;
  const data = {
    role,
    status,
    consentVersion: how.consentVersion,
    consentAt: how.consentVersion ? now : null,
    nominatedByUserId: how.nominatedByUserId,
    submittedByUserId: acting.actorUserId,
    submittedAt: await queueTime(tx, tenantId, cohortId, now),
    decidedAt: now,
    withdrawnAt: null,
    rejectionReason: null,
    eligibility: snapshotOf(candidate, judgedOn, []),
  };
  const application = how.previous
    ? await tx.application.update({ where: { id: how.previous.id }, data, select: { id: true } })
    : await tx.application.create({
        data: { tenantId, cohortId, staffMemberId: staff.id, ...data },
        select: { id: true },
      });
  const position = decision.outcome === "waitlisted" ? decision.position : undefined;
  await recordAudit(tx, {
    tenantId,
    actorUserId: acting.actorUserId,
    action: how.nominatedByUserId ? "application.nominate" : "application.submit",
    entityType: "application",
    entityId: application.id,
    ...(how.previous && { before: { status: how.previous.status } }),
    after: {
      cohortId,
      staffMemberId: staff.id,
      role,
      status,
      ...(position !== undefined && { waitlistPosition: position }),
      consentVersion: how.consentVersion,
    },
    requestId: acting.requestId,
  });
  if (how.mail ?? true) await mailDecision(tx, acting, record, staff, status, position);
  if (status === "accepted")
    await inviteToOpenRounds(tx, {
      tenantId,
      cohortId,
      applicationId: application.id,
      now,
      appUrl: acting.appUrl,
    });
  return position !== undefined
    ? { outcome: "waitlisted", applicationId: application.id, position }
    : { outcome: "accepted", applicationId: application.id };
}
