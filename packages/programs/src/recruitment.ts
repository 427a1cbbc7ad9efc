import { type Application, type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import {
  type ApplicationRole,
  type ApplicationStatus,
  acceptsApplications,
  allowsWithdrawal,
  applicationRoles,
  applicationStatuses,
  CONSENT_VERSION,
  type CohortSchedule,
  type CohortStatus,
  decideApplication,
  type EligibilityCandidate,
  type EligibilityFailure,
  type EligibilityRule,
  evaluateEligibility,
  placesToFill,
  type TeamShape,
} from "@mentoring/domain";
import { defaultLocale, type Locale, supportedLocales } from "@mentoring/i18n";
import { queueEmail } from "@mentoring/mail";
import { z } from "zod";
import { type CohortRecord, dayOf, loadCohort } from "./records/cohort-record";
import { ProgramError } from "./errors";

/*
 * Recruitment: staff apply to a recruiting cohort (or a coordinator nominates them), eligibility is judged
 * against the directory on the cohort's first day of recruitment, and places are given in order under the
 * cohort's row lock, so that a role never has more accepted applications than its quota, however many
 * people press the button at once. Withdrawals and rejections free a place for the earliest waitlisted.
 */

/** Applications that hold a place or a spot in the queue. */
const LIVE: ApplicationStatus[] = ["accepted", "waitlisted"];

/** Who acts, and how to reach the applicant afterwards. */
interface Acting {
  tenantId: string;
  actorUserId: string | null;
  requestId?: string;
  now: Date;
  /** The web app's address: mails link to the announcement page. */
  appUrl: string;
}

const staffSelect = {
  id: true,
  employeeNumber: true,
  name: true,
  email: true,
  active: true,
  grade: true,
  hireDate: true,
  positionTitle: true,
  birthYear: true,
  department: { select: { code: true, name: true } },
} satisfies Prisma.StaffMemberSelect;

type StaffFacts = Prisma.StaffMemberGetPayload<{ select: typeof staffSelect }>;

/**
 * A staff member as the eligibility rules see them. Department rules name departments by their code
 * (stable across directory imports and readable in a template), as the seeded templates do.
 */
export function candidateOf(staff: Omit<StaffFacts, "id" | "employeeNumber" | "name" | "email" | "active">) {
  return {
    grade: staff.grade,
    hireDate: dayOf(staff.hireDate),
    departmentId: staff.department.code,
    positionTitle: staff.positionTitle,
    birthYear: staff.birthYear,
  } satisfies EligibilityCandidate;
}

export function quotaOf(cohort: { quotaMentor: number; quotaMentee: number }, role: ApplicationRole) {
  return role === "mentor" ? cohort.quotaMentor : cohort.quotaMentee;
}

/** Accepted and waitlisted applications per role. */
async function placeCounts(tx: TenantDb, tenantId: string, cohortId: string) {
  const groups = await tx.application.groupBy({
    by: ["role", "status"],
    where: { tenantId, cohortId, status: { in: LIVE } },
    _count: { _all: true },
  });
  const counts = {
    mentor: { accepted: 0, waitlisted: 0 },
    mentee: { accepted: 0, waitlisted: 0 },
  };
  for (const group of groups) {
    const status = group.status as "accepted" | "waitlisted";
    counts[group.role][status] = group._count._all;
  }
  return counts;
}

/**
 * The queue time of a new application: `now`, but never earlier than the latest one in the cohort, so
 * that the order of the waitlist is the order in which the lock let applications through, even when the
 * callers' clocks disagree by a millisecond or a batch shares one `now`.
 */
async function queueTime(tx: TenantDb, tenantId: string, cohortId: string, now: Date): Promise<Date> {
  const latest = await tx.application.aggregate({
    where: { tenantId, cohortId },
    _max: { submittedAt: true },
  });
  const last = latest._max.submittedAt;
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

/** The waitlist of a cohort: each waitlisted application's place in its role's queue (1 = next). */
async function waitlistPositions(tx: TenantDb, tenantId: string, cohortId: string) {
  const waiting = await tx.application.findMany({
    where: { tenantId, cohortId, status: "waitlisted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true },
  });
  const next = { mentor: 0, mentee: 0 };
  return new Map(waiting.map((application) => [application.id, ++next[application.role]]));
}

/** The eligibility snapshot stored with an application: what was judged, on which day, with which result. */
function snapshotOf(candidate: EligibilityCandidate, judgedOn: string, failures: EligibilityFailure[]) {
  return {
    judgedOn,
    grade: candidate.grade,
    hireDate: candidate.hireDate,
    departmentCode: candidate.departmentId,
    positionTitle: candidate.positionTitle,
    birthYear: candidate.birthYear,
    eligible: failures.length === 0,
    failures: failures as unknown as Prisma.InputJsonValue,
  } satisfies Prisma.InputJsonObject;
}

type DecisionOutcome = "accepted" | "waitlisted" | "promoted" | "rejected";

/**
 * Tells the applicant what became of their application, in their account's language (the tenant's when
 * they have no account). People without an e-mail address in the directory are not mailed.
 */
async function mailDecision(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  staff: { id: string; name: string; email: string | null },
  outcome: DecisionOutcome,
  waitlistPosition?: number,
) {
  if (!staff.email) return;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: acting.tenantId },
    select: { slug: true, name: true, nameEn: true, locale: true },
  });
  const account = await tx.membership.findFirst({
    where: { tenantId: acting.tenantId, staffMemberId: staff.id },
    select: { user: { select: { locale: true } } },
  });
  const preferred = account?.user.locale ?? tenant.locale;
  const locale: Locale = (supportedLocales as readonly string[]).includes(preferred)
    ? (preferred as Locale)
    : defaultLocale;
  await queueEmail(tx, {
    to: staff.email,
    locale,
    message: {
      kind: "application_decision",
      name: staff.name,
      tenantName: locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name,
      cohortTitle: record.cohort.title,
      outcome,
      ...(waitlistPosition !== undefined && { waitlistPosition }),
      link: new URL(`/${tenant.slug}/recruiting/${record.cohort.id}`, acting.appUrl).toString(),
    },
  });
}

