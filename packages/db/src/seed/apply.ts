import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@mentoring/auth";
import { recordAudit } from "../audit";
import type { Database, TenantDb } from "../database";
import type { MembershipRole } from "../generated/prisma/client";
import type { SeedStaffMember, SeedTenant } from "./directory";
import { GANGNEUNG_EDGE_CASES, gangneungSeed } from "./gangneung";
import { castOf } from "./program-cast";
import { YONGIN_EDGE_CASES, yonginSeed } from "./yongin";

/** A sign-in account made from a staff member, with its roles in the tenant. */
export interface SeedAccount {
  roles: MembershipRole[];
  pick(staff: SeedStaffMember[]): SeedStaffMember | undefined;
}

const first =
  (predicate: (person: SeedStaffMember) => boolean, nth = 0) =>
  (staff: SeedStaffMember[]) =>
    staff.filter((person) => person.active && predicate(person))[nth];

/** Senior-most deputy mayor (smallest grade number): the executive who signs certificates. */
const deputyMayor = (staff: SeedStaffMember[]) =>
  staff
    .filter((person) => person.positionTitle === "부시장")
    .sort((a, b) => (a.grade ?? 99) - (b.grade ?? 99))[0];

export const seedAccounts: Record<string, SeedAccount[]> = {
  yongin: [
    {
      roles: ["tenant_admin"],
      pick: first((p) => p.departmentCode === "personnel" && p.positionTitle === "팀장"),
    },
    {
      roles: ["coordinator"],
      pick: first((p) => p.departmentCode === "personnel" && p.positionTitle === "주무관"),
    },
    { roles: ["executive"], pick: deputyMayor },
    {
      roles: ["evaluator"],
      pick: first((p) => p.departmentCode === "digital-policy" && p.positionTitle === "팀장"),
    },
    {
      roles: ["participant"],
      pick: first((p) => p.positionTitle === "주무관" && p.hireDate >= "2025-01-01"),
    },
  ],
  gangneung: [
    {
      roles: ["tenant_admin"],
      pick: first((p) => p.departmentCode === "general-affairs" && p.positionTitle === "팀장"),
    },
    {
      roles: ["coordinator"],
      pick: first((p) => p.departmentCode === "general-affairs" && p.positionTitle === "주무관"),
    },
    { roles: ["executive"], pick: deputyMayor },
    { roles: ["evaluator"], pick: first((p) => p.positionTitle === "팀장", 1) },
    { roles: ["participant"], pick: first((p) => p.positionTitle === "주무관" && (p.grade ?? 0) >= 8) },
  ],
};

/** The certificate signer's title per city: Yongin, a special city, has two deputy mayors. */
const signerTitles: Record<string, string> = { yongin: "제1부시장", gangneung: "부시장" };

export const PLATFORM_OPERATOR_EMAIL = "operator@platform.example.kr";

export interface SeedSummary {
  tenantId: string;
  slug: string;
  created: boolean;
  departments: number;
  staff: number;
  accounts: { email: string; name: string; roles: MembershipRole[] }[];
}

/** Parents before children, so every parent id exists when a child is written. */
function parentsFirst(seed: SeedTenant) {
  const placed = new Set<string | null>([null]);
  const ordered: SeedTenant["departments"] = [];
  let remaining = [...seed.departments];
  while (remaining.length > 0) {
    const ready = remaining.filter((d) => placed.has(d.parentCode));
    if (ready.length === 0)
      throw new Error(`department tree of ${seed.slug} has a cycle or a missing parent`);
    for (const d of ready) placed.add(d.code);
    ordered.push(...ready);
    remaining = remaining.filter((d) => !placed.has(d.code));
  }
  return ordered;
}

/** Rows written per statement, and how often progress is reported. */
const STAFF_BATCH = 200;

/**
 * Departments by code, parents first. New ones are written in one statement with ids chosen here, so a
 * child can name its parent before either exists (PostgreSQL checks the keys at the statement's end);
 * existing ones are updated only where the seed changed them.
 */
async function writeDepartments(tx: TenantDb, tenantId: string, seed: SeedTenant) {
  const existing = new Map(
    (
      await tx.department.findMany({
        where: { tenantId },
        select: { id: true, code: true, name: true, parentId: true },
      })
    ).map((row) => [row.code, row]),
  );
  const departmentIds = new Map([...existing.values()].map((row) => [row.code, row.id]));
  const created: { id: string; tenantId: string; code: string; name: string; parentId: string | null }[] = [];
  for (const d of parentsFirst(seed)) {
    const parentId = d.parentCode ? (departmentIds.get(d.parentCode) ?? null) : null;
    const row = existing.get(d.code);
    if (!row) {
      const id = randomUUID();
      departmentIds.set(d.code, id);
      created.push({ id, tenantId, code: d.code, name: d.name, parentId });
    } else if (row.name !== d.name || row.parentId !== parentId) {
      await tx.department.update({ where: { id: row.id }, data: { name: d.name, parentId } });
    }
  }
  if (created.length > 0) await tx.department.createMany({ data: created });
  return departmentIds;
}

