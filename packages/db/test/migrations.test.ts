import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
});

describe("the migrations folder", () => {
  it("puts every table with a tenant_id under forced row-level security with a policy, when created or later", async () => {
    // Migrations are additive: a table's security may come in a later migration than the table.
    const all = (
      await Promise.all(migrations.sort().map((name) => readFile(`${folder}/${name}/migration.sql`, "utf8")))
    ).join("\n");
    const created = [...all.matchAll(/CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/g)]
      .filter(([, , body]) => /"tenant_id"/.test(body ?? ""))
      .map(([, table]) => table as string);
    expect(created.length).toBeGreaterThan(20);
    for (const table of created) {
      expect(all, table).toContain(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      expect(all, table).toContain(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      expect(all, table).toMatch(new RegExp(`CREATE POLICY "\\w+" ON "${table}"`));
    }
  });

  it("is in step with prisma/schema.prisma (a schema change needs `npm run migration:new`)", async () => {
    const schema = await readFile(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
    const migrated = await readFile(new URL("../prisma/migrated-schema.prisma", import.meta.url), "utf8");
    expect(migrated).toBe(schema);
  });
});
