// `npm run faults:topology [-- --seconds 20 --connections 50 --skip-build]`: two faults against the topology
// (scripts/topology/topology.ts) under a closed loop of write requests through the proxy, each an HR
// system's POST /api/v1/staff:import that creates one directory_imports row (202 with its id):
//   a. one web process SIGKILLed mid-load (started again later): every 202's row must be in the database;
//   b. PgBouncer stopped for a moment and started again: the webs' /readyz must say not ready while they
//      cannot serve and ready again within 10 s of PgBouncer's return, by themselves, and a request failing
//      meanwhile must get the translated 503 (a page, or the API's JSON), never a 500 or a stack.
// Prints a table and writes it to .tmp/topology-faults.json; exits non-zero when a check fails.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { hashToken } from "@mentoring/auth";
import { config } from "@mentoring/config";
import { createTestDatabase, ensureTestTemplate } from "@mentoring/db/testing";
import { resources } from "@mentoring/i18n";
import { sleep, startTopology, type Topology } from "./topology";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const settings = config();
const unavailableTitle = resources.ko.common.error.unavailable;

// ---------------------------------------------------------------------------------------------------------
// Set-up: a fresh database with one organisation and one API token per connection, the build, the topology.

if (!values["skip-build"]) {
  console.log(`▶ Building the web app into apps/web/${settings.WEB_BUILD_DIR}`);
  const build = spawnSync("npm", ["run", "build", "-w", "@mentoring/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}
console.log("▶ A fresh database, an organisation and its API tokens");
await ensureTestTemplate();
const database = await createTestDatabase();
const slug = `faults-${randomBytes(3).toString("hex")}`;
const tenant = await database.db.platform.tenant.create({
  data: { slug, name: "장애 시험시", kind: "basic_government", region: "경기도", status: "active" },
});
const tokens = Array.from(
  { length: connections },
  () => `mnt_${slug}_${randomBytes(24).toString("base64url")}`,
);
await database.db.withTenant(tenant.id, (tx) =>
  tx.apiToken.createMany({
    data: tokens.map((token, index) => ({
      tenantId: tenant.id,
      name: `HR ${index + 1}`,
      tokenHash: hashToken(token),
      scopes: ["staff.import"],
    })),
  }),
);
const storage = mkdtempSync(join(tmpdir(), "faults-storage-"));
const logDir = join(root, ".tmp", "topology-faults");
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });
console.log("▶ Starting PgBouncer, two web processes, two workers and HAProxy");
const topology: Topology = await startTopology({
  env: {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    QUEUE_PREFIX: `faults-${randomBytes(4).toString("hex")}`,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(16).toString("hex")}`,
    STORAGE_DIR: storage,
  },
  databaseUrl: database.urls.app,
  insightsUrl: database.urls.insights,
  webBuildDir: settings.WEB_BUILD_DIR,
  logDir,
});
const proxy = new URL(topology.url);
// Stopped however the run ends: Ctrl-C, a failed step.
const cleanUp = async () => {
  await topology.stop();
  await database.drop();
  rmSync(storage, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });

// ---------------------------------------------------------------------------------------------------------
// Load: `connections` loops through the proxy, each posting its next import when the last is answered.

interface Sent {
  seq: number;
  /** Milliseconds since the scenario began. */
  at: number;
  took: number;
  status: number;
  /** The import's id in a 202's body. */
  id?: string;
  /** The request's own failure (connection reset, timeout) when no answer came. */
  error?: string;
  body?: string;
}

const csv = "사번,이름,부서코드,직급,이메일\n";

function post(agent: Agent, token: string, fileName: string): Promise<Omit<Sent, "seq" | "at" | "took">> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: proxy.hostname,
        port: proxy.port,
        method: "POST",
        path: `/api/v1/staff:import?fileName=${encodeURIComponent(fileName)}`,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "text/csv",
          "content-length": Buffer.byteLength(csv),
        },
        timeout: 30_000,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          let id: string | undefined;
          if (status === 202) id = (JSON.parse(body) as { id: string }).id;
          resolve({ status, id, body: status === 202 ? undefined : body.slice(0, 300) });
        });
        response.on("error", (error) => resolve({ status: 0, error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", (error) =>
      resolve({ status: 0, error: (error as NodeJS.ErrnoException).code ?? error.message }),
    );
    req.end(csv);
  });
}

async function load(prefix: string, durationMs: number, started: number): Promise<Sent[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const sent: Sent[] = [];
  let seq = 0;
  const end = started + durationMs;
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < end) {
        const mine = seq++;
        const at = performance.now();
        const answer = await post(agent, token, `${prefix}-${mine}.csv`);
        sent.push({ seq: mine, at: at - started, took: performance.now() - at, ...answer });
      }
    }),
  );
  agent.destroy();
  return sent;
}

/** The rows the scenario wrote: file name → import id. */
async function rowsOf(prefix: string): Promise<Map<string, string>> {
  const rows = await database.db.withTenant(tenant.id, (tx) =>
    tx.directoryImport.findMany({
      where: { tenantId: tenant.id, fileName: { startsWith: `${prefix}-` } },
      select: { id: true, fileName: true },
    }),
  );
  return new Map(rows.map((row) => [row.fileName, row.id]));
}

interface Tally {
  requests: number;
  accepted: number;
  rows: number;
  /** 202s whose row is not in the database: must be 0. */
  lost: number;
  /** Rows of requests that got no 2xx (the web died after its commit, before its answer went out). */
  unacknowledged: number;
  failed: number;
  errorRate: string;
  failures: Record<string, number>;
  /** Requests per second answered 2xx. */
  throughput: number;
}

async function tally(prefix: string, sent: Sent[], durationMs: number): Promise<Tally> {
  const rows = await rowsOf(prefix);
  const accepted = sent.filter((one) => one.status >= 200 && one.status < 300);
  const ids = new Set(rows.values());
  const lost = accepted.filter((one) => !one.id || !ids.has(one.id)).length;
  const acknowledged = new Set(accepted.map((one) => `${prefix}-${one.seq}.csv`));
  const unacknowledged = [...rows.keys()].filter((name) => !acknowledged.has(name)).length;
  const failures: Record<string, number> = {};
  for (const one of sent)
    if (!(one.status >= 200 && one.status < 300)) {
      const kind = one.status ? String(one.status) : (one.error ?? "no answer");
      failures[kind] = (failures[kind] ?? 0) + 1;
    }
  const failed = sent.length - accepted.length;
  return {
    requests: sent.length,
    accepted: accepted.length,
    rows: rows.size,
    lost,
    unacknowledged,
    failed,
    errorRate: `${((100 * failed) / Math.max(1, sent.length)).toFixed(2)} %`,
    failures,
    throughput: Math.round(accepted.length / (durationMs / 1000)),
  };
}

/** From the fault to the end of the last failing request: after it, every request was accepted. */
function lastFailureAfter(sent: Sent[], faultAt: number): number {
  const ends = sent.filter((one) => !(one.status >= 200 && one.status < 300)).map((one) => one.at + one.took);
  return ends.length === 0 ? 0 : Math.max(0, Math.max(...ends) - faultAt);
}

// ---------------------------------------------------------------------------------------------------------
// a. A web process SIGKILLed under load, started again later.

const durationMs = seconds * 1000;
// The machine's other work, said beside the figures: on two cores it sets most of them.
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0] as string;
const loadAtStart = loadAverage();
console.log(`▶ a. ${connections} connections of writes for ${seconds} s; web1 SIGKILLed at ${seconds / 4} s`);
const [victim] = topology.webs as [Topology["webs"][number]];
const startedA = performance.now();
const loadA = load("a", durationMs, startedA);
await sleep(durationMs / 4);
const killedAt = performance.now() - startedA;
victim.kill("SIGKILL");
await victim.exited();
await sleep(durationMs / 4);
const restartAt = performance.now() - startedA;
await victim.start();
const readyAgainMs = performance.now() - startedA - restartAt;
const sentA = await loadA;
// The worker's validation of the imports runs on: counted when the load is over.
const a = await tally("a", sentA, durationMs);
const afterRestart = sentA.filter((one) => one.at > restartAt + readyAgainMs);
const scenarioA = {
  ...a,
  killedAtS: +(killedAt / 1000).toFixed(1),
  recoveryMs: Math.round(lastFailureAfter(sentA, killedAt)),
  restartedReadyMs: Math.round(readyAgainMs),
  failedAfterRestart: afterRestart.filter((one) => !(one.status >= 200 && one.status < 300)).length,
};

// ---------------------------------------------------------------------------------------------------------
// b. PgBouncer stopped under load for a moment and started again; the webs' /readyz polled meanwhile.

const outageMs = 2_000;
console.log(
  `▶ b. ${connections} connections of writes for ${seconds} s; PgBouncer down for ${outageMs / 1000} s at ${seconds / 4} s`,
);
const loadBefore = loadAverage();
const startedB = performance.now();
const readiness: { name: string; at: number; ready: boolean }[] = [];
let polling = true;
const pollers = [...topology.webs, ...topology.workers].map(async (one) => {
  while (polling) {
    // A reading counts when its answer came; one slower than HAProxy's check allows (3 s) is "not ready".
    const ready = await fetch(`http://127.0.0.1:${one.port}/readyz`, {
      signal: AbortSignal.timeout(3_000),
    }).then(
      (response) => response.status === 200,
      () => false,
    );
    readiness.push({ name: one.name, at: performance.now() - startedB, ready });
    await sleep(100);
  }
});
// What a person's browser gets meanwhile: a page that reads the database (sign-in asks whether the
// organisation it came from has single sign-on).
const pages: { at: number; status: number; translated: boolean; stack: boolean }[] = [];
const pageProbe = (async () => {
  while (polling) {
    const at = performance.now() - startedB;
    const answer = await fetch(`${topology.url}/sign-in?redirectTo=${encodeURIComponent(`/${slug}`)}`, {
      headers: { "accept-language": "ko" },
    }).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      () => ({ status: 0, text: "" }),
    );
    pages.push({
      at,
      status: answer.status,
      translated: answer.text.includes(unavailableTitle),
      stack: /\n\s+at .+:\d+:\d+/.test(answer.text),
    });
    await sleep(200);
  }
})();
const loadB = load("b", durationMs, startedB);
await sleep(durationMs / 4);
const downAt = performance.now() - startedB;
await topology.bouncer.restart({ downMs: outageMs });
const upAt = performance.now() - startedB;
const sentB = await loadB;
await sleep(1_000);
polling = false;
await Promise.all([...pollers, pageProbe]);
const b = await tally("b", sentB, durationMs);
const loadAfter = loadAverage();

