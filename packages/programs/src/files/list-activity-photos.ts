import type { TenantDb } from "@mentoring/db";
import { requireCohort } from "../records/certificate-cohort";
import { dayOf } from "../records/cohort-record";

/**
 * The photos a cohort's teams uploaded with their activities, for the coordinator: per team, each photo
 * with the day of its activity, newest first. Nothing else of the activity (its topic and notes stay with
 * the team).
 */
export async function listActivityPhotos(tx: TenantDb, input: { tenantId: string; cohortId: string }) {
  const { tenantId, cohortId } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const teams = await tx.team.findMany({
    where: { tenantId, cohortId },
    orderBy: { number: "asc" },
    select: {
      number: true,
      activities: {
        where: { tenantId, attachments: { some: { kind: "photo" } } },
        orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }],
        take: 50,
        select: {
          happenedOn: true,
          attachments: {
            where: { tenantId, kind: "photo" },
            orderBy: { uploadedAt: "asc" },
            select: { id: true, thumbnailKey: true },
          },
        },
      },
    },
  });
  return {
    cohort,
    teams: teams.map((team) => ({
      teamNumber: team.number,
      photos: team.activities.flatMap((activity) =>
        activity.attachments.map((photo) => ({
          id: photo.id,
          happenedOn: dayOf(activity.happenedOn),
          hasThumbnail: photo.thumbnailKey !== null,
        })),
      ),
    })),
  };
}

export type ActivityPhotos = Awaited<ReturnType<typeof listActivityPhotos>>;
