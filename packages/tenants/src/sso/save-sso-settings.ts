import { encryptSecret } from "@mentoring/auth";
import { type Database, recordAudit, type SsoConfig } from "@mentoring/db";
import { AppError, appErrors } from "@mentoring/domain";
import { z } from "zod";
import {
  DEFAULT_EMPLOYEE_NUMBER_CLAIM,
  isLoopbackUrl,
  matchByValues,
  openClientSecret,
  secretContext,
} from "../records/sso-config";

function urlOrNull(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * One schema for the admin form and its action. Messages are i18n keys. An empty field comes as absent
 * (conform), and an unticked box not at all.
 */
export const ssoSettingsForm = z.object({
  issuer: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .max(500, "sso.form.tooLong")
    .url("sso.form.invalidIssuer")
    .refine((value) => {
      const url = urlOrNull(value);
      return !url || (url.search === "" && url.hash === "" && /^https?:$/.test(url.protocol));
    }, "sso.form.invalidIssuer")
    .refine((value) => {
      // Plain http only for a provider on this machine; other malformed values are reported above.
      const url = urlOrNull(value);
      if (!url) return true;
      return url.protocol !== "http:" || isLoopbackUrl(url);
    }, "sso.form.issuerHttps"),
  clientId: z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .max(255, "sso.form.tooLong"),
  /** Blank keeps the stored secret. */
  clientSecret: z
    .string()
    .max(1000, "sso.form.tooLong")
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined)),
  matchBy: z.enum(matchByValues, { message: "form.required" }),
  employeeNumberClaim: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || DEFAULT_EMPLOYEE_NUMBER_CLAIM)
    .pipe(
      z
        .string()
        .max(100, "sso.form.tooLong")
        .regex(/^[A-Za-z0-9_.:-]+$/, "sso.form.invalidClaim"),
    ),
  enabled: z.boolean().default(false),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsForm>;

/**
 * Asks the provider at `issuer` for its configuration with these client credentials, and answers the
 * issuer as the provider names itself; throws when it cannot be read. The protocol is the caller's.
 */
export type SsoProviderCheck = (issuer: string, clientId: string, clientSecret: string) => Promise<string>;

/** The settings as the audit log keeps them: never the secret. */
function auditedFields(row: SsoConfig) {
  const { issuer, clientId, matchBy, employeeNumberClaim, enabled } = row;
  return { issuer, clientId, matchBy, employeeNumberClaim, enabled };
}

/**
 * Saves a tenant's SSO settings once the provider has answered for them (`checkProvider`), with an audit row
 * in the same transaction (the secret never appears in it: only whether it changed). A blank secret keeps
 * the stored one; with none stored it is refused (sso.secret_required), and a provider that does not
 * answer is refused (sso.discovery_failed). The provider is asked outside any transaction.
 */
export async function saveSsoSettings(
  db: Database,
  input: {
    tenantId: string;
    actorUserId: string;
    form: SsoSettingsInput;
    requestId: string;
    encryptionKey: string;
    checkProvider: SsoProviderCheck;
  },
): Promise<void> {
  const { tenantId, actorUserId, form, requestId, encryptionKey, checkProvider } = input;
  const existing = await db.withTenant(tenantId, (tx) => tx.ssoConfig.findUnique({ where: { tenantId } }));
  const secret = form.clientSecret ?? openClientSecret(existing, encryptionKey);
  if (!secret) {
    // Named by field, so that a form shows it beside the secret.
    const message = appErrors["sso.secret_required"].message;
    throw new AppError(
      "sso.secret_required",
      {},
      { fields: [{ path: "clientSecret", message, params: {} }] },
    );
  }

  let issuer: string;
  try {
    issuer = await checkProvider(form.issuer, form.clientId, secret);
  } catch {
    throw new AppError("sso.discovery_failed");
  }

  const fields = {
    issuer,
    clientId: form.clientId,
    matchBy: form.matchBy,
    employeeNumberClaim: form.employeeNumberClaim,
    enabled: form.enabled,
  };
  const clientSecretEncrypted = form.clientSecret
    ? encryptSecret(form.clientSecret, encryptionKey, secretContext(tenantId))
    : (existing?.clientSecretEncrypted as string);
  await db.withTenant(tenantId, async (tx) => {
    const row = await tx.ssoConfig.upsert({
      where: { tenantId },
      create: { tenantId, ...fields, clientSecretEncrypted },
      update: { ...fields, clientSecretEncrypted },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId,
      action: existing ? "sso_config.update" : "sso_config.create",
      entityType: "sso_config",
      entityId: row.id,
      ...(existing ? { before: auditedFields(existing) } : {}),
      after: { ...fields, clientSecretChanged: form.clientSecret !== undefined },
      requestId,
    });
  });
}
