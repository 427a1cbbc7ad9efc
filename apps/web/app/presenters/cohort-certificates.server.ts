import { calendarDateIn } from "@mentoring/domain";
import type { getCohortCertificates } from "@mentoring/programs";
import { formatClock, formatDateTime } from "../services/format.server";
import { presentCertificateBatch } from "./certificate-batch.server";

/**
 * The coordinator's ceremony and certificates page: the ceremony's time both as the form's values (a date
 * and a 24-hour time in the tenant's zone) and as a sentence, and the batches' times worded.
 */
export function presentCohortCertificates(
  page: Awaited<ReturnType<typeof getCohortCertificates>>,
  locale: string,
  timeZone: string,
) {
  const { cohort, ceremony, batches } = page;
  return {
    cohort,
    ceremony: ceremony
      ? {
          date: calendarDateIn(ceremony.startsAt, timeZone),
          time: formatClock(ceremony.startsAt, "en-GB", timeZone),
          when: formatDateTime(ceremony.startsAt, locale, timeZone, {
            dateStyle: "long",
            timeStyle: "short",
          }),
          place: ceremony.place,
          programme: ceremony.programme,
          gift: ceremony.gift,
          attendance: ceremony.attendance,
        }
      : null,
    batches: batches.map((batch) => presentCertificateBatch(batch, locale, timeZone)),
  };
}
