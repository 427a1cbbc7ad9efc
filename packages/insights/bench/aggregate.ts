// The nightly national insights for every Korean local government: 243 opted-in organisations with 5
// cohorts each, timed end to end as the worker runs it (aggregateInsights: per organisation, inside its own
// row-level-security context, every cohort read through the pages' use cases, suppressed, written), as
// the app role. Seeding: Gangneung's seeded cohort with its 10 teams of 3 + 1 published and a program year
// recorded (weekly trainings with attendance taken for all 40, meetings and team activities, six
// assignments handed in, the diagnostic answered before and after, the satisfaction survey, three
// evaluators' scores of every team), copied into 4 more cohorts of the same city, then the whole city
// (directory, memberships, templates, cohorts and their records) copied into 242 more organisations of
// every kind and region, in bulk by SQL. Target: < 5 minutes.
// Run: npx tsx bench/aggregate.ts (BENCH_INSIGHTS_TENANTS, default 243).
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { TenantDb, TenantKind } from "@mentoring/db";
import {
  copyOrganisation,
  createSeededTestDatabase,
  ensureTestTemplate,
  remappedIds,
  uuidColumnsOf,
} from "@mentoring/db/testing";
import { addDays, calendarDate, diagnosticScores } from "@mentoring/domain";
import { assignEvaluator, loadCohort, submitEvaluation } from "@mentoring/programs";
import { seededAnswers, seedPrograms } from "@mentoring/programs/seed";
import { publishTeams, seededCohortOf } from "../../programs/test/certificates-support";
import { aggregateInsights } from "../src/publications";

const TENANTS = Number(process.env.BENCH_INSIGHTS_TENANTS ?? 243);
const COHORTS_PER_TENANT = 5;
const TARGET_MS = 5 * 60 * 1000;
const REGIONS = [
  "서울특별시",
  "부산광역시",
  "경기도",
  "강원특별자치도",
  "충청북도",
  "전라남도",
  "경상북도",
  "제주특별자치도",
];
const KINDS: TenantKind[] = [
  "basic_government",
  "basic_government",
  "metropolitan_government",
  "public_institution",
];

/** Tables of one organisation's program data in the order their keys need, and what a copy keeps. */
const CITY_TABLES = [
  "departments",
  "staff_members",
  "memberships",
  "program_templates",
  "program_template_versions",
  "cohorts",
  "applications",
  "matching_runs",
  "teams",
  "team_members",
  "calendar_items",
  "attendance",
  "activities",
  "submissions",
  "survey_rounds",
  "survey_responses",
  "evaluator_assignments",
  "evaluations",
  "evaluation_scores",
] as const;
/** Of those, the rows of one cohort (a cohort's copy within the city). */
const COHORT_TABLES = [
  "cohorts",
  "applications",
  "matching_runs",
  "teams",
  "team_members",
  "calendar_items",
  "attendance",
  "activities",
  "submissions",
  "survey_rounds",
  "survey_responses",
  "evaluator_assignments",
  "evaluations",
  "evaluation_scores",
] as const;