/**
 * Lets the earliest waitlisted applications of `role` into the places the quota has free. The caller holds
 * the cohort lock. Each promoted applicant is mailed, and each promotion audited.
 */
async function fillFromWaitlist(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  role: ApplicationRole,
): Promise<string[]> {
  const { tenantId } = acting;
  const cohortId = record.cohort.id;
  const accepted = await tx.application.count({ where: { tenantId, cohortId, role, status: "accepted" } });
  const free = placesToFill(quotaOf(record.cohort, role), accepted);
  if (free === 0) return [];
  const next = await tx.application.findMany({
    where: { tenantId, cohortId, role, status: "waitlisted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: free,
    select: { id: true, staffMember: { select: { id: true, name: true, email: true } } },
  });
  for (const application of next) {
    await tx.application.update({
      where: { id: application.id },
      data: { status: "accepted", decidedAt: acting.now },
    });
    await recordAudit(tx, {
      tenantId,
      actorUserId: acting.actorUserId,
      action: "application.promote",
      entityType: "application",
      entityId: application.id,
      before: { status: "waitlisted" },
      after: { status: "accepted", cohortId, role },
      requestId: acting.requestId,
    });
    await mailDecision(tx, acting, record, application.staffMember, "promoted");
  }
  return next.map((application) => application.id);
}

export type PlacementOutcome =
  | { outcome: "accepted"; applicationId: string }
  | { outcome: "waitlisted"; applicationId: string; position: number }
  | { outcome: "refused"; failures: EligibilityFailure[] };

/**
 * Judges one staff member for a role and, when eligible, gives them a place or a spot on the waitlist:
 * a new application, or their withdrawn one reused. The caller holds the cohort lock and has checked that
 * they have no live application.
 */
async function place(
  tx: TenantDb,
  acting: Acting,
  record: CohortRecord,
  staff: StaffFacts,
  role: ApplicationRole,
  how: {
    consentVersion: string | null;
    nominatedByUserId: string | null;
    previous: Pick<Application, "id" | "status"> | null;
  },
): Promise<PlacementOutcome> {
  const { tenantId, now } = acting;
  const cohortId = record.cohort.id;
  const judgedOn = record.schedule.recruitmentStart;
  const candidate = candidateOf(staff);
  const eligibility = evaluateEligibility(record.definition.roles[role].eligibility, candidate, judgedOn);
  const counts = (await placeCounts(tx, tenantId, cohortId))[role];
  const decision = decideApplication({
    eligibility,
    quota: quotaOf(record.cohort, role),
    accepted: counts.accepted,
    waitlisted: counts.waitlisted,
  });
  if (decision.outcome === "refused") return decision;

  const status = decision.outcome;
  const data = {
    role,
    status,
    consentVersion: how.consentVersion,
    consentAt: how.consentVersion ? now : null,
    nominatedByUserId: how.nominatedByUserId,
    submittedByUserId: acting.actorUserId,
    submittedAt: await queueTime(tx, tenantId, cohortId, now),
    decidedAt: now,
    withdrawnAt: null,
    rejectionReason: null,
    eligibility: snapshotOf(candidate, judgedOn, []),
  };
  const application = how.previous
    ? await tx.application.update({ where: { id: how.previous.id }, data, select: { id: true } })
    : await tx.application.create({
        data: { tenantId, cohortId, staffMemberId: staff.id, ...data },
        select: { id: true },
      });
  const position = decision.outcome === "waitlisted" ? decision.position : undefined;
  await recordAudit(tx, {
    tenantId,
    actorUserId: acting.actorUserId,
    action: how.nominatedByUserId ? "application.nominate" : "application.submit",
    entityType: "application",
    entityId: application.id,
    ...(how.previous && { before: { status: how.previous.status } }),
    after: {
      cohortId,
      staffMemberId: staff.id,
      role,
      status,
      ...(position !== undefined && { waitlistPosition: position }),
      consentVersion: how.consentVersion,
    },
    requestId: acting.requestId,
  });
  await mailDecision(tx, acting, record, staff, status, position);
  return position !== undefined
    ? { outcome: "waitlisted", applicationId: application.id, position }
    : { outcome: "accepted", applicationId: application.id };
}

async function loadStaff(tx: TenantDb, tenantId: string, where: Prisma.StaffMemberWhereInput) {
  return tx.staffMember.findFirst({ where: { ...where, tenantId }, select: staffSelect });
}

/** The staff member's application to the cohort, in whatever state. */
function existingApplication(tx: TenantDb, tenantId: string, cohortId: string, staffMemberId: string) {
  return tx.application.findFirst({
    where: { tenantId, cohortId, staffMemberId },
    select: { id: true, status: true, role: true },
  });
}

export interface ApplyInput extends Acting {
  cohortId: string;
  staffMemberId: string;
  role: ApplicationRole;
  /** The consent text version the applicant agreed to; anything but the current one is no consent. */
  consentVersion: string | null | undefined;
}

/**
 * A staff member applies for a role. Refused (ProgramError) unless the cohort is recruiting, the person is
 * on the active staff, has no live application there, and consents to the current text; refused with
 * every reason when not eligible; otherwise accepted or waitlisted, mailed and audited.
 */
export async function applyToCohort(tx: TenantDb, input: ApplyInput): Promise<PlacementOutcome> {
  const { tenantId, cohortId, staffMemberId, role } = input;
  if (!applicationRoles.includes(role)) throw new ProgramError("recruitment.error.role");
  if (input.consentVersion !== CONSENT_VERSION) throw new ProgramError("recruitment.error.consentRequired");
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  if (!acceptsApplications(record.cohort.status as CohortStatus))
    throw new ProgramError("recruitment.error.notRecruiting", {}, 409);
  const staff = await loadStaff(tx, tenantId, { id: staffMemberId });
  if (!staff) throw new ProgramError("recruitment.error.notOnStaff", {}, 404);
  if (!staff.active) throw new ProgramError("recruitment.error.inactive", {}, 409);
  const previous = await existingApplication(tx, tenantId, cohortId, staffMemberId);
  if (previous && previous.status !== "withdrawn")
    throw new ProgramError("recruitment.error.alreadyApplied", {}, 409);
  return place(tx, input, record, staff, role, {
    consentVersion: CONSENT_VERSION,
    nominatedByUserId: null,
    previous,
  });
}

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
 * announcement page. Numbers are trimmed and taken once each, in the order given.
 */
export async function nominateToCohort(tx: TenantDb, input: NominateInput): Promise<NominationResult[]> {
  const { tenantId, cohortId, role } = input;
  if (!applicationRoles.includes(role)) throw new ProgramError("recruitment.error.role");
  const numbers = [...new Set(input.employeeNumbers.map((number) => number.trim()).filter(Boolean))];
  if (numbers.length === 0) throw new ProgramError("recruitment.error.noEmployeeNumbers");
  if (numbers.length > MAX_NOMINATIONS)
    throw new ProgramError("recruitment.error.tooManyEmployeeNumbers", { max: MAX_NOMINATIONS });
  const record = await loadCohort(tx, tenantId, cohortId, { lock: true });
  if (!acceptsApplications(record.cohort.status as CohortStatus))
    throw new ProgramError("recruitment.error.notRecruiting", {}, 409);
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
    const placed = await place(tx, input, record, staff, role, {
      consentVersion: null,
      nominatedByUserId: input.actorUserId,
      previous,
    });
    results.push({ employeeNumber, ...placed });
  }
  return results;
}

