import { qrImageDataUrl } from "@mentoring/certificates";
import type { Locale } from "@mentoring/i18n";
import { type CheckInTarget, issueCheckInCode } from "@mentoring/programs";
import { formatDateTime } from "./format.server";
import type { TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

/**
 * What a coordinator shows the room so participants check themselves in: a freshly signed check-in link
 * (`path` under the tenant, the code in its query), its QR code, and until when it works, as the page says it.
 */
export async function checkInPoster({
  services,
  tenant,
  locale,
  target,
  path,
  now,
}: {
  services: Services;
  tenant: Pick<TenantAccess["tenant"], "id" | "slug" | "timeZone">;
  locale: Locale;
  target: CheckInTarget;
  path: string;
  now: Date;
}) {
  const checkIn = issueCheckInCode({
    secret: services.config.SESSION_SECRET,
    tenantId: tenant.id,
    now,
    ...target,
  });
  const url = `${services.config.APP_URL}/${tenant.slug}/${path}?code=${encodeURIComponent(checkIn.code)}`;
  return {
    image: await qrImageDataUrl(url),
    url,
    until: formatDateTime(checkIn.until, locale, tenant.timeZone, { timeStyle: "short" }),
  };
}

export type CheckInPosterData = Awaited<ReturnType<typeof checkInPoster>>;
