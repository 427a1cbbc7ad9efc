import {
  type ApplicationRole,
  applicationRoles,
  type BuiltinTemplateKey,
  builtinTemplate,
  builtinTemplateKeys,
  type CohortStatus,
  cohortStatuses,
  describeTeamShape,
  isAppError,
  localize,
  scheduleFields,
  type TemplateDefinition,
  type TransitionProblem,
} from "@mentoring/domain";
import {
  type CohortOverview,
  cohortOverview,
  copyBuiltinTemplate,
  createCohort,
  listCohorts,
  listTemplates,
  loadTemplate,
  newCohortDefaults,
  saveTemplate,
  tenantDepartments,
  tenantToday,
  transitionCohort,
  updateCohortSchedule,
} from "@mentoring/programs";
import type { TFunction } from "i18next";
import { type FormIssues, formIssuesOfFields } from "./form-issues.server";
import { formatDateTime } from "./format.server";
import { notFound, type TenantAccess } from "./guard.server";
import type { Services } from "./services.server";

type Tenant = TenantAccess["tenant"];

/** A message for the page: an i18n key of the common namespace with its values. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

interface Acting {
  tenant: Tenant;
  actorUserId: string;
  requestId: string;
}

/** In a loader or action: a template or cohort that is not the tenant's is a 404, like a page that is not there. */
function missingIsNotFound(error: unknown): never {
  if (isAppError(error) && error.status === 404) throw notFound();
  throw error;
}

const today = (tenant: Tenant) => tenantToday(tenant.timeZone, new Date());

// ---------------------------------------------------------------------------------------------------------
// The programs page

/** The built-in templates to copy, the tenant's templates and its cohorts. */
export async function programsPage(services: Services, tenant: Tenant) {
  const { templates, cohorts } = await services.db.withTenant(tenant.id, async (tx) => ({
    templates: await listTemplates(tx, tenant.id),
    cohorts: await listCohorts(tx, tenant.id),
  }));
  return {
    builtins: builtinTemplateKeys.map((key) => ({
      key,
      kind: builtinTemplate(key).kind,
      shape: describeTeamShape(builtinTemplate(key).teamShape),
    })),
    templates: templates.map(({ teamShape, ...template }) => ({
      ...template,
      shape: describeTeamShape(teamShape),
    })),
    cohorts,
  };
}