const readyAgain = (name: string) =>
  readiness.find((reading) => reading.name === name && reading.ready && reading.at >= upAt)?.at;
const notReadyDuring = (name: string) =>
  readiness.some(
    (reading) => reading.name === name && !reading.ready && reading.at >= downAt && reading.at <= upAt,
  );
// A web already answering its checks late before the outage (starved of CPU) is told apart from one
// slow to reconnect.
const readyBefore = (name: string) =>
  readiness.some(
    (reading) =>
      reading.name === name && reading.ready && reading.at >= downAt - 3_000 && reading.at < downAt,
  );
const websReadyMs = topology.webs.map((web) => (readyAgain(web.name) ?? Number.POSITIVE_INFINITY) - upAt);
const workersReadyMs = topology.workers.map(
  (worker) => (readyAgain(worker.name) ?? Number.POSITIVE_INFINITY) - upAt,
);
const duringOutage = pages.filter((page) => page.status !== 200);
const failedB = sentB.filter((one) => !(one.status >= 200 && one.status < 300));
const firstAcceptedAfterUp = sentB
  .filter((one) => one.status === 202 && one.at >= upAt)
  .map((one) => one.at + one.took - upAt);
const scenarioB = {
  ...b,
  downAtS: +(downAt / 1000).toFixed(1),
  outageMs,
  websNotReadyDuringOutage: topology.webs.every((web) => notReadyDuring(web.name)),
  websReadyAfterMs: Math.round(Math.max(...websReadyMs)),
  workersReadyAfterMs: Math.round(Math.max(...workersReadyMs)),
  firstWriteAfterMs: Math.round(Math.min(...firstAcceptedAfterUp)),
  recoveryMs: Math.round(Math.max(0, lastFailureAfter(sentB, upAt))),
  apiFailuresNot503: failedB.filter((one) => one.status !== 503).length,
  apiFailuresUntranslated: failedB.filter(
    (one) =>
      one.status === 503 && !one.body?.includes('"unavailable"') && !one.body?.includes(unavailableTitle),
  ).length,
  pagesDuringOutage: duringOutage.length,
  pagesNotTranslated503: duringOutage.filter((page) => page.status !== 503 || !page.translated || page.stack)
    .length,
};

