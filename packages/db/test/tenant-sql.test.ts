import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidTenantIdError } from "../src/database";
import { createSeededTestDatabase, type SeededTestDatabase } from "../src/testing";

let database: SeededTestDatabase;
let yongin: string;
let gangneung: string;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const [y, g] = database.seeded;
  yongin = y?.tenantId as string;
  gangneung = g?.tenantId as string;
});
afterAll(async () => {
  await database?.drop();
});

const staffOf = (tenantId: string) =>
  database.db.withTenantSql(tenantId, async (sql) => {
    const { rows } = await sql.query<{ tenant_id: string; count: number }>(
      "select tenant_id::text, count(*)::int as count from staff_members group by tenant_id",
    );
    return rows;
  });

describe("withTenantSql, a tenant transaction on a plain connection", () => {
  it("shows the tenant's rows alone, as withTenant does", async () => {
    const rows = await staffOf(yongin);
    expect(rows).toEqual([{ tenant_id: yongin, count: expect.any(Number) }]);
    expect(rows[0]?.count).toBeGreaterThan(0);
    expect((await staffOf(gangneung)).map((row) => row.tenant_id)).toEqual([gangneung]);
  });

  it("refuses a row of another tenant", async () => {
    await expect(
      database.db.withTenantSql(yongin, (sql) =>
        sql.query("insert into departments (tenant_id, code, name) values ($1::uuid, 'x-1', '남의 부서')", [
          gangneung,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("rolls everything back when the work fails, and leaves no tenant on the pooled connection", async () => {
    await expect(
      database.db.withTenantSql(yongin, async (sql) => {
        await sql.query(
          "insert into departments (tenant_id, code, name) values ($1::uuid, 'gone-1', '사라질 부서')",
          [yongin],
        );
        throw new Error("part-way");
      }),
    ).rejects.toThrow("part-way");
    const left = await database.db.withTenant(yongin, (tx) =>
      tx.department.count({ where: { tenantId: yongin, code: "gone-1" } }),
    );
    expect(left).toBe(0);
    // Every pooled connection, as the platform client sees it outside any tenant transaction.
    const seen = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          database.db.platform.$queryRaw<{ tenant: string | null }[]>`
          select nullif(current_setting('app.tenant_id', true), '') as tenant`,
      ),
    );
    expect(seen.flat().map((row) => row.tenant)).toEqual([null, null, null, null]);
  });

  it("counts the rows a statement changed", async () => {
    const changed = await database.db.withTenantSql(yongin, async (sql) => {
      const { rowCount } = await sql.query(
        "update staff_members set updated_at = updated_at where tenant_id = $1::uuid",
        [yongin],
      );
      return rowCount;
    });
    expect(changed).toBe((await staffOf(yongin))[0]?.count);
  });

  it("may commit without waiting for the disk, for that transaction alone", async () => {
    const setting = (options?: { synchronousCommit?: boolean; timeout?: number }) =>
      database.db.withTenantSql(
        yongin,
        async (sql) =>
          (
            await sql.query<{ sync: string; timeout: string }>(
              "select current_setting('synchronous_commit') as sync, current_setting('statement_timeout') as timeout",
            )
          ).rows[0],
        options,
      );
    expect(await setting({ synchronousCommit: false, timeout: 5_000 })).toEqual({
      sync: "off",
      timeout: "5s",
    });
    expect(await setting()).toEqual({ sync: "on", timeout: "30s" });
  });

  it("refuses anything but a tenant id", async () => {
    await expect(database.db.withTenantSql("not-a-uuid", async () => 1)).rejects.toThrow(
      InvalidTenantIdError,
    );
  });
});
