// One request id finds a request and every job it caused: a password reset asked for at /password/forgot
// writes its outbox row with the request's id, the relay hands the id to the job, and the worker, started
// as `npm start` runs it against the real Redis and an SMTP sink, logs it on every line of that job and of
// the mail job the first one queues.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@mentoring/db/testing";
import { type MailSink, startMailSink } from "@mentoring/mail/testing";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../app/routes/password.forgot";
import type { Services } from "../app/services/services.server";
import { browser, type LogLine, testServices } from "./requests";

const workerRoot = fileURLToPath(new URL("../../worker", import.meta.url));

let database: TestDatabase;
let services: Services;
let sink: MailSink;
let worker: ChildProcess | undefined;
let storageDir: string;
const workerLines: LogLine[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  services = (await testServices(database.db)).services;
  sink = await startMailSink();
  storageDir = mkdtempSync(path.join(os.tmpdir(), "request-trace-"));
});
afterAll(async () => {
  if (worker && worker.exitCode === null) {
    worker.kill("SIGTERM");
    await once(worker, "exit");
  }
  await services?.close();
  await sink?.close();
  await database?.drop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a request traced through its jobs", () => {
  it("logs the request's id on every line of the jobs it caused, the mail job they queued included", async () => {
    const email = `trace-${randomBytes(3).toString("hex")}@example.kr`;
    await database.db.platform.user.create({ data: { email, displayName: "한지우" } });
    const requestId = `trace-${randomBytes(8).toString("hex")}`;
    const who = await browser(services);
    // As Remix calls the action, with the id server.ts gave the request.
    const answer = await action({
      request: new Request("http://127.0.0.1/password/forgot", {
        method: "POST",
        body: new URLSearchParams({ csrf: who.csrf, email }),
        headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" },
      }),
      params: {},
      context: { services, requestId, nonce: "", clientAddress: "192.0.2.77" },
    } as ActionFunctionArgs);
    expect(answer).toEqual({ sent: true });
    expect(
      await database.db.platform.outboxEvent.findMany({ select: { jobName: true, requestId: true } }),
    ).toEqual([{ jobName: "accounts.password-reset", requestId }]);

    worker = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: workerRoot,
      env: {
        ...process.env,
        DATABASE_URL: database.urls.app,
        QUEUE_PREFIX: services.config.QUEUE_PREFIX,
        SMTP_URL: sink.url,
        STORAGE_DIR: storageDir,
        WORKER_HEALTH_PORT: "0",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    createInterface({ input: worker.stdout as NodeJS.ReadableStream }).on("line", (text) => {
      workerLines.push(JSON.parse(text) as LogLine);
    });

    await eventually(
      () => sink.mails.filter((mail) => mail.envelope.to.includes(email)).length,
      (mails) => mails === 1,
      "the reset mail should have arrived",
    );
    const completed = await eventually(
      () => workerLines.filter((line) => line.msg === "job completed").map((line) => line.job),
      (jobs) => jobs.includes("accounts.password-reset") && jobs.includes("email.send"),
      "both jobs should have completed",
    );
    expect(completed.sort()).toEqual(["accounts.password-reset", "email.send"]);
    // Every line about either job carries the id (recurring jobs the worker schedules itself carry none).
    const traced = ["accounts.password-reset", "email.send"];
    const jobLines = workerLines.filter((line) => traced.includes(line.job as string));
    expect(jobLines.length).toBeGreaterThanOrEqual(4);
    expect(new Set(jobLines.map((line) => line.requestId))).toEqual(new Set([requestId]));
    expect(
      await database.db.platform.outboxEvent.findMany({
        select: { jobName: true, requestId: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { jobName: "accounts.password-reset", requestId },
      { jobName: "email.send", requestId },
    ]);
  }, 120_000);
});
