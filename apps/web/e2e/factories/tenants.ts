import { randomBytes } from "node:crypto";
import type { Database, MembershipRole } from "@mentoring/db";
import { type SeedStaffMember, type SeedTenant, seedTenant } from "@mentoring/db/seed";

/** A seeded person's copy in a test tenant: same name, department, grade and dates; the tenant's address. */
export interface TestStaff extends SeedStaffMember {
  id: string;
}

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  /** The copy of a seeded person (given as the seeded record or its employee number). */
  staff(person: SeedStaffMember | string): TestStaff;
  /** The user id of an account holder's copy (for use cases that record who acted). */
  userId(person: SeedStaffMember): string;
}

export interface TenantAccount {
  /** The seeded person (as in yonginSeed() or gangneungSeed()) who gets a sign-in account. */
  person: SeedStaffMember;
  roles: MembershipRole[];
}

export interface TenantOptions {
  /** The city whose departments and staff directory are copied. */
  like: SeedTenant;
  /** Sign-in accounts, each linked to its person's copy in the directory. */
  accounts: TenantAccount[];
  /** Which of the other staff to copy (default: all of them); account holders are always copied. */
  staff?: (person: SeedStaffMember) => boolean;
  /** Given, the accounts can also sign in with this password (only the sign-in specs need one). */
  password?: string;
}

/** The person in a seeded city's directory with this address, or the first active one `which` picks. */
export function seededPerson(
  seed: SeedTenant,
  which: string | ((person: SeedStaffMember) => boolean),
): SeedStaffMember {
  const found =
    typeof which === "string"
      ? seed.staff.find((person) => person.email === which)
      : seed.staff.find((person) => person.active && which(person));
  if (!found) throw new Error(`no such person in ${seed.slug}'s seeded directory: ${String(which)}`);
  return found;
}

/**
 * An organisation of the test's own, copied from a seeded city through the seed itself (`seedTenant`): its
 * departments, its directory (or part of it), certificate signer and accounts. The copy has its own address
 * (/e2e-xxxxxx), a name no seeded city's name contains, and addresses at its own domain, so that what a
 * test does there is seen by no other test.
 */
export async function createTenant(db: Database, options: TenantOptions): Promise<TestTenant> {
  const { like, accounts, password } = options;
  const suffix = randomBytes(3).toString("hex");
  const slug = `e2e-${suffix}`;
  const holders = new Set(accounts.map((account) => account.person.employeeNumber));
  const copy = (person: SeedStaffMember): SeedStaffMember => ({
    ...person,
    email: person.email.replace(/@.*$/, `@${slug}.example.kr`),
  });
  const wanted = options.staff ?? (() => true);
  const seed: SeedTenant = {
    ...like,
    slug,
    name: `시험시 ${suffix}`,
    nameEn: `Test City ${suffix}`,
    staff: like.staff.filter((person) => holders.has(person.employeeNumber) || wanted(person)).map(copy),
  };
  const summary = await seedTenant(
    db,
    seed,
    accounts.map(({ person, roles }) => ({
      roles,
      pick: (staff) => staff.find((candidate) => candidate.employeeNumber === person.employeeNumber),
    })),
    { password },
  );
  const ids = await db.withTenant(summary.tenantId, (tx) =>
    tx.staffMember.findMany({
      where: { tenantId: summary.tenantId },
      select: { id: true, employeeNumber: true },
    }),
  );
  const idOf = new Map(ids.map((row) => [row.employeeNumber, row.id]));
  const byNumber = new Map(seed.staff.map((person) => [person.employeeNumber, person]));
  const users = await db.platform.user.findMany({
    where: { email: { in: summary.accounts.map((account) => account.email) } },
    select: { id: true, email: true },
  });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  const staff = (person: SeedStaffMember | string): TestStaff => {
    const employeeNumber = typeof person === "string" ? person : person.employeeNumber;
    const copied = byNumber.get(employeeNumber);
    const id = idOf.get(employeeNumber);
    if (!copied || !id) throw new Error(`${employeeNumber} was not copied into ${slug}`);
    return { ...copied, id };
  };
  return {
    id: summary.tenantId,
    slug,
    name: seed.name,
    nameEn: seed.nameEn,
    staff,
    userId(person) {
      const id = userIds.get(staff(person).email.toLowerCase());
      if (!id) throw new Error(`${person.name} (${person.employeeNumber}) has no account in ${slug}`);
      return id;
    },
  };
}
