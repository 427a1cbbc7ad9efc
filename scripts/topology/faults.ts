// `npm run faults:topology [-- --seconds 20 --connections 50 --skip-build]`: three faults against the
// topology (scripts/topology/topology.ts) under a closed loop of write requests through the proxy, each an
// HR system's POST /api/v1/staff:import that creates one directory_imports row (202 with its id):
//   a. one web process SIGKILLed mid-load (started again later): every 202's row must be in the database;
//   b. PgBouncer stopped for a moment and started again: the webs' /readyz must say not ready while they
//      cannot serve and ready again within 10 s of PgBouncer's return, by themselves, and a request failing
//      meanwhile must get the translated 503 (a page, or the API's JSON), never a 500 or a stack;
//   c. PostgreSQL itself restarted (fast shutdown, down a moment, started again): the same checks as b.
// Each request carries its own Idempotency-Key; after the fault, a request that got no 2xx is sent once
// more with it, as an HR system would, and no import may then exist twice ("duplicates created").
// The topology runs on a PostgreSQL server of the script's own (startPrivateServer), since c restarts it
// and the machine's shared server must never be restarted by a script.
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
import { createDatabase } from "@mentoring/db";
import { provisionDatabase, withDatabase } from "@mentoring/db/provision";
import { startPrivateServer } from "@mentoring/db/testing";
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
// Set-up: the build, a private PostgreSQL server with the platform's database provisioned on it, one
// organisation and one API token per connection, the topology.

if (!values["skip-build"]) {
  console.log(`▶ Building the web app into apps/web/${settings.WEB_BUILD_DIR}`);
  const build = spawnSync("npm", ["run", "build", "-w", "@mentoring/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}
// Every scenario runs on the private server, not c alone: one topology serves all three (a second one on
// the shared server for a and b would double the start-up and keep two set-up paths), and the run leaves
// nothing behind in the shared server. It is provisioned as `npm run setup` provisions one (roles,
// migrations, functions, privileges), the configured roles pointed at its port.
console.log(
  "▶ A private PostgreSQL server, the platform's database on it, an organisation and its API tokens",
);
const provisionStarted = performance.now();
const server = await startPrivateServer();
const urls = {
  admin: server.adminUrl,
  owner: server.urlOf(withDatabase(settings.DATABASE_OWNER_URL, "mentoring_faults")),
  app: server.urlOf(withDatabase(settings.DATABASE_URL, "mentoring_faults")),
  insights: server.urlOf(withDatabase(settings.DATABASE_INSIGHTS_URL, "mentoring_faults")),
};
await provisionDatabase(urls);
console.log(
  `  port ${server.port}, provisioned in ${((performance.now() - provisionStarted) / 1000).toFixed(1)} s`,
);
const db = createDatabase(urls.app, { poolSize: 4 });
const slug = `faults-${randomBytes(3).toString("hex")}`;
const tenant = await db.platform.tenant.create({
  data: { slug, name: "장애 시험시", kind: "basic_government", region: "경기도", status: "active" },
});
const tokens = Array.from(
  { length: connections },
  () => `mnt_${slug}_${randomBytes(24).toString("base64url")}`,
);
await db.withTenant(tenant.id, (tx) =>
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
    // Nothing in a process reaches the shared server: its set-up roles, too, point at the private one.
    DATABASE_ADMIN_URL: urls.admin,
    DATABASE_OWNER_URL: urls.owner,
  },
  databaseUrl: urls.app,
  insightsUrl: urls.insights,
  webBuildDir: settings.WEB_BUILD_DIR,
  logDir,
});
const proxy = new URL(topology.url);
// Stopped however the run ends: Ctrl-C, a failed step.
const cleanUp = async () => {
  await topology.stop();
  await db.disconnect();
  await server.stop();
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
  /** The request's Idempotency-Key: its retry sends the same. */
  key: string;
  /** Milliseconds since the scenario began. */
  at: number;
  took: number;
  status: number;
  /** The import's id in a 202's body. */
  id?: string;
  /** The request's own failure (connection reset, timeout) when no answer came. */
  error?: string;
  /** When it failed with no answer on a kept-alive connection: how long that had been idle before. */
  idleBeforeMs?: number;
  body?: string;
  /** A 202 that answered an earlier request with the same key (Idempotent-Replayed: true). */
  replayed?: boolean;
  /** Its one retry after the fault, when the first attempt got no 2xx. */
  retry?: Answer;
}

type Answer = Omit<Sent, "seq" | "key" | "at" | "took" | "retry">;

/** When each kept-alive connection last finished an answer: a reset on reuse says how long it had idled. */
const idleSince = new WeakMap<object, number>();

const csv = "사번,이름,부서코드,직급,이메일\n";

function post(agent: Agent, token: string, fileName: string, key: string): Promise<Answer> {
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
          "idempotency-key": key,
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
          if (req.socket) idleSince.set(req.socket, performance.now());
          const status = response.statusCode ?? 0;
          let id: string | undefined;
          if (status === 202) id = (JSON.parse(body) as { id: string }).id;
          const replayed = response.headers["idempotent-replayed"] === "true";
          resolve({ status, id, replayed, body: status === 202 ? undefined : body.slice(0, 300) });
        });
        response.on("error", (error) => resolve({ status: 0, error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
    let idleBeforeMs: number | undefined;
    req.on("socket", (socket) => {
      const since = idleSince.get(socket);
      if (req.reusedSocket && since !== undefined) idleBeforeMs = Math.round(performance.now() - since);
    });
    req.on("error", (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? error.message;
      resolve(
        idleBeforeMs === undefined
          ? { status: 0, error: code }
          : { status: 0, error: `${code} (reused connection)`, idleBeforeMs },
      );
    });
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
        const key = `${slug}-${prefix}-${mine}`;
        const at = performance.now();
        const answer = await post(agent, token, `${prefix}-${mine}.csv`, key);
        sent.push({ seq: mine, key, at: at - started, took: performance.now() - at, ...answer });
      }
    }),
  );
  agent.destroy();
  return sent;
}

