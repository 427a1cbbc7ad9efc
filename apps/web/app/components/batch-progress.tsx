import type { WorkFailureCode } from "@mentoring/domain";
import { useTranslation } from "react-i18next";

/** A certificate batch's generation progress while it runs, and its failure, in words, if it failed. */
export function BatchProgress({
  status,
  progress,
  failureCode,
  failureId,
}: {
  status: string;
  progress: number;
  failureCode: WorkFailureCode | null;
  /** The failure message's id, for the button that tries again to name it as its description. */
  failureId?: string;
}) {
  const { t } = useTranslation();
  if (status === "generating")
    return (
      <div className="completion" role="status">
        <progress max={100} value={progress} aria-label={t("certificates.batch.progress")} />
        <p>{t("certificates.batch.progressText", { percent: progress })}</p>
      </div>
    );
  if (status === "failed")
    return (
      <p id={failureId} role="alert" className="form-error" data-testid="batch-failure">
        {failureCode ? t(`certificates.batch.failure.${failureCode}`) : t("certificates.batch.failed")}
      </p>
    );
  return null;
}
