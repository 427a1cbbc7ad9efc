import type { TenantDb } from "@mentoring/db";
import { attendanceItem } from "../records/attendance-item";
import { requireCohort } from "../records/certificate-cohort";

/**
 * The coordinator's attendance sheet of a cohort: the items that take attendance or sign-ups, and for the
 * chosen one (the next to come by default) everyone expected, present, absent or not yet marked, and how,
 * and for an event that takes sign-ups who signed up (signed up against attended).
 */
export async function getItemAttendance(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; itemId: string | null; now: Date },
) {
  const { tenantId, cohortId, now } = input;
  const cohort = await requireCohort(tx, tenantId, cohortId);
  const items = await tx.calendarItem.findMany({
    where: { tenantId, cohortId, OR: [{ attendance: true }, { signUp: true }], kind: { not: "assignment" } },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, titleEn: true, startsAt: true },
  });
  const chosenId =
    input.itemId ??
    items.find((item) => (item.startsAt ?? now) >= new Date(now.getTime() - 86_400_000))?.id ??
    items.at(-1)?.id ??
    null;
  if (!chosenId) return { cohort, items, sheet: null };
  const { item, expected } = await attendanceItem(tx, tenantId, chosenId, cohortId, { orSignUp: true });
  const [marked, signups] = await Promise.all([
    tx.attendance.findMany({
      where: { tenantId, itemId: item.id },
      select: { applicationId: true, present: true, method: true },
    }),
    item.signUp
      ? tx.eventSignup.findMany({ where: { tenantId, itemId: item.id }, select: { applicationId: true } })
      : Promise.resolve([]),
  ]);
  const byApplication = new Map(marked.map((row) => [row.applicationId, row]));
  const signedUp = new Set(signups.map((row) => row.applicationId));
  const people = expected.map((person) => ({
    ...person,
    present: byApplication.get(person.applicationId)?.present ?? null,
    method: byApplication.get(person.applicationId)?.method ?? null,
    signedUp: signedUp.has(person.applicationId),
  }));
  // At an event that takes sign-ups, those who signed up are expected (and anyone who came anyway),
  // not everyone the event is open to.
  const counted = item.signUp
    ? people.filter((person) => person.signedUp || person.present === true)
    : people;
  return {
    cohort,
    items,
    sheet: {
      item,
      signUps: item.signUp ? { taken: signedUp.size, capacity: item.capacity } : null,
      people,
      summary: {
        present: people.filter((person) => person.present === true).length,
        expected: counted.length,
      },
    },
  };
}

export type ItemAttendance = Awaited<ReturnType<typeof getItemAttendance>>;
