import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PLATFORM_TABLES_WITH_TENANT } from "./tenant-isolation-check";

// Prisma's offline migration runner splits a file at every semicolon and runs the pieces outside a
// transaction (docs/adr/0002-prisma-offline.md): these rules keep every migration runnable by it.
const folder = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
const migrations = (await readdir(folder, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe.each(migrations)("migration %s", (name) => {
  it("has no semicolon inside a comment, no dollar-quoted body and no string with a semicolon", async () => {
    const sql = await readFile(`${folder}/${name}/migration.sql`, "utf8");
    const lines = sql.split("\n");
    expect(lines.filter((line) => /--.*;/.test(line))).toEqual([]);
    expect(sql).not.toContain("$$");
    expect(lines.filter((line) => /'[^']*;[^']*'/.test(line))).toEqual([]);
  });

  it("puts every table with a tenant_id under forced row-level security with a policy", async () => {
    const sql = await readFile(`${folder}/${name}/migration.sql`, "utf8");
    const created = [...sql.matchAll(/CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/g)]
      .filter(([, , body]) => /"tenant_id"/.test(body ?? ""))
      .map(([, table]) => table as string)
      .filter((table) => !Object.hasOwn(PLATFORM_TABLES_WITH_TENANT, table));
    for (const table of created) {
      expect(sql, table).toContain(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      expect(sql, table).toContain(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      expect(sql, table).toMatch(new RegExp(`CREATE POLICY "\\w+" ON "${table}"`));
    }
  });
});

describe("the migrations folder", () => {
  it("is in step with prisma/schema.prisma (a schema change needs `npm run migration:new`)", async () => {
    const schema = await readFile(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
    const migrated = await readFile(new URL("../prisma/migrated-schema.prisma", import.meta.url), "utf8");
    expect(migrated).toBe(schema);
  });
});
