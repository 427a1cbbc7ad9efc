import type { TenantDb } from "@mentoring/db";
import {
  AppError,
  type ApplicationRole,
  type ApplicationStatus,
  acceptsApplications,
  applicationRoles,
  type CohortStatus,
  recruitedRoles,
} from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { inviteNominee } from "@mentoring/tenants";
import { existingApplication } from "../records/application-record";
import { loadCohort } from "../records/cohort-record";
import type { Acting } from "../records/decision-mail";
import { type PlacementOutcome, place } from "../records/placement";
import { loadStaff } from "../records/staff-candidate";

export type NominationResult = { employeeNumber: string } & (
  | PlacementOutcome
  | { outcome: "unknown" }
  | { outcome: "inactive" }
  | { outcome: "already_applied"; status: ApplicationStatus; role: ApplicationRole }
);

export interface NominateInput extends Acting {
  /** The coordinator: recorded as the nominator. */
  actorUserId: string;
  cohortId: string;
  employeeNumbers: string[];
  role: ApplicationRole;
}

/** Most employee numbers a single nomination takes; a cohort's quota is at most a few hundred. */
export const MAX_NOMINATIONS = 500;

/**
 * The coordinator puts staff forward by employee number. Each is judged like an applicant and takes a
 * place (or a waitlist spot) at once, but has not consented yet: they consent or decline on the
 * announcement page. Someone with an account tied to their staff record is mailed the decision as an
 * applicant is; someone without one gets an invitation instead, whose link makes that account and leads
 * to the announcement. Numbers are trimmed and taken once each, in the order given.
 */
export async function nominateToCohort(tx: TenantDb, input: NominateInput): Promise<NominationResult[]> {
  const { tenantId, cohortId, role } = input;
  if (!applicationRoles.includes(role)) throw new AppError("recruitment.unknown_role");
  const numbers = [...new Set(input.employeeNumbers.map((number) => number.trim()).filter(Boolean))];
  if (numbers.length === 0) throw new AppError("recruitment.no_employee_numbers");
  if (numbers.length > MAX_NOMINATIONS)
    throw new AppError("recruitment.too_many_employee_numbers", { max: MAX_NOMINATIONS });
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  if (!recruitedRoles(record.definition.kind).includes(role)) throw new AppError("recruitment.unknown_role");
  if (!acceptsApplications(record.cohort.status as CohortStatus))
    throw new AppError("recruitment.not_recruiting");
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, slug: true, name: true, nameEn: true, timeZone: true, locale: true },
  });
  const locale: Locale = (supportedLocales as readonly string[]).includes(tenant.locale)
    ? (tenant.locale as Locale)
    : defaultLocale;
  const results: NominationResult[] = [];
  for (const employeeNumber of numbers) {
    const staff = await loadStaff(tx, tenantId, { employeeNumber });
    if (!staff) {
      results.push({ employeeNumber, outcome: "unknown" });
      continue;
    }
    if (!staff.active) {
      results.push({ employeeNumber, outcome: "inactive" });
      continue;
    }
    const previous = await existingApplication(tx, tenantId, cohortId, staff.id);
    if (previous && previous.status !== "withdrawn") {
      results.push({
        employeeNumber,
        outcome: "already_applied",
        status: previous.status,
        role: previous.role,
      });
      continue;
    }
    const hasAccount = (await tx.membership.count({ where: { tenantId, staffMemberId: staff.id } })) > 0;
    const placed = await place(tx, input, record, staff, role, {
      consentVersion: null,
      nominatedByUserId: input.actorUserId,
      previous,
      mail: hasAccount,
    });
    if (!hasAccount && staff.email && placed.outcome !== "refused") {
      await inviteNominee(tx, {
        tenant,
        actorUserId: input.actorUserId,
        requestId: input.requestId,
        now: input.now,
        appUrl: input.appUrl,
        staff: { id: staff.id, name: staff.name, email: staff.email },
        cohort: { id: cohortId, title: record.cohort.title },
        placed:
          placed.outcome === "waitlisted" ? { outcome: "waitlisted", position: placed.position } : placed,
        locale,
      });
    }
    results.push({ employeeNumber, ...placed });
  }
  return results;
}
