import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureTestTemplate } from "@mentoring/db/testing";
import { resultsDir, type ScenarioResult } from "./harness";

/** Prepares the test template; after the run, prints the figures table and writes chaos-results.json. */
export default async function setup() {
  if (spawnSync("redis-server", ["--version"]).status !== 0)
    throw new Error(
      "the chaos suite starts Redis servers of its own: install redis-server (Debian: apt-get install redis-server)",
    );
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  await ensureTestTemplate();
  const started = Date.now();
  return () => {
    const results = readdirSync(resultsDir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => JSON.parse(readFileSync(join(resultsDir, file), "utf8")) as ScenarioResult)
      .sort((a, b) => a.scenario.localeCompare(b.scenario));
    const rows = [
      ["scenario", "rounds", "jobs", "mails", "lost", "duplicated", "stuck", "recovery s"],
      ...results.map((result) => [
        result.scenario,
        String(result.rounds),
        String(result.jobs),
        String(result.mails),
        String(result.lost),
        String(result.duplicated),
        String(result.stuck),
        result.recoverySeconds === null ? "-" : result.recoverySeconds.toFixed(1),
      ]),
    ];
    const widths =
      rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
    const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
    const seconds = (Date.now() - started) / 1000;
    console.log(`\nChaos suite: ${results.length} scenarios in ${seconds.toFixed(0)} s\n${table.join("\n")}`);
    for (const result of results)
      for (const note of result.notes) console.log(`  ${result.scenario}: ${note}`);
    const file = join(resultsDir, "..", "chaos-results.json");
    writeFileSync(
      file,
      `${JSON.stringify({ finishedAt: new Date().toISOString(), seconds, scenarios: results }, null, 2)}\n`,
    );
    console.log(`Written to ${file}`);
  };
}