export interface OwnApplicationInput extends Acting {
  cohortId: string;
  staffMemberId: string;
}

/** The person's live application, or a 404 refusal. */
async function liveApplicationOf(
  tx: TenantDb,
  input: { tenantId: string; cohortId: string; staffMemberId: string },
) {
  const application = await tx.application.findFirst({
    where: {
      tenantId: input.tenantId,
      cohortId: input.cohortId,
      staffMemberId: input.staffMemberId,
      status: { in: LIVE },
    },
    select: {
      id: true,
      role: true,
      status: true,
      consentAt: true,
      nominatedByUserId: true,
      staffMember: { select: { id: true, name: true, email: true } },
    },
  });
  if (!application) throw new ProgramError("recruitment.error.noApplication", {}, 404);
  return application;
}

/** A nominee agrees to take part: their consent to the current text is recorded. */
export async function consentToNomination(
  tx: TenantDb,
  input: Omit<OwnApplicationInput, "appUrl"> & { consentVersion: string | null | undefined },
): Promise<void> {
  if (input.consentVersion !== CONSENT_VERSION) throw new ProgramError("recruitment.error.consentRequired");
  await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  const application = await liveApplicationOf(tx, input);
  if (application.nominatedByUserId === null || application.consentAt)
    throw new ProgramError("recruitment.error.alreadyConsented", {}, 409);
  await tx.application.update({
    where: { id: application.id },
    data: { consentVersion: CONSENT_VERSION, consentAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "application.consent",
    entityType: "application",
    entityId: application.id,
    before: { consentAt: null },
    after: { consentVersion: CONSENT_VERSION, consentAt: input.now.toISOString() },
    requestId: input.requestId,
  });
}

/**
 * The applicant withdraws (or a nominee declines), while the cohort still allows it. A place they held
 * goes to the earliest waitlisted applicant of the same role. Returns the promoted applications.
 */
export async function withdrawApplication(
  tx: TenantDb,
  input: OwnApplicationInput,
): Promise<{ promoted: string[] }> {
  const record = await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  if (!allowsWithdrawal(record.cohort.status as CohortStatus))
    throw new ProgramError("recruitment.error.withdrawalClosed", {}, 409);
  const application = await liveApplicationOf(tx, input);
  await tx.application.update({
    where: { id: application.id },
    data: { status: "withdrawn", withdrawnAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action:
      application.nominatedByUserId && !application.consentAt
        ? "application.decline"
        : "application.withdraw",
    entityType: "application",
    entityId: application.id,
    before: { status: application.status },
    after: { status: "withdrawn" },
    requestId: input.requestId,
  });
  return { promoted: await fillFromWaitlist(tx, input, record, application.role) };
}

export const REJECTION_REASON_MAX = 500;

export interface RejectInput extends Acting {
  cohortId: string;
  applicationId: string;
  reason: string;
}

/**
 * The coordinator turns an application down with a reason the applicant is told; the place it held goes
 * to the earliest waitlisted applicant of the same role.
 */
export async function rejectApplication(tx: TenantDb, input: RejectInput): Promise<{ promoted: string[] }> {
  const reason = input.reason.trim();
  if (reason === "") throw new ProgramError("recruitment.error.reasonRequired");
  if (reason.length > REJECTION_REASON_MAX)
    throw new ProgramError("recruitment.error.reasonTooLong", { max: REJECTION_REASON_MAX });
  const record = await loadCohort(tx, input.tenantId, input.cohortId, { lock: true });
  if (!allowsWithdrawal(record.cohort.status as CohortStatus))
    throw new ProgramError("recruitment.error.rejectionClosed", {}, 409);
  const application = await tx.application.findFirst({
    where: { tenantId: input.tenantId, cohortId: input.cohortId, id: input.applicationId },
    select: {
      id: true,
      role: true,
      status: true,
      staffMember: { select: { id: true, name: true, email: true } },
    },
  });
  if (!application) throw new ProgramError("recruitment.error.noApplication", {}, 404);
  if (!LIVE.includes(application.status)) throw new ProgramError("recruitment.error.notLive", {}, 409);
  await tx.application.update({
    where: { id: application.id },
    data: { status: "rejected", rejectionReason: reason, decidedAt: input.now },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "application.reject",
    entityType: "application",
    entityId: application.id,
    before: { status: application.status },
    after: { status: "rejected", reason },
    requestId: input.requestId,
  });
  await mailDecision(tx, input, record, application.staffMember, "rejected");
  return { promoted: await fillFromWaitlist(tx, input, record, application.role) };
}

// ── Reading: announcements, one's own applications, the coordinator's list ────────────────────────────

export interface RolePlaces {
  role: ApplicationRole;
  quota: number;
  accepted: number;
  waitlisted: number;
  /** Places still free (0 when the quota is full: applicants then join the waitlist). */
  left: number;
  eligibility: EligibilityRule;
}

export interface Announcement {
  cohortId: string;
  title: string;
  number: number;
  status: CohortStatus;
  programName: string;
  kind: "standard" | "reverse";
  description: string;
  teamShape: TeamShape;
  schedule: CohortSchedule;
  roles: RolePlaces[];
}

function announcementOf(record: CohortRecord, counts: Awaited<ReturnType<typeof placeCounts>>): Announcement {
  const { cohort, definition } = record;
  return {
    cohortId: cohort.id,
    title: cohort.title,
    number: cohort.number,
    status: cohort.status as CohortStatus,
    programName: definition.name,
    kind: definition.kind,
    description: definition.description,
    teamShape: definition.teamShape,
    schedule: record.schedule,
    roles: applicationRoles.map((role) => {
      const quota = quotaOf(cohort, role);
      return {
        role,
        quota,
        ...counts[role],
        left: placesToFill(quota, counts[role].accepted),
        eligibility: definition.roles[role].eligibility,
      };
    }),
  };
}

/** Department codes a set of rules names, with their names (for showing rules in words). */
export async function departmentsNamedIn(
  tx: TenantDb,
  tenantId: string,
  rules: EligibilityRule[],
): Promise<Record<string, string>> {
  const codes = new Set(
    rules.flatMap((rule) => [...(rule.departments?.include ?? []), ...(rule.departments?.exclude ?? [])]),
  );
  if (codes.size === 0) return {};
  const departments = await tx.department.findMany({
    where: { tenantId, code: { in: [...codes] } },
    select: { code: true, name: true },
  });
  return Object.fromEntries(departments.map((department) => [department.code, department.name]));
}

/** The cohorts now taking applications, newest recruitment first. */
export async function recruitingCohorts(tx: TenantDb, tenantId: string): Promise<Announcement[]> {
  const cohorts = await tx.cohort.findMany({
    where: { tenantId, status: "recruiting" },
    orderBy: [{ recruitmentStart: "desc" }, { number: "desc" }],
    select: { id: true },
  });
  const announcements: Announcement[] = [];
  for (const { id } of cohorts) {
    const record = await loadCohort(tx, tenantId, id);
    announcements.push(announcementOf(record, await placeCounts(tx, tenantId, id)));
  }
  return announcements;
}

export interface OwnApplication {
  applicationId: string;
  cohortId: string;
  cohortTitle: string;
  cohortStatus: CohortStatus;
  role: ApplicationRole;
  status: ApplicationStatus;
  waitlistPosition: number | null;
  nominated: boolean;
  /** A nominee who has not yet agreed. */
  consentPending: boolean;
  submittedAt: Date;
  rejectionReason: string | null;
  mayWithdraw: boolean;
}

/** A staff member's applications, newest first, with their waitlist places. */
export async function applicationsOf(
  tx: TenantDb,
  tenantId: string,
  staffMemberId: string,
  cohortId?: string,
): Promise<OwnApplication[]> {
  const applications = await tx.application.findMany({
    where: { tenantId, staffMemberId, ...(cohortId && { cohortId }) },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      cohortId: true,
      role: true,
      status: true,
      nominatedByUserId: true,
      consentAt: true,
      submittedAt: true,
      rejectionReason: true,
      cohort: { select: { title: true, status: true } },
    },
  });
  const positions = new Map<string, Map<string, number>>();
  const own: OwnApplication[] = [];
  for (const application of applications) {
    let waitlist: Map<string, number> | undefined;
    if (application.status === "waitlisted") {
      waitlist = positions.get(application.cohortId);
      if (!waitlist) {
        waitlist = await waitlistPositions(tx, tenantId, application.cohortId);
        positions.set(application.cohortId, waitlist);
      }
    }
    const cohortStatus = application.cohort.status as CohortStatus;
    const live = LIVE.includes(application.status);
    own.push({
      applicationId: application.id,
      cohortId: application.cohortId,
      cohortTitle: application.cohort.title,
      cohortStatus,
      role: application.role,
      status: application.status,
      waitlistPosition: waitlist?.get(application.id) ?? null,
      nominated: application.nominatedByUserId !== null,
      consentPending: live && application.nominatedByUserId !== null && application.consentAt === null,
      submittedAt: application.submittedAt,
      rejectionReason: application.rejectionReason,
      mayWithdraw: live && allowsWithdrawal(cohortStatus),
    });
  }
  return own;
}

/**
 * One cohort's announcement as a staff member sees it: the program, the places, the rules in force, and
 * their own application there if any. A draft cohort is not announced (404).
 */
export async function cohortAnnouncement(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  staffMemberId: string | null,
): Promise<{
  announcement: Announcement;
  application: OwnApplication | null;
  departments: Record<string, string>;
}> {
  const record = await loadCohort(tx, tenantId, cohortId);
  if (record.cohort.status === "draft") throw new ProgramError("programs.error.cohortNotFound", {}, 404);
  const announcement = announcementOf(record, await placeCounts(tx, tenantId, cohortId));
  const application = staffMemberId
    ? ((await applicationsOf(tx, tenantId, staffMemberId, cohortId))[0] ?? null)
    : null;
  const departments = await departmentsNamedIn(
    tx,
    tenantId,
    announcement.roles.map((role) => role.eligibility),
  );
  return { announcement, application, departments };
}

export const applicantFilterSchema = z.object({
  role: z.enum(applicationRoles).optional().catch(undefined),
  status: z.enum(applicationStatuses).optional().catch(undefined),
  departmentId: z.string().uuid().optional().catch(undefined),
  /** Part of a name or an employee number. */
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((text) => text || undefined)
    .catch(undefined),
});

export type ApplicantFilter = z.infer<typeof applicantFilterSchema>;

export interface ApplicantRow {
  applicationId: string;
  staffMemberId: string;
  name: string;
  employeeNumber: string;
  department: string;
  grade: number | null;
  positionTitle: string;
  role: ApplicationRole;
  status: ApplicationStatus;
  waitlistPosition: number | null;
  consentAt: Date | null;
  submittedAt: Date;
  nominated: boolean;
  rejectionReason: string | null;
}

function applicantWhere(tenantId: string, cohortId: string, filter: ApplicantFilter) {
  return {
    tenantId,
    cohortId,
    ...(filter.role && { role: filter.role }),
    ...(filter.status && { status: filter.status }),
    ...((filter.departmentId || filter.q) && {
      staffMember: {
        tenantId,
        ...(filter.departmentId && { departmentId: filter.departmentId }),
        ...(filter.q && {
          OR: [
            { name: { contains: filter.q, mode: "insensitive" as const } },
            { employeeNumber: { contains: filter.q, mode: "insensitive" as const } },
          ],
        }),
      },
    }),
  } satisfies Prisma.ApplicationWhereInput;
}

/** The applicants matching the filter: by role, then status (accepted, waitlisted in order, …), then time. */
async function applicantRows(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  filter: ApplicantFilter,
): Promise<ApplicantRow[]> {
  const applications = await tx.application.findMany({
    where: applicantWhere(tenantId, cohortId, filter),
    orderBy: [{ role: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      status: true,
      consentAt: true,
      submittedAt: true,
      nominatedByUserId: true,
      rejectionReason: true,
      staffMember: {
        select: {
          id: true,
          name: true,
          employeeNumber: true,
          grade: true,
          positionTitle: true,
          department: { select: { name: true } },
        },
      },
    },
  });
  const positions = await waitlistPositions(tx, tenantId, cohortId);
  const statusOrder = (status: ApplicationStatus) => applicationStatuses.indexOf(status);
  return applications
    .map(
      (application): ApplicantRow => ({
        applicationId: application.id,
        staffMemberId: application.staffMember.id,
        name: application.staffMember.name,
        employeeNumber: application.staffMember.employeeNumber,
        department: application.staffMember.department.name,
        grade: application.staffMember.grade,
        positionTitle: application.staffMember.positionTitle,
        role: application.role,
        status: application.status,
        waitlistPosition: positions.get(application.id) ?? null,
        consentAt: application.consentAt,
        submittedAt: application.submittedAt,
        nominated: application.nominatedByUserId !== null,
        rejectionReason: application.rejectionReason,
      }),
    )
    .sort(
      (a, b) =>
        applicationRoles.indexOf(a.role) - applicationRoles.indexOf(b.role) ||
        statusOrder(a.status) - statusOrder(b.status),
    );
}

/**
 * The coordinator's view of a cohort's applicants: places per role (whatever the filter) and the rows the
 * filter selects, with the departments to filter by.
 */
export async function cohortApplicants(
  tx: TenantDb,
  tenantId: string,
  cohortId: string,
  filter: ApplicantFilter,
) {
  const record = await loadCohort(tx, tenantId, cohortId);
  const counts = await placeCounts(tx, tenantId, cohortId);
  const rows = await applicantRows(tx, tenantId, cohortId, filter);
  const departments = await tx.department.findMany({
    where: { tenantId, staffMembers: { some: { tenantId, applications: { some: { tenantId, cohortId } } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return {
    cohort: {
      id: record.cohort.id,
      title: record.cohort.title,
      status: record.cohort.status as CohortStatus,
      mayNominate: acceptsApplications(record.cohort.status as CohortStatus),
      mayReject: allowsWithdrawal(record.cohort.status as CohortStatus),
    },
    places: announcementOf(record, counts).roles,
    rows,
    departments,
  };
}

/**
 * The applicant rows for a download, with the export recorded (who exported whose data, with which filter
 * and how many rows) in the same transaction: the file holds personal data.
 */
export async function exportApplicants(
  tx: TenantDb,
  input: {
    tenantId: string;
    cohortId: string;
    filter: ApplicantFilter;
    format: "csv" | "xlsx";
    actorUserId: string;
    requestId?: string;
  },
): Promise<{ cohortTitle: string; rows: ApplicantRow[] }> {
  const record = await loadCohort(tx, input.tenantId, input.cohortId);
  const rows = await applicantRows(tx, input.tenantId, input.cohortId, input.filter);
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actorUserId: input.actorUserId,
    action: "applications.export",
    entityType: "cohort",
    entityId: input.cohortId,
    after: {
      format: input.format,
      filter: Object.fromEntries(Object.entries(input.filter).filter(([, value]) => value !== undefined)),
      count: rows.length,
    },
    requestId: input.requestId,
  });
  return { cohortTitle: record.cohort.title, rows };
}
