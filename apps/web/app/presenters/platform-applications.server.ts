import type { listPendingApplications } from "@mentoring/tenants";
import { formatDateTime } from "../services/format.server";

type Applications = Awaited<ReturnType<typeof listPendingApplications>>;

/** Applications as the operator reviews them, each with the day it came in. */
export function presentApplications(applications: Applications, locale: string) {
  // The operator works on Korean time, whatever the organisation's zone.
  return applications.map((application) => ({
    ...application,
    receivedOn: formatDateTime(application.createdAt, locale, "Asia/Seoul", { dateStyle: "medium" }),
  }));
}
