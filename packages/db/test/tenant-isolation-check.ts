import { randomUUID } from "node:crypto";
import type { Database } from "../src/database";
import { Prisma } from "../src/generated/prisma/client";

/**
 * Proves, table by table, that row-level security keeps tenants apart. The tables come from the database
 * catalog (every table with a tenant_id column), so a table added later is checked without editing this
 * file. Runs as the app role, the role the platform runs as. Returns what is wrong; nothing means isolated.
 */

export interface IsolationViolation {
  table: string;
  problem: string;
}

export async function tenantTables(db: Database): Promise<string[]> {
  // pg_catalog, not information_schema: the latter hides tables the role has no privilege on.
  const rows = await db.platform.$queryRaw<{ table: string }[]>`
    select c.relname as "table"
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where a.attname = 'tenant_id' and not a.attisdropped
      and c.relkind in ('r', 'p') and n.nspname = 'public'
    order by c.relname`;
  return rows.map((row) => row.table);
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Outcome = { ok: true; value: unknown } | { ok: false; code: string | undefined; message: string };

async function attempt(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const e = error as {
      code?: string;
      meta?: { code?: string };
      cause?: { code?: string };
      message: string;
    };
    const code = e.meta?.code ?? e.cause?.code ?? (e.code?.length === 5 ? e.code : undefined);
    return { ok: false, code, message: e.message };
  }
}

const REFUSED_BY_POLICY = /row-level security|42501/;
const refused = (outcome: Outcome) =>
  !outcome.ok && (outcome.code === "42501" || REFUSED_BY_POLICY.test(outcome.message));

export async function checkTenantIsolation(
  db: Database,
  tenantA: string,
  tenantB: string,
): Promise<IsolationViolation[]> {
  const violations: IsolationViolation[] = [];
  const flag = (table: string, problem: string) => violations.push({ table, problem });

  for (const table of await tenantTables(db)) {
    const t = quote(table);

    const [security] = await db.platform.$queryRaw<{ enabled: boolean; forced: boolean; policies: number }[]>`
      select c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = ${table}`;
    if (!security?.enabled) flag(table, "row-level security is not enabled");
    if (!security?.forced) flag(table, "row-level security is not forced (the owner would bypass it)");
    if (!security?.policies) flag(table, "has no policy");

    const count = (tenant: string, where: string) =>
      db.withTenant(tenant, async (tx) => {
        const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
          `select count(*)::int as n from ${t} ${where}`,
        );
        return row?.n ?? 0;
      });

    const ownRowsOfB = await attempt(() => count(tenantB, `where tenant_id = '${tenantB}'`));
    if (!ownRowsOfB.ok) {
      flag(table, `tenant B cannot read its own rows: ${ownRowsOfB.message}`);
      continue;
    }
    const ownRowsOfA = await count(tenantA, `where tenant_id = '${tenantA}'`);
    if (ownRowsOfB.value === 0 || ownRowsOfA === 0) {
      flag(table, "the fixture needs rows of both tenants here to show isolation: add them");
      continue;
    }

    // Read: A sees none of B's rows, even when it asks for them by tenant id.
    const seenByA = await count(tenantA, `where tenant_id = '${tenantB}'`);
    if (seenByA !== 0) flag(table, `tenant A reads ${seenByA} of tenant B's rows`);
    const seenWithoutTenant = await db.platform.$queryRaw<{ n: number }[]>(
      Prisma.sql`select count(*)::int as n from ${Prisma.raw(t)}`,
    );
    if (seenWithoutTenant[0]?.n !== 0) flag(table, "rows are visible outside withTenant");

    // Insert: A cannot write a row that belongs to B.
    const sampleOfB = await db.withTenant(tenantB, async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
        `select to_jsonb(x) as row from ${t} x where tenant_id = '${tenantB}' limit 1`,
      );
      return row?.row ?? {};
    });
    const forged = {
      ...sampleOfB,
      ...("id" in sampleOfB && typeof sampleOfB.id === "string" ? { id: randomUUID() } : {}),
    };
    const insert = await attempt(() =>
      db.withTenant(tenantA, (tx) =>
        tx.$executeRawUnsafe(
          `insert into ${t} select * from jsonb_populate_record(null::${t}, $1::jsonb)`,
          JSON.stringify(forged),
        ),
      ),
    );
    if (!refused(insert)) {
      flag(
        table,
        `tenant A inserting a row of tenant B was not refused by the policy (${insert.ok ? "accepted" : insert.message})`,
      );
    }

    // Update: A changes none of B's rows, and cannot hand one of its own rows to B.
    const updateOfB = await attempt(() =>
      db.withTenant(tenantA, (tx) =>
        tx.$executeRawUnsafe(`update ${t} set tenant_id = tenant_id where tenant_id = '${tenantB}'`),
      ),
    );
    if (updateOfB.ok && updateOfB.value !== 0)
      flag(table, `tenant A updated ${updateOfB.value} of tenant B's rows`);
    const handOver = await attempt(() =>
      db.withTenant(tenantA, (tx) =>
        tx.$executeRawUnsafe(`update ${t} set tenant_id = '${tenantB}' where tenant_id = '${tenantA}'`),
      ),
    );
    if (handOver.ok && handOver.value !== 0) flag(table, "tenant A moved its rows to tenant B");

    // Delete: A removes none of B's rows.
    const deleteOfB = await attempt(() =>
      db.withTenant(tenantA, (tx) => tx.$executeRawUnsafe(`delete from ${t} where tenant_id = '${tenantB}'`)),
    );
    if (deleteOfB.ok && deleteOfB.value !== 0)
      flag(table, `tenant A deleted ${deleteOfB.value} of tenant B's rows`);

    const afterwards = await count(tenantB, `where tenant_id = '${tenantB}'`);
    if (afterwards !== ownRowsOfB.value) flag(table, "tenant B's rows changed while tenant A worked");
  }
  return violations;
}
