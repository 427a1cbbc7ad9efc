import { type Database, Prisma, type TenantDb } from "@mentoring/db";
import { AppError } from "@mentoring/domain";
import { type MatchingResult, parseMatchingProblem, solveMatching } from "@mentoring/matching";
import { storedTeamsOf } from "../records/matching-review";
import { json, problemOf } from "../records/matching-run";

/** Progress is written to the run at most this often (and on each new phase). */
const PROGRESS_INTERVAL_MS = 250;

/**
 * The worker's part: solves the stored problem, reporting progress, and stores the result. Idempotent: a
 * run that has succeeded or failed is left alone; one found running (a worker that crashed mid-solve) is
 * solved again from its snapshot. The first complete answer is stored as soon as the engine has it, so
 * the page can show teams while the proof runs. An invalid snapshot or an engine error fails the run with
 * the message; an abort (the worker shutting down) leaves it running and throws, for the retry.
 */
export async function runMatching(
  db: Database,
  input: { tenantId: string; runId: string },
  options: { onProgress?: (percent: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<void> {
  const { tenantId, runId } = input;
  const claimed = await db.withTenant(tenantId, async (tx) => {
    const run = await tx.matchingRun.findFirst({ where: { tenantId, id: runId } });
    // Deleted, or another tenant's: nothing to retry.
    if (!run) throw new AppError("matching.run_not_found", { runId });
    if (run.status === "succeeded" || run.status === "failed") return null;
    await tx.matchingRun.update({
      where: { id: run.id },
      data: {
        status: "running",
        startedAt: new Date(),
        progress: 0,
        phase: "preparing",
        teams: Prisma.DbNull,
      },
    });
    return run;
  });
  if (!claimed) return;

  const fail = (message: string) =>
    db.withTenant(tenantId, (tx) =>
      tx.matchingRun.updateMany({
        where: { tenantId, id: runId, status: "running" },
        data: { status: "failed", error: message.slice(0, 2000), finishedAt: new Date() },
      }),
    );
  const parsed = parseMatchingProblem(problemOf(claimed));
  if (!parsed.ok) {
    await fail(parsed.errors.join("\n"));
    return;
  }

  // Writes happen one after another, off the solver's path; the solver yields to the event loop every few
  // tens of milliseconds, so they (and BullMQ's lock renewal) run while it works.
  let writes: Promise<unknown> = Promise.resolve();
  let writeError: unknown = null;
  const write = (work: (tx: TenantDb) => Promise<unknown>) => {
    writes = writes.then(() => db.withTenant(tenantId, work)).catch((error) => (writeError ??= error));
  };
  let lastWrite = 0;
  let lastPhase = "";
  let lastPercent = -1;
  let firstAnswerStored = false;
  let result: MatchingResult;
  try {
    result = await solveMatching(parsed.problem, {
      signal: options.signal,
      onProgress: (fraction, phase) => {
        const now = performance.now();
        // 100 is kept for the stored result.
        const percent = Math.min(99, Math.floor(fraction * 100));
        if (phase === lastPhase && (now - lastWrite < PROGRESS_INTERVAL_MS || percent === lastPercent))
          return;
        lastWrite = now;
        lastPhase = phase;
        lastPercent = percent;
        write((tx) =>
          tx.matchingRun.updateMany({
            where: { tenantId, id: runId, status: "running" },
            data: { progress: percent, phase },
          }),
        );
        if (options.onProgress) {
          const report = options.onProgress;
          writes = writes.then(() => report(percent)).catch((error) => (writeError ??= error));
        }
      },
      onIncumbent: (answer) => {
        if (firstAnswerStored) return;
        firstAnswerStored = true;
        const teams = storedTeamsOf(answer);
        write((tx) =>
          tx.matchingRun.updateMany({
            where: { tenantId, id: runId, status: "running" },
            data: { teams: json(teams) },
          }),
        );
      },
    });
  } catch (error) {
    await writes;
    await fail(error instanceof Error ? error.message : String(error));
    return;
  }
  await writes;
  if (options.signal?.aborted) throw new Error(`matching run ${runId} stopped: the worker is shutting down`);
  if (writeError) throw writeError;

  await db.withTenant(tenantId, (tx) =>
    tx.matchingRun.updateMany({
      where: { tenantId, id: runId, status: "running" },
      data: {
        status: "succeeded",
        progress: 100,
        phase: "done",
        result: json(result),
        teams: json(storedTeamsOf(result)),
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        error: null,
        finishedAt: new Date(),
      },
    }),
  );
  await options.onProgress?.(100);
}