/**
 * The staff directory by employee number: new people in batches, existing ones updated only where the
 * seed changed them, so that seeding a fresh city is a few statements and seeding it again is reads only.
 */
async function writeDirectory(
  tx: TenantDb,
  tenantId: string,
  seed: SeedTenant,
  onProgress: (done: number) => void,
) {
  const departmentIds = await writeDepartments(tx, tenantId, seed);
  const existing = new Map(
    (await tx.staffMember.findMany({ where: { tenantId } })).map((row) => [row.employeeNumber, row]),
  );
  const staffIds = new Map([...existing.values()].map((row) => [row.employeeNumber, row.id]));
  const created: (StaffFields & {
    id: string;
    tenantId: string;
    employeeNumber: string;
  })[] = [];
  for (const person of seed.staff) {
    const departmentId = departmentIds.get(person.departmentCode);
    if (!departmentId)
      throw new Error(`${person.employeeNumber}: unknown department ${person.departmentCode}`);
    const fields = staffFields(person, departmentId);
    const row = existing.get(person.employeeNumber);
    if (!row) {
      const id = randomUUID();
      staffIds.set(person.employeeNumber, id);
      created.push({ id, tenantId, employeeNumber: person.employeeNumber, ...fields });
    } else if (!sameStaffFields(row, fields)) {
      await tx.staffMember.update({ where: { id: row.id }, data: fields });
    }
  }
  const unchanged = seed.staff.length - created.length;
  for (let start = 0; start < created.length; start += STAFF_BATCH) {
    await tx.staffMember.createMany({ data: created.slice(start, start + STAFF_BATCH) });
    onProgress(unchanged + Math.min(start + STAFF_BATCH, created.length));
  }
  if (created.length === 0) onProgress(seed.staff.length);
  // After every row exists: a supervisor may come later in the directory than their reports.
  const links = seed.staff.map((person) => ({
    id: staffIds.get(person.employeeNumber),
    supervisor_id: person.supervisorEmployeeNumber
      ? (staffIds.get(person.supervisorEmployeeNumber) ?? null)
      : null,
  }));
  await tx.$executeRaw`
    update staff_members s set supervisor_staff_id = v.supervisor_id, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id uuid, supervisor_id uuid)
    where s.tenant_id = ${tenantId}::uuid and s.id = v.id
      and s.supervisor_staff_id is distinct from v.supervisor_id`;
  return staffIds;
}

function staffFields(person: SeedStaffMember, departmentId: string) {
  return {
    name: person.name,
    departmentId,
    grade: person.grade,
    positionTitle: person.positionTitle,
    hireDate: new Date(`${person.hireDate}T00:00:00Z`),
    birthYear: person.birthYear,
    email: person.email,
    phone: person.phone,
    active: person.active,
  };
}

type StaffFields = ReturnType<typeof staffFields>;

function sameStaffFields(row: { [key in keyof StaffFields]: StaffFields[key] | null }, fields: StaffFields) {
  return (Object.keys(fields) as (keyof typeof fields)[]).every((key) =>
    key === "hireDate" ? row.hireDate?.getTime() === fields.hireDate.getTime() : row[key] === fields[key],
  );
}

/**
 * Writes a tenant, its departments, staff directory and sign-in accounts. Idempotent: rows are upserted
 * by their natural keys (slug, department code, employee number, e-mail), so running it again changes
 * nothing that is already right.
 */
export interface SeedOptions {
  /** Given a password, accounts that have none get it (a demo or test sign-in); existing ones are kept. */
  password?: string;
  onProgress?: (slug: string, done: number, total: number) => void;
}

