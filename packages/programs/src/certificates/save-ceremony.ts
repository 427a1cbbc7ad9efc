import { recordAudit, type TenantDb } from "@mentoring/db";
import { ceremonyFields } from "../records/ceremony-fields";
import { requireCohort } from "../records/certificate-cohort";
import { json } from "../records/certificate-content";

/** Creates or changes the ceremony (when, where, programme, gift). Audited. */
export async function saveCeremony(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    startsAt: Date;
    place: string;
    programme: string;
    gift: string;
    actorUserId: string;
    requestId?: string;
  },
): Promise<void> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  const fields = ceremonyFields(input);
  await requireCohort(tx, tenantId, cohortId);
  const before = await tx.ceremony.findFirst({
    where: { tenantId, cohortId },
    select: { id: true, startsAt: true, place: true, programme: true, gift: true },
  });
  const saved = before
    ? await tx.ceremony.update({ where: { id: before.id }, data: fields, select: { id: true } })
    : await tx.ceremony.create({ data: { tenantId, cohortId, ...fields }, select: { id: true } });
  const { id: _id, ...previous } = before ?? { id: null };
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: before ? "ceremony.update" : "ceremony.create",
    entityType: "ceremony",
    entityId: saved.id,
    ...(before && { before: json({ ...previous, startsAt: before.startsAt.toISOString() }) }),
    after: json({ cohortId, ...fields, startsAt: fields.startsAt.toISOString() }),
    requestId,
  });
}
