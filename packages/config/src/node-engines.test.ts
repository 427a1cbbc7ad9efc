// The project runs on the Node version its package.json declares (README: Node 20.19 or later); every
// installed package must support that version, or npm warns EBADENGINE at install and the package may use
// what that Node lacks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const declared = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).engines.node as string;
const oldestSupported = semver.minVersion(declared)?.version as string;

function installedPackages(folder = join(repo, "node_modules")): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith(".")) return [];
    const path = join(folder, entry.name);
    if (entry.name.startsWith("@")) return installedPackages(path);
    const nested = join(path, "node_modules");
    return [path, ...(existsSync(nested) ? installedPackages(nested) : [])];
  });
}

describe("the Node version the project declares", () => {
  it("is a version range with an oldest version", () => {
    expect(oldestSupported).toMatch(/^20\.\d+\.\d+$/);
  });

  it("is supported by every installed package", () => {
    const refusing = installedPackages().flatMap((path) => {
      const manifest = join(path, "package.json");
      if (!existsSync(manifest)) return [];
      const { name, version, engines } = JSON.parse(readFileSync(manifest, "utf8"));
      const wanted = typeof engines?.node === "string" ? engines.node : null;
      if (!wanted || !semver.validRange(wanted)) return [];
      return semver.satisfies(oldestSupported, wanted, { includePrerelease: true })
        ? []
        : [`${name}@${version} wants Node ${wanted}`];
    });
    expect(refusing).toEqual([]);
  });
});
