import { createHash } from "node:crypto";
import { canonicalJson } from "@mentoring/certificates";
import { Prisma, type TenantDb } from "@mentoring/db";
import { uploadKey } from "@mentoring/directory";
import type { RetentionCutoffs, RetentionKind } from "@mentoring/domain";

/*
 * What the retention purge does, step by step, as SQL over one tenant: each step names its table, what
 * happens to its rows (deleted or pseudonymised) and the kind of data whose period made them due, and is
 * written once as the selection of the rows due. The dry run counts each selection; the purge runs each
 * step in batches until its selection is empty, in the order below (rows that refer to others go first, so
 * no foreign key stops a step). Every selection reads the state, not a list made earlier: a purge stopped
 * half-way is taken up where it stopped by the next run, and a run after a complete one finds nothing.
 * docs/compliance/retention.md explains each decision.
 */

export type RetentionAction = "deleted" | "pseudonymised";

/** The tables the purge changes. */
export const retentionTables = [
  "survey_responses",
  "attendance",
  "ceremony_attendance",
  "event_signups",
  "activity_participants",
  "attachments",
  "activities",
  "submissions",
  "team_members",
  "evaluation_scores",
  "certificates",
  "certificate_batches",
  "cohort_report_runs",
  "matching_runs",
  "applications",
  "notifications",
  "notification_preferences",
  "calendar_feeds",
  "staff_members",
  "directory_import_rows",
  "directory_imports",
] as const;
export type RetentionTable = (typeof retentionTables)[number];

/** Per table, how many rows each action touched (or would touch). */
export type RetentionCounts = Partial<Record<RetentionTable, Partial<Record<RetentionAction, number>>>>;

export interface StepResult {
  counts: Partial<Record<RetentionAction, number>>;
  /** Storage keys of the files of the rows gone, to remove once the transaction has committed. */
  files: string[];
  /** Rows selected by this batch: fewer than the batch size means the step is done. */
  selected: number;
}

export interface RetentionStep {
  kind: RetentionKind;
  table: RetentionTable;
  /** How many rows are due, per action (the dry run). */
  count(tx: TenantDb): Promise<Partial<Record<RetentionAction, number>>>;
  /** Deletes or pseudonymises up to `limit` of the rows due. */
  run(tx: TenantDb, limit: number): Promise<StepResult>;
}

/** The tenant and the moment's cutoffs the selections compare with. */
export interface RetentionScope {
  tenantId: string;
  timeZone: string;
  cutoffs: RetentionCutoffs;
}

const sql = Prisma.sql;

/** The day a cohort's close starts its periods: its close date, or the day it was closed if later. */
const cohortClosedOn = (timeZone: string) =>
  sql`greatest(c.close, (c.status_changed_at at time zone ${timeZone})::date)`;

/** Closed cohorts whose period of `kind` has ended. */
function closedCohorts(scope: RetentionScope, ...kinds: RetentionKind[]) {
  const { tenantId, timeZone, cutoffs } = scope;
  const due = kinds.map((kind) => sql`${cohortClosedOn(timeZone)} <= ${cutoffs.lastDueStart[kind]}::date`);
  return sql`select c.id from cohorts c
    where c.tenant_id = ${tenantId}::uuid and c.status = 'closed' and (${Prisma.join(due, " or ")})`;
}

/**
 * Applications that never took part (rejected, left on the waitlist, or withdrawn before the cohort's
 * matching day, and in no team) of cohorts whose recruitment closed before the period: the cohort has left
 * recruitment behind. An application withdrawn later (the person left, or withdrew consent) took part: it
 * stays with the cohort's records, as proof of the consent and its withdrawal.
 */