await ensureTestTemplate();
const database = await createSeededTestDatabase();
const seedStarted = performance.now();
try {
  const { db } = database;
  await seedPrograms(db);
  const city = await seededCohortOf(db, "gangneung");
  const { tenantId, cohortId, actorUserId } = city;
  const { teams } = await publishTeams(db, tenantId, cohortId);
  const inCity = <T>(work: (tx: TenantDb) => Promise<T>) =>
    db.withTenant(tenantId, work, { timeout: 120_000 });
  const record = await inCity((tx) => loadCohort(tx, tenantId, cohortId));
  const { cohort, definition } = record;
  const start = calendarDate(cohort.activitiesStart.toISOString().slice(0, 10));
  const now = new Date(
    `${addDays(calendarDate(cohort.evaluationStart.toISOString().slice(0, 10)), 1)}T01:00:00Z`,
  );

  // A program year in bulk (the use cases' rows written directly: the bench times reading them).
  await inCity(async (tx) => {
    await tx.cohort.update({ where: { id: cohortId }, data: { status: "evaluation" } });
    await tx.$executeRaw`
      insert into calendar_items (tenant_id, cohort_id, kind, title, starts_at, ends_at, attendance, audience)
      select ${tenantId}::uuid, ${cohortId}::uuid, 'training', '정기 교육 ' || week || '회차',
             ${new Date(`${start}T05:00:00Z`)}::timestamptz + (week - 1) * interval '7 days',
             ${new Date(`${start}T07:00:00Z`)}::timestamptz + (week - 1) * interval '7 days', true, 'all'
        from generate_series(1, 28) as week`;
    await tx.$executeRaw`
      insert into attendance (tenant_id, item_id, application_id, present, method)
      select i.tenant_id, i.id, tm.application_id, (hashtext(i.id::text || tm.application_id::text) % 5) <> 0, 'coordinator'
        from calendar_items i
        join team_members tm on tm.tenant_id = i.tenant_id and tm.cohort_id = i.cohort_id
       where i.tenant_id = ${tenantId}::uuid and i.cohort_id = ${cohortId}::uuid and i.attendance`;
    await tx.$executeRaw`
      insert into activities (tenant_id, cohort_id, team_id, kind, happened_on, minutes, topic)
      select t.tenant_id, t.cohort_id, t.id, case when n % 2 = 0 then 'meeting' else 'team_activity' end::activity_kind,
             ${cohort.activitiesStart}::date + (n * 7), 60, '팀 활동 ' || n
        from teams t cross join generate_series(1, 25) as n
       where t.tenant_id = ${tenantId}::uuid and t.cohort_id = ${cohortId}::uuid`;
    await tx.$executeRaw`
      insert into calendar_items (tenant_id, cohort_id, kind, title, due_at, audience)
      select ${tenantId}::uuid, ${cohortId}::uuid, 'assignment', '월간 과제 ' || month,
             ${new Date(`${start}T14:59:00Z`)}::timestamptz + month * interval '30 days', 'all'
        from generate_series(1, 6) as month`;
    await tx.$executeRaw`
      insert into submissions (tenant_id, item_id, team_id, text, first_submitted_at, submitted_at, late)
      select i.tenant_id, i.id, t.id, '과제', i.due_at - interval '1 day', i.due_at - interval '1 day', t.number % 4 = 0
        from calendar_items i join teams t on t.tenant_id = i.tenant_id and t.cohort_id = i.cohort_id
       where i.tenant_id = ${tenantId}::uuid and i.cohort_id = ${cohortId}::uuid and i.kind = 'assignment'`;
    // The post surveys: the diagnostic again and the satisfaction survey, answered by everyone placed.
    const members = await tx.teamMember.findMany({
      where: { tenantId, cohortId },
      select: { applicationId: true, role: true },
    });
    for (const set of definition.questionSets.filter((s) => s.phases.includes("post"))) {
      const round = await tx.surveyRound.create({
        data: {
          tenantId,
          cohortId,
          questionSetKey: set.key,
          phase: "post",
          opensOn: cohort.activitiesEnd,
          closesOn: cohort.evaluationStart,
          openedAt: cohort.activitiesEnd,
        },
      });
      await tx.surveyResponse.createMany({
        data: members
          .filter((member) => set.roles.includes(member.role))
          .map((member) => {
            const answers = seededAnswers(set, `${member.applicationId}-post`, member.role, definition.kind);
            return {
              tenantId,
              roundId: round.id,
              applicationId: member.applicationId,
              answers,
              ...(set.dimensions.length > 0 ? { scores: diagnosticScores(set, answers) } : {}),
              submittedAt: cohort.activitiesEnd,
            };
          }),
      });
    }
  });
  // Three outside trainers score every team.
  for (const [index, label] of ["first", "second", "third"].entries()) {
    const evaluatorUserId = await inCity(async (tx) => {
      const user = await tx.user.create({
        data: { email: `bench-${label}@trainer.example.kr`, displayName: label },
      });
      await tx.membership.create({ data: { tenantId, userId: user.id, roles: ["evaluator"] } });
      return user.id;
    });
    for (const [number, team] of teams.entries()) {
      await inCity((tx) =>
        assignEvaluator(tx, { tenantId, cohortId, teamId: team.id, evaluatorUserId, actorUserId, now }),
      );
      await inCity((tx) =>
        submitEvaluation(tx, {
          tenantId,
          evaluatorUserId,
          teamId: team.id,
          entries: { results: { score: 4 + ((number + index) % 6), comment: "" } },
          now,
        }),
      );
    }
  }

  // Four more cohorts of the city: every id of a cohort's rows remapped per copy, the city's own kept.
  const uuidColumns = await uuidColumnsOf(db, tenantId, CITY_TABLES);
  const cohortKept = (column: string) =>
    column === "tenant_id" ||
    column.endsWith("user_id") ||
    ["staff_member_id", "template_id", "template_version_id"].includes(column);
  const ofCohort: Record<(typeof COHORT_TABLES)[number], string> = {
    cohorts: `id = '${cohortId}'`,
    applications: `cohort_id = '${cohortId}'`,
    matching_runs: `cohort_id = '${cohortId}'`,
    teams: `cohort_id = '${cohortId}'`,
    team_members: `cohort_id = '${cohortId}'`,
    calendar_items: `cohort_id = '${cohortId}'`,
    attendance: `item_id in (select id from calendar_items where cohort_id = '${cohortId}')`,
    activities: `cohort_id = '${cohortId}'`,
    submissions: `item_id in (select id from calendar_items where cohort_id = '${cohortId}')`,
    survey_rounds: `cohort_id = '${cohortId}'`,
    survey_responses: `round_id in (select id from survey_rounds where cohort_id = '${cohortId}')`,
    evaluator_assignments: `cohort_id = '${cohortId}'`,
    evaluations: `assignment_id in (select id from evaluator_assignments where cohort_id = '${cohortId}')`,
    evaluation_scores: `evaluation_id in (select e.id from evaluations e join evaluator_assignments a on a.id = e.assignment_id where a.cohort_id = '${cohortId}')`,
  };
  await db.withTenantSql(
    tenantId,
    async (sql) => {
      for (let k = 1; k < COHORTS_PER_TENANT; k++) {
        for (const table of COHORT_TABLES) {
          const extra = table === "cohorts" ? `, 'number', (r->>'number')::int + ${100 + k}` : "";
          await sql.query(
            `insert into ${table}
             select (jsonb_populate_record(null::${table}, r || jsonb_build_object(${remappedIds(uuidColumns, table, cohortKept, `:${k}`)}${extra}))).*
               from (select to_jsonb(t) as r from ${table} t where t.tenant_id = '${tenantId}' and t.${ofCohort[table]}) copied`,
          );
        }
      }
    },
    { timeout: 600_000 },
  );

  // The city, copied whole into every other organisation.
  await db.platform.tenant.update({
    where: { id: tenantId },
    data: { insightsOptedInAt: now, insightsNamed: true },
  });
  await copyOrganisation(
    db,
    tenantId,
    CITY_TABLES,
    Array.from({ length: TENANTS - 1 }, (_, index) => {
      const t = index + 1;
      return {
        slug: `insights-city-${t}`,
        name: `도시 ${t}`,
        kind: KINDS[t % KINDS.length] as TenantKind,
        region: REGIONS[t % REGIONS.length] as string,
        insightsOptedInAt: now,
        insightsNamed: t % 3 === 0,
      };
    }),
    (done) => {
      if ((done + 1) % 25 === 0) process.stdout.write(`  ${done + 1}/${TENANTS} organisations\n`);
    },
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { connect } = await import("@mentoring/db/provision");
  const owner = await connect(database.urls.owner);
  await owner.query("analyze");
  const sizes = await owner.query<{ table: string; rows: string }>(
    `select relname as table, n_live_tup::text as rows from pg_stat_user_tables
      where relname = any($1::text[]) order by relname`,
    [
      [
        "staff_members",
        "applications",
        "team_members",
        "attendance",
        "activities",
        "survey_responses",
        "evaluation_scores",
      ],
    ],
  );
  await owner.end();

  console.log(`load: ${execFileSync("uptime").toString().trim()}`);
  console.log(
    `seeded in ${Math.round(seedSeconds)} s: ${sizes.rows.map((row) => `${row.table} ${row.rows}`).join(", ")}`,
  );
  const started = performance.now();
  let lastShown = 0;
  const result = await aggregateInsights(
    db,
    { now },
    {
      onProgress: (percent) => {
        if (percent >= lastShown + 10) {
          lastShown = percent;
          process.stdout.write(`  ${percent}% after ${Math.round((performance.now() - started) / 1000)} s\n`);
        }
      },
    },
  );
  const ms = performance.now() - started;
  console.table([
    { measure: "organisations", value: result.tenants },
    { measure: "cohorts", value: result.cohorts },
    { measure: "rows written", value: result.rows },
    { measure: "rows suppressed", value: result.suppressed },
    { measure: "total s", value: Math.round(ms / 100) / 10 },
    { measure: "per organisation ms", value: Math.round(ms / result.tenants) },
    { measure: "per cohort ms", value: Math.round(ms / Math.max(1, result.cohorts)) },
  ]);
  console.log(
    ms < TARGET_MS
      ? `ok: ${result.tenants} organisations, ${result.cohorts} cohorts in ${Math.round(ms / 1000)} s < ${TARGET_MS / 1000} s`
      : `SLOW: ${Math.round(ms / 1000)} s for ${result.cohorts} cohorts`,
  );
  if (ms >= TARGET_MS || result.cohorts !== TENANTS * COHORTS_PER_TENANT) process.exitCode = 1;
} finally {
  await database.drop();
}