/**
 * What an HR system does once the fault is over: each request that got no 2xx is sent once more, with its
 * key. One whose import was committed before the web died is answered that import (replayed), not a copy.
 */
async function retryFailed(prefix: string, sent: Sent[]): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  await Promise.all(
    sent
      .filter((one) => !(one.status >= 200 && one.status < 300))
      .map(async (one) => {
        one.retry = await post(
          agent,
          tokens[one.seq % tokens.length] as string,
          `${prefix}-${one.seq}.csv`,
          one.key,
        );
      }),
  );
  agent.destroy();
}

/** The rows the scenario wrote, one file name per request (several if a request was written twice). */
async function rowsOf(prefix: string): Promise<{ id: string; fileName: string }[]> {
  return db.withTenant(tenant.id, (tx) =>
    tx.directoryImport.findMany({
      where: { tenantId: tenant.id, fileName: { startsWith: `${prefix}-` } },
      select: { id: true, fileName: true },
    }),
  );
}

interface Tally {
  requests: number;
  accepted: number;
  rows: number;
  /** 202s whose row is not in the database: must be 0. */
  lost: number;
  /**
   * Rows of requests that got no 2xx, their retry included (the web died after its commit, before its
   * answer went out, and the retry did not get the import back either).
   */
  unacknowledged: number;
  /** Requests retried once after the fault, with the same Idempotency-Key. */
  retried: number;
  /** Retries answered 2xx, and of those the ones that got an import written before (replayed). */
  acceptedOnRetry: number;
  replayedOnRetry: number;
  /** Requests written more than once (rows beyond one per request): must be 0. */
  duplicates: number;
  failed: number;
  errorRate: string;
  failures: Record<string, number>;
  /** Requests per second answered 2xx. */
  throughput: number;
}