function unselectedApplications(scope: RetentionScope) {
  const { tenantId, timeZone, cutoffs } = scope;
  return sql`select a.id from applications a
    join cohorts c on c.tenant_id = a.tenant_id and c.id = a.cohort_id
   where a.tenant_id = ${tenantId}::uuid
     and (a.status in ('rejected', 'waitlisted')
       or (a.status = 'withdrawn' and a.consent_withdrawn_at is null
           and (a.withdrawn_at is null or (a.withdrawn_at at time zone ${timeZone})::date < c.matching)))
     and c.status not in ('draft', 'recruiting')
     and c.recruitment_end <= ${cutoffs.lastDueStart.unselected_applications}::date
     and not exists (select 1 from team_members tm where tm.tenant_id = a.tenant_id and tm.application_id = a.id)`;
}

/** Every application of the cohorts whose program records are due. */
function recordsApplications(scope: RetentionScope) {
  return sql`select a.id from applications a
   where a.tenant_id = ${scope.tenantId}::uuid and a.cohort_id in (${closedCohorts(scope, "program_records")})
     and a.id not in (${unselectedApplications(scope)})`;
}

/** The calendar items of the cohorts whose program records are due. */
function recordsItems(scope: RetentionScope) {
  return sql`select i.id from calendar_items i
   where i.tenant_id = ${scope.tenantId}::uuid and i.cohort_id in (${closedCohorts(scope, "program_records")})`;
}

/**
 * Staff directory entries marked inactive whose period has run since their last change (deactivating is an
 * entry's last change; a change after it only starts the period again, never earlier), and which no
 * application still refers to: those wait for their cohort's period.
 */
function inactiveStaff(scope: RetentionScope) {
  const { tenantId, cutoffs } = scope;
  return sql`select s.id from staff_members s
   where s.tenant_id = ${tenantId}::uuid and not s.active and s.updated_at < ${cutoffs.dueBefore.inactive_staff}
     and not exists (
       select 1 from applications a where a.tenant_id = s.tenant_id and a.staff_member_id = s.id
          and a.id not in (${unselectedApplications(scope)}) and a.id not in (${recordsApplications(scope)}))`;
}

/** Directory uploads whose period has run, unless the worker is still reading or applying one. */
function dueImports(scope: RetentionScope) {
  const { tenantId, cutoffs } = scope;
  return sql`select d.id from directory_imports d
   where d.tenant_id = ${tenantId}::uuid and d.created_at < ${cutoffs.dueBefore.directory_imports}
     and d.status not in ('validating', 'applying')`;
}

const countOf = async (tx: TenantDb, selection: Prisma.Sql) => {
  const [row] = await tx.$queryRaw<
    { count: number }[]
  >`select count(*)::int as count from (${selection}) due`;
  return row?.count ?? 0;
};

/** A step that deletes the rows of `table` whose id the selection gives (with `files` of each, if any). */
function deleting(
  kind: RetentionKind,
  table: RetentionTable,
  selection: (scope: RetentionScope) => Prisma.Sql,
  scope: RetentionScope,
  files: string[] = [],
): RetentionStep {
  const from = Prisma.raw(`"${table}"`);
  const returning = files.length > 0 ? Prisma.raw(files.map((column) => `"${column}"`).join(", ")) : sql`id`;
  return {
    kind,
    table,
    count: async (tx) => ({ deleted: await countOf(tx, selection(scope)) }),
    async run(tx, limit) {
      const rows = await tx.$queryRaw<Record<string, string | null>[]>`
        delete from ${from} where tenant_id = ${scope.tenantId}::uuid
           and id in (select id from (${selection(scope)}) due limit ${limit})
        returning ${returning}`;
      const keys = rows.flatMap((row) => files.map((column) => row[column]).filter((key) => key != null));
      return { counts: { deleted: rows.length }, files: keys as string[], selected: rows.length };
    },
  };
}

/** Rows of `table` with `column` in the selection (`column` is a foreign key to what is due). */
const where = (table: string, column: string, selection: Prisma.Sql, tenantId: string) =>
  sql`select x.id from ${Prisma.raw(`"${table}"`)} x
   where x.tenant_id = ${tenantId}::uuid and x.${Prisma.raw(`"${column}"`)} in (${selection})`;