export async function seedTenant(
  db: Database,
  seed: SeedTenant,
  accounts: SeedAccount[],
  { password, onProgress = () => {} }: SeedOptions = {},
): Promise<SeedSummary> {
  const passwordHash = password ? await hashPassword(password) : undefined;
  const existing = await db.platform.tenant.findUnique({ where: { slug: seed.slug }, select: { id: true } });
  const tenant = await db.platform.tenant.upsert({
    where: { slug: seed.slug },
    create: {
      slug: seed.slug,
      name: seed.name,
      nameEn: seed.nameEn,
      kind: seed.kind,
      region: seed.region,
      status: "active",
    },
    update: { name: seed.name, nameEn: seed.nameEn, kind: seed.kind, region: seed.region },
  });
  return db.withTenant(
    tenant.id,
    async (tx) => {
      const staffIds = await writeDirectory(tx, tenant.id, seed, (done) =>
        onProgress(seed.slug, done, seed.staff.length),
      );
      const summaryAccounts: SeedSummary["accounts"] = [];
      for (const account of accounts) {
        const person = account.pick(seed.staff);
        if (!person)
          throw new Error(`${seed.slug}: no staff member fits the account for ${account.roles.join(", ")}`);
        const user = await tx.user.upsert({
          where: { email: person.email.toLowerCase() },
          create: { email: person.email.toLowerCase(), displayName: person.name, passwordHash },
          update: { displayName: person.name },
        });
        if (passwordHash && !user.passwordHash) {
          await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
        }
        const staffMemberId = staffIds.get(person.employeeNumber) ?? null;
        await tx.membership.upsert({
          where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
          create: { tenantId: tenant.id, userId: user.id, roles: account.roles, staffMemberId },
          update: { roles: account.roles, staffMemberId },
        });
        summaryAccounts.push({ email: user.email, name: person.name, roles: account.roles });
      }
      await writeParticipantAccounts(tx, tenant.id, participantsOf(seed), staffIds, passwordHash);
      // The executive who signs the pairing certificates (결연증서).
      const signer = deputyMayor(seed.staff);
      if (signer && !(await tx.certificateSigner.findFirst({ where: { tenantId: tenant.id } }))) {
        await tx.certificateSigner.create({
          data: {
            tenantId: tenant.id,
            name: signer.name,
            title: signerTitles[seed.slug] ?? "부시장",
          },
        });
      }
      // An outside trainer invited as evaluator and not yet signed up: a pending invitation to look at.
      const trainer = `trainer@${seed.slug}-institute.example.kr`;
      if (!(await tx.invitation.findFirst({ where: { tenantId: tenant.id, email: trainer } }))) {
        await tx.invitation.create({
          data: {
            tenantId: tenant.id,
            email: trainer,
            roles: ["evaluator"],
            tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
            expiresAt: new Date(Date.now() + 14 * 24 * 3600 * 1000),
          },
        });
      }
      if (!existing) {
        await recordAudit(tx, {
          tenantId: tenant.id,
          actorUserId: null,
          action: "tenant.seed",
          entityType: "tenant",
          entityId: tenant.id,
          after: {
            departments: seed.departments.length,
            staff: seed.staff.length,
            accounts: accounts.length,
          },
        });
      }
      return {
        tenantId: tenant.id,
        slug: seed.slug,
        created: !existing,
        departments: seed.departments.length,
        staff: seed.staff.length,
        accounts: summaryAccounts,
      };
    },
    { timeout: 120_000 },
  );
}

const edgeCases: Record<string, readonly { employeeNumber: string }[]> = {
  yongin: Object.values(YONGIN_EDGE_CASES),
  gangneung: Object.values(GANGNEUNG_EDGE_CASES),
};

/**
 * People who sign in as participants besides the named accounts: everyone in a seeded cohort, the spare
 * applicants, and the people on either side of the eligibility rules (so a test can have them apply).
 */
function participantsOf(seed: SeedTenant): SeedStaffMember[] {
  const edge = new Set((edgeCases[seed.slug] ?? []).map((person) => person.employeeNumber));
  const people = new Map(castOf(seed).map((person) => [person.employeeNumber, person]));
  for (const person of seed.staff)
    if (edge.has(person.employeeNumber) && person.active) people.set(person.employeeNumber, person);
  return [...people.values()];
}

/** Participant accounts in bulk; people who already have an account or membership keep theirs. */
async function writeParticipantAccounts(
  tx: TenantDb,
  tenantId: string,
  people: SeedStaffMember[],
  staffIds: Map<string, string>,
  passwordHash: string | undefined,
) {
  await tx.user.createMany({
    data: people.map((person) => ({
      email: person.email.toLowerCase(),
      displayName: person.name,
      passwordHash: passwordHash ?? null,
    })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({
    where: { email: { in: people.map((person) => person.email.toLowerCase()) } },
    select: { id: true, email: true },
  });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  await tx.membership.createMany({
    data: people.map((person) => ({
      tenantId,
      userId: userIds.get(person.email.toLowerCase()) as string,
      roles: ["participant" as const],
      staffMemberId: staffIds.get(person.employeeNumber) ?? null,
    })),
    skipDuplicates: true,
  });
}

/** The two real programs' cities (용인특례시, 강릉시) and the platform operator. */
export async function seedAll(db: Database, options: SeedOptions = {}): Promise<SeedSummary[]> {
  const passwordHash = options.password ? await hashPassword(options.password) : undefined;
  const operator = await db.platform.user.upsert({
    where: { email: PLATFORM_OPERATOR_EMAIL },
    create: {
      email: PLATFORM_OPERATOR_EMAIL,
      displayName: "플랫폼 운영자",
      platformRole: "operator",
      passwordHash,
    },
    update: { platformRole: "operator" },
  });
  if (passwordHash && !operator.passwordHash) {
    await db.platform.user.update({ where: { id: operator.id }, data: { passwordHash } });
  }
  const summaries: SeedSummary[] = [];
  for (const seed of [yonginSeed(), gangneungSeed()]) {
    summaries.push(await seedTenant(db, seed, seedAccounts[seed.slug] ?? [], options));
  }
  return summaries;
}
