import { randomUUID } from "node:crypto";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CorrectableField, can, type TenantRole } from "@mentoring/domain";
import { defaultLocale, type Locale, resources, supportedLocales } from "@mentoring/i18n";
import { queueEmails } from "@mentoring/mail";
import { directoryValues } from "../records/directory-values";
import { tenantFacts } from "../records/survey-mail";

const localeOf = (wanted: string): Locale =>
  (supportedLocales as readonly string[]).includes(wanted) ? (wanted as Locale) : defaultLocale;

/**
 * A person asks for one field of their directory record to be corrected: the value the directory holds now
 * is recorded beside the value they ask for and their note, for the tenant's admins to apply or decline.
 * Refused when the value asked for is the current one. A request for the same field already waiting is
 * answered as it is (`already_pending`), not made twice: a double press, or two tabs. The members who
 * handle such requests (privacy.requests.handle) are mailed, in their language, once per request. Audited.
 */
export async function requestCorrection(
  tx: TenantDb,
  input: {
    tenantId: string;
    staffMemberId: string;
    actorUserId: string;
    field: CorrectableField;
    requestedValue: string;
    note: string;
    requestId?: string;
    appUrl: string;
  },
): Promise<{ outcome: "sent" | "already_pending"; requestId: string }> {
  const { tenantId, staffMemberId, field } = input;
  const current = (await directoryValues(tx, tenantId, staffMemberId))[field];
  const requestedValue = input.requestedValue.trim();
  if (requestedValue === current.trim()) throw new AppError("my_data.correction_unchanged");
  // The partial unique index (one pending per person and field) decides between two presses at once.
  const created = await tx.$queryRaw<{ id: string }[]>`
    insert into correction_requests (tenant_id, staff_member_id, field, current_value, requested_value, note)
    values (${tenantId}::uuid, ${staffMemberId}::uuid, ${field}, ${current}, ${requestedValue}, ${input.note.trim()})
    on conflict (tenant_id, staff_member_id, field) where status = 'pending' do nothing
    returning id::text as id`;
  const id = created[0]?.id;
  if (!id) {
    const pending = await tx.correctionRequest.findFirstOrThrow({
      where: { tenantId, staffMemberId, field, status: "pending" },
      select: { id: true },
    });
    return { outcome: "already_pending", requestId: pending.id };
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId: input.actorUserId,
    action: "correction_request.create",
    entityType: "correction_request",
    entityId: id,
    after: { field },
    requestId: input.requestId,
  });
  const tenant = await tenantFacts(tx, tenantId);
  const person = await tx.staffMember.findFirstOrThrow({
    where: { tenantId, id: staffMemberId },
    select: { name: true },
  });
  const handlers = (
    await tx.membership.findMany({
      where: { tenantId },
      orderBy: { createdAt: "asc" },
      select: { roles: true, user: { select: { email: true, displayName: true, locale: true } } },
    })
  ).filter((member) => can(member.roles as TenantRole[], "privacy.requests.handle"));
  const link = new URL(`/${tenant.slug}/admin/correction-requests`, input.appUrl).toString();
  await queueEmails(
    tx,
    handlers.map(({ user }) => {
      const locale = localeOf(user.locale ?? tenant.locale);
      return {
        id: randomUUID(),
        to: user.email,
        locale,
        message: {
          kind: "correction_requested" as const,
          recipient: user.displayName,
          name: person.name,
          field: resources[locale].common.myData.field[field],
          link,
        },
      };
    }),
  );
  return { outcome: "sent", requestId: id };
}
