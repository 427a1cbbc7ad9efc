import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LocalFileStorage } from "@mentoring/storage";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASE_URL, sealPng, yongin, yonginDesign, yonginPairs } from "../test/fixtures";
import { pdfText } from "../test/poppler";
import { readZip } from "../test/zip";
import { type BulkProgress, CertificateBatchError, generateCertificates } from "./bulk-generate";
import type { CertificateContentInput } from "./certificate-content";
import { certificateDesignSchema } from "./certificate-design";
import { generateSigningKey, openSigningKey, verifyCertificate } from "./signing";

const ENCRYPTION_KEY = "b".repeat(64);
const tenantKey = generateSigningKey(yongin.id, ENCRYPTION_KEY);
const signingKey = {
  keyId: tenantKey.keyId,
  privateKey: openSigningKey(tenantKey, yongin.id, ENCRYPTION_KEY),
};
const folder = `${yongin.id}/certificates/cohort-1`;

let root: string;
let storage: LocalFileStorage;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "certificate-batch-"));
  storage = new LocalFileStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function generate(
  certificates: CertificateContentInput[],
  extra: { seal?: Buffer; progress?: BulkProgress[] } = {},
) {
  const design = certificateDesignSchema.parse({
    ...yonginDesign(),
    ...(extra.seal ? { seal: extra.seal } : {}),
  });
  return generateCertificates(certificates, {
    storage,
    design,
    baseUrl: BASE_URL,
    signingKey,
    folder,
    onProgress: (progress) => extra.progress?.push(progress),
  });
}

const mtime = async (key: string) => (await stat(path.join(root, key))).mtimeMs;

describe("generating a cohort's certificates", () => {
  it("stores a signed PDF per pair and one archive of them all, reporting progress", async () => {
    const pairs = yonginPairs();
    const progress: BulkProgress[] = [];
    const result = await generate(pairs, { progress });

    expect(result).toMatchObject({ rendered: 14, skipped: 0, archive: { rebuilt: true } });
    for (const certificate of result.certificates) {
      const pdf = await storage.get(certificate.key);
      expect(pdf?.subarray(0, 5).toString()).toBe("%PDF-");
      expect(verifyCertificate(certificate.content, certificate.signature, tenantKey.publicKey)).toBe(
        "valid",
      );
    }

    const entries = await readZip((await storage.get(result.archive.key)) as Buffer);
    expect(entries.map((entry) => entry.name)).toEqual(
      result.certificates.map(
        (c) => `${c.content.mentors.join(",")}_${c.content.mentees.join(",")}_${c.serial}.pdf`,
      ),
    );
    for (const [i, entry] of entries.entries()) {
      expect(entry.method).toBe(0);
      expect(entry.data.equals((await storage.get(result.certificates[i]?.key as string)) as Buffer)).toBe(
        true,
      );
    }

    const certificatePhase = progress.filter((p) => p.phase === "certificates").map((p) => p.done);
    expect(certificatePhase).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual({ phase: "archive", done: 14, total: 14, rendered: 14, skipped: 0 });
  });

  it("removes the half-written archive and PDFs a killed run of the batch left behind", async () => {
    await generate(yonginPairs().slice(0, 2));
    // What a worker killed while writing the archive and a PDF leaves: files under put's temporary names.
    const leftovers = [
      `${folder}/certificates.zip.0123456789ab.partial`,
      `${folder}/x.pdf.ba9876543210.partial`,
    ];
    for (const leftover of leftovers) await writeFile(path.join(root, leftover), "half");

    await generate(yonginPairs().slice(0, 2));

    expect((await readdir(path.join(root, folder))).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("renders nothing again when nothing changed, and leaves files and archive alone", async () => {
    const first = await generate(yonginPairs());
    const before = await Promise.all([...first.certificates.map((c) => c.key), first.archive.key].map(mtime));
    const again = await generate(yonginPairs());
    expect(again).toMatchObject({ rendered: 0, skipped: 14, archive: { rebuilt: false } });
    expect(again.certificates.map((c) => c.signature)).toEqual(first.certificates.map((c) => c.signature));
    const after = await Promise.all([...again.certificates.map((c) => c.key), again.archive.key].map(mtime));
    expect(after).toEqual(before);
  });

  it("after a misspelt name is fixed, renders and re-signs only that certificate", async () => {
    const pairs = yonginPairs();
    const first = await generate(pairs);
    const fixed = pairs.map((pair, i) =>
      i === 5 ? { ...pair, mentees: ["박서준", ...pair.mentees.slice(1)] } : pair,
    );
    const again = await generate(fixed);

    expect(again).toMatchObject({ rendered: 1, skipped: 13, archive: { rebuilt: true } });
    const changed = again.certificates[5];
    expect(again.certificates.filter((c) => c.rendered)).toEqual([changed]);
    expect(pdfText((await storage.get(changed?.key as string)) as Buffer)).toContain("박서준");
    expect(changed?.signature).not.toBe(first.certificates[5]?.signature);
    expect(
      verifyCertificate(changed?.content as never, changed?.signature as string, tenantKey.publicKey),
    ).toBe("valid");
    const entries = await readZip((await storage.get(again.archive.key)) as Buffer);
    expect(entries[5]?.name).toContain("박서준");
  });

  it("renders every certificate again when the design changes (a new seal)", async () => {
    await generate(yonginPairs());
    const again = await generate(yonginPairs(), { seal: sealPng([150, 20, 30]) });
    expect(again).toMatchObject({ rendered: 14, skipped: 0 });
  });

  it("refuses a batch with an invalid certificate or a repeated serial before writing anything", async () => {
    const pairs = yonginPairs();
    const invalid = pairs.map((pair, i) => (i === 2 ? { ...pair, mentors: [] } : pair));
    await expect(generate(invalid)).rejects.toThrow(
      new CertificateBatchError("certificate 3 is not valid: mentors: at least one mentor name is required"),
    );
    const repeated = [...pairs, { ...(pairs[0] as CertificateContentInput), mentors: ["다른사람"] }];
    await expect(generate(repeated)).rejects.toThrow(/appears twice/);
    expect(await storage.exists(`${folder}/certificates.zip`)).toBe(false);
    expect(await storage.exists(`${folder}/${pairs[0]?.serial}.pdf`)).toBe(false);
  });

  it("stops between certificates when asked to (a worker shutting down)", async () => {
    const controller = new AbortController();
    const pairs = yonginPairs();
    const design = certificateDesignSchema.parse(yonginDesign());
    const run = generateCertificates(pairs, {
      storage,
      design,
      baseUrl: BASE_URL,
      signingKey,
      folder,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(await storage.exists(`${folder}/certificates.zip`)).toBe(false);
    // What was stored is whole and counts on the next run.
    const resumed = await generate(pairs);
    expect(resumed.skipped).toBeGreaterThanOrEqual(3);
    expect(resumed.rendered + resumed.skipped).toBe(14);
  });
});
