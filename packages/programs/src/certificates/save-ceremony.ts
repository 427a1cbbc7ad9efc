import { createHash } from "node:crypto";
import { config } from "@mentoring/config";
import { recordAudit, type TenantDb } from "@mentoring/db";
import { ceremonyFields } from "../records/ceremony-fields";
import { requireCohort } from "../records/certificate-cohort";
import { json } from "../records/certificate-content";
import { notify } from "../records/notify";
import { teamRecipients } from "../records/notify-recipients";
import { tenantFacts } from "../records/survey-mail";

/**
 * Creates or changes the ceremony (when, where, programme, gift). Audited. When its moment or place is
 * new and still ahead, the members of the cohort's published teams are told (in the app and by mail), once
 * per moment and place; before the teams are published, their team notice carries the ceremony instead.
 */
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
    /** For the links in mails; APP_URL by default. */
    appUrl?: string;
    now?: Date;
  },
): Promise<void> {
  const { tenantId, cohortId, actorUserId, requestId } = input;
  const fields = ceremonyFields(input);
  const cohort = await requireCohort(tx, tenantId, cohortId);
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
  const moved =
    !before || before.startsAt.getTime() !== fields.startsAt.getTime() || before.place !== fields.place;
  if (!moved || fields.startsAt <= (input.now ?? new Date())) return;
  const startsAt = fields.startsAt.toISOString();
  const placeKey = createHash("sha256").update(fields.place).digest("hex").slice(0, 16);
  const tenant = await tenantFacts(tx, tenantId);
  await notify(tx, {
    tenantId,
    tenant,
    kind: "ceremony_scheduled",
    subject: `ceremony:${saved.id}@${startsAt}|${placeKey}`,
    path: "/team",
    appUrl: input.appUrl ?? config().APP_URL,
    recipients: await teamRecipients(tx, tenantId, { cohortId }),
    params: () => ({ cohortTitle: cohort.title, startsAt, place: fields.place, changed: before !== null }),
    mail: (member, _locale, link) => ({
      kind: "ceremony_scheduled",
      name: member.name,
      cohortTitle: cohort.title,
      startsAt: fields.startsAt,
      place: fields.place,
      changed: before !== null,
      timeZone: tenant.timeZone,
      link,
    }),
  });
}
