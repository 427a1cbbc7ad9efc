import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type CohortStatus,
  type ConsentWithdrawalEffects,
  consentWithdrawalEffects,
} from "@mentoring/domain";

/**
 * What withdrawing consent for the cohort would do to the person, for the page that explains it before
 * they confirm (the same rule the withdrawal follows), or when they withdrew it already. Not found when
 * they gave no consent for the cohort.
 */
export async function getConsentWithdrawal(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; staffMemberId: string },
): Promise<{ cohortTitle: string; withdrawnAt: Date | null; effects: ConsentWithdrawalEffects }> {
  const { tenantId, cohortId, staffMemberId } = input;
  const application = await tx.application.findFirst({
    where: { tenantId, cohortId, staffMemberId, consentAt: { not: null } },
    select: {
      status: true,
      consentWithdrawnAt: true,
      cohort: { select: { title: true, status: true } },
      teamMembers: { select: { teamId: true, team: { select: { number: true } } } },
    },
  });
  if (!application) throw new AppError("my_data.no_application");
  const membership = application.teamMembers[0] ?? null;
  const certificatesIssued =
    membership !== null &&
    (await tx.certificate.count({
      where: { tenantId, teamId: membership.teamId, issuedAt: { not: null } },
    })) > 0;
  return {
    cohortTitle: application.cohort.title,
    withdrawnAt: application.consentWithdrawnAt,
    effects: consentWithdrawalEffects({
      cohortStatus: application.cohort.status as CohortStatus,
      applicationStatus: application.status,
      teamNumber: membership?.team.number ?? null,
      certificatesIssued,
    }),
  };
}