await cleanUp();

// ---------------------------------------------------------------------------------------------------------
// Report.

const rows: [string, string | number, string | number][] = [
  ["requests sent", scenarioA.requests, scenarioB.requests],
  ["accepted (2xx)", scenarioA.accepted, scenarioB.accepted],
  ["rows written", scenarioA.rows, scenarioB.rows],
  ["accepted writes lost", scenarioA.lost, scenarioB.lost],
  ["rows without a 2xx (died before answering)", scenarioA.unacknowledged, scenarioB.unacknowledged],
  ["failed requests", scenarioA.failed, scenarioB.failed],
  ["error rate", scenarioA.errorRate, scenarioB.errorRate],
  ["failures by answer", JSON.stringify(scenarioA.failures), JSON.stringify(scenarioB.failures)],
  ["accepted writes per second", scenarioA.throughput, scenarioB.throughput],
  ["load average (1 min) before → after", `${loadAtStart} → ${loadBefore}`, `${loadBefore} → ${loadAfter}`],
  [
    "fault at",
    `${scenarioA.killedAtS} s (SIGKILL web1)`,
    `${scenarioB.downAtS} s (PgBouncer down ${outageMs / 1000} s)`,
  ],
  ["last failure after the fault ended", `${scenarioA.recoveryMs} ms`, `${scenarioB.recoveryMs} ms`],
  ["web1 ready again after its restart", `${scenarioA.restartedReadyMs} ms`, "–"],
  ["failures after web1 rejoined", scenarioA.failedAfterRestart, "–"],
  ["webs' /readyz not ready during the outage", "–", scenarioB.websNotReadyDuringOutage ? "yes" : "NO"],
  [
    "webs' /readyz ready after PgBouncer's return",
    "–",
    topology.webs
      .map((web, index) => `${web.name} ${Math.round(websReadyMs[index] as number)} ms`)
      .join(", "),
  ],
  [
    "  (ready in the 3 s before the outage)",
    "–",
    topology.webs.map((web) => `${web.name} ${readyBefore(web.name) ? "yes" : "no"}`).join(", "),
  ],
  ["workers' /readyz ready after PgBouncer's return", "–", `${scenarioB.workersReadyAfterMs} ms`],
  ["first accepted write after PgBouncer's return", "–", `${scenarioB.firstWriteAfterMs} ms`],
  ["API failures other than 503", "–", scenarioB.apiFailuresNot503],
  ["page answers during the outage (not 200)", "–", scenarioB.pagesDuringOutage],
  ["  of which not the translated 503 page", "–", scenarioB.pagesNotTranslated503],
];
const width = Math.max(...rows.map(([name]) => name.length));
const colA = Math.max(...rows.map(([, value]) => String(value).length), 12);
console.log(`\n${"".padEnd(width)}  ${"a. web SIGKILL".padEnd(colA)}  b. PgBouncer restart`);
for (const [name, first, second] of rows)
  console.log(`${name.padEnd(width)}  ${String(first).padEnd(colA)}  ${second}`);

