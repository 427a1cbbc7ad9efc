import { createHash, type KeyObject } from "node:crypto";
import type { Readable } from "node:stream";
import type { FileStorage } from "@mentoring/storage";
import { ZipFile } from "yazl";
import { canonicalJson } from "./canonical-json";
import {
  type CertificateContent,
  type CertificateContentInput,
  certificateContentSchema,
} from "./certificate-content";
import type { CertificateDesign } from "./certificate-design";
import { type CertificateRenderer, createCertificateRenderer, RENDERER_VERSION } from "./render-pdf";
import type { Serial } from "./serial";
import { signCertificate } from "./signing";

/**
 * A batch of certificates (a cohort's pairs or teams) signed, rendered and stored one by one, then one
 * ZIP archive of them all, streamed from storage to storage. Memory does not grow with the batch.
 *
 * Running a batch again is cheap and safe (a job may run twice): each file carries the hash of
 * everything that made it (content, signature, design, address, renderer version), and a certificate
 * whose stored hash matches is skipped. After a fix (a misspelt name, a new seal) only what changed is
 * rendered, and the archive is rebuilt only when one of its files changed.
 */

export interface BulkProgress {
  phase: "certificates" | "archive";
  /** Certificates handled in this phase (rendered or skipped; in the archive phase: added). */
  done: number;
  total: number;
  rendered: number;
  skipped: number;
}

export interface GenerateCertificatesOptions {
  storage: FileStorage;
  design: CertificateDesign;
  baseUrl: string;
  /** The tenant's opened private key (openSigningKey) and its id. */
  signingKey: { keyId: string; privateKey: KeyObject };
  /** The batch's folder in storage, e.g. `{tenantId}/certificates/{cohortId}`. */
  folder: string;
  archiveName?: string;
  /** How a certificate is named inside the archive (default: mentors_mentees_serial.pdf). */
  entryName?: (content: CertificateContent) => string;
  /** Called after every certificate; throttle in the caller if updates are costly. */
  onProgress?: (progress: BulkProgress) => void;
  /** Stops between certificates (a worker shutting down); what is stored stays valid. */
  signal?: AbortSignal;
  /** A renderer made before, to reuse its decoded images across batches of one design. */
  renderer?: CertificateRenderer;
}

export interface GeneratedCertificate {
  serial: Serial;
  /** Storage key of the PDF. */
  key: string;
  /** Ed25519 signature over the canonical content, base64url: to store with the certificate. */
  signature: string;
  keyId: string;
  content: CertificateContent;
  contentHash: string;
  /** false when the stored file already matched and was left alone. */
  rendered: boolean;
}

export interface GenerateCertificatesResult {
  certificates: GeneratedCertificate[];
  rendered: number;
  skipped: number;
  archive: { key: string; size: number; rebuilt: boolean };
}

export class CertificateBatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CertificateBatchError";
  }
}

/** How many stored writes may be under way while the next certificate renders. */
const WRITES_IN_FLIGHT = 8;

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Hashes what the design contributes to a page (images by their hash). */
export function designFingerprint(design: CertificateDesign): string {
  return sha256(
    canonicalJson({
      title: design.title,
      body: design.body,
      mentorLabel: design.mentorLabel,
      menteeLabel: design.menteeLabel,
      signer: design.signer,
      logo: design.logo ? sha256(design.logo) : null,
      seal: design.seal ? sha256(design.seal) : null,
    }),
  );
}

const UNSAFE_IN_FILE_NAMES = /[\p{Cc}\\/:*?"<>|]/gu;

export function defaultEntryName(content: CertificateContent): string {
  const names = `${content.mentors.join(",")}_${content.mentees.join(",")}`.replace(UNSAFE_IN_FILE_NAMES, "");
  return `${names}_${content.serial}.pdf`;
}

function parseAll(certificates: readonly (CertificateContentInput | CertificateContent)[]) {
  const seen = new Set<string>();
  return certificates.map((input, index) => {
    const parsed = certificateContentSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new CertificateBatchError(`certificate ${index + 1} is not valid: ${problems.join("; ")}`);
    }
    if (seen.has(parsed.data.serial))
      throw new CertificateBatchError(`serial ${parsed.data.serial} appears twice in the batch`);
    seen.add(parsed.data.serial);
    return parsed.data;
  });
}