/** A certificate's content once its period ended: what it says about the program, none of its people. */
function retainedContent(content: unknown) {
  const record = (typeof content === "object" && content !== null ? content : {}) as Record<string, unknown>;
  const { mentors: _m, mentees: _e, ...rest } = record;
  return {
    ...rest,
    mentors: [],
    mentees: [],
    // The signed content's fingerprint: a copy of the certificate can still be matched against it.
    contentSha256: createHash("sha256").update(canonicalJson(record)).digest("hex"),
    destroyed: true,
  };
}

/** Every step of the purge for one tenant at one moment, in the order they run. */
export function retentionSteps(scope: RetentionScope): RetentionStep[] {
  const { tenantId, timeZone, cutoffs } = scope;
  const unselected = () => unselectedApplications(scope);
  const recordsApps = () => recordsApplications(scope);
  const items = () => recordsItems(scope);
  const recordsCohorts = () => closedCohorts(scope, "program_records");
  // An application's rows in tables that refer to it, for the unselected and for the cohorts' records.
  const byApplication = (
    table: RetentionTable,
    kind: RetentionKind,
    apps: () => Prisma.Sql,
    extra?: () => Prisma.Sql,
  ) =>
    deleting(
      kind,
      table,
      () =>
        extra
          ? sql`${where(table, "application_id", apps(), tenantId)}
                union (${extra()} and x.application_id not in (${unselected()}))`
          : where(table, "application_id", apps(), tenantId),
      scope,
    );
  const surveyCohorts = () => closedCohorts(scope, "survey_answers", "program_records");

  const surveyAnswers: RetentionStep = {
    kind: "survey_answers",
    table: "survey_responses",
    async count(tx) {
      const [row] = await tx.$queryRaw<{ submitted: number; drafts: number }[]>`
        select count(*) filter (where r.submitted_at is not null)::int as submitted,
               count(*) filter (where r.submitted_at is null)::int as drafts
          from survey_responses r
          join applications a on a.tenant_id = r.tenant_id and a.id = r.application_id
         where r.tenant_id = ${tenantId}::uuid and a.cohort_id in (${surveyCohorts()})
           and a.id not in (${unselected()})`;
      return { pseudonymised: row?.submitted ?? 0, deleted: row?.drafts ?? 0 };
    },
    async run(tx, limit) {
      // A batch is whole applications, so that one person's pre and post answers share a pseudonym. The
      // pseudonym is drawn here and kept nowhere but on the rows made.
      const [row] = await tx.$queryRaw<{ kept: number; gone: number; people: number }[]>`
        with people as (
          select a.id, a.role, gen_random_uuid() as pseudonym from applications a
           where a.tenant_id = ${tenantId}::uuid and a.cohort_id in (${surveyCohorts()})
             and a.id not in (${unselected()})
             and exists (select 1 from survey_responses r where r.tenant_id = a.tenant_id and r.application_id = a.id)
           limit ${limit}
        ), due as (
          select r.id, r.round_id, rd.cohort_id, p.role, p.pseudonym, r.answers, r.scores, r.submitted_at
            from survey_responses r
            join people p on p.id = r.application_id
            join survey_rounds rd on rd.tenant_id = r.tenant_id and rd.id = r.round_id
           where r.tenant_id = ${tenantId}::uuid
        ), kept as (
          insert into pseudonymised_survey_responses
                 (tenant_id, cohort_id, round_id, pseudonym, role, answers, scores, submitted_on)
          select ${tenantId}::uuid, due.cohort_id, due.round_id, due.pseudonym, due.role,
                 coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(due.answers) e
                            where jsonb_typeof(e.value) = 'number'), '{}'::jsonb),
                 due.scores, (due.submitted_at at time zone ${timeZone})::date
            from due where due.submitted_at is not null
          returning 1
        ), gone as (
          delete from survey_responses where tenant_id = ${tenantId}::uuid and id in (select id from due)
          returning 1
        )
        select (select count(*) from kept)::int as kept, (select count(*) from gone)::int as gone,
               (select count(*) from people)::int as people`;
      const kept = row?.kept ?? 0;
      const gone = row?.gone ?? 0;
      return { counts: { pseudonymised: kept, deleted: gone - kept }, files: [], selected: row?.people ?? 0 };
    },
  };

  const evaluationComments: RetentionStep = {
    kind: "program_records",
    table: "evaluation_scores",
    count: async (tx) => ({ pseudonymised: await countOf(tx, evaluationCommentsDue()) }),
    async run(tx, limit) {
      const changed = await tx.$executeRaw`
        update evaluation_scores set comment = ''
         where tenant_id = ${tenantId}::uuid and id in (select id from (${evaluationCommentsDue()}) due limit ${limit})`;
      return { counts: { pseudonymised: changed }, files: [], selected: changed };
    },
  };
  function evaluationCommentsDue() {
    return sql`select sc.id from evaluation_scores sc
      join evaluations e on e.tenant_id = sc.tenant_id and e.id = sc.evaluation_id
      join evaluator_assignments ea on ea.tenant_id = e.tenant_id and ea.id = e.assignment_id
     where sc.tenant_id = ${tenantId}::uuid and sc.comment <> '' and ea.cohort_id in (${recordsCohorts()})`;
  }

  const certificatesDue = () => sql`select x.id from certificates x
     where x.tenant_id = ${tenantId}::uuid and x.cohort_id in (${recordsCohorts()})
       and not coalesce((x.content ->> 'destroyed')::boolean, false)`;
  const certificateNames: RetentionStep = {
    kind: "program_records",
    table: "certificates",
    count: async (tx) => ({ pseudonymised: await countOf(tx, certificatesDue()) }),
    async run(tx, limit) {
      const rows = await tx.$queryRaw<{ id: string; content: unknown; fileKey: string | null }[]>`
        select x.id::text as id, x.content, x.file_key as "fileKey" from certificates x
         where x.id in (select id from (${certificatesDue()}) due limit ${limit})`;
      for (const row of rows)
        await tx.certificate.update({
          where: { id: row.id },
          data: { content: retainedContent(row.content) as Prisma.InputJsonValue, fileKey: null },
        });
      return {
        counts: { pseudonymised: rows.length },
        files: rows.flatMap((row) => (row.fileKey ? [row.fileKey] : [])),
        selected: rows.length,
      };
    },
  };

  const archivesDue = () => sql`select x.id from certificate_batches x
     where x.tenant_id = ${tenantId}::uuid and x.cohort_id in (${recordsCohorts()}) and x.archive_key is not null
       and x.status <> 'generating'`;
  const certificateArchives: RetentionStep = {
    kind: "program_records",
    table: "certificate_batches",
    count: async (tx) => ({ pseudonymised: await countOf(tx, archivesDue()) }),
    async run(tx, limit) {
      const rows = await tx.$queryRaw<{ archiveKey: string }[]>`
        update certificate_batches b set archive_key = null
          from (select x.id, x.archive_key from certificate_batches x
                 where x.id in (select id from (${archivesDue()}) due limit ${limit})) old
         where b.tenant_id = ${tenantId}::uuid and b.id = old.id
        returning old.archive_key as "archiveKey"`;
      return {
        counts: { pseudonymised: rows.length },
        files: rows.map((row) => row.archiveKey),
        selected: rows.length,
      };
    },
  };

  const matchingInputsDue = () => sql`select x.id from matching_runs x
     where x.tenant_id = ${tenantId}::uuid and x.cohort_id in (${recordsCohorts()})
       and (x.problem <> '{}'::jsonb or x.result is not null or x.teams is not null)
       and x.status not in ('queued', 'running')`;
  const matchingInputs: RetentionStep = {
    kind: "program_records",
    table: "matching_runs",
    count: async (tx) => ({ pseudonymised: await countOf(tx, matchingInputsDue()) }),
    async run(tx, limit) {
      const changed = await tx.$executeRaw`
        update matching_runs set problem = '{}'::jsonb, result = null, teams = null
         where tenant_id = ${tenantId}::uuid and id in (select id from (${matchingInputsDue()}) due limit ${limit})`;
      return { counts: { pseudonymised: changed }, files: [], selected: changed };
    },
  };

  const activitiesOfCohorts = () => sql`select x.id from activities x
     where x.tenant_id = ${tenantId}::uuid and x.cohort_id in (${recordsCohorts()})`;
  const submissionsOfCohorts = () => where("submissions", "item_id", items(), tenantId);

  return [
    // Applications never accepted, with what refers to them.
    byApplication("survey_responses", "unselected_applications", unselected),
    byApplication("attendance", "unselected_applications", unselected),
    byApplication("ceremony_attendance", "unselected_applications", unselected),
    byApplication("event_signups", "unselected_applications", unselected),
    byApplication("activity_participants", "unselected_applications", unselected),
    deleting("unselected_applications", "applications", unselected, scope),
    // Survey answers: pseudonymised for statistics (the records' period ending takes them too).
    surveyAnswers,
    // A closed cohort's records.
    deleting(
      "program_records",
      "attachments",
      () => sql`select x.id from attachments x where x.tenant_id = ${tenantId}::uuid
        and (x.activity_id in (${activitiesOfCohorts()}) or x.submission_id in (${submissionsOfCohorts()}))`,
      scope,
      ["storage_key", "thumbnail_key"],
    ),
    byApplication("activity_participants", "program_records", recordsApps, () =>
      where("activity_participants", "activity_id", activitiesOfCohorts(), tenantId),
    ),
    deleting("program_records", "activities", activitiesOfCohorts, scope),
    deleting("program_records", "submissions", submissionsOfCohorts, scope),
    byApplication("attendance", "program_records", recordsApps, () =>
      where("attendance", "item_id", items(), tenantId),
    ),
    byApplication("event_signups", "program_records", recordsApps, () =>
      where("event_signups", "item_id", items(), tenantId),
    ),
    byApplication("ceremony_attendance", "program_records", recordsApps),
    byApplication("team_members", "program_records", recordsApps),
    evaluationComments,
    certificateNames,
    certificateArchives,
    deleting(
      "program_records",
      "cohort_report_runs",
      () => sql`select x.id from cohort_report_runs x where x.tenant_id = ${tenantId}::uuid
        and x.cohort_id in (${recordsCohorts()}) and x.status <> 'generating'`,
      scope,
      ["pdf_key", "xlsx_key"],
    ),
    matchingInputs,
    deleting("program_records", "applications", recordsApps, scope),
    // Notices.
    deleting(
      "notifications",
      "notifications",
      () => sql`select x.id from notifications x where x.tenant_id = ${tenantId}::uuid
        and x.created_at < ${cutoffs.dueBefore.notifications}`,
      scope,
    ),
    // Inactive directory entries and what is kept per person beside them.
    deleting(
      "inactive_staff",
      "notifications",
      () =>
        sql`${where("notifications", "staff_member_id", inactiveStaff(scope), tenantId)}
          and x.created_at >= ${cutoffs.dueBefore.notifications}`,
      scope,
    ),
    deleting(
      "inactive_staff",
      "notification_preferences",
      () => where("notification_preferences", "staff_member_id", inactiveStaff(scope), tenantId),
      scope,
    ),
    deleting(
      "inactive_staff",
      "calendar_feeds",
      () => where("calendar_feeds", "staff_member_id", inactiveStaff(scope), tenantId),
      scope,
    ),
    deleting("inactive_staff", "staff_members", () => inactiveStaff(scope), scope),
    // Uploaded directories.
    deleting(
      "directory_imports",
      "directory_import_rows",
      () => where("directory_import_rows", "import_id", dueImports(scope), tenantId),
      scope,
    ),
    directoryImports(scope),
  ];
}

