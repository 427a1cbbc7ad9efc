import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface LogLine {
  msg: string;
  [key: string]: unknown;
}

/**
 * A test that starts a worker process: tsx compiles the worker as it starts, which on a busy two-core
 * machine (the whole suite in parallel) has taken more than the 30 s every other test gets.
 */
export const SPAWNED_WORKER_TIMEOUT = 120_000;

/** Starts the worker exactly as `npm start` would, and collects its JSON log lines. */
export function startWorkerProcess(env: {
  DATABASE_URL: string;
  QUEUE_PREFIX: string;
  STORAGE_DIR?: string;
  METRICS_TOKEN?: string;
  DATABASE_REPLICA_URL?: string;
}): {
  child: ChildProcess;
  lines: LogLine[];
  waitFor(msg: string): Promise<LogLine>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: {
      ...process.env,
      ...env,
      WORKER_HEALTH_PORT: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: LogLine[] = [];
  const waiters: { msg: string; resolve: (line: LogLine) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) waiter.resolve(line);
  });
  return {
    child,
    lines,
    waitFor: (msg) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => line.msg === msg);
        if (seen) return resolve(seen);
        waiters.push({ msg, resolve });
        child.once("exit", (code) => reject(new Error(`worker exited (${code}) before logging "${msg}"`)));
      }),
  };
}
