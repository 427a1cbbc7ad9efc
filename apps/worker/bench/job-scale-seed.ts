// The data the daily programme jobs meet at national scale: tenants each running one active reverse-mentoring
// cohort (3 junior mentors and 1 manager per published team), a programme calendar with an event tomorrow,
// and activity histories in which three teams in ten have been silent for 21 days or more. Written with one
// set of INSERT … SELECT statements per tenant on a plain pg connection (withTenantSql: row-level security in
// force, as the app role), which takes seconds where row-by-row use cases would take hours.
import type { Database } from "@mentoring/db";
import {
  addDays,
  builtinTemplate,
  type CalendarDate,
  SILENT_DAYS_AT_RISK,
  startOfDayIn,
} from "@mentoring/domain";
import { tenantToday } from "@mentoring/programs";

export const TIME_ZONE = "Asia/Seoul";
/** Mentors then mentees of each team, as the reverse-mentoring template shapes it. */
export const TEAM_SHAPE = { mentors: 3, mentees: 1 } as const;
const TEAM_SIZE = TEAM_SHAPE.mentors + TEAM_SHAPE.mentees;
/** Activities began this many days before today. */
const ACTIVITIES_BEGAN_DAYS_AGO = 70;
/** A team that logs does so about every this many days. */
const LOGGING_EVERY_DAYS = 9;

export interface JobScaleOptions {
  tenants: number;
  teamsPerTenant: number;
  /** The moment the jobs will run at: "today" and "tomorrow" are days of it in Seoul. */
  now: Date;
  /** Told after each tenant is written, with how many are done. */
  onTenant?: (done: number) => void;
  /** Tenants written at once (each on its own connection of the database's pool). */
  concurrency?: number;
}

/** How a team has kept its log: what the nudge should find. */
export type TeamHistory =
  /** Logged nothing since activities began (70 days): silent, due a nudge. */
  | "never_logged"
  /** Last logged 22-49 days ago and nudged a week ago: silent, not due again yet. */
  | "silent_nudged"
  /** Last logged 22-49 days ago, never nudged: silent, due a nudge. */
  | "silent"
  /** Logged within the last 20 days. */
  | "active";

/** Which history team `number` of the `tenantIndex`-th tenant gets: per ten teams 1, 1, 1 and 7 active. */
export function teamHistory(tenantIndex: number, number: number): TeamHistory {
  const slot = (number * 3 + tenantIndex) % 10;
  return slot === 0 ? "never_logged" : slot === 1 ? "silent_nudged" : slot === 2 ? "silent" : "active";
}

/** Days since the team last logged something, or null when it never has. */
function lastLoggedDaysAgo(history: TeamHistory, tenantIndex: number, number: number): number | null {
  const spread = number * 7 + tenantIndex;
  switch (history) {
    case "never_logged":
      return null;
    case "silent_nudged":
    case "silent":
      return SILENT_DAYS_AT_RISK + 1 + (spread % 28);
    case "active":
      return spread % SILENT_DAYS_AT_RISK;
  }
}

export interface JobScaleSeed {
  tenantIds: string[];
  today: CalendarDate;
  teams: number;
  /** Team members, each a staff member with an account and an e-mail address. */
  people: number;
  activities: number;
  /** Teams silent for 21 days or more. */
  silentTeams: number;
  /** Silent teams not nudged in the last 21 days: the ones the nudge job should mail. */
  teamsDueANudge: number;
  /** Calendar items (not assignments) of every tenant starting tomorrow, each for everyone. */
  itemsTomorrow: number;
  /** One per person per item tomorrow. */
  remindersDue: number;
}

interface CalendarRow {
  source_key: string;
  kind: "assignment" | "training" | "event" | "mentoring_day";
  title: string;
  title_en: string;
  place: string;
  starts_at: string | null;
  ends_at: string | null;
  due_at: string | null;
  attendance: boolean;
  reminded_at: string | null;
}