export async function copyTemplate(services: Services, input: Acting & { builtinKey: BuiltinTemplateKey }) {
  const { tenant, actorUserId, requestId, builtinKey } = input;
  return services.db.withTenant(tenant.id, (tx) =>
    copyBuiltinTemplate(tx, { tenantId: tenant.id, builtinKey, actorUserId, requestId }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The template editor

/** The template with its current definition, and the tenant's departments for the eligibility lists. */
export async function templateEditor(services: Services, tenant: Tenant, templateId: string, locale: string) {
  const { template, departments } = await services.db
    .withTenant(tenant.id, async (tx) => ({
      template: await loadTemplate(tx, tenant.id, templateId),
      departments: await tenantDepartments(tx, tenant.id),
    }))
    .catch(missingIsNotFound);
  const { definition } = template;
  return {
    template: {
      id: template.id,
      name: template.name,
      currentVersion: template.currentVersion,
      currentVersionInUse: template.currentVersionInUse,
      cohorts: template.cohorts,
    },
    definition,
    departments: departments.map(({ id, name }) => ({ id, name })),
    /** The parts the form does not edit yet, in the reader's language. */
    details: {
      questionSets: definition.questionSets.map((set) => ({
        key: set.key,
        title: localize(set.title, locale),
        phases: set.phases,
        roles: set.roles,
        questions: set.questions.map((question) => ({
          key: question.key,
          type: question.type,
          prompt: localize(question.prompt, locale),
        })),
      })),
      assignments: definition.assignments.map((assignment) => ({
        title: localize(assignment.title, locale),
        month: assignment.month,
        dueDay: assignment.dueDay,
      })),
      rubric: definition.rubric.map((criterion) => ({
        key: criterion.key,
        name: localize(criterion.name, locale),
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
      })),
      awards: definition.awards.map((award) => ({
        name: localize(award.name, locale),
        teams: award.teams,
        prize: localize(award.prize, locale),
      })),
    },
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** An empty field is no value; anything else is read as a number (NaN when it is not one, for zod to name). */
const number = (form: FormData, name: string): number | undefined => {
  const value = text(form, name).trim();
  return value === "" ? undefined : Number(value);
};

const withoutEmpty = <T extends Record<string, unknown>>(parts: T): Partial<T> | undefined => {
  const kept = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length === 0 ? undefined : (kept as Partial<T>);
};

const range = (form: FormData, base: string) =>
  withoutEmpty({ min: number(form, `${base}.min`), max: number(form, `${base}.max`) });

const chosen = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");

/** "국장, 과장": position titles as a coordinator types them (Korean commas too). */
const commaList = (value: string) =>
  value
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");

const nonEmptyList = (values: string[]) => (values.length === 0 ? undefined : values);

function eligibilityFromForm(form: FormData, role: ApplicationRole) {
  const base = `roles.${role}.eligibility`;
  const rule = {
    grade: range(form, `${base}.grade`),
    yearsOfService: range(form, `${base}.yearsOfService`),
    hireDate: withoutEmpty({
      from: text(form, `${base}.hireDate.from`).trim() || undefined,
      to: text(form, `${base}.hireDate.to`).trim() || undefined,
    }),
    birthYear: range(form, `${base}.birthYear`),
    departments: withoutEmpty({
      include: nonEmptyList(chosen(form, `${base}.departments.include`)),
      exclude: nonEmptyList(chosen(form, `${base}.departments.exclude`)),
    }),
    positionTitles: withoutEmpty({
      include: nonEmptyList(commaList(text(form, `${base}.positionTitles.include`))),
      exclude: nonEmptyList(commaList(text(form, `${base}.positionTitles.exclude`))),
    }),
  };
  return withoutEmpty(rule) ?? {};
}

/**
 * The definition the editor's form describes: its fields (named by their path in the definition) over the
 * current definition, whose question sets, assignments, rubric and awards the form does not edit yet.
 * Not validated here: saveTemplate validates it.
 */
export function templateFromForm(form: FormData, current: TemplateDefinition): unknown {
  const side = (name: "mentors" | "mentees") => ({
    min: number(form, `teamShape.${name}.min`),
    max: number(form, `teamShape.${name}.max`),
  });
  return {
    ...current,
    kind: text(form, "kind"),
    name: text(form, "name"),
    description: text(form, "description"),
    teamShape: { mentors: side("mentors"), mentees: side("mentees") },
    roles: Object.fromEntries(
      applicationRoles.map((role) => [
        role,
        { eligibility: eligibilityFromForm(form, role), quota: number(form, `roles.${role}.quota`) },
      ]),
    ),
    phases: Object.fromEntries(
      scheduleFields
        .filter((field) => field !== "recruitmentStart")
        .map((field) => [field, number(form, `phases.${field}`)]),
    ),
    certificate: {
      title: text(form, "certificate.title"),
      body: text(form, "certificate.body"),
      signerTitle: text(form, "certificate.signerTitle"),
    },
  };
}

const eligibilityFields: Record<string, string> = {
  "grade.min": "gradeMin",
  "grade.max": "gradeMax",
  "yearsOfService.min": "yearsMin",
  "yearsOfService.max": "yearsMax",
  "hireDate.from": "hireDateFrom",
  "hireDate.to": "hireDateTo",
  "birthYear.min": "birthYearMin",
  "birthYear.max": "birthYearMax",
  "departments.include": "departmentsInclude",
  "departments.exclude": "departmentsExclude",
  "positionTitles.include": "positionsInclude",
  "positionTitles.exclude": "positionsExclude",
};

const teamShapeFields: Record<string, string> = {
  "teamShape.mentors.min": "mentorsMin",
  "teamShape.mentors.max": "mentorsMax",
  "teamShape.mentees.min": "menteesMin",
  "teamShape.mentees.max": "menteesMax",
};

/** The translated name of each field of the template form, by its path; what error messages call it. */
export function templateFieldName(t: TFunction, path: string): string | null {
  if (path === "") return t("programs.template.details");
  if (["name", "description", "kind"].includes(path)) return t(`programs.field.${path}`);
  if (teamShapeFields[path]) return t(`programs.field.teamShape.${teamShapeFields[path]}`);
  const certificate: Record<string, string> = {
    "certificate.title": "certificateTitle",
    "certificate.body": "certificateBody",
    "certificate.signerTitle": "certificateSigner",
  };
  if (certificate[path]) return t(`programs.field.${certificate[path]}`);
  const phase = /^phases\.(\w+)$/.exec(path)?.[1];
  if (phase && (scheduleFields as readonly string[]).includes(phase)) return t(`programs.schedule.${phase}`);
  const role = /^roles\.(mentor|mentee)\.(.+)$/.exec(path);
  if (role) {
    const roleName = t(`programs.role.${role[1]}`);
    if (role[2] === "quota") return t("programs.field.quota", { role: roleName });
    const part = /^eligibility\.(.+)$/.exec(role[2] as string)?.[1];
    const label = part ? eligibilityFields[part] : undefined;
    if (label) return t(`programs.field.${label}`, { role: roleName });
  }
  return null;
}

export type SaveTemplateOutcome =
  | { ok: true; version: number; newVersion: boolean; changed: boolean }
  | { ok: false; issues: FormIssues };

/** Saves the editor's form; invalid input comes back as messages per field, nothing saved. */
export async function saveTemplateForm(
  services: Services,
  input: Acting & { templateId: string; form: FormData; t: TFunction },
): Promise<SaveTemplateOutcome> {
  const { tenant, actorUserId, requestId, templateId, form, t } = input;
  try {
    const result = await services.db.withTenant(tenant.id, async (tx) => {
      const current = await loadTemplate(tx, tenant.id, templateId);
      return saveTemplate(tx, {
        tenantId: tenant.id,
        templateId,
        definition: templateFromForm(form, current.definition),
        actorUserId,
        requestId,
      });
    });
    return { ok: true, ...result };
  } catch (error) {
    if (isAppError(error, "input.invalid")) {
      const names = (path: string) => templateFieldName(t, path);
      return { ok: false, issues: formIssuesOfFields(error.details.fields ?? [], names) };
    }
    missingIsNotFound(error);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A new cohort

/** The templates to choose from, and for the chosen one the number, title and places a new cohort gets. */
export async function newCohortPage(services: Services, tenant: Tenant, templateId: string | null) {
  return services.db
    .withTenant(tenant.id, async (tx) => {
      const templates = await listTemplates(tx, tenant.id);
      const chosen =
        templateId && templates.some((template) => template.id === templateId) ? templateId : null;
      const defaults = chosen ? await newCohortDefaults(tx, tenant.id, chosen) : null;
      const version = templates.find((template) => template.id === chosen)?.currentVersion ?? null;
      return {
        templates: templates.map((template) => ({ id: template.id, name: template.name })),
        chosen: defaults && version !== null ? { ...defaults, version } : null,
      };
    })
    .catch(missingIsNotFound);
}

const cohortFieldNames: Record<string, string> = {
  templateId: "programs.field.template",
  number: "programs.field.number",
  title: "programs.field.cohortTitle",
  recruitmentStart: "programs.schedule.recruitmentStart",
};

export async function createCohortForm(
  services: Services,
  input: Acting & { form: Record<string, FormDataEntryValue>; t: TFunction },
): Promise<
  { ok: true; cohortId: string } | { ok: false; issues: FormIssues } | { ok: false; error: Phrase }
> {
  const { tenant, actorUserId, requestId, form, t } = input;
  const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
  try {
    const { cohortId } = await services.db.withTenant(tenant.id, (tx) =>
      createCohort(tx, {
        tenantId: tenant.id,
        form: {
          templateId: field("templateId") ?? "",
          number: field("number"),
          title: field("title"),
          recruitmentStart: field("recruitmentStart") ?? "",
        },
        actorUserId,
        requestId,
        today: today(tenant),
      }),
    );
    return { ok: true, cohortId };
  } catch (error) {
    if (isAppError(error, "input.invalid")) {
      const names = (path: string) => (cohortFieldNames[path] ? t(cohortFieldNames[path] as string) : null);
      return { ok: false, issues: formIssuesOfFields(error.details.fields ?? [], names) };
    }
    if (isAppError(error) && error.status !== 404) {
      return { ok: false, error: { key: error.messageKey, params: error.params } };
    }
    missingIsNotFound(error);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A cohort's overview

/** The phases of the timeline, each with the dates it spans. */
const timelineOf = (overview: CohortOverview) => {
  const { schedule } = overview;
  const spans: Record<Exclude<CohortStatus, "draft">, { from: string; to: string | null }> = {
    recruiting: { from: schedule.recruitmentStart, to: schedule.recruitmentEnd },
    orientation: { from: schedule.orientation, to: null },
    matching: { from: schedule.matching, to: schedule.ceremony },
    active: { from: schedule.activitiesStart, to: schedule.activitiesEnd },
    evaluation: { from: schedule.evaluationStart, to: schedule.evaluationEnd },
    closed: { from: schedule.close, to: null },
  };
  return cohortStatuses
    .filter((status): status is Exclude<CohortStatus, "draft"> => status !== "draft")
    .map((status) => ({ status, ...spans[status], current: status === overview.status }));
};

export async function cohortPage(services: Services, tenant: Tenant, cohortId: string, locale: string) {
  const overview = await services.db
    .withTenant(tenant.id, (tx) => cohortOverview(tx, tenant.id, cohortId, today(tenant)))
    .catch(missingIsNotFound);
  return {
    ...overview,
    statusChangedAt: formatDateTime(overview.statusChangedAt, locale, tenant.timeZone),
    timeline: timelineOf(overview),
  };
}

export async function saveScheduleForm(
  services: Services,
  input: Acting & { cohortId: string; form: Record<string, FormDataEntryValue>; t: TFunction },
): Promise<{ ok: true; changed: number } | { ok: false; issues: FormIssues } | { ok: false; error: Phrase }> {
  const { tenant, actorUserId, requestId, cohortId, form, t } = input;
  const schedule = Object.fromEntries(scheduleFields.map((field) => [field, form[field] ?? ""]));
  try {
    const { changed } = await services.db.withTenant(tenant.id, (tx) =>
      updateCohortSchedule(tx, {
        tenantId: tenant.id,
        cohortId,
        schedule,
        actorUserId,
        requestId,
        today: today(tenant),
      }),
    );
    return { ok: true, changed: changed.length };
  } catch (error) {
    if (isAppError(error, "input.invalid")) {
      const names = (path: string) =>
        (scheduleFields as readonly string[]).includes(path) ? t(`programs.schedule.${path}`) : null;
      return { ok: false, issues: formIssuesOfFields(error.details.fields ?? [], names) };
    }
    if (isAppError(error) && error.status !== 404) {
      return { ok: false, error: { key: error.messageKey, params: error.params } };
    }
    missingIsNotFound(error);
  }
}

/** A lifecycle problem as the page words it: its message, and whether a coordinator may overrule it. */
export interface ProblemView {
  message: Phrase;
  overridable: boolean;
}

/** Statuses and roles in a problem's values are words to translate, not codes to show. */
export function problemView(problem: TransitionProblem, t: TFunction): ProblemView {
  const params = Object.fromEntries(
    Object.entries(problem.params).map(([name, value]) => {
      if ((name === "from" || name === "to") && typeof value === "string")
        return [name, t(`programs.status.${value}`)];
      if (name === "role" && typeof value === "string") return [name, t(`programs.role.${value}`)];
      return [name, value];
    }),
  );
  return { message: { key: `programs.${problem.code}`, params }, overridable: problem.overridable };
}

export type MoveOutcome =
  | { ok: true; to: CohortStatus }
  | { ok: false; error: Phrase; problems: ProblemView[]; reasonMissing: boolean };

/** Moves the cohort to `to` as its coordinator asks; a refusal comes back with every problem, worded. */
export async function moveCohort(
  services: Services,
  input: Acting & { cohortId: string; to: CohortStatus; override: boolean; reason: string; t: TFunction },
): Promise<MoveOutcome> {
  const { tenant, actorUserId, requestId, cohortId, to, override, reason, t } = input;
  try {
    await services.db.withTenant(tenant.id, (tx) =>
      transitionCohort(tx, {
        tenantId: tenant.id,
        cohortId,
        to,
        override,
        reason,
        actorUserId,
        requestId,
        today: today(tenant),
        appUrl: services.config.APP_URL,
      }),
    );
    return { ok: true, to };
  } catch (error) {
    if (isAppError(error, "cohort.transition_refused")) {
      return {
        ok: false,
        error: { key: error.messageKey },
        problems: (error.details.problems ?? []).map((problem) => problemView(problem, t)),
        reasonMissing: false,
      };
    }
    if (isAppError(error) && error.status !== 404) {
      return {
        ok: false,
        error: { key: error.messageKey, params: error.params },
        problems: [],
        reasonMissing: isAppError(error, "cohort.override_reason_required"),
      };
    }
    missingIsNotFound(error);
  }
}
