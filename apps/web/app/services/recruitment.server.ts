import {
  type ApplicationRole,
  CONSENT_VERSION,
  describeTeamShape,
  type EligibilityFailure,
  type EligibilityRule,
  isAppError,
  scheduleFields,
} from "@mentoring/domain";
import {
  type Announcement,
  type ApplicantFilter,
  type ApplicantRow,
  applicantFilterSchema,
  applicationsOf,
  applyToCohort,
  cohortAnnouncement,
  cohortApplicants,
  consentToNomination,
  departmentsNamedIn,
  exportApplicants,
  type NominationResult,
  nominateToCohort,
  type OwnApplication,
  recruitingCohorts,
  rejectApplication,
  withdrawApplication,
} from "@mentoring/programs";
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";
import { formatDateTime } from "./format.server";
import { notFound, type TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

type Tenant = TenantAccess["tenant"];

/** A message to show: an i18n key of the common namespace with its values, translated by the page. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

/** What went wrong, for the page: an expected refusal as a phrase; a missing cohort or application as a 404. */
function refusal(error: unknown): Phrase {
  if (isAppError(error)) {
    if (error.status === 404) throw notFound();
    return { key: error.messageKey, params: error.params };
  }
  throw error;
}

/** In a loader: a missing cohort is a 404; any other failure is unexpected. */
function pageError(error: unknown): never {
  if (isAppError(error) && error.status === 404) throw notFound();
  throw error;
}

/** Runs a change and turns an expected refusal into `{ error }`, so the action can show it. */
async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: Phrase }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: refusal(error) };
  }
}

