import { LocalFileStorage } from "@mentoring/certificates";
import {
  type AppErrorCode,
  calendarDateIn,
  instantAt,
  isAppError,
  parseCalendarDate,
} from "@mentoring/domain";
import {
  applicationsOf,
  type CertificateBatchView,
  type CertificateRow,
  getCeremony,
  getCertificateArchive,
  getCertificateBatch,
  getCertificateDownload,
  listBatchesForSigning,
  listCertificateBatches,
  listMyCertificates,
  loadCohort,
  prepareCertificateBatch,
  recordAttendance,
  revokeCertificate,
  saveCeremony,
  signCertificateBatch,
  tenantToday,
  verifySerial,
} from "@mentoring/programs";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { z } from "zod";
import { formatClock, formatDateTime } from "./format.server";
import { notFound, type TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

/*
 * The ceremony and certificate pages' server side: the coordinator's ceremony, attendance and batches, the
 * executive's signing, a participant's own certificates, the files, and the public check of a serial.
 * Every date-time leaves here as text formatted on the server.
 */

type Tenant = TenantAccess["tenant"];

export const idSchema = z.string().uuid();

/** A refusal from the programs package as the page shows it: not found as a 404, others as a message key. */
function refusalOf(error: unknown): { error: string; params: Record<string, string | number> } {
  if (isAppError(error)) {
    if (error.status === 404) throw notFound();
    return { error: error.messageKey, params: stringParams(error.params) };
  }
  throw error;
}

function stringParams(params: unknown): Record<string, string | number> {
  if (typeof params !== "object" || params === null) return {};
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" || typeof value === "number") out[key] = value;
  }
  return out;
}

function rowView(row: CertificateRow, locale: string, timeZone: string) {
  return {
    ...row,
    revokedAt: row.revokedAt ? formatDateTime(row.revokedAt, locale, timeZone) : null,
  };
}

function batchView(batch: CertificateBatchView, locale: string, timeZone: string) {
  return {
    ...batch,
    signedAt: batch.signedAt ? formatDateTime(batch.signedAt, locale, timeZone) : null,
    certificates: batch.certificates.map((row) => rowView(row, locale, timeZone)),
  };
}

export type BatchPageView = ReturnType<typeof batchView>;

/** The coordinator's page: the ceremony (with its attendance) and the cohort's certificate batches. */
export async function cohortCertificates(
  services: Services,
  { tenant, cohortId, locale }: { tenant: Tenant; cohortId: string; locale: string },
) {
  const found = await services.db
    .withTenant(tenant.id, async (tx) => {
      const record = await loadCohort(tx, tenant.id, cohortId);
      const ceremony = await getCeremony(tx, { tenantId: tenant.id, cohortId });
      const batches = await listCertificateBatches(tx, { tenantId: tenant.id, cohortId });
      return { cohort: { id: record.cohort.id, title: record.cohort.title }, ceremony, batches };
    })
    .catch(refusalOf);
  if (!("cohort" in found)) throw notFound();
  const { ceremony } = found;
  return {
    cohort: found.cohort,
    ceremony: ceremony
      ? {
          date: calendarDateIn(ceremony.startsAt, tenant.timeZone),
          time: formatClock(ceremony.startsAt, "en-GB", tenant.timeZone),
          when: formatDateTime(ceremony.startsAt, locale, tenant.timeZone, {
            dateStyle: "long",
            timeStyle: "short",
          }),
          place: ceremony.place,
          programme: ceremony.programme,
          gift: ceremony.gift,
          attendance: ceremony.attendance,
        }
      : null,
    batches: found.batches.map((batch) => batchView(batch, locale, tenant.timeZone)),
  };
}

const ceremonyFormSchema = z.object({
  date: z.string().trim(),
  time: z.string().trim(),
  place: z.string().default(""),
  programme: z.string().default(""),
  gift: z.string().default(""),
});

const attendanceFormSchema = z.object({
  applicationId: idSchema,
  present: z.enum(["true", "false"]),
});

const revokeFormSchema = z.object({ certificateId: idSchema, reason: z.string().default("") });

/** Which field of the ceremony form a refusal is about, to show the message beside it. */
const ceremonyFieldOf: Partial<Record<AppErrorCode, string>> = {
  "certificate.starts_at_invalid": "date",
  "certificate.place_required": "place",
  "certificate.place_too_long": "place",
  "certificate.programme_too_long": "programme",
  "certificate.gift_too_long": "gift",
};

