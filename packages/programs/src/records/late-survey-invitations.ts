import type { TenantDb } from "@mentoring/db";
import { calendarDateIn, compareCalendarDates } from "@mentoring/domain";
import { dateColumn, dayOf, loadCohort } from "./cohort-record";
import { mailParticipants, tenantFacts } from "./survey-mail";

/**
 * Records that these applications were invited to a round; returns the ids of those not invited before.
 * ON CONFLICT DO NOTHING on (round, application): of two callers at once, or a repeat, only one gets an
 * application back, and only that one mails it.
 */
export async function markInvited(
  tx: TenantDb,
  tenantId: string,
  roundId: string,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const created = await tx.surveyInvitation.createManyAndReturn({
    data: applicationIds.map((applicationId) => ({ tenantId, roundId, applicationId })),
    skipDuplicates: true,
    select: { applicationId: true },
  });
  return new Set(created.map((row) => row.applicationId));
}

/**
 * Invites someone who joined a cohort's participants late (accepted from the waitlist, or a nominee who
 * consented, after the surveys opened) to every round open now for their role, as the round's opening
 * invited everyone then: the same mail, through the outbox, in the caller's transaction. A round closed by
 * the coordinator or past its last day is not open. Each round invites a person once, however often this
 * runs (a repeated consent, a retried job). Nothing happens unless the application is accepted and
 * consented. Returns the number of invitations mailed.
 */
export async function inviteToOpenRounds(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; applicationId: string; now: Date; appUrl: string },
): Promise<number> {
  const { tenantId, cohortId, applicationId } = input;
  const application = await tx.application.findFirst({
    where: { tenantId, cohortId, id: applicationId, status: "accepted", consentAt: { not: null } },
    select: {
      id: true,
      role: true,
      staffMember: { select: { id: true, name: true, email: true, department: { select: { name: true } } } },
    },
  });
  if (!application) return 0;
  const tenant = await tenantFacts(tx, tenantId);
  const today = calendarDateIn(input.now, tenant.timeZone);
  const rounds = await tx.surveyRound.findMany({
    where: {
      tenantId,
      cohortId,
      openedAt: { not: null },
      closedAt: null,
      closesOn: { gte: dateColumn(today) },
    },
    orderBy: [{ opensOn: "asc" }, { questionSetKey: "asc" }],
    select: { id: true, questionSetKey: true, closesOn: true },
  });
  if (rounds.length === 0) return 0;
  const { cohort, definition } = await loadCohort(tx, tenantId, cohortId);
  let invited = 0;
  for (const round of rounds) {
    const set = definition.questionSets.find((candidate) => candidate.key === round.questionSetKey);
    if (!set?.roles.includes(application.role)) continue;
    const closesOn = dayOf(round.closesOn);
    if (compareCalendarDates(today, closesOn) > 0) continue;
    const fresh = await markInvited(tx, tenantId, round.id, [application.id]);
    if (!fresh.has(application.id)) continue;
    const { staffMember } = application;
    invited += await mailParticipants(tx, {
      kind: "survey_invitation",
      tenantId,
      tenant,
      cohortTitle: cohort.title,
      set,
      roundId: round.id,
      closesOn,
      appUrl: input.appUrl,
      recipients: [
        {
          applicationId: application.id,
          role: application.role,
          staffMemberId: staffMember.id,
          name: staffMember.name,
          department: staffMember.department.name,
          email: staffMember.email,
          response: null,
        },
      ],
    });
  }
  return invited;
}
