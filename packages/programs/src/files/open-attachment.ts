import type { TenantDb } from "@mentoring/db";
import { AppError, type AttachmentKind } from "@mentoring/domain";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OpenedAttachment {
  kind: AttachmentKind;
  name: string;
  mediaType: string;
  size: number;
  storageKey: string;
  thumbnailKey: string | null;
}

/**
 * An attachment for the person asking, if they may see it, else "not found" (whether it exists is not
 * theirs to know): a waiting upload by its uploader alone; a submission's or an activity's files by the
 * team's members, its assigned evaluators and who runs the program (`mayReview`); a featured submission's
 * files also by every staff member who sees the showcase (`mayViewShowcase`).
 */
export async function openAttachment(
  tx: TenantDb,
  input: {
    tenantId: string;
    attachmentId: string;
    userId: string;
    staffMemberId: string | null;
    mayReview: boolean;
    mayViewShowcase: boolean;
  },
): Promise<OpenedAttachment> {
  const { tenantId, attachmentId, userId, staffMemberId } = input;
  const file = UUID.test(attachmentId)
    ? await tx.attachment.findFirst({
        where: { tenantId, id: attachmentId },
        select: {
          kind: true,
          originalName: true,
          mediaType: true,
          size: true,
          storageKey: true,
          thumbnailKey: true,
          uploadedByUserId: true,
          submission: { select: { teamId: true, status: true, featuredAt: true } },
          activity: { select: { teamId: true } },
        },
      })
    : null;
  if (!file) throw new AppError("attachment.not_found");
  const teamId = file.submission?.teamId ?? file.activity?.teamId ?? null;
  const inTeam = async () =>
    teamId !== null &&
    staffMemberId !== null &&
    (await tx.teamMember.count({
      where: { tenantId, teamId, application: { tenantId, staffMemberId, status: "accepted" } },
    })) > 0;
  // An evaluator assigned to the team reads its work and activities beside the rubric.
  const evaluatesTeam = async () =>
    teamId !== null &&
    (await tx.evaluatorAssignment.count({ where: { tenantId, teamId, evaluatorUserId: userId } })) > 0;
  const featured = file.submission?.status === "accepted" && file.submission.featuredAt !== null;
  const allowed =
    teamId === null
      ? file.uploadedByUserId === userId
      : input.mayReview || (featured && input.mayViewShowcase) || (await inTeam()) || (await evaluatesTeam());
  if (!allowed) throw new AppError("attachment.not_found");
  return {
    kind: file.kind,
    name: file.originalName,
    mediaType: file.mediaType,
    size: Number(file.size),
    storageKey: file.storageKey,
    thumbnailKey: file.thumbnailKey,
  };
}
