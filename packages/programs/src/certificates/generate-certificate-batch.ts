import { certificateContentSchema, generateCertificates, openSigningKey } from "@mentoring/certificates";
import { config } from "@mentoring/config";
import type { Database } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { LocalFileStorage } from "@mentoring/storage";
import { UUID } from "../records/certificate-cohort";
import { awardDesignOf, designOf } from "../records/certificate-content";
import { announceCertificates } from "../records/certificate-mail";
import { loadCohort } from "../records/cohort-record";

/** How often, at most, progress is written to the batch row. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * The worker's part: renders and stores every PDF and the ZIP, reporting progress. Idempotent: files whose
 * stored hash matches are not rendered again, so a rerun after a fix renders only what changed. An unsigned
 * batch is left alone. On failure the batch is marked failed with the reason and the error rethrown; a
 * shutdown (signal) leaves it generating for the retry. A batch that is not the tenant's (or was never made)
 * is certificate.batch_not_found: the job cannot succeed by retrying. When the files are there, every member
 * of a certified team is told (in the app and by mail), once per certificate.
 */
export async function generateCertificateBatch(
  db: Database,
  input: {
    tenantId: string;
    batchId: string;
    storageDir: string;
    appUrl: string;
    /** DATA_ENCRYPTION_KEY; defaults to the configured one. */
    encryptionKey?: string;
  },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<void> {
  const { tenantId, batchId, storageDir, appUrl } = input;
  if (!UUID.test(batchId)) throw new AppError("certificate.batch_not_found", { batchId });
  const loaded = await db.withTenant(tenantId, async (tx) => {
    const batch = await tx.certificateBatch.findFirst({
      where: { tenantId, id: batchId },
      select: {
        id: true,
        cohortId: true,
        kind: true,
        status: true,
        signerName: true,
        signerTitle: true,
        certificates: {
          where: { tenantId },
          orderBy: { serial: "asc" },
          select: { id: true, serial: true, content: true, signature: true, keyId: true, contentHash: true },
        },
      },
    });
    if (!batch) return null;
    if (batch.status === "draft") return { batch, record: null, key: null, images: null };
    const record = await loadCohort(tx, tenantId, batch.cohortId);
    const keyIds = [...new Set(batch.certificates.map((certificate) => certificate.keyId))];
    const keyId = keyIds[0];
    if (keyIds.length !== 1 || typeof keyId !== "string")
      throw new Error(`certificate batch ${batchId} is not signed with one key`);
    const key = await tx.signingKey.findFirst({
      where: { tenantId, keyId },
      select: { keyId: true, publicKey: true, sealedPrivateKey: true },
    });
    if (!key) throw new Error(`signing key ${keyId} of tenant ${tenantId} is missing`);
    // tenants is a platform table, readable in the tenant's transaction: where its logo and seal are kept.
    const images = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { logoKey: true, sealKey: true },
    });
    if (batch.status !== "generating")
      await tx.certificateBatch.update({
        where: { id: batch.id },
        data: { status: "generating", error: null, failureCode: null },
      });
    return { batch, record, key, images };
  });
  if (!loaded) throw new AppError("certificate.batch_not_found", { batchId });
  const { batch, record, key, images } = loaded;
  if (!record || !key || !images) return;

  let lastWritten = 0;
  let lastPercent = -1;
  let reporting: Promise<unknown> = Promise.resolve();
  const report = (percent: number, force = false) => {
    const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
    if (rounded === lastPercent && !force) return;
    const now = Date.now();
    if (!force && now - lastWritten < PROGRESS_INTERVAL_MS) return;
    lastWritten = now;
    lastPercent = rounded;
    reporting = reporting.then(async () => {
      await db.withTenant(tenantId, (tx) =>
        tx.certificateBatch.updateMany({ where: { tenantId, id: batchId }, data: { progress: rounded } }),
      );
      await options.onProgress?.(rounded);
    });
  };

  try {
    const encryptionKey = input.encryptionKey ?? config().DATA_ENCRYPTION_KEY;
    const privateKey = openSigningKey(key, tenantId, encryptionKey);
    const storage = new LocalFileStorage(storageDir);
    // The tenant's images are part of the design: a new seal changes its fingerprint, so every PDF is redone.
    const image = async (name: string, imageKey: string | null) => {
      if (!imageKey) return null;
      const bytes = await storage.get(imageKey);
      if (!bytes) throw new Error(`the tenant's ${name} (${imageKey}) is missing from storage`);
      return bytes;
    };
    // An award batch (표창장) is worded as an award; its winners were told when it was approved.
    const designFor = batch.kind === "award" ? awardDesignOf : designOf;
    const design = designFor(
      record.definition,
      { name: batch.signerName, title: batch.signerTitle },
      { logo: await image("logo", images.logoKey), seal: await image("seal", images.sealKey) },
    );
    const contents = batch.certificates.map((certificate) =>
      certificateContentSchema.parse(certificate.content),
    );
    report(0, true);
    const result = await generateCertificates(contents, {
      storage,
      design,
      baseUrl: appUrl,
      signingKey: { keyId: key.keyId, privateKey },
      folder: `tenants/${tenantId}/certificates/${batchId}`,
      signal: options.signal,
      onProgress: (progress) => {
        const share = progress.total === 0 ? 1 : progress.done / progress.total;
        report(progress.phase === "certificates" ? share * 90 : 90 + share * 9);
      },
    });
    await reporting;
    const stored = new Map(batch.certificates.map((certificate) => [certificate.serial, certificate]));
    for (const generated of result.certificates) {
      const certificate = stored.get(generated.serial);
      if (certificate?.signature !== generated.signature)
        throw new Error(`certificate ${generated.serial} does not carry the signature it was signed with`);
    }
    await db.withTenant(tenantId, async (tx) => {
      for (const generated of result.certificates) {
        const certificate = stored.get(generated.serial);
        if (!certificate || certificate.contentHash === generated.contentHash) continue;
        await tx.certificate.update({
          where: { id: certificate.id },
          data: { fileKey: generated.key, contentHash: generated.contentHash },
        });
      }
      await tx.certificateBatch.updateMany({
        where: { tenantId, id: batchId },
        data: {
          status: "ready",
          progress: 100,
          archiveKey: result.archive.key,
          error: null,
          failureCode: null,
        },
      });
      if (batch.kind === "pairing")
        await announceCertificates(tx, { tenantId, batchId, cohortTitle: record.cohort.title, appUrl });
    });
    report(100, true);
    await reporting;
  } catch (error) {
    await reporting.catch(() => undefined);
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await db.withTenant(tenantId, (tx) =>
      tx.certificateBatch.updateMany({
        where: { tenantId, id: batchId },
        data: { status: "failed", error: message.slice(0, 2000) },
      }),
    );
    throw error;
  }
}
