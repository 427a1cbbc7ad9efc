import { randomUUID } from "node:crypto";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CohortStatus, consentWithdrawalEffects } from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { queueEmails } from "@mentoring/mail";
import { loadCohort } from "../records/cohort-record";
import { coordinatorRecipients } from "../records/coordinator-recipients";
import { notify } from "../records/notify";
import { fillFromWaitlist } from "../records/placement";
import { tenantFacts } from "../records/survey-mail";

export interface ConsentWithdrawal {
  /** `already`: consent was withdrawn before (a second press, another tab): nothing more was done. */
  outcome: "withdrawn" | "already";
  /** The team they left, if they were in one. */
  leftTeam: number | null;
  withdrawnAt: Date;
}

const localeOf = (wanted: string | null, fallback: string): Locale => {
  const locale = wanted ?? fallback;
  return (supportedLocales as readonly string[]).includes(locale) ? (locale as Locale) : defaultLocale;
};

/**
 * The person withdraws their consent for the cohort (PIPA art. 37), in any phase: what
 * `consentWithdrawalEffects` says happens. A live application is withdrawn (while places are still being
 * filled, an accepted place goes to the waitlist as with a plain withdrawal), they leave their published
 * team (the team stays published, short if need be: the coordinators are told which), the moment is
 * recorded on the application, the coordinators are told (a notice and mail, or mail alone to those
 * without a staff record), and it is audited. Asking again finds it done and changes nothing.
 */
export async function withdrawConsent(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    staffMemberId: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
    appUrl: string;
  },
): Promise<ConsentWithdrawal> {
  const { tenantId, cohortId, staffMemberId, now } = input;
  // The cohort's lock orders this against placements and publication, and against a second press.
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  const application = await tx.application.findFirst({
    where: { tenantId, cohortId, staffMemberId, consentAt: { not: null } },
    select: {
      id: true,
      role: true,
      status: true,
      consentWithdrawnAt: true,
      withdrawnAt: true,
      staffMember: { select: { name: true } },
      teamMembers: { select: { id: true, teamId: true, team: { select: { number: true } } } },
    },
  });
  if (!application) throw new AppError("my_data.no_application");
  if (application.consentWithdrawnAt)
    return { outcome: "already", leftTeam: null, withdrawnAt: application.consentWithdrawnAt };

  const membership = application.teamMembers[0] ?? null;
  const certificatesIssued =
    membership !== null &&
    (await tx.certificate.count({
      where: { tenantId, teamId: membership.teamId, issuedAt: { not: null } },
    })) > 0;
  const effects = consentWithdrawalEffects({
    cohortStatus: record.cohort.status as CohortStatus,
    applicationStatus: application.status,
    teamNumber: membership?.team.number ?? null,
    certificatesIssued,
  });

  await tx.application.update({
    where: { id: application.id },
    data: {
      consentWithdrawnAt: now,
      ...(effects.withdrawsApplication && {
        status: "withdrawn",
        withdrawnAt: application.withdrawnAt ?? now,
      }),
    },
  });
  if (membership) await tx.teamMember.delete({ where: { id: membership.id } });
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "application.consent_withdraw",
    entityType: "application",
    entityId: application.id,
    before: { status: application.status, teamNumber: membership?.team.number ?? null },
    after: {
      status: effects.withdrawsApplication ? "withdrawn" : application.status,
      consentWithdrawnAt: now.toISOString(),
      teamNumber: null,
    },
    requestId: input.requestId,
  });
  if (effects.placeToWaitlist)
    await fillFromWaitlist(
      tx,
      { tenantId, actorUserId: input.actorUserId, now, requestId: input.requestId, appUrl: input.appUrl },
      record,
      application.role,
    );

  const tenant = await tenantFacts(tx, tenantId);
  const name = application.staffMember.name;
  const cohortTitle = record.cohort.title;
  const teamNumber = membership?.team.number ?? null;
  const path = `/programs/cohorts/${cohortId}`;
  const { staff, accountsOnly } = await coordinatorRecipients(tx, tenantId);
  await notify(tx, {
    tenantId,
    tenant,
    kind: "consent_withdrawn",
    subject: `application:${application.id}`,
    path,
    appUrl: input.appUrl,
    recipients: staff,
    params: () => ({ cohortTitle, name, teamNumber }),
    mail: (coordinator, _locale, link) => ({
      kind: "consent_withdrawn",
      recipient: coordinator.name,
      name,
      cohortTitle,
      teamNumber,
      link,
    }),
  });
  const link = new URL(`/${tenant.slug}${path}`, input.appUrl).toString();
  await queueEmails(
    tx,
    accountsOnly.map((coordinator) => ({
      id: randomUUID(),
      to: coordinator.email,
      locale: localeOf(coordinator.locale, tenant.locale),
      message: {
        kind: "consent_withdrawn",
        recipient: coordinator.name,
        name,
        cohortTitle,
        teamNumber,
        link,
      },
    })),
  );
  return { outcome: "withdrawn", leftTeam: teamNumber, withdrawnAt: now };
}