/** At hour:minute in Seoul on `day`. */
function at(day: CalendarDate, hour: number, minute = 0): Date {
  return new Date(startOfDayIn(day, TIME_ZONE).getTime() + (hour * 60 + minute) * 60_000);
}

/**
 * One cohort's programme: a monthly assignment and a monthly training (those already past reminded the
 * day before they began), a mentoring day every month, the event of tomorrow for everyone and a concert
 * the day after (not tomorrow: not to be announced yet).
 */
function programmeCalendar(today: CalendarDate): CalendarRow[] {
  const rows: CalendarRow[] = [];
  const session = (
    key: string,
    kind: CalendarRow["kind"],
    [title, titleEn]: [string, string],
    { day, hour, attendance }: { day: CalendarDate; hour: number; attendance: boolean },
  ) => {
    const startsAt = at(day, hour);
    rows.push({
      source_key: key,
      kind,
      title,
      title_en: titleEn,
      place: "시청 대회의실",
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      due_at: null,
      attendance,
      reminded_at: day <= today ? at(addDays(day, -1), 9, 30).toISOString() : null,
    });
  };
  for (let month = 0; month < 6; month++) {
    const offset = -ACTIVITIES_BEGAN_DAYS_AGO + 5 + month * 30;
    rows.push({
      source_key: `assignment:${month}`,
      kind: "assignment",
      title: `${month + 3}월 과제`,
      title_en: `Assignment of month ${month + 3}`,
      place: "",
      starts_at: null,
      ends_at: null,
      due_at: at(addDays(today, offset + 20), 18).toISOString(),
      attendance: false,
      reminded_at: null,
    });
    // Trainings on day 10 of each month, mentoring days on day 20: none falls on tomorrow (offset 1).
    const training = { day: addDays(today, offset + 5), hour: 14, attendance: true };
    session(`training:${month}`, "training", ["소통 역량 강화 교육", "Communication training"], training);
    const meeting = { day: addDays(today, offset + 15), hour: 10, attendance: false };
    session(`mentoring_day:${month}`, "mentoring_day", ["멘토링 데이", "Mentoring day"], meeting);
  }
  const tomorrow = { day: addDays(today, 1), hour: 15, attendance: true };
  session("event:tomorrow", "event", ["직원 힐링 콘서트", "Staff healing concert"], tomorrow);
  const dayAfter = { day: addDays(today, 2), hour: 9, attendance: false };
  session("event:day-after", "event", ["간부회의 참석", "Joining the executive meeting"], dayAfter);
  return rows;
}

