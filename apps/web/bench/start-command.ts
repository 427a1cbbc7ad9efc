import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How the web's `start` script runs the server (`VAR=value … node --flag … server.js`): its variables
 * (NODE_ENV aside, which the benches set), its Node flags and its arguments after them. The benches serve
 * with them, so that they measure the process production runs. A tree built before the server was
 * compiled (`BENCH_WEB_DIR` of an older commit) has no server.js: its server.ts runs through tsx.
 */
export function startCommand(webDir: string): {
  env: Record<string, string>;
  nodeFlags: string[];
  entry: string[];
} {
  const script: string = JSON.parse(readFileSync(join(webDir, "package.json"), "utf8")).scripts.start;
  const words = script.split(/\s+/).filter(Boolean);
  const node = words.indexOf("node");
  const env = Object.fromEntries(
    words
      .slice(0, node)
      .map((word) => word.split("=", 2) as [string, string])
      .filter(([name]) => name !== "NODE_ENV"),
  );
  const afterNode = words.slice(node + 1);
  const firstArgument = afterNode.findIndex((word) => !word.startsWith("--"));
  const nodeFlags = afterNode.slice(0, firstArgument).filter((word) => word !== "--import");
  const entry = afterNode.slice(firstArgument);
  const compiled = entry.length === 1 && existsSync(join(webDir, entry[0] as string));
  return { env, nodeFlags, entry: compiled ? entry : ["--import", "tsx", "server.ts"] };
}