export type CoordinatorResult =
  | { intent: "ceremony"; saved: true }
  | { intent: "ceremony"; error: string; params: Record<string, string | number>; field: string | null }
  | { intent: "attendance"; applicationId: string; saved: true }
  | { intent: "attendance"; applicationId: string; error: string; params: Record<string, string | number> }
  | { intent: "prepare"; prepared: true; batchId: string }
  | { intent: "prepare"; error: string; params: Record<string, string | number> }
  | { intent: "revoke"; certificateId: string; revoked: true }
  | { intent: "revoke"; certificateId: string; error: string; params: Record<string, string | number> };

/** The coordinator's changes: the ceremony, one person's attendance, preparing a batch, revoking. */
export async function coordinateCertificates(
  services: Services,
  input: {
    tenant: Tenant;
    cohortId: string;
    form: FormData;
    actorUserId: string;
    requestId: string;
  },
): Promise<CoordinatorResult> {
  const { tenant, cohortId, form, actorUserId, requestId } = input;
  const fields = Object.fromEntries(form);
  const tenantId = tenant.id;
  switch (fields.intent) {
    case "ceremony": {
      const parsed = ceremonyFormSchema.safeParse(fields);
      if (!parsed.success) throw new Response(null, { status: 400 });
      const { date, time, place, programme, gift } = parsed.data;
      if (!parseCalendarDate(date))
        return { intent: "ceremony", error: "certificates.error.dateRequired", params: {}, field: "date" };
      const startsAt = instantAt(date, time, tenant.timeZone);
      if (!startsAt)
        return { intent: "ceremony", error: "certificates.error.timeRequired", params: {}, field: "time" };
      try {
        await services.db.withTenant(tenantId, (tx) =>
          saveCeremony(tx, { tenantId, cohortId, startsAt, place, programme, gift, actorUserId, requestId }),
        );
        return { intent: "ceremony", saved: true };
      } catch (error) {
        const refusal = refusalOf(error);
        const field = isAppError(error) ? ceremonyFieldOf[error.code] : undefined;
        return { intent: "ceremony", ...refusal, field: field ?? null };
      }
    }
    case "attendance": {
      const parsed = attendanceFormSchema.safeParse(fields);
      if (!parsed.success) throw new Response(null, { status: 400 });
      const { applicationId } = parsed.data;
      try {
        await services.db.withTenant(tenantId, (tx) =>
          recordAttendance(tx, {
            tenantId,
            cohortId,
            applicationId,
            present: parsed.data.present === "true",
            actorUserId,
            requestId,
          }),
        );
        return { intent: "attendance", applicationId, saved: true };
      } catch (error) {
        return { intent: "attendance", applicationId, ...refusalOf(error) };
      }
    }
    case "prepare": {
      try {
        const { batchId } = await services.db.withTenant(tenantId, (tx) =>
          prepareCertificateBatch(tx, {
            tenantId,
            cohortId,
            actorUserId,
            requestId,
            today: tenantToday(tenant.timeZone),
          }),
        );
        return { intent: "prepare", prepared: true, batchId };
      } catch (error) {
        return { intent: "prepare", ...refusalOf(error) };
      }
    }
    case "revoke": {
      const parsed = revokeFormSchema.safeParse(fields);
      if (!parsed.success) throw new Response(null, { status: 400 });
      const { certificateId, reason } = parsed.data;
      try {
        await services.db.withTenant(tenantId, (tx) =>
          revokeCertificate(tx, { tenantId, cohortId, certificateId, reason, actorUserId, requestId }),
        );
        return { intent: "revoke", certificateId, revoked: true };
      } catch (error) {
        return { intent: "revoke", certificateId, ...refusalOf(error) };
      }
    }
    default:
      throw new Response(null, { status: 400 });
  }
}

/** The executive's list: batches waiting for a signature first, then signed ones. */
export async function batchesToSign(
  services: Services,
  { tenant, locale }: { tenant: Tenant; locale: string },
) {
  const batches = await services.db.withTenant(tenant.id, (tx) =>
    listBatchesForSigning(tx, { tenantId: tenant.id }),
  );
  return batches.map((batch) => batchView(batch, locale, tenant.timeZone));
}

/** One batch for the executive's review. */
export async function batchForSigning(
  services: Services,
  { tenant, batchId, locale }: { tenant: Tenant; batchId: string; locale: string },
) {
  const found = await services.db
    .withTenant(tenant.id, async (tx) => ({
      batch: await getCertificateBatch(tx, { tenantId: tenant.id, batchId }),
    }))
    .catch(refusalOf);
  if (!("batch" in found)) throw notFound();
  return batchView(found.batch, locale, tenant.timeZone);
}

export type SignResult = { signed: true } | { error: string; params: Record<string, string | number> };

