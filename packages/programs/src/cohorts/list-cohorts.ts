import type { TenantDb } from "@mentoring/db";
import type { CalendarDate, CohortStatus } from "@mentoring/domain";
import { dayOf } from "../records/cohort-record";

/** A cohort as the programs page lists it. */
export interface CohortSummary {
  id: string;
  templateId: string;
  templateName: string;
  number: number;
  title: string;
  status: CohortStatus;
  recruitmentStart: CalendarDate;
  recruitmentEnd: CalendarDate;
  orientation: CalendarDate;
  close: CalendarDate;
}

/** The tenant's cohorts, the latest recruitment first. */
export async function listCohorts(
  tx: TenantDb,
  { tenantId }: { tenantId: string },
): Promise<CohortSummary[]> {
  const cohorts = await tx.cohort.findMany({
    where: { tenantId },
    orderBy: [{ recruitmentStart: "desc" }, { number: "desc" }],
    select: {
      id: true,
      templateId: true,
      number: true,
      title: true,
      status: true,
      recruitmentStart: true,
      recruitmentEnd: true,
      orientation: true,
      close: true,
      template: { select: { name: true } },
    },
  });
  return cohorts.map((cohort) => ({
    id: cohort.id,
    templateId: cohort.templateId,
    templateName: cohort.template.name,
    number: cohort.number,
    title: cohort.title,
    status: cohort.status,
    recruitmentStart: dayOf(cohort.recruitmentStart),
    recruitmentEnd: dayOf(cohort.recruitmentEnd),
    orientation: dayOf(cohort.orientation),
    close: dayOf(cohort.close),
  }));
}