/** Uploaded directories: the row, then its file (the key is made from the id, not stored). */
function directoryImports(scope: RetentionScope): RetentionStep {
  const step = deleting("directory_imports", "directory_imports", () => dueImports(scope), scope);
  return {
    ...step,
    async run(tx, limit) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        delete from directory_imports where tenant_id = ${scope.tenantId}::uuid
           and id in (select id from (${dueImports(scope)}) due limit ${limit})
        returning id::text as id`;
      return {
        counts: { deleted: rows.length },
        files: rows.map((row) => uploadKey(scope.tenantId, row.id)),
        selected: rows.length,
      };
    },
  };
}

/** What is due per kind: how many of its main rows, and the day the oldest one's period started. */
export async function dueByKind(
  tx: TenantDb,
  scope: RetentionScope,
): Promise<
  Record<
    RetentionKind,
    { count: number; oldest: string | null; cohorts: { id: string; title: string; closedOn: string }[] }
  >
> {
  const { tenantId, timeZone, cutoffs } = scope;
  const closedOn = cohortClosedOn(timeZone);
  const [unselected] = await tx.$queryRaw<{ count: number; oldest: string | null }[]>`
    select count(*)::int as count, min(c.recruitment_end)::text as oldest
      from applications a join cohorts c on c.tenant_id = a.tenant_id and c.id = a.cohort_id
     where a.id in (${unselectedApplications(scope)})`;
  const [answers] = await tx.$queryRaw<{ count: number; oldest: string | null }[]>`
    select count(*)::int as count, min(${closedOn})::text as oldest
      from survey_responses r
      join applications a on a.tenant_id = r.tenant_id and a.id = r.application_id
      join cohorts c on c.tenant_id = a.tenant_id and c.id = a.cohort_id
     where r.tenant_id = ${tenantId}::uuid and c.id in (${closedCohorts(scope, "survey_answers", "program_records")})
       and a.id not in (${unselectedApplications(scope)})`;
  const recordsCohorts = await tx.$queryRaw<{ id: string; title: string; closedOn: string; count: number }[]>`
    select c.id::text as id, c.title, (${closedOn})::text as "closedOn",
           (select count(*) from applications a where a.tenant_id = c.tenant_id and a.cohort_id = c.id)::int as count
      from cohorts c
     where c.id in (${closedCohorts(scope, "program_records")})
       and (exists (select 1 from applications a where a.tenant_id = c.tenant_id and a.cohort_id = c.id)
         or exists (select 1 from certificates x where x.tenant_id = c.tenant_id and x.cohort_id = c.id
                     and not coalesce((x.content ->> 'destroyed')::boolean, false)))
     order by 3, c.title`;
  const [notices] = await tx.$queryRaw<{ count: number; oldest: Date | null }[]>`
    select count(*)::int as count, min(created_at) as oldest from notifications
     where tenant_id = ${tenantId}::uuid and created_at < ${cutoffs.dueBefore.notifications}`;
  const [staff] = await tx.$queryRaw<{ count: number; oldest: Date | null }[]>`
    select count(*)::int as count, min(s.updated_at) as oldest from staff_members s
     where s.id in (${inactiveStaff(scope)})`;
  const [imports] = await tx.$queryRaw<{ count: number; oldest: Date | null }[]>`
    select count(*)::int as count, min(d.created_at) as oldest from directory_imports d
     where d.id in (${dueImports(scope)})`;
  const day = (instant: Date | null) => (instant ? instant.toISOString() : null);
  return {
    unselected_applications: {
      count: unselected?.count ?? 0,
      oldest: unselected?.oldest ?? null,
      cohorts: [],
    },
    survey_answers: { count: answers?.count ?? 0, oldest: answers?.oldest ?? null, cohorts: [] },
    program_records: {
      count: recordsCohorts.reduce((sum, cohort) => sum + cohort.count, 0),
      oldest: recordsCohorts[0]?.closedOn ?? null,
      cohorts: recordsCohorts.map(({ id, title, closedOn: on }) => ({ id, title, closedOn: on })),
    },
    notifications: { count: notices?.count ?? 0, oldest: day(notices?.oldest ?? null), cohorts: [] },
    inactive_staff: { count: staff?.count ?? 0, oldest: day(staff?.oldest ?? null), cohorts: [] },
    directory_imports: { count: imports?.count ?? 0, oldest: day(imports?.oldest ?? null), cohorts: [] },
  };
}