/** The executive signs the batch after confirming it; the files are made by the worker. */
export async function signBatch(
  services: Services,
  input: { tenant: Tenant; batchId: string; confirmed: boolean; actorUserId: string; requestId: string },
): Promise<SignResult> {
  const { tenant, batchId, actorUserId, requestId } = input;
  if (!input.confirmed) return { error: "certificates.error.confirmRequired", params: {} };
  try {
    await services.db.withTenant(tenant.id, async (tx) => {
      const batch = await getCertificateBatch(tx, { tenantId: tenant.id, batchId });
      await signCertificateBatch(tx, {
        tenantId: tenant.id,
        cohortId: batch.cohortId,
        batchId,
        actorUserId,
        requestId,
        encryptionKey: services.config.DATA_ENCRYPTION_KEY,
        now: new Date(),
      });
    });
    return { signed: true };
  } catch (error) {
    return refusalOf(error);
  }
}

/** A participant's page: the ceremonies of the cohorts they were accepted into, and their certificates. */
export async function participantCertificates(
  services: Services,
  { tenant, staffMemberId, locale }: { tenant: Tenant; staffMemberId: string | null; locale: string },
) {
  if (!staffMemberId) return { ceremonies: [], certificates: [] };
  const found = await services.db.withTenant(tenant.id, async (tx) => {
    const applications = await applicationsOf(tx, tenant.id, staffMemberId);
    const accepted = applications.filter((application) => application.status === "accepted");
    const ceremonies = [];
    for (const application of accepted) {
      const ceremony = await getCeremony(tx, { tenantId: tenant.id, cohortId: application.cohortId });
      if (!ceremony) continue;
      const own = ceremony.attendance.find((row) => row.applicationId === application.applicationId);
      ceremonies.push({
        cohortId: application.cohortId,
        cohortTitle: application.cohortTitle,
        startsAt: ceremony.startsAt,
        place: ceremony.place,
        programme: ceremony.programme,
        gift: ceremony.gift,
        present: own?.present ?? null,
      });
    }
    const certificates = await listMyCertificates(tx, { tenantId: tenant.id, staffMemberId });
    return { ceremonies, certificates };
  });
  return {
    ceremonies: found.ceremonies.map(({ startsAt, ...ceremony }) => ({
      ...ceremony,
      when: formatDateTime(startsAt, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
    })),
    certificates: found.certificates.map((row) => ({
      ...rowView(row, locale, tenant.timeZone),
      cohortTitle: row.cohortTitle,
    })),
  };
}

/** A stored file as a download response that is never cached. */
async function fileResponse(
  services: Services,
  file: { storageKey: string; fileName: string },
  type: string,
) {
  const storage = new LocalFileStorage(services.config.STORAGE_DIR);
  const stream = await storage.stream(file.storageKey);
  if (!stream) throw notFound();
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * One certificate's PDF: a coordinator (programs.manage) may fetch any of the tenant's; anyone else only
 * their own team's, not revoked. Anything else is a 404.
 */
export async function certificatePdf(
  services: Services,
  input: { tenant: Tenant; certificateId: string; staffMemberId: string | null; anyOfTenant: boolean },
): Promise<Response> {
  const { tenant, certificateId } = input;
  if (!input.anyOfTenant && !input.staffMemberId) throw notFound();
  const file = await services.db.withTenant(tenant.id, (tx) =>
    getCertificateDownload(tx, {
      tenantId: tenant.id,
      certificateId,
      staffMemberId: input.anyOfTenant ? null : input.staffMemberId,
    }),
  );
  if (!file) throw notFound();
  return fileResponse(services, file, "application/pdf");
}

/** A ready batch's ZIP of every certificate. */
export async function batchArchive(
  services: Services,
  { tenant, cohortId, batchId }: { tenant: Tenant; cohortId: string; batchId: string },
): Promise<Response> {
  const file = await services.db.withTenant(tenant.id, (tx) =>
    getCertificateArchive(tx, { tenantId: tenant.id, cohortId, batchId }),
  );
  if (!file) throw notFound();
  return fileResponse(services, file, "application/zip");
}

/** The public check: what the certificate states and whether it holds, with the revocation formatted. */
export async function publicVerification(
  services: Services,
  { serial, locale }: { serial: string; locale: string },
) {
  const verification = await verifySerial(services.db, serial);
  if (verification.status === "not_found") return verification;
  return {
    ...verification,
    revokedAt: verification.revokedAt
      ? formatDateTime(verification.revokedAt, locale, "Asia/Seoul", { dateStyle: "long" })
      : null,
  };
}
