import type { TenantDb } from "@mentoring/db";
import { attendanceItem } from "../records/attendance-item";
import { requireCohort } from "../records/certificate-cohort";

/**
 * The coordinator's attendance sheet of a cohort: the items that take attendance, and for the chosen one
 * (the next to come by default) everyone expected, present, absent or not yet marked, and how.
 */
export async function getItemAttendance(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; itemId: string | null; now: Date },
) {
  const { tenantId, cohortId, now } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const items = await tx.calendarItem.findMany({
    where: { tenantId, cohortId, attendance: true, kind: { not: "assignment" } },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, titleEn: true, startsAt: true },
  });
  const chosenId =
    input.itemId ??
    items.find((item) => (item.startsAt ?? now) >= new Date(now.getTime() - 86_400_000))?.id ??
    items.at(-1)?.id ??
    null;
  if (!chosenId) return { cohort, items, sheet: null };
  const { item, expected } = await attendanceItem(tx, tenantId, chosenId, cohortId);
  const marked = await tx.attendance.findMany({
    where: { tenantId, itemId: item.id },
    select: { applicationId: true, present: true, method: true },
  });
  const byApplication = new Map(marked.map((row) => [row.applicationId, row]));
  return {
    cohort,
    items,
    sheet: {
      item,
      people: expected.map((person) => ({
        ...person,
        present: byApplication.get(person.applicationId)?.present ?? null,
        method: byApplication.get(person.applicationId)?.method ?? null,
      })),
    },
  };
}

export type ItemAttendance = Awaited<ReturnType<typeof getItemAttendance>>;
