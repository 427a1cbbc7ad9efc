import type { TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  applicationRoles,
  type CalendarDate,
  type CohortSchedule,
  type CohortStatus,
  nextStatus,
  type ProgramKind,
  type TransitionProblem,
  transitionProblems,
} from "@mentoring/domain";
import { loadCohort } from "../records/cohort-record";
import { transitionFacts } from "../records/transition-facts";

export interface CohortOverview {
  id: string;
  templateId: string;
  templateName: string;
  templateVersion: number;
  kind: ProgramKind;
  number: number;
  title: string;
  status: CohortStatus;
  statusChangedAt: Date;
  schedule: CohortSchedule;
  quotas: Record<ApplicationRole, number>;
  /** Applications per role: accepted and waitlisted. */
  applications: Record<ApplicationRole, { accepted: number; waitlisted: number }>;
  /** The next status and what stands in its way today; null for a closed cohort. */
  next: { to: Exclude<CohortStatus, "draft">; problems: TransitionProblem[] } | null;
}

/** What the cohort's overview page shows. Not found (404) when the cohort is not the tenant's. */
export async function getCohortOverview(
  tx: TenantDb,
  { tenantId, cohortId, today }: { tenantId: string; cohortId: string; today: CalendarDate },
): Promise<CohortOverview> {
  const record = await loadCohort(tx, tenantId, cohortId);
  const { cohort } = record;
  const [template, counts, facts] = await Promise.all([
    tx.programTemplate.findFirstOrThrow({
      where: { tenantId, id: cohort.templateId },
      select: { name: true },
    }),
    tx.application.groupBy({
      by: ["role", "status"],
      where: { tenantId, cohortId, status: { in: ["accepted", "waitlisted"] } },
      _count: { _all: true },
    }),
    transitionFacts(tx, tenantId, cohortId, today, record.definition.questionSets, record.definition.kind),
  ]);
  const applications = Object.fromEntries(
    applicationRoles.map((role) => {
      const count = (status: string) =>
        counts.find((row) => row.role === role && row.status === status)?._count._all ?? 0;
      return [role, { accepted: count("accepted"), waitlisted: count("waitlisted") }];
    }),
  ) as CohortOverview["applications"];
  const to = nextStatus(cohort.status, record.definition.kind);
  return {
    id: cohort.id,
    templateId: cohort.templateId,
    templateName: template.name,
    templateVersion: record.templateVersion,
    kind: record.definition.kind,
    number: cohort.number,
    title: cohort.title,
    status: cohort.status,
    statusChangedAt: cohort.statusChangedAt,
    schedule: record.schedule,
    quotas: { mentor: cohort.quotaMentor, mentee: cohort.quotaMentee },
    applications,
    next:
      to === null ? null : { to, problems: transitionProblems(cohort.status, to, record.schedule, facts) },
  };
}
