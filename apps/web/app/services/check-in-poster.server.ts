import { qrImageDataUrl } from "@mentoring/certificates";
import type { Config } from "@mentoring/config";
import type { Locale } from "@mentoring/i18n";
import { type CheckInTarget, issueCheckInCode, tenantToday } from "@mentoring/programs";
import { formatDateTime } from "./format.server";
import type { TenantAccess } from "./guard.server";

/**
 * What a coordinator shows the room so participants check themselves in: a freshly signed check-in link
 * (`path` under the tenant, the code in its query), its QR code, and until when it works, as the page says it:
 * the time, and the day as well when the code outlives today (a code shown at 23:55).
 */
export async function checkInPoster({
  config,
  tenant,
  locale,
  target,
  path,
  now,
}: {
  config: Pick<Config, "SESSION_SECRET" | "APP_URL">;
  tenant: Pick<TenantAccess["tenant"], "id" | "slug" | "timeZone">;
  locale: Locale;
  target: CheckInTarget;
  path: string;
  now: Date;
}) {
  const checkIn = issueCheckInCode({
    secret: config.SESSION_SECRET,
    tenantId: tenant.id,
    now,
    ...target,
  });
  const url = `${config.APP_URL}/${tenant.slug}/${path}?code=${encodeURIComponent(checkIn.code)}`;
  return {
    image: await qrImageDataUrl(url),
    url,
    until: formatDateTime(
      checkIn.until,
      locale,
      tenant.timeZone,
      tenantToday(tenant.timeZone, checkIn.until) === tenantToday(tenant.timeZone, now)
        ? { timeStyle: "short" }
        : { dateStyle: "medium", timeStyle: "short" },
    ),
  };
}

export type CheckInPosterData = Awaited<ReturnType<typeof checkInPoster>>;
