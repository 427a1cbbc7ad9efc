// Certificates at the size of a large program: PDFs rendered in memory (certificates per second on one
// thread, target ≥ 100/s with the subset Korean font, logo and seal), then a batch of 10,000 signed,
// stored on local disk and archived into one ZIP, with progress on the command line, then the same
// batch run again unchanged and after one fix. CPU seconds beside wall seconds show how many cores were
// busy; on a shared machine, per CPU second is the one-core figure.
// Usage: npm run bench -w @mentoring/certificates (BENCH_CERTIFICATES=n for another batch size)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { LocalFileStorage } from "@mentoring/storage";
import {
  type BulkProgress,
  type CertificateContent,
  certificateContentSchema,
  certificateDesignSchema,
  createCertificateRenderer,
  generateCertificates,
  generateSigningKey,
  newSerial,
  openSigningKey,
  signCertificate,
} from "../src/index";
import { BASE_URL, koreanName, yongin, yonginDesign } from "../test/fixtures";

const BATCH = Number(process.env.BENCH_CERTIFICATES ?? 10_000);
const RENDER_ONLY = Math.min(BATCH, 2_000);
const ENCRYPTION_KEY = "c".repeat(64);

const rows: Record<string, string>[] = [];

async function measured<T>(
  phase: string,
  count: number,
  work: () => Promise<T>,
  note: (result: T) => string = () => "",
) {
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage().rss);
  }, 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(timer);
  rows.push({
    phase,
    certificates: count.toLocaleString("en"),
    "wall s": seconds.toFixed(1),
    "CPU s": cpuSeconds.toFixed(1),
    "per second": (count / seconds).toFixed(0),
    // On a busy machine wall time includes waiting for a core; per CPU second is the one-core figure.
    "per CPU second": (count / cpuSeconds).toFixed(0),
    "peak RSS MB": (Math.max(rss, process.memoryUsage().rss) / 1024 / 1024).toFixed(0),
    note: note(result),
  });
  return result;
}

/** A progress line for the terminal: redrawn in place on a TTY, one line per tenth in a log. */
function progressLine(label: string) {
  let lastTenth = -1;
  return ({ phase, done, total, rendered, skipped }: BulkProgress) => {
    const tenth = Math.floor((done / total) * 10);
    if (!process.stdout.isTTY && (tenth === lastTenth || done === 0) && done !== total) return;
    lastTenth = tenth;
    const bar = "█".repeat(Math.round((done / total) * 20)).padEnd(20, "░");
    const end = process.stdout.isTTY && done < total ? "" : "\n";
    process.stdout.write(
      `${process.stdout.isTTY ? "\r" : ""}${label} ${phase.padEnd(12)} ${bar} ${done}/${total} (rendered ${rendered}, skipped ${skipped})${end}`,
    );
  };
}

const design = certificateDesignSchema.parse(yonginDesign());
const tenantKey = generateSigningKey(yongin.id, ENCRYPTION_KEY);
const signingKey = {
  keyId: tenantKey.keyId,
  privateKey: openSigningKey(tenantKey, yongin.id, ENCRYPTION_KEY),
};

/** Pairs of one mentor and one or two mentees, with varied names as a large city's would be. */
const contents: CertificateContent[] = Array.from({ length: BATCH }, (_, i) =>
  certificateContentSchema.parse({
    serial: newSerial(),
    tenant: yongin,
    program: "신규공무원 멘토링",
    cohort: "2025년 1기",
    mentors: [koreanName(i * 3)],
    mentees: i % 3 === 0 ? [koreanName(i * 5 + 1)] : [koreanName(i * 5 + 1), koreanName(i * 7 + 2)],
    date: "2025-04-15",
    signer: design.signer,
    issuedAt: "2025-04-15T01:00:00.000Z",
  }),
);

const folder = await mkdtemp(path.join(os.tmpdir(), "certificates-bench-"));
try {
  const renderer = createCertificateRenderer({ design, baseUrl: BASE_URL });
  // Fonts parsed and images decoded once before timing, as a long-running worker has them.
  await renderer.render({ content: contents[0] as CertificateContent, signature: "", keyId: "" });
  let bytes = 0;
  await measured(
    "sign + render in memory",
    RENDER_ONLY,
    async () => {
      for (const content of contents.slice(0, RENDER_ONLY)) {
        const signature = signCertificate(content, signingKey.privateKey);
        bytes += (await renderer.render({ content, signature, keyId: signingKey.keyId })).length;
      }
    },
    () => "target ≥ 100/s",
  );
  const averageKb = bytes / RENDER_ONLY / 1024;

  const storage = new LocalFileStorage(path.join(folder, "storage"));
  const options = {
    storage,
    design,
    baseUrl: BASE_URL,
    signingKey,
    folder: `${yongin.id}/certificates/bench`,
    renderer,
  };
  const rerun = (result: Awaited<ReturnType<typeof generateCertificates>>) =>
    `rendered ${result.rendered}, ZIP rebuilt: ${result.archive.rebuilt}`;
  await measured(
    "batch to disk + ZIP",
    BATCH,
    () => generateCertificates(contents, { ...options, onProgress: progressLine("first run") }),
    (result) => `ZIP ${(result.archive.size / 1024 / 1024).toFixed(0)} MB`,
  );
  await measured(
    "run again, unchanged",
    BATCH,
    () => generateCertificates(contents, { ...options, onProgress: progressLine("unchanged") }),
    rerun,
  );
  const fixed = contents.map((content, i) => (i === 42 ? { ...content, mentors: ["박서준"] } : content));
  await measured(
    "run again, one name fixed",
    BATCH,
    () => generateCertificates(fixed, { ...options, onProgress: progressLine("one fixed") }),
    rerun,
  );

  console.log(
    `\ncertificates: A4 PDF with Noto Sans KR subsets, logo, seal and QR; ${averageKb.toFixed(1)} KB each; ` +
      `Node ${process.version}, one thread for rendering, ${os.availableParallelism()} cores on the machine`,
  );
  console.table(rows);
} finally {
  await rm(folder, { recursive: true, force: true });
}