/** A rule in plain words, one phrase per part; "open to all" when it has none. */
export function ruleInWords(rule: EligibilityRule, departments: Record<string, string>): Phrase[] {
  const phrases: Phrase[] = [];
  if (rule.grade) {
    phrases.push({
      key: "recruitment.rule.grade",
      params: { min: rule.grade.min ?? 1, max: rule.grade.max ?? 9 },
    });
  }
  const years = rule.yearsOfService;
  if (years) {
    if (years.max === 0 && !years.min) phrases.push({ key: "recruitment.rule.yearsOfService.underOne" });
    else if (years.min !== undefined && years.max !== undefined)
      phrases.push({
        key: "recruitment.rule.yearsOfService.range",
        params: { min: years.min, max: years.max },
      });
    else if (years.min !== undefined)
      phrases.push({ key: "recruitment.rule.yearsOfService.min", params: { min: years.min } });
    else if (years.max !== undefined)
      phrases.push({ key: "recruitment.rule.yearsOfService.max", params: { max: years.max } });
  }
  const hire = rule.hireDate;
  if (hire?.from && hire.to)
    phrases.push({ key: "recruitment.rule.hireDate.range", params: { from: hire.from, to: hire.to } });
  else if (hire?.from) phrases.push({ key: "recruitment.rule.hireDate.from", params: { from: hire.from } });
  else if (hire?.to) phrases.push({ key: "recruitment.rule.hireDate.to", params: { to: hire.to } });
  const born = rule.birthYear;
  if (born?.min !== undefined && born.max !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.range", params: { min: born.min, max: born.max } });
  else if (born?.min !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.min", params: { min: born.min } });
  else if (born?.max !== undefined)
    phrases.push({ key: "recruitment.rule.birthYear.max", params: { max: born.max } });
  const names = (codes: string[]) => codes.map((code) => departments[code] ?? code).join(", ");
  if (rule.departments?.include)
    phrases.push({
      key: "recruitment.rule.departments.include",
      params: { list: names(rule.departments.include) },
    });
  if (rule.departments?.exclude?.length)
    phrases.push({
      key: "recruitment.rule.departments.exclude",
      params: { list: names(rule.departments.exclude) },
    });
  if (rule.positionTitles?.include)
    phrases.push({
      key: "recruitment.rule.positionTitles.include",
      params: { list: rule.positionTitles.include.join(", ") },
    });
  if (rule.positionTitles?.exclude?.length)
    phrases.push({
      key: "recruitment.rule.positionTitles.exclude",
      params: { list: rule.positionTitles.exclude.join(", ") },
    });
  return phrases.length > 0 ? phrases : [{ key: "recruitment.rule.anyone" }];
}

/** Each reason an applicant is turned away, as its message. */
export function failuresInWords(failures: EligibilityFailure[]): Phrase[] {
  return failures.map((failure) => ({ key: `eligibility.failure.${failure.code}`, params: failure.params }));
}

function announcementView(announcement: Announcement, departments: Record<string, string>) {
  return {
    cohortId: announcement.cohortId,
    title: announcement.title,
    programName: announcement.programName,
    kind: announcement.kind,
    status: announcement.status,
    description: announcement.description,
    teamShape: describeTeamShape(announcement.teamShape).split(":") as [string, string],
    period: { from: announcement.schedule.recruitmentStart, to: announcement.schedule.recruitmentEnd },
    schedule: scheduleFields.map((field) => ({ field, date: announcement.schedule[field] })),
    roles: announcement.roles.map((role) => ({
      role: role.role,
      quota: role.quota,
      left: role.left,
      waitlisted: role.waitlisted,
      rules: ruleInWords(role.eligibility, departments),
    })),
  };
}

export type AnnouncementView = ReturnType<typeof announcementView>;

function ownView(application: OwnApplication, locale: string, timeZone: string) {
  return {
    ...application,
    submittedAt: formatDateTime(application.submittedAt, locale, timeZone),
  };
}

export type OwnApplicationView = ReturnType<typeof ownView>;

/** The staff page: cohorts recruiting now, and the person's own applications (null without a staff record). */
export async function recruitingOverview(
  services: Services,
  tenant: Tenant,
  staffMemberId: string | null,
  locale: string,
) {
  return services.db.withTenant(tenant.id, async (tx) => {
    const announcements = await recruitingCohorts(tx, tenant.id);
    const departments = await departmentsNamedIn(
      tx,
      tenant.id,
      announcements.flatMap((announcement) => announcement.roles.map((role) => role.eligibility)),
    );
    const mine = staffMemberId ? await applicationsOf(tx, tenant.id, staffMemberId) : null;
    return {
      announcements: announcements.map((announcement) => announcementView(announcement, departments)),
      mine: mine?.map((application) => ownView(application, locale, tenant.timeZone)) ?? null,
    };
  });
}

/** One cohort's announcement page; 404 for another tenant's cohort or a draft. */
export async function announcementPage(
  services: Services,
  tenant: Tenant,
  cohortId: string,
  staffMemberId: string | null,
  locale: string,
) {
  try {
    return await services.db.withTenant(tenant.id, async (tx) => {
      const { announcement, application, departments } = await cohortAnnouncement(
        tx,
        tenant.id,
        cohortId,
        staffMemberId,
      );
      return {
        announcement: announcementView(announcement, departments),
        application: application ? ownView(application, locale, tenant.timeZone) : null,
        accepting: announcement.status === "recruiting",
        consentVersion: CONSENT_VERSION,
      };
    });
  } catch (error) {
    pageError(error);
  }
}

export interface Acting {
  tenant: Tenant;
  userId: string;
  requestId: string;
}

const acting = (services: Services, { tenant, userId, requestId }: Acting) => ({
  tenantId: tenant.id,
  actorUserId: userId,
  requestId,
  now: new Date(),
  appUrl: services.config.APP_URL,
});

export type ApplyOutcome =
  | { outcome: "accepted" }
  | { outcome: "waitlisted"; position: number }
  | { outcome: "refused"; reasons: Phrase[] };

export async function submitApplication(
  services: Services,
  input: Acting & {
    cohortId: string;
    staffMemberId: string;
    role: ApplicationRole;
    consentVersion: string | null;
  },
) {
  return attempt(async (): Promise<ApplyOutcome> => {
    const placed = await services.db.withTenant(input.tenant.id, (tx) =>
      applyToCohort(tx, {
        ...acting(services, input),
        cohortId: input.cohortId,
        staffMemberId: input.staffMemberId,
        role: input.role,
        consentVersion: input.consentVersion,
      }),
    );
    if (placed.outcome === "refused")
      return { outcome: "refused", reasons: failuresInWords(placed.failures) };
    return placed.outcome === "waitlisted"
      ? { outcome: "waitlisted", position: placed.position }
      : { outcome: "accepted" };
  });
}

/** A nominee agrees (with consent to the current text) or declines. */
export async function answerNomination(
  services: Services,
  input: Acting & { cohortId: string; staffMemberId: string; consentVersion: string | null; agree: boolean },
) {
  return attempt(() =>
    services.db.withTenant(input.tenant.id, async (tx) => {
      const base = {
        ...acting(services, input),
        cohortId: input.cohortId,
        staffMemberId: input.staffMemberId,
      };
      if (input.agree) await consentToNomination(tx, { ...base, consentVersion: input.consentVersion });
      else await withdrawApplication(tx, base);
    }),
  );
}

export async function withdrawOwnApplication(
  services: Services,
  input: Acting & { cohortId: string; staffMemberId: string },
) {
  return attempt(() =>
    services.db.withTenant(input.tenant.id, (tx) =>
      withdrawApplication(tx, {
        ...acting(services, input),
        cohortId: input.cohortId,
        staffMemberId: input.staffMemberId,
      }),
    ),
  );
}

/** The filter of the applicant list from its query string; anything unreadable is ignored. */
export function applicantFilterFrom(url: URL): ApplicantFilter {
  const value = (name: string) => url.searchParams.get(name) || undefined;
  return applicantFilterSchema.parse({
    role: value("role"),
    status: value("status"),
    departmentId: value("departmentId"),
    q: value("q"),
  });
}

/** The filter as a query string, for the export links. */
export function filterQuery(filter: ApplicantFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return params.toString();
}

function rowView(row: ApplicantRow, locale: string, timeZone: string) {
  return {
    ...row,
    consentAt: row.consentAt ? formatDateTime(row.consentAt, locale, timeZone) : null,
    submittedAt: formatDateTime(row.submittedAt, locale, timeZone),
  };
}

export type ApplicantRowView = ReturnType<typeof rowView>;

/** The coordinator's applicant page; 404 for a cohort that is not the tenant's. */
export async function applicantsPage(
  services: Services,
  tenant: Tenant,
  cohortId: string,
  filter: ApplicantFilter,
  locale: string,
) {
  try {
    const page = await services.db.withTenant(tenant.id, (tx) =>
      cohortApplicants(tx, tenant.id, cohortId, filter),
    );
    return { ...page, rows: page.rows.map((row) => rowView(row, locale, tenant.timeZone)) };
  } catch (error) {
    pageError(error);
  }
}

export type NominationView = NominationResult & { reasons?: Phrase[] };

/** Employee numbers from the textarea: one a line, or separated by commas, semicolons or spaces. */
export function employeeNumbersFrom(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((number) => number.trim())
    .filter(Boolean);
}

export async function nominate(
  services: Services,
  input: Acting & { cohortId: string; role: ApplicationRole; employeeNumbers: string[] },
) {
  return attempt(async () => {
    const results = await services.db.withTenant(input.tenant.id, (tx) =>
      nominateToCohort(tx, {
        ...acting(services, input),
        cohortId: input.cohortId,
        role: input.role,
        employeeNumbers: input.employeeNumbers,
      }),
    );
    return results.map(
      (result): NominationView =>
        result.outcome === "refused" ? { ...result, reasons: failuresInWords(result.failures) } : result,
    );
  });
}

export async function reject(
  services: Services,
  input: Acting & { cohortId: string; applicationId: string; reason: string },
) {
  return attempt(() =>
    services.db.withTenant(input.tenant.id, (tx) =>
      rejectApplication(tx, {
        ...acting(services, input),
        cohortId: input.cohortId,
        applicationId: input.applicationId,
        reason: input.reason,
      }),
    ),
  );
}

export type ExportFormat = "csv" | "xlsx";

/** A spreadsheet cell that Excel would run as a formula is written as text. */
function inertCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The applicants the filter selects as a CSV (UTF-8 with a byte-order mark, so that Korean Excel opens it
 * as UTF-8) or an XLSX file, with headers in the reader's language. The export is audited.
 */
export async function applicantsFile(
  services: Services,
  input: Acting & {
    cohortId: string;
    filter: ApplicantFilter;
    format: ExportFormat;
    t: TFunction;
    locale: string;
  },
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string }> {
  const { t } = input;
  let exported: Awaited<ReturnType<typeof exportApplicants>>;
  try {
    exported = await services.db.withTenant(input.tenant.id, (tx) =>
      exportApplicants(tx, {
        tenantId: input.tenant.id,
        cohortId: input.cohortId,
        filter: input.filter,
        format: input.format,
        actorUserId: input.userId,
        requestId: input.requestId,
      }),
    );
  } catch (error) {
    pageError(error);
  }
  const columns = [
    "name",
    "employeeNumber",
    "department",
    "grade",
    "position",
    "role",
    "status",
    "waitlistPosition",
    "consent",
    "submittedAt",
    "source",
  ] as const;
  const timeZone = input.tenant.timeZone;
  const cells = (row: ApplicantRow): (string | number)[] => [
    row.name,
    row.employeeNumber,
    row.department,
    row.grade === null ? t("grade.none") : t(`grade.${row.grade}`),
    row.positionTitle,
    t(`recruitment.role.${row.role}`),
    t(`recruitment.status.${row.status}`),
    row.waitlistPosition ?? "",
    row.consentAt
      ? `${t("recruitment.applicants.consentGiven")} ${formatDateTime(row.consentAt, input.locale, timeZone)}`
      : t("recruitment.applicants.consentPending"),
    formatDateTime(row.submittedAt, input.locale, timeZone),
    t(row.nominated ? "recruitment.applicants.nominated" : "recruitment.applicants.self"),
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("recruitment.nav.title"));
  sheet.addRow(columns.map((column) => t(`recruitment.applicants.${column}`)));
  for (const row of exported.rows) sheet.addRow(cells(row).map(inertCell));
  const stem = t("recruitment.applicants.fileName", { title: exported.cohortTitle });
  if (input.format === "xlsx") {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    return {
      body: new Uint8Array(await workbook.xlsx.writeBuffer()),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `${stem}.xlsx`,
    };
  }
  const csv = new Uint8Array(await workbook.csv.writeBuffer());
  const body = new Uint8Array(UTF8_BOM.length + csv.length);
  body.set(UTF8_BOM);
  body.set(csv, UTF8_BOM.length);
  return { body, contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` };
}
