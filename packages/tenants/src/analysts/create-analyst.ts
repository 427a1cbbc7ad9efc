import { hashToken, newToken } from "@mentoring/auth";
import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import type { Locale } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import { z } from "zod";
import { recordPlatformAudit } from "../records/platform-audit";

/** How long the link that sets a new analyst's first password can be used. */
export const ANALYST_LINK_DAYS = 7;

/** The operator's form for a new analyst; messages are i18n keys. */
export const analystForm = z.object({
  name: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
  email: z
    .string({ required_error: "form.required" })
    .trim()
    .toLowerCase()
    .email("form.invalidEmail")
    .max(254),
  agency: z.string({ required_error: "form.required" }).trim().min(1, "form.required").max(100),
});

export type AnalystInput = z.output<typeof analystForm>;

/**
 * Creates a national insights analyst's account (platform role insights_analyst, no password yet) and mails
 * them a one-time link to set their password (the password reset page, valid ANALYST_LINK_DAYS), with a row
 * in the platform's audit log, in one transaction. An address that already has an account is refused:
 * an analyst is never also a member of an organisation.
 */
export async function createAnalyst(
  db: Database,
  input: {
    form: AnalystInput;
    operatorId: string;
    locale: Locale;
    appUrl: string;
    requestId: string;
    now?: Date;
  },
): Promise<{ id: string; email: string }> {
  const { form, operatorId, locale, appUrl, requestId, now = new Date() } = input;
  const email = form.email.toLowerCase();
  if (await db.platform.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError("insights.analyst_email_taken", { email });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ANALYST_LINK_DAYS * 24 * 3600_000);
  return db.platform.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, displayName: form.name, agency: form.agency, platformRole: "insights_analyst", locale },
      select: { id: true, email: true },
    });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt } });
    await queueEmail(tx, {
      to: email,
      locale,
      message: {
        kind: "analyst_invitation",
        name: form.name,
        agency: form.agency,
        link: new URL(`/password/reset/${token}`, appUrl).toString(),
        expiresAt,
        timeZone: "Asia/Seoul",
      },
    });
    await recordPlatformAudit(tx, {
      actorUserId: operatorId,
      action: "analyst.create",
      entityType: "user",
      entityId: user.id,
      after: { email, name: form.name, agency: form.agency },
      requestId,
    });
    return user;
  });
}
