import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CorrectableField } from "@mentoring/domain";
import { resources } from "@mentoring/i18n";
import { notify } from "../records/notify";
import { tenantFacts } from "../records/survey-mail";

/**
 * A tenant admin handles a correction request: `applied` (they corrected the directory at its source) or
 * `declined` with a reason. Only a waiting request: one handled already (by another admin, or a second
 * press) is refused, unchanged. The person is told the outcome in the app and by mail, in their language.
 * Audited.
 */
export async function resolveCorrectionRequest(
  tx: TenantDb,
  input: {
    tenantId: string;
    correctionRequestId: string;
    outcome: "applied" | "declined";
    reason?: string;
    actorUserId: string;
    now: Date;
    requestId?: string;
    appUrl: string;
  },
): Promise<{ outcome: "applied" | "declined"; name: string; field: CorrectableField }> {
  const { tenantId, outcome, now } = input;
  const reason = input.reason?.trim() ?? "";
  if (outcome === "declined" && reason === "") throw new AppError("my_data.decline_reason_required");
  const request = await tx.correctionRequest.findFirst({
    where: { tenantId, id: input.correctionRequestId },
    select: {
      id: true,
      field: true,
      staffMemberId: true,
      staffMember: { select: { name: true, email: true } },
    },
  });
  if (!request) throw new AppError("my_data.correction_not_found");
  // Only while it waits: the condition in the update decides between two admins at once.
  const { count } = await tx.correctionRequest.updateMany({
    where: { tenantId, id: request.id, status: "pending" },
    data: {
      status: outcome,
      declineReason: outcome === "declined" ? reason : null,
      resolvedByUserId: input.actorUserId,
      resolvedAt: now,
    },
  });
  if (count === 0) throw new AppError("my_data.correction_resolved");
  const field = request.field as CorrectableField;
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: outcome === "applied" ? "correction_request.apply" : "correction_request.decline",
    entityType: "correction_request",
    entityId: request.id,
    before: { status: "pending" },
    after: { status: outcome, field },
    requestId: input.requestId,
  });
  const account = await tx.membership.findFirst({
    where: { tenantId, staffMemberId: request.staffMemberId },
    select: { user: { select: { email: true, locale: true } } },
  });
  await notify(tx, {
    tenantId,
    tenant: await tenantFacts(tx, tenantId),
    kind: "correction_resolved",
    subject: `correction:${request.id}`,
    path: "/my-data",
    appUrl: input.appUrl,
    recipients: [
      {
        staffMemberId: request.staffMemberId,
        name: request.staffMember.name,
        email: request.staffMember.email ?? account?.user.email ?? null,
        locale: account?.user.locale ?? null,
      },
    ],
    params: () => ({ field, outcome }),
    mail: (person, locale, link) => ({
      kind: "correction_resolved",
      name: person.name,
      field: resources[locale].common.myData.field[field],
      outcome,
      ...(outcome === "declined" && { reason }),
      link,
    }),
  });
  return { outcome, name: request.staffMember.name, field };
}
