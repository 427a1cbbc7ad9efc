// Row-level security at the size of every Korean local government: 243 tenants, about 383,000 staff.
// Measures what every tenant request pays: opening withTenant, and typical directory reads, with all
// tenants' rows in the same tables. Usage: npm run bench -w @mentoring/db
import { performance } from "node:perf_hooks";
import { cliProgress } from "../src/cli-progress";
import { createTestDatabase } from "../src/testing";

const TENANTS = 243;
const STAFF_TOTAL = 383_000;
const SAMPLES = 400;

const database = await createTestDatabase();
const { db } = database;
try {
  const perTenant = Math.round(STAFF_TOTAL / TENANTS);
  const tenantIds: string[] = [];
  const loadStarted = performance.now();
  const loading = cliProgress("loading tenants", TENANTS);
  for (let t = 0; t < TENANTS; t++) {
    const tenant = await db.platform.tenant.create({
      data: {
        slug: `city-${t}`,
        name: `도시 ${t}`,
        kind: "basic_government",
        region: "경기도",
        status: "active",
      },
    });
    tenantIds.push(tenant.id);
    await db.withTenant(
      tenant.id,
      async (tx) => {
        await tx.department.createMany({
          data: Array.from({ length: 30 }, (_, d) => ({
            tenantId: tenant.id,
            code: `d${d}`,
            name: `부서 ${d}`,
          })),
        });
        const departments = await tx.department.findMany({
          where: { tenantId: tenant.id },
          select: { id: true },
        });
        await tx.staffMember.createMany({
          data: Array.from({ length: perTenant }, (_, s) => ({
            tenantId: tenant.id,
            employeeNumber: `E${String(s).padStart(6, "0")}`,
            name: `직원${s}`,
            departmentId: departments[s % departments.length]?.id as string,
            grade: 1 + (s % 9),
            positionTitle: "주무관",
            hireDate: new Date(Date.UTC(1990 + (s % 35), s % 12, 1 + (s % 28))),
          })),
        });
      },
      { timeout: 120_000 },
    );
    loading(t + 1);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const connection = await import("../src/provision").then(({ connect }) => connect(database.urls.owner));
  await connection.query("analyze");
  await connection.end();

  const pick = (i: number) => tenantIds[(i * 7919) % tenantIds.length] as string;
  async function measure(name: string, work: (tenantId: string) => Promise<unknown>) {
    for (let i = 0; i < 20; i++) await work(pick(i)); // warm-up
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      await work(pick(i));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.floor(q * (times.length - 1))] as number).toFixed(2);
    return { operation: name, "p50 ms": at(0.5), "p95 ms": at(0.95), "p99 ms": at(0.99) };
  }

  const rows = [
    await measure("withTenant, empty transaction", (id) => db.withTenant(id, async () => null)),
    await measure("count a tenant's staff", (id) =>
      db.withTenant(id, (tx) => tx.staffMember.count({ where: { tenantId: id } })),
    ),
    await measure("grade 8-9 active staff, first 50 by employee number", (id) =>
      db.withTenant(id, (tx) =>
        tx.staffMember.findMany({
          where: { tenantId: id, active: true, grade: { gte: 8 } },
          orderBy: { employeeNumber: "asc" },
          take: 50,
        }),
      ),
    ),
    await measure("staff member by employee number", (id) =>
      db.withTenant(id, (tx) =>
        tx.staffMember.findUnique({
          where: { tenantId_employeeNumber: { tenantId: id, employeeNumber: "E000777" } },
        }),
      ),
    ),
    await measure("one department's staff with department name", (id) =>
      db.withTenant(id, (tx) =>
        tx.department.findFirst({
          where: { tenantId: id, code: "d7" },
          include: { staffMembers: { take: 100 } },
        }),
      ),
    ),
  ];
  console.log(
    `\n${TENANTS} tenants, ${(perTenant * TENANTS).toLocaleString("en")} staff rows, loaded in ${loadSeconds.toFixed(1)} s`,
  );
  console.table(rows);
} finally {
  await database.drop();
}
