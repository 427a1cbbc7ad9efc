import type { TenantDb } from "@mentoring/db";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import type { CohortRecord } from "./cohort-record";

/** Who acts, and how to reach the applicant afterwards. */
export interface Acting {
  tenantId: string;
  actorUserId: string | null;
  requestId?: string;
  now: Date;
  /** The web app's address: mails link to the announcement page. */
  appUrl: string;
}

type DecisionOutcome = "accepted" | "waitlisted" | "promoted" | "rejected";

/**
 * Tells the applicant what became of their application, in their account's language (the tenant's when
 * they have no account). People without an e-mail address in the directory are not mailed.
 */
export async function mailDecision(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  staff: { id: string; name: string; email: string | null },
  outcome: DecisionOutcome,
  waitlistPosition?: number,
) {
  if (!staff.email) return;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: acting.tenantId },
    select: { slug: true, name: true, nameEn: true, locale: true },
  });
  const account = await tx.membership.findFirst({
    where: { tenantId: acting.tenantId, staffMemberId: staff.id },
    select: { user: { select: { locale: true } } },
  });
  const preferred = account?.user.locale ?? tenant.locale;
  const locale: Locale = (supportedLocales as readonly string[]).includes(preferred)
    ? (preferred as Locale)
    : defaultLocale;
  await queueEmail(tx, {
    to: staff.email,
    locale,
    message: {
      kind: "application_decision",
      name: staff.name,
      tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
      cohortTitle: record.cohort.title,
      outcome,
      ...(waitlistPosition !== undefined && { waitlistPosition }),
      link: new URL(`/${tenant.slug}/recruiting/${record.cohort.id}`, acting.appUrl).toString(),
    },
  });
}