/** Writes `tenants` × `teamsPerTenant` published teams with their people, calendars and histories. */
export async function seedJobScale(db: Database, options: JobScaleOptions): Promise<JobScaleSeed> {
  const { tenants, teamsPerTenant, now, onTenant, concurrency = 2 } = options;
  const today = tenantToday(TIME_ZONE, now);
  const day = (offset: number) => addDays(today, offset);
  const definition = builtinTemplate("reverse_mentoring");
  const calendar = programmeCalendar(today);
  const tomorrowFrom = startOfDayIn(day(1), TIME_ZONE).getTime();
  const tomorrowUntil = startOfDayIn(day(2), TIME_ZONE).getTime();
  const itemsTomorrow = calendar.filter((row) => {
    const startsAt = row.starts_at ? Date.parse(row.starts_at) : Number.NaN;
    return row.kind !== "assignment" && startsAt >= tomorrowFrom && startsAt < tomorrowUntil;
  }).length;

  const created = await db.platform.tenant.createManyAndReturn({
    data: Array.from({ length: tenants }, (_, t) => ({
      slug: `bench-city-${t}`,
      name: `벤치시 ${t}`,
      kind: "basic_government" as const,
      region: "경기도",
      status: "active" as const,
      timeZone: TIME_ZONE,
    })),
    select: { id: true, slug: true },
  });
  const bySlug = new Map(created.map((tenant) => [tenant.slug, tenant.id]));
  const tenantIds = Array.from({ length: tenants }, (_, t) => bySlug.get(`bench-city-${t}`) as string);

  const seed: JobScaleSeed = {
    tenantIds,
    today,
    teams: tenants * teamsPerTenant,
    people: tenants * teamsPerTenant * TEAM_SIZE,
    activities: 0,
    silentTeams: 0,
    teamsDueANudge: 0,
    itemsTomorrow: tenants * itemsTomorrow,
    remindersDue: tenants * itemsTomorrow * teamsPerTenant * TEAM_SIZE,
  };

  async function seedTenant(t: number) {
    const tenantId = tenantIds[t] as string;
    const slug = `bench-city-${t}`;
    const numbers = Array.from({ length: teamsPerTenant }, (_, i) => i + 1);
    const histories = numbers.map((number) => teamHistory(t, number));
    const lastAgo = numbers.map((number, i) => lastLoggedDaysAgo(histories[i] as TeamHistory, t, number));
    for (const history of histories) {
      if (history !== "active") seed.silentTeams++;
      if (history === "never_logged" || history === "silent") seed.teamsDueANudge++;
    }
    const nudgedOn = histories.map((history) => (history === "silent_nudged" ? day(-7) : null));
    const activities = await db.withTenantSql(
      tenantId,
      async (sql) => {
        const one = async (text: string, values: unknown[]) =>
          (await sql.query<{ id: string }>(text, values)).rows[0]?.id as string;
        const departmentId = await one(
          "insert into departments (tenant_id, code, name) values ($1, 'D001', '자치행정과') returning id",
          [tenantId],
        );
        // Team k's people are staff 4k-3 … 4k: three juniors (grades 8-9) then their manager (grade 4).
        await sql.query(
          `insert into staff_members (tenant_id, employee_number, name, department_id, grade, position_title,
             hire_date, email)
           select $1, 'E' || lpad(n::text, 6, '0'), '직원' || n, $2,
             case when n % ${TEAM_SIZE} = 0 then 4 else 8 + n % 2 end,
             case when n % ${TEAM_SIZE} = 0 then '과장' else '주무관' end,
             case when n % ${TEAM_SIZE} = 0 then date '1998-03-02' else date '2022-07-01' end,
             'e' || n || '@' || $3 || '.go.kr'
           from generate_series(1, $4::int) n`,
          [tenantId, departmentId, slug, teamsPerTenant * TEAM_SIZE],
        );
        // Every person has an account; one in twenty reads English.
        await sql.query(
          `insert into users (email, display_name, locale)
           select 'e' || n || '@' || $1 || '.go.kr', '직원' || n, case when n % 20 = 0 then 'en' end
           from generate_series(1, $2::int) n`,
          [slug, teamsPerTenant * TEAM_SIZE],
        );
        await sql.query(
          `insert into memberships (tenant_id, user_id, roles, staff_member_id)
           select $1, u.id, '{participant}', s.id
           from staff_members s join users u on u.email = s.email
           where s.tenant_id = $1`,
          [tenantId],
        );
        const templateId = await one(
          `insert into program_templates (tenant_id, name, kind, builtin_key)
           values ($1, $2, 'reverse', 'reverse_mentoring') returning id`,
          [tenantId, definition.name],
        );
        const versionId = await one(
          `insert into program_template_versions (tenant_id, template_id, version, definition)
           values ($1, $2, 1, $3::jsonb) returning id`,
          [tenantId, templateId, JSON.stringify(definition)],
        );
        const cohortId = await one(
          `insert into cohorts (tenant_id, template_id, template_version_id, number, title, status,
             recruitment_start, recruitment_end, orientation, matching, ceremony, activities_start,
             activities_end, evaluation_start, evaluation_end, close, schedule_checked_on, quota_mentor,
             quota_mentee)
           values ($1, $2, $3, 1, $4, 'active', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           returning id`,
          [
            tenantId,
            templateId,
            versionId,
            `${definition.name} 1기`,
            day(-130),
            day(-116),
            day(-105),
            day(-95),
            day(-80),
            day(-ACTIVITIES_BEGAN_DAYS_AGO),
            day(110),
            day(111),
            day(125),
            day(140),
            today,
            teamsPerTenant * TEAM_SHAPE.mentors,
            teamsPerTenant * TEAM_SHAPE.mentees,
          ],
        );
        await sql.query(
          `insert into applications (tenant_id, cohort_id, staff_member_id, role, status, consent_version,
             consent_at, submitted_at, decided_at, eligibility)
           select $1, $2, s.id,
             (case when substr(s.employee_number, 2)::int % ${TEAM_SIZE} = 0 then 'mentee' else 'mentor' end)::application_role,
             'accepted', '2025-01', $3, $3, $3, jsonb_build_object('grade', s.grade)
           from staff_members s where s.tenant_id = $1`,
          [tenantId, cohortId, startOfDayIn(day(-116), TIME_ZONE)],
        );
        const runId = await one(
          `insert into matching_runs (tenant_id, cohort_id, number, status, progress, problem, published_at)
           values ($1, $2, 1, 'succeeded', 100, '{}', $3) returning id`,
          [tenantId, cohortId, startOfDayIn(day(-90), TIME_ZONE)],
        );
        await sql.query(
          `insert into teams (tenant_id, cohort_id, run_id, number, score, breakdown, nudged_on)
           select $1, $2, $3, x.number, 0.8, '{}', x.nudged_on
           from unnest($4::int[], $5::date[]) as x(number, nudged_on)`,
          [tenantId, cohortId, runId, numbers, nudgedOn],
        );
        await sql.query(
          `insert into team_members (tenant_id, cohort_id, team_id, application_id, role)
           select $1, $2, t.id, a.id, a.role
           from applications a
             join staff_members s on s.id = a.staff_member_id
             join teams t on t.tenant_id = $1 and t.cohort_id = $2
               and t.number = (substr(s.employee_number, 2)::int + ${TEAM_SIZE - 1}) / ${TEAM_SIZE}
           where a.tenant_id = $1 and a.cohort_id = $2`,
          [tenantId, cohortId],
        );
        // A team that logs does so every nine days, back to the start of activities, the last one
        // `last_ago` days ago; a team with no `last_ago` has never logged anything.
        const logged = await sql.query(
          `insert into activities (tenant_id, cohort_id, team_id, kind, happened_on, minutes, place, topic)
           select $1, $2, t.id,
             (case when d % 2 = 0 then 'team_activity' else 'meeting' end)::activity_kind,
             $3::date - d, 60, '시청 인근 식당', '팀 활동'
           from unnest($4::int[], $5::int[]) as x(number, last_ago)
             join teams t on t.tenant_id = $1 and t.cohort_id = $2 and t.number = x.number
             cross join lateral generate_series(x.last_ago, $6::int, $7::int) d`,
          [tenantId, cohortId, today, numbers, lastAgo, ACTIVITIES_BEGAN_DAYS_AGO, LOGGING_EVERY_DAYS],
        );
        await sql.query(
          `insert into calendar_items (tenant_id, cohort_id, source_key, kind, title, title_en, place,
             starts_at, ends_at, due_at, audience, attendance, reminded_at)
           select $1, $2, r.source_key, r.kind::calendar_item_kind, r.title, r.title_en, r.place,
             r.starts_at, r.ends_at, r.due_at, 'all', r.attendance, r.reminded_at
           from jsonb_to_recordset($3::jsonb) as r(source_key text, kind text, title text, title_en text,
             place text, starts_at timestamptz, ends_at timestamptz, due_at timestamptz, attendance boolean,
             reminded_at timestamptz)`,
          [tenantId, cohortId, JSON.stringify(calendar)],
        );
        return logged.rowCount;
      },
      // Written again from scratch if lost: the commit need not wait for the disk.
      { synchronousCommit: false, timeout: 120_000 },
    );
    seed.activities += activities;
  }

  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tenants) }, async () => {
      while (next < tenants) {
        const t = next++;
        await seedTenant(t);
        onTenant?.(++done);
      }
    }),
  );
  return seed;
}
