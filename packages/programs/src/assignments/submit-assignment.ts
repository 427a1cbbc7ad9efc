import { recordAudit, type TenantDb } from "@mentoring/db";
import {
  AppError,
  isLate,
  SUBMISSION_LIMITS,
  submissionLinkSchema,
  submissionRefusal,
} from "@mentoring/domain";
import { attachFiles } from "../records/attach-files";
import { fieldError } from "../records/field-error";
import { myTeamInCohort } from "../records/my-team-in-cohort";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Hands in (or revises) the team's work for an assignment: its text, web links and files (photos, video
 * files, documents the member uploaded for it; a revision may add and take off files), for the whole team,
 * by any member. Late when first handed in after the due moment; a revision after it only when the
 * coordinator asked for one; nothing once accepted. An assignment of another cohort, team or tenant is
 * not found. Audited.
 */
export async function submitAssignment(
  tx: TenantDb,
  input: {
    tenantId: string;
    staffMemberId: string;
    itemId: string;
    text: string;
    links: string[];
    /** The member's waiting uploads to attach (acceptUpload). */
    fileIds?: string[];
    /** Files of the submission to take off. */
    removeFileIds?: string[];
    actorUserId: string;
    now: Date;
    requestId?: string;
  },
): Promise<{ submissionId: string; late: boolean; revised: boolean; removedKeys: string[] }> {
  const { tenantId, staffMemberId, itemId, actorUserId, now, requestId } = input;
  const text = (input.text ?? "").trim();
  const links = input.links.map((link) => link.trim()).filter((link) => link !== "");
  if (text.length > SUBMISSION_LIMITS.text)
    throw fieldError("submission.text_too_long", "text", { max: SUBMISSION_LIMITS.text });
  if (links.length > SUBMISSION_LIMITS.links)
    throw fieldError("submission.too_many_links", "links", { max: SUBMISSION_LIMITS.links });
  const badLink = links.find((link) => !submissionLinkSchema.safeParse(link).success);
  if (badLink !== undefined)
    throw fieldError("submission.link_invalid", "links", { link: badLink.slice(0, 80) });

  const item = UUID.test(itemId)
    ? await tx.calendarItem.findFirst({
        where: { tenantId, id: itemId, kind: "assignment" },
        select: { id: true, cohortId: true, teamId: true, dueAt: true },
      })
    : null;
  const team = item ? await myTeamInCohort(tx, { tenantId, cohortId: item.cohortId, staffMemberId }) : null;
  if (!item?.dueAt || !team || (item.teamId !== null && item.teamId !== team.teamId))
    throw new AppError("submission.not_in_team");
  // The row is locked for the rest of the transaction: two members handing in at once take turns.
  const [existing] = await tx.$queryRaw<
    { id: string; status: "submitted" | "revision_requested" | "accepted" }[]
  >`
    select id, status::text as status from submissions
    where tenant_id = ${tenantId}::uuid and item_id = ${item.id}::uuid and team_id = ${team.teamId}::uuid
    for update`;
  const refusal = submissionRefusal(existing ?? null, item.dueAt, now);
  if (refusal) throw new AppError(refusal);
  const fileIds = input.fileIds ?? [];
  if (text === "" && links.length === 0 && fileIds.length === 0 && !existing)
    throw fieldError("submission.empty", "text");
  const work = {
    text,
    links,
    submittedAt: now,
    submittedByUserId: actorUserId,
    status: "submitted" as const,
  };
  const saved = existing
    ? await tx.submission.update({ where: { id: existing.id }, data: work, select: { id: true, late: true } })
    : await tx.submission.create({
        data: {
          tenantId,
          itemId: item.id,
          teamId: team.teamId,
          ...work,
          firstSubmittedAt: now,
          late: isLate(now, item.dueAt),
        },
        select: { id: true, late: true },
      });
  const files = await attachFiles(tx, {
    tenantId,
    owner: { submissionId: saved.id },
    fileIds,
    removeIds: input.removeFileIds,
    kinds: ["photo", "video", "document"],
    actorUserId,
  });
  // Nothing at all to hand in: the transaction is rolled back with the refusal.
  if (text === "" && links.length === 0 && files.total === 0) throw fieldError("submission.empty", "text");
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "submission.submit",
    entityType: "submission",
    entityId: saved.id,
    after: {
      itemId: item.id,
      teamId: team.teamId,
      links: links.length,
      files: files.total,
      textLength: text.length,
      late: saved.late,
    },
    requestId,
  });
  return {
    submissionId: saved.id,
    late: saved.late,
    revised: existing !== undefined,
    removedKeys: files.removedKeys,
  };
}
