import { recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CalendarDate, compareCalendarDates, parseCalendarDate } from "@mentoring/domain";
import { attachFiles } from "../records/attach-files";
import { dateColumn } from "../records/cohort-record";
import { fieldError } from "../records/field-error";
import { myTeamInCohort } from "../records/my-team-in-cohort";

export const ACTIVITY_LIMITS = { topic: 200, place: 200, notes: 4_000, minutes: 1_440 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Logs what the member's team did in a cohort: a meeting (or counselling) or a team activity, on a day no
 * later than today, how long, where, about what, who of the team took part (the member alone when no
 * one is named) and the photos the member uploaded for it (the coordinator sees the photos). Its notes stay with the team. Audited without the notes.
 */
export async function logActivity(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    staffMemberId: string;
    kind: "meeting" | "team_activity";
    happenedOn: string;
    minutes: number | null;
    place: string;
    topic: string;
    notes: string;
    /** Applications of team members who took part. */
    participantIds: string[];
    /** The member's waiting photo uploads to attach (acceptUpload). */
    photoIds?: string[];
    today: CalendarDate;
    actorUserId: string;
    requestId?: string;
  },
): Promise<{ activityId: string }> {
  const { tenantId, cohortId, staffMemberId, today, actorUserId, requestId } = input;
  const topic = (input.topic ?? "").trim();
  const place = (input.place ?? "").trim();
  const notes = (input.notes ?? "").trim();
  if (topic === "") throw fieldError("activity.topic_required", "topic");
  if (topic.length > ACTIVITY_LIMITS.topic)
    throw fieldError("activity.topic_too_long", "topic", { max: ACTIVITY_LIMITS.topic });
  if (place.length > ACTIVITY_LIMITS.place)
    throw fieldError("activity.place_too_long", "place", { max: ACTIVITY_LIMITS.place });
  if (notes.length > ACTIVITY_LIMITS.notes)
    throw fieldError("activity.notes_too_long", "notes", { max: ACTIVITY_LIMITS.notes });
  const day = parseCalendarDate(input.happenedOn ?? "");
  if (!day) throw fieldError("activity.date_invalid", "happenedOn");
  if (compareCalendarDates(day, today) > 0) throw fieldError("activity.date_in_future", "happenedOn");
  const { minutes } = input;
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > ACTIVITY_LIMITS.minutes))
    throw fieldError("activity.minutes_invalid", "minutes", { max: ACTIVITY_LIMITS.minutes });

  const team = UUID.test(cohortId) ? await myTeamInCohort(tx, { tenantId, cohortId, staffMemberId }) : null;
  if (!team) throw new AppError("activity.not_in_team");
  const members = await tx.teamMember.findMany({
    where: { tenantId, teamId: team.teamId },
    select: { applicationId: true, application: { select: { staffMemberId: true } } },
  });
  const inTeam = new Set(members.map((member) => member.applicationId));
  const named = [...new Set(input.participantIds)];
  if (named.some((id) => !inTeam.has(id)))
    throw fieldError("activity.participant_not_in_team", "participantIds");
  const me = members.find((member) => member.application.staffMemberId === staffMemberId)?.applicationId;
  const participants = named.length > 0 ? named : me ? [me] : [];

  const activity = await tx.activity.create({
    data: {
      tenantId,
      cohortId,
      teamId: team.teamId,
      kind: input.kind,
      happenedOn: dateColumn(day),
      minutes,
      place,
      topic,
      notes,
      loggedByUserId: actorUserId,
    },
    select: { id: true },
  });
  await tx.activityParticipant.createMany({
    data: participants.map((applicationId) => ({ tenantId, activityId: activity.id, applicationId })),
  });
  const photos = await attachFiles(tx, {
    tenantId,
    owner: { activityId: activity.id },
    fileIds: input.photoIds ?? [],
    kinds: ["photo"],
    actorUserId,
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "activity.log",
    entityType: "activity",
    entityId: activity.id,
    // The notes are the team's: the audit log says that there were some, not what they say.
    after: {
      teamId: team.teamId,
      kind: input.kind,
      happenedOn: day,
      minutes,
      topic,
      participants: participants.length,
      photos: photos.total,
      notes: notes !== "",
    },
    requestId,
  });
  return { activityId: activity.id };
}
