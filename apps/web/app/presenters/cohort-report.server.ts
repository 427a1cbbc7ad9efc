import { type WorkFailureCode, workFailureCodes } from "@mentoring/domain";
import type { CohortReportRunView } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/**
 * The cohort's report page: the latest run with its progress while it is made, its failure as a code the
 * page words, when it was made, and its files' addresses once ready.
 */
export function presentCohortReport(
  view: { cohort: { id: string; title: string }; run: CohortReportRunView | null },
  options: { locale: string; timeZone: string; base: string },
) {
  const { run } = view;
  const failureCode = (workFailureCodes as readonly string[]).includes(run?.failureCode ?? "")
    ? (run?.failureCode as WorkFailureCode)
    : null;
  return {
    cohort: view.cohort,
    run: run && {
      id: run.id,
      status: run.status,
      progress: run.progress,
      failureCode,
      madeAt: run.finishedAt ? formatDateTime(run.finishedAt, options.locale, options.timeZone) : null,
      files:
        run.status === "ready"
          ? { pdf: `${options.base}/report/${run.id}/pdf`, xlsx: `${options.base}/report/${run.id}/xlsx` }
          : null,
    },
  };
}