export async function generateCertificates(
  certificates: readonly (CertificateContentInput | CertificateContent)[],
  options: GenerateCertificatesOptions,
): Promise<GenerateCertificatesResult> {
  const { storage, design, baseUrl, signingKey, folder, signal, onProgress } = options;
  const contents = parseAll(certificates);
  // A worker killed during an earlier run of this batch left its half-written PDFs and archive under
  // temporary names; nothing else writes into the batch's folder while its one job runs.
  await storage.removeIncompleteWrites(folder);
  const renderer = options.renderer ?? createCertificateRenderer({ design, baseUrl });
  const fingerprint = designFingerprint(design);
  const total = contents.length;
  let rendered = 0;
  let skipped = 0;
  const report = (phase: BulkProgress["phase"], done: number) =>
    onProgress?.({ phase, done, total, rendered, skipped });

  const results: GeneratedCertificate[] = [];
  const writes = new Set<Promise<void>>();
  let failure: unknown;
  try {
    for (const content of contents) {
      signal?.throwIfAborted();
      if (failure) break;
      const signature = signCertificate(content, signingKey.privateKey);
      const contentHash = sha256(
        canonicalJson({
          renderer: RENDERER_VERSION,
          design: fingerprint,
          baseUrl,
          keyId: signingKey.keyId,
          signature,
          content,
        }),
      );
      const key = `${folder}/${content.serial}.pdf`;
      const result = {
        serial: content.serial,
        key,
        signature,
        keyId: signingKey.keyId,
        content,
        contentHash,
      };
      const stored = await storage.stat(key);
      if (stored?.metadata.contentHash === contentHash) {
        results.push({ ...result, rendered: false });
        skipped++;
        report("certificates", rendered + skipped);
        continue;
      }
      results.push({ ...result, rendered: true });
      const pdf = await renderer.render({ content, signature, keyId: signingKey.keyId });
      const write = storage.put(key, pdf, { metadata: { contentHash, serial: content.serial } }).then(
        () => {
          rendered++;
          report("certificates", rendered + skipped);
        },
        (error: unknown) => {
          failure ??= error;
        },
      );
      writes.add(write);
      void write.finally(() => writes.delete(write));
      if (writes.size >= WRITES_IN_FLIGHT) await Promise.race(writes);
    }
  } finally {
    // Never return (or throw) with writes still running: the caller may delete the folder next.
    await Promise.all(writes);
  }
  if (failure) throw failure;

  const archive = await writeArchive(storage, results, options);
  return { certificates: results, rendered, skipped, archive };
}

/** One ZIP of the batch's PDFs (stored, not deflated: PDFs are compressed already), streamed. */
async function writeArchive(
  storage: FileStorage,
  results: readonly GeneratedCertificate[],
  options: GenerateCertificatesOptions,
): Promise<GenerateCertificatesResult["archive"]> {
  const key = `${options.folder}/${options.archiveName ?? "certificates.zip"}`;
  const entryName = options.entryName ?? defaultEntryName;
  const entries = results.map((result) => ({ ...result, name: entryName(result.content) }));
  const names = new Set(entries.map((entry) => entry.name));
  if (names.size !== entries.length)
    throw new CertificateBatchError("two certificates have one archive name");
  const archiveHash = sha256(canonicalJson(entries.map((entry) => [entry.name, entry.contentHash])));
  const stored = await storage.stat(key);
  if (stored?.metadata.contentHash === archiveHash) return { key, size: stored.size, rebuilt: false };

  const rendered = results.filter((result) => result.rendered).length;
  const skipped = results.length - rendered;
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  zip.on("error", (error: Error) => output.destroy(error));
  entries.forEach((entry, index) => {
    const entryOptions = { compress: false, mtime: new Date(entry.content.issuedAt), mode: 0o100644 };
    zip.addReadStreamLazy(entry.name, entryOptions, (done) => {
      const fail = (error: unknown) => done(error, null as never);
      if (options.signal?.aborted) return fail(options.signal.reason);
      options.onProgress?.({ phase: "archive", done: index, total: entries.length, rendered, skipped });
      storage
        .stream(entry.key)
        .then(
          (stream) =>
            stream ? done(null, stream) : fail(new CertificateBatchError(`${entry.key} is missing`)),
          fail,
        );
    });
  });
  zip.end();
  const { size } = await storage.put(key, output, { metadata: { contentHash: archiveHash } });
  options.onProgress?.({
    phase: "archive",
    done: entries.length,
    total: entries.length,
    rendered,
    skipped,
  });
  return { key, size, rebuilt: true };
}
