// The final report of a 40-person cohort (10 teams, charts, every section): the PDF and the workbook,
// timed over several runs after one warm-up (the fonts are parsed once per process, as in the worker).
// Target: under 5 s for both. Run: npm run bench -w @mentoring/reports.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { buildCohortReportXlsx } from "../src/build-cohort-report-xlsx";
import { renderCohortReportPdf } from "../src/render-cohort-report-pdf";
import { fortyPersonCohort } from "../test/cohort-report-fixture";

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 10);
const TARGET_MS = 5_000;
const data = fortyPersonCohort();

async function once() {
  const started = performance.now();
  const pdf = await renderCohortReportPdf(data);
  const pdfMs = performance.now() - started;
  const xlsx = await buildCohortReportXlsx(data);
  return { pdfMs, xlsxMs: performance.now() - started - pdfMs, pdfBytes: pdf.length, xlsxBytes: xlsx.length };
}

const coldStart = performance.now();
const cold = await once();
const coldMs = performance.now() - coldStart;
const runs: Awaited<ReturnType<typeof once>>[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
const totals = runs.map((run) => run.pdfMs + run.xlsxMs).sort((a, b) => a - b);
const percentile = (p: number) =>
  totals[Math.min(totals.length - 1, Math.ceil((p / 100) * totals.length) - 1)] ?? 0;
const mean = (pick: (run: (typeof runs)[number]) => number) =>
  runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;

console.log(`load: ${execFileSync("uptime").toString().trim()}`);
console.table([
  { measure: "first report (fonts parsed)", ms: Math.round(coldMs) },
  { measure: "PDF, mean", ms: Math.round(mean((run) => run.pdfMs)) },
  { measure: "XLSX, mean", ms: Math.round(mean((run) => run.xlsxMs)) },
  { measure: "PDF + XLSX, median", ms: Math.round(percentile(50)) },
  { measure: "PDF + XLSX, max", ms: Math.round(percentile(100)) },
]);
console.log(`PDF ${cold.pdfBytes} bytes, XLSX ${cold.xlsxBytes} bytes, ${RUNS} runs`);
const worst = Math.max(coldMs, percentile(100));
console.log(
  worst < TARGET_MS
    ? `ok: slowest ${Math.round(worst)} ms < ${TARGET_MS} ms`
    : `SLOW: ${Math.round(worst)} ms`,
);
if (worst >= TARGET_MS) process.exitCode = 1;
