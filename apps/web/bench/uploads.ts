// Upload benchmark: a 1 GiB video streamed through the real web process (the production build, served with
// the memory settings of its `start` script) by the resumable upload endpoint (tus), and the process's
// resident memory (VmRSS, sampled every 50 ms) before, at its peak during, and after the upload. The file
// must stream to the storage, never be held whole: the target is an RSS growth under 100 MB.
//
// Usage: npm run bench:uploads -w @mentoring/web (also the second part of `npm run bench`).
//   BENCH_UPLOAD_MIB   the upload's size in MiB (default 1024)
//   BENCH_UPLOAD_PARTS how many PATCH requests carry it (default 1: the whole file in one request body)
//   BENCH_SKIP_BUILD   1: serve the build already there instead of building first
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { hashToken, newToken } from "@mentoring/auth";
import { createSeededTestDatabase, ensureTestTemplate } from "@mentoring/db/testing";
import { cookieValue, freePort, memoryOf, waitFor } from "./load";
import { startCommand } from "./start-command";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const tmpDir = join(webDir, ".tmp");
const MiB = 1024 * 1024;
const size = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * MiB;
const parts = Math.max(1, Number(process.env.BENCH_UPLOAD_PARTS ?? 1));
const TARGET_MB = 100;

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** `length` bytes of an MP4 (its ftyp box, then filler), made as they are read: nothing held in memory. */
function videoStream(from: number, length: number): Readable {
  const header = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypmp42"),
    Buffer.alloc(4),
    Buffer.from("mp42isom"),
  ]);
  const filler = Buffer.alloc(256 * 1024, 0x2a);
  let offset = from;
  const end = from + length;
  return new Readable({
    read() {
      if (offset >= end) return void this.push(null);
      const n = Math.min(filler.length, end - offset);
      const chunk = Buffer.from(filler.subarray(0, n));
      // The first bytes of the file are the header.
      if (offset < header.length) header.copy(chunk, 0, offset, Math.min(header.length, offset + n));
      offset += n;
      this.push(chunk);
    },
  });
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Readable,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

mkdirSync(tmpDir, { recursive: true });
log("seeding a database with Gangneung and Yongin");
await ensureTestTemplate();
const database = await createSeededTestDatabase();
const storageDir = mkdtempSync(join(tmpDir, "bench-uploads-"));
let web: ChildProcess | undefined;
try {
  const { db } = database;
  const tenant = await db.platform.tenant.findUniqueOrThrow({ where: { slug: "gangneung" } });
  const member = await db.withTenant(tenant.id, (tx) =>
    tx.membership.findFirstOrThrow({ where: { tenantId: tenant.id, roles: { has: "participant" } } }),
  );
  const token = newToken();
  await db.platform.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: member.userId,
      data: { userId: member.userId },
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    log("building the web app");
    const build = spawnSync("npm", ["run", "build"], { cwd: webDir, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("the web build failed");
  }
  const startup = startCommand(webDir);
  const secret = randomBytes(32).toString("hex");
  const port = await freePort();
  const output = openSync(join(tmpDir, "bench-uploads-web.log"), "w");
  web = spawn(process.execPath, [...startup.nodeFlags, ...startup.entry], {
    cwd: webDir,
    env: {
      ...process.env,
      ...startup.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_URL: database.urls.app,
      QUEUE_PREFIX: `bench-${randomBytes(4).toString("hex")}`,
      SESSION_SECRET: secret,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(16).toString("hex")}`,
      APP_URL: `http://127.0.0.1:${port}`,
      WEB_PORT: String(port),
      STORAGE_DIR: storageDir,
    },
    stdio: ["ignore", output, output],
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, web, "web");
  const pid = web.pid as number;
  const csrf = newToken();
  const cookie = (name: string, value: string) => cookieValue(name, value, secret);
  const headers = {
    cookie: `${await cookie("session", token)}; ${await cookie("csrf", csrf)}`,
    "x-csrf-token": csrf,
    "tus-resumable": "1.0.0",
  };
  const metadata = (name: string) =>
    `filename ${Buffer.from(name).toString("base64")},kind ${Buffer.from("video").toString("base64")}`;

  /** Creates an upload of `length` bytes and sends it in `count` PATCHes; the answer to the last. */
  async function upload(name: string, length: number, count: number) {
    const created = await send(port, "POST", `/${tenant.slug}/uploads`, {
      ...headers,
      "upload-length": String(length),
      "upload-metadata": metadata(name),
    });
    if (created.status !== 201)
      throw new Error(`creating the upload answered ${created.status}: ${created.text}`);
    const location = created.headers.location as string;
    const step = Math.ceil(length / count);
    let last = created;
    for (let offset = 0; offset < length; offset += step) {
      const n = Math.min(step, length - offset);
      last = await send(
        port,
        "PATCH",
        location,
        {
          ...headers,
          "content-type": "application/offset+octet-stream",
          "upload-offset": String(offset),
          "content-length": String(n),
        },
        videoStream(offset, n),
      );
      if (last.status !== 204) throw new Error(`PATCH at ${offset} answered ${last.status}: ${last.text}`);
    }
    return { id: location.split("/").pop() as string, last };
  }

  log("warming up: a 4 MiB upload, then a moment for the process to settle");
  await upload("warm-up.mp4", 4 * MiB, 1);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = memoryOf(pid).rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, 50);
  log(`uploading ${size / MiB} MiB in ${parts} PATCH request(s)`);
  const uploadStart = performance.now();
  const { id } = await upload("bench.mp4", size, parts);
  const seconds = (performance.now() - uploadStart) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memoryOf(pid).rss);
  const after = memoryOf(pid).rss;
  const stored = statSync(join(storageDir, tenant.id, "attachments", id)).size;
  const row = await db.withTenant(tenant.id, (tx) =>
    tx.attachment.findUniqueOrThrow({ where: { id }, select: { size: true, mediaType: true } }),
  );
  if (stored !== size || Number(row.size) !== size || row.mediaType !== "video/mp4")
    throw new Error(`stored ${stored} bytes (${row.mediaType}), expected ${size} of video/mp4`);
  const growth = peak - before;
  console.table([
    {
      "upload MiB": size / MiB,
      requests: parts,
      seconds: Number(seconds.toFixed(1)),
      "MiB/s": Math.round(size / MiB / seconds),
      "RSS before MiB": Math.round(before),
      "RSS peak MiB": Math.round(peak),
      "RSS after MiB": Math.round(after),
      "growth MiB": Math.round(growth),
      [`target < ${TARGET_MB}`]: growth < TARGET_MB ? "met" : "MISSED",
    },
  ]);
  if (growth >= TARGET_MB) process.exitCode = 1;
} finally {
  web?.kill("SIGTERM");
  await database.drop();
  rmSync(storageDir, { recursive: true, force: true });
}