async function tally(prefix: string, sent: Sent[], durationMs: number): Promise<Tally> {
  const rows = await rowsOf(prefix);
  const ok = (answer?: Answer) => !!answer && answer.status >= 200 && answer.status < 300;
  const accepted = sent.filter((one) => ok(one));
  const retries = sent.flatMap((one) => (one.retry ? [one.retry] : []));
  const acceptedRetries = retries.filter((answer) => ok(answer));
  const ids = new Set(rows.map((row) => row.id));
  const lost = [...accepted, ...acceptedRetries].filter((one) => !one.id || !ids.has(one.id)).length;
  const acknowledged = new Set(
    sent.filter((one) => ok(one) || ok(one.retry)).map((one) => `${prefix}-${one.seq}.csv`),
  );
  const fileNames = new Set(rows.map((row) => row.fileName));
  const unacknowledged = [...fileNames].filter((name) => !acknowledged.has(name)).length;
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
    rows: rows.length,
    lost,
    unacknowledged,
    retried: retries.length,
    acceptedOnRetry: acceptedRetries.length,
    replayedOnRetry: acceptedRetries.filter((answer) => answer.replayed).length,
    duplicates: rows.length - fileNames.size,
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
await retryFailed("a", sentA);
// The worker's validation of the imports runs on: counted when the load is over.
const a = await tally("a", sentA, durationMs);
const loadAfterA = loadAverage();
const afterRestart = sentA.filter((one) => one.at > restartAt + readyAgainMs);
const scenarioA = {
  ...a,
  killedAtS: +(killedAt / 1000).toFixed(1),
  recoveryMs: Math.round(lastFailureAfter(sentA, killedAt)),
  restartedReadyMs: Math.round(readyAgainMs),
  failedAfterRestart: afterRestart.filter((one) => !(one.status >= 200 && one.status < 300)).length,
};

// ---------------------------------------------------------------------------------------------------------
// b and c: a dependency stopped under load for a moment and started again, the webs' and workers' /readyz
// polled and a page probed meanwhile. One measure for both: only the fault differs.

const outageMs = 2_000;

interface Reading {
  name: string;
  at: number;
  ready: boolean;
}

async function underOutage(prefix: string, fault: () => Promise<void>) {
  const loadBefore = loadAverage();
  const started = performance.now();
  const readiness: Reading[] = [];
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
      readiness.push({ name: one.name, at: performance.now() - started, ready });
      await sleep(100);
    }
  });
  // What a person's browser gets meanwhile: a page that reads the database (sign-in asks whether the
  // organisation it came from has single sign-on).
  const pages: { at: number; status: number; translated: boolean; stack: boolean }[] = [];
  const pageProbe = (async () => {
    while (polling) {
      const at = performance.now() - started;
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
  const loading = load(prefix, durationMs, started);
  await sleep(durationMs / 4);
  const downAt = performance.now() - started;
  await fault();
  const upAt = performance.now() - started;
  const sent = await loading;
  await sleep(1_000);
  polling = false;
  await Promise.all([...pollers, pageProbe]);
  await retryFailed(prefix, sent);
  const counted = await tally(prefix, sent, durationMs);

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
  const afterUp = (name: string) => (readyAgain(name) ?? Number.POSITIVE_INFINITY) - upAt;
  const websReadyMs = topology.webs.map((web) => afterUp(web.name));
  const duringOutage = pages.filter((page) => page.status !== 200);
  const failed = sent.filter((one) => !(one.status >= 200 && one.status < 300));
  const firstAcceptedAfterUp = sent
    .filter((one) => one.status === 202 && one.at >= upAt)
    .map((one) => one.at + one.took - upAt);
  return {
    ...counted,
    downAtS: +(downAt / 1000).toFixed(1),
    /** From the fault's start to the dependency's return (what stopping and starting it took included). */
    downForMs: Math.round(upAt - downAt),
    loadBefore,
    loadAfter: loadAverage(),
    websNotReadyDuringOutage: topology.webs.every((web) => notReadyDuring(web.name)),
    websReadyMs: Object.fromEntries(
      topology.webs.map((web, index) => [web.name, Math.round(websReadyMs[index] as number)]),
    ),
    websReadyBefore: Object.fromEntries(topology.webs.map((web) => [web.name, readyBefore(web.name)])),
    websReadyAfterMs: Math.round(Math.max(...websReadyMs)),
    workersReadyAfterMs: Math.round(Math.max(...topology.workers.map((worker) => afterUp(worker.name)))),
    firstWriteAfterMs: Math.round(Math.min(...firstAcceptedAfterUp)),
    recoveryMs: Math.round(Math.max(0, lastFailureAfter(sent, upAt))),
    apiFailuresNot503: failed.filter((one) => one.status !== 503).length,
    apiFailuresUntranslated: failed.filter(
      (one) =>
        one.status === 503 && !one.body?.includes('"unavailable"') && !one.body?.includes(unavailableTitle),
    ).length,
    pagesDuringOutage: duringOutage.length,
    /** The requests that got no answer at all, for telling a proxy's close from a web's. */
    noAnswer: sent
      .filter((one) => one.status === 0)
      .map(({ at, took, error, idleBeforeMs }) => ({
        at: Math.round(at),
        took: Math.round(took),
        error,
        idleBeforeMs,
      })),
    pagesNotTranslated503: duringOutage.filter(
      (page) => page.status !== 503 || !page.translated || page.stack,
    ).length,
    readiness,
  };
}

console.log(
  `▶ b. ${connections} connections of writes for ${seconds} s; PgBouncer down for ${outageMs / 1000} s at ${seconds / 4} s`,
);
const scenarioB = await underOutage("b", () => topology.bouncer.restart({ downMs: outageMs }));

console.log(
  `▶ c. ${connections} connections of writes for ${seconds} s; PostgreSQL down for ${outageMs / 1000} s at ${seconds / 4} s`,
);
const scenarioC = await underOutage("c", () => server.restart({ downMs: outageMs }));

await cleanUp();

// ---------------------------------------------------------------------------------------------------------
// Report.

type Outage = typeof scenarioB;
const both = (row: (outage: Outage) => string | number): [string | number, string | number] => [
  row(scenarioB),
  row(scenarioC),
];
const perWeb = (values: Record<string, number | boolean>, show: (value: number | boolean) => string) =>
  Object.entries(values)
    .map(([name, value]) => `${name} ${show(value)}`)
    .join(", ");
const rows: [string, string | number, string | number, string | number][] = [
  ["requests sent", scenarioA.requests, ...both((o) => o.requests)],
  ["accepted (2xx)", scenarioA.accepted, ...both((o) => o.accepted)],
  ["rows written", scenarioA.rows, ...both((o) => o.rows)],
  ["accepted writes lost", scenarioA.lost, ...both((o) => o.lost)],
  ["rows without a 2xx, retry included", scenarioA.unacknowledged, ...both((o) => o.unacknowledged)],
  [
    "retried once after the fault (same key): accepted / replayed",
    `${scenarioA.retried}: ${scenarioA.acceptedOnRetry} / ${scenarioA.replayedOnRetry}`,
    ...both((o) => `${o.retried}: ${o.acceptedOnRetry} / ${o.replayedOnRetry}`),
  ],
  ["duplicates created", scenarioA.duplicates, ...both((o) => o.duplicates)],
  ["failed requests", scenarioA.failed, ...both((o) => o.failed)],
  ["error rate", scenarioA.errorRate, ...both((o) => o.errorRate)],
  ["failures by answer", JSON.stringify(scenarioA.failures), ...both((o) => JSON.stringify(o.failures))],
  ["accepted writes per second", scenarioA.throughput, ...both((o) => o.throughput)],
  [
    "load average (1 min) before → after",
    `${loadAtStart} → ${loadAfterA}`,
    ...both((o) => `${o.loadBefore} → ${o.loadAfter}`),
  ],
  [
    "fault at",
    `${scenarioA.killedAtS} s (SIGKILL web1)`,
    `${scenarioB.downAtS} s (PgBouncer down ${outageMs / 1000} s)`,
    `${scenarioC.downAtS} s (PostgreSQL down ${outageMs / 1000} s)`,
  ],
  ["fault to the dependency's return (stop + down + start)", "–", ...both((o) => `${o.downForMs} ms`)],
  ["last failure after the fault ended", `${scenarioA.recoveryMs} ms`, ...both((o) => `${o.recoveryMs} ms`)],
  ["web1 ready again after its restart", `${scenarioA.restartedReadyMs} ms`, "–", "–"],
  ["failures after web1 rejoined", scenarioA.failedAfterRestart, "–", "–"],
  [
    "webs' /readyz not ready during the outage",
    "–",
    ...both((o) => (o.websNotReadyDuringOutage ? "yes" : "NO")),
  ],
  ["webs' /readyz ready after the return", "–", ...both((o) => perWeb(o.websReadyMs, (ms) => `${ms} ms`))],
  [
    "  (ready in the 3 s before the outage)",
    "–",
    ...both((o) => perWeb(o.websReadyBefore, (ready) => (ready ? "yes" : "no"))),
  ],
  ["workers' /readyz ready after the return", "–", ...both((o) => `${o.workersReadyAfterMs} ms`)],
  ["first accepted write after the return", "–", ...both((o) => `${o.firstWriteAfterMs} ms`)],
  ["API failures other than 503", "–", ...both((o) => o.apiFailuresNot503)],
  ["page answers during the outage (not 200)", "–", ...both((o) => o.pagesDuringOutage)],
  ["  of which not the translated 503 page", "–", ...both((o) => o.pagesNotTranslated503)],
];
const width = Math.max(...rows.map(([name]) => name.length));
const colA = Math.max(...rows.map(([, value]) => String(value).length), 12);
const colB = Math.max(...rows.map(([, , value]) => String(value).length), 20);
console.log(
  `\n${"".padEnd(width)}  ${"a. web SIGKILL".padEnd(colA)}  ${"b. PgBouncer restart".padEnd(colB)}  c. PostgreSQL restart`,
);
for (const [name, first, second, third] of rows)
  console.log(
    `${name.padEnd(width)}  ${String(first).padEnd(colA)}  ${String(second).padEnd(colB)}  ${third}`,
  );

const outageChecks = (label: string, o: Outage): [string, boolean][] => [
  [`${label}: no accepted write lost`, o.lost === 0],
  [`${label}: no import written twice by a retry`, o.duplicates === 0],
  [`${label}: the webs said not ready during the outage`, o.websNotReadyDuringOutage],
  [`${label}: the webs ready again within 10 s`, o.websReadyAfterMs < 10_000],
  [`${label}: the workers ready again within 10 s`, o.workersReadyAfterMs < 10_000],
  [`${label}: writes accepted again within 10 s`, o.recoveryMs < 10_000],
  [
    `${label}: every failed write answered the translated 503`,
    o.apiFailuresNot503 === 0 && o.apiFailuresUntranslated === 0,
  ],
  [`${label}: every page failing meanwhile was the translated 503`, o.pagesNotTranslated503 === 0],
];
const checks: [string, boolean][] = [
  ["a: no accepted write lost", scenarioA.lost === 0],
  ["a: no import written twice by a retry", scenarioA.duplicates === 0],
  ["a: writes accepted again within 10 s of the kill", scenarioA.recoveryMs < 10_000],
  ["a: no failure once web1 rejoined", scenarioA.failedAfterRestart === 0],
  ...outageChecks("b", scenarioB),
  ...outageChecks("c", scenarioC),
];
console.log("");
for (const [name, ok] of checks) console.log(`${ok ? "ok    " : "FAILED"} ${name}`);
mkdirSync(join(root, ".tmp"), { recursive: true });
writeFileSync(
  join(root, ".tmp", "topology-faults.json"),
  JSON.stringify({ connections, seconds, a: scenarioA, b: scenarioB, c: scenarioC, checks }, null, 2),
);
console.log(`\nFigures in .tmp/topology-faults.json, process logs in ${logDir}/`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
