import type { TenantDb } from "@mentoring/db";
import { requireCohort } from "../records/certificate-cohort";

/** The cohort's calendar in the order things happen, with the cohort's teams (items may be for one). */
export async function getCohortCalendar(tx: TenantDb, input: { tenantId: string; cohortId: string }) {
  const { tenantId, cohortId } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const [items, teams] = await Promise.all([
    tx.calendarItem.findMany({
      where: { tenantId, cohortId },
      select: {
        id: true,
        sourceKey: true,
        kind: true,
        title: true,
        titleEn: true,
        description: true,
        descriptionEn: true,
        place: true,
        startsAt: true,
        endsAt: true,
        dueAt: true,
        audience: true,
        teamId: true,
        attendance: true,
        signUp: true,
        capacity: true,
        signUpClosesAt: true,
      },
    }),
    tx.team.findMany({
      where: { tenantId, cohortId },
      select: { id: true, number: true },
      orderBy: { number: "asc" },
    }),
  ]);
  const when = (item: (typeof items)[number]) => (item.startsAt ?? item.dueAt ?? new Date(0)).getTime();
  items.sort((a, b) => when(a) - when(b) || a.title.localeCompare(b.title));
  return { cohort, items, teams };
}

export type CohortCalendar = Awaited<ReturnType<typeof getCohortCalendar>>;