const checks: [string, boolean][] = [
  ["a: no accepted write lost", scenarioA.lost === 0],
  ["a: writes accepted again within 10 s of the kill", scenarioA.recoveryMs < 10_000],
  ["a: no failure once web1 rejoined", scenarioA.failedAfterRestart === 0],
  ["b: no accepted write lost", scenarioB.lost === 0],
  ["b: the webs said not ready during the outage", scenarioB.websNotReadyDuringOutage],
  ["b: the webs ready again within 10 s", scenarioB.websReadyAfterMs < 10_000],
  ["b: the workers ready again within 10 s", scenarioB.workersReadyAfterMs < 10_000],
  ["b: writes accepted again within 10 s", scenarioB.recoveryMs < 10_000],
  [
    "b: every failed write answered 503",
    scenarioB.apiFailuresNot503 === 0 && scenarioB.apiFailuresUntranslated === 0,
  ],
  ["b: every page failing meanwhile was the translated 503", scenarioB.pagesNotTranslated503 === 0],
];
console.log("");
for (const [name, ok] of checks) console.log(`${ok ? "ok    " : "FAILED"} ${name}`);
mkdirSync(join(root, ".tmp"), { recursive: true });
writeFileSync(
  join(root, ".tmp", "topology-faults.json"),
  JSON.stringify({ connections, seconds, a: scenarioA, b: scenarioB, readiness, checks }, null, 2),
);
console.log(`\nFigures in .tmp/topology-faults.json, process logs in ${logDir}/`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
