import { pino } from "pino";

/** Structured JSON logs, one line per event; job logs carry queue, job name and job id. */
export function createLogger(level: string) {
  return pino({ level, base: { service: "worker" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
