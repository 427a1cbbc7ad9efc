// What the page benchmarks share: servers started and awaited, session cookies as the app signs them, a
// closed loop of keep-alive connections with latencies and CPU per request, percentiles, and a process's
// CPU time and memory from /proc.
import { type ChildProcess, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { createCookie } from "@remix-run/node";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready at ${url} within 60 s`);
}

/** The value a browser sends back for a cookie the app's createCookie set. */
export async function cookieValue(name: string, value: string, secret: string): Promise<string> {
  const serialized = await createCookie(name, { secrets: [secret] }).serialize(value);
  return serialized.split(";")[0] as string;
}

// ---------------------------------------------------------------------------------------------------------
// Load: a closed loop of keep-alive connections, each sending its next request when the last is answered,
// at once (the server's throughput when saturated) or after a person's pause (the latency people see).

export interface Round {
  requests: number;
  /** CPU time the server process spent (user + system), in ms: less disturbed by other load than req/s. */
  cpuMs: number;
  /** CPU time of the server's PostgreSQL backends (its pool's connections), in ms. */
  dbCpuMs: number;
  errors: number;
  rps: number;
  latencies: number[];
  bytes: number;
}

export function get(agent: Agent, port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = request({ agent, host: "127.0.0.1", port, path, headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

let forwardedSeq = 0;
/** A new client address for each request: the public check is limited per address (30 a minute). */
export function nextAddress(): string {
  const n = ++forwardedSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface Server {
  /** One port per process of the server: connections are spread over them, as a proxy would. */
  ports: number[];
  /** Its processes, whose CPU time is summed. */
  pids: number[];
  /** PostgreSQL backends' CPU so far, by backend pid: the server's connections, told by application_name. */
  backends(): Promise<Map<number, number>>;
}

/**
 * `thinkMs`: the mean pause between a connection's answer and its next request, drawn from an exponential
 * distribution so that the people behind the connections do not click in step; 0 sends at once.
 */
export async function load(
  server: Server,
  target: Target,
  connections: number,
  durationSeconds: number,
  thinkMs = 0,
): Promise<Round> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const cpuOfServer = () => server.pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const cpuBefore = cpuOfServer();
  const backendsBefore = await server.backends();
  const started = performance.now();
  const end = started + durationSeconds * 1000;
  // A pause never runs past the round's end: the round's time is the time requests were being sent.
  const think = () =>
    new Promise((resolve) =>
      setTimeout(resolve, Math.min(-Math.log(1 - Math.random()) * thinkMs, end - performance.now())),
    );
  const loop = async (_: unknown, connection: number) => {
    const port = server.ports[connection % server.ports.length] as number;
    // People arrive spread over their first pause, not all in the first millisecond.
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * thinkMs));
    while (performance.now() < end) {
      const headers = target.perAddress
        ? { ...target.headers, "x-forwarded-for": nextAddress() }
        : target.headers;
      const sent = performance.now();
      try {
        const answer = await get(agent, port, target.path, headers);
        if (answer.status !== 200) errors++;
        else {
          latencies.push(performance.now() - sent);
          bytes = answer.bytes;
        }
      } catch {
        errors++;
      }
      if (thinkMs > 0) await think();
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const cpuMs = cpuOfServer() - cpuBefore;
  // A connection opened during the round counts whole; one closed during it is lost (pools keep theirs).
  let dbCpuMs = 0;
  for (const [pid, ms] of await server.backends()) dbCpuMs += ms - (backendsBefore.get(pid) ?? 0);
  return {
    requests: latencies.length,
    cpuMs,
    dbCpuMs,
    errors,
    rps: latencies.length / elapsed,
    latencies,
    bytes,
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export function percentiles(latencies: number[]) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) =>
    sorted.length
      ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number)
      : Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

// ---------------------------------------------------------------------------------------------------------
// The web process's memory, from /proc.

const ticksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, fields 14 and 15). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

// ---------------------------------------------------------------------------------------------------------

export interface Target {
  path: string;
  headers: Record<string, string>;
  perAddress?: boolean;
}
