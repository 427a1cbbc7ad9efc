// The floor the page benchmark (pages.ts) compares the web app with: the same six pages served by plain
// node:http and pg, no framework. Kept honest, so that the ratio means something: the same session cookie
// verified the same way (Remix's signed cookie: base64 JSON, HMAC-SHA256), the same session, user, tenant
// and membership lookups, every tenant read inside one transaction that sets `app.tenant_id` with
// set_config(…, true) (row-level security in force: it connects as the app role), the same permission
// check, the same pure domain work (transition problems, team scores, signature check), the same rate
// limit in Redis for the public check, a log line per request, and HTML of comparable size that carries
// its data for the browser as the app's hydration does. Its pool is sized as the app's (DATABASE_POOL_SIZE and
// DATABASE_POOL_IDLE_SECONDS, read through the same settings).
//
// Started by pages.ts with DATABASE_URL, REDIS_URL, SESSION_SECRET, QUEUE_PREFIX and RAW_PORT.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { hashToken, newToken } from "@mentoring/auth";
import { certificateStatus, parseSerial } from "@mentoring/certificates";
import { config } from "@mentoring/config";
import {
  type ApplicationRole,
  type CohortSchedule,
  type CohortStatus,
  calendarDate,
  calendarDateIn,
  can,
  nextStatus,
  type Permission,
  type QuestionSet,
  type Role,
  scheduleFields,
  transitionProblems,
} from "@mentoring/domain";
import { evaluateTeams, type MatchingProblemInput } from "@mentoring/matching";
import { type AccessView, recordAccess } from "@mentoring/tenants";
import { Redis } from "ioredis";
import pg from "pg";

const secret = required("SESSION_SECRET");
const settings = config();
const pool = new pg.Pool({
  connectionString: required("DATABASE_URL"),
  max: settings.DATABASE_POOL_SIZE,
  idleTimeoutMillis: settings.DATABASE_POOL_IDLE_SECONDS * 1000,
});
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
const prefix = process.env.QUEUE_PREFIX ?? "bench";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Cookies, signed as Remix's createCookie signs them.

function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
  }
  return cookies;
}

/** The value of a signed cookie, or null when its signature does not hold. */
function unsign(signed: string | undefined): unknown {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot < 0) return null;
  const data = signed.slice(0, dot);
  const expected = Buffer.from(createHmac("sha256", secret).update(data).digest("base64").replace(/=+$/, ""));
  const given = Buffer.from(signed.slice(dot + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(data, "base64").toString("utf8"));
  } catch {
    return null;
  }
}

function sign(value: unknown): string {
  const data = Buffer.from(JSON.stringify(value)).toString("base64");
  return `${data}.${createHmac("sha256", secret).update(data).digest("base64").replace(/=+$/, "")}`;
}

/** The CSRF token every page's forms carry, as the app's root loader reads or makes it. */
function csrfOf(cookies: Map<string, string>): { token: string; setCookie?: string } {
  const existing = unsign(cookies.get("csrf"));
  if (typeof existing === "string" && existing.length > 0) return { token: existing };
  const token = newToken();
  return { token, setCookie: `csrf=${encodeURIComponent(sign(token))}; Path=/; HttpOnly; SameSite=Lax` };
}

// ---------------------------------------------------------------------------------------------------------
// HTML

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const esc = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => escapes[c] as string);

const formats = new Map<string, Intl.DateTimeFormat>();
function formatDate(value: Date | null, timeZone: string, withTime = true): string {
  if (!value) return "";
  const key = `${timeZone}:${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("ko-KR", {
      timeZone,
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
    });
    formats.set(key, format);
  }
  return format.format(value);
}
const numbers = new Intl.NumberFormat("ko-KR");

interface Frame {
  title: string;
  csrf: string;
  nav?: { to: string; label: string }[];
  userName?: string;
  /** The bell: where the notifications are and how many are unread (members with a staff record). */
  bell?: { to: string; unread: number };
  main: string;
  /** What the page shows, embedded as the app embeds its loader data for hydration. */
  data: unknown;
}

function documentOf(frame: Frame): string {
  const nav = frame.nav
    ? `<nav aria-label="주 메뉴"><ul>${frame.nav
        .map((item) => `<li><a href="${esc(item.to)}">${esc(item.label)}</a></li>`)
        .join("")}</ul></nav>`
    : "";
  const user = frame.userName
    ? `<div class="shell__user"><form method="post" action="/locale"><input type="hidden" name="csrf" value="${esc(frame.csrf)}"/><input type="hidden" name="locale" value="en"/><button type="submit"><span class="visually-hidden">언어 변경: </span><span lang="en">English</span></button></form><span>${esc(frame.userName)}님으로 로그인됨</span><form method="post" action="/sign-out"><input type="hidden" name="csrf" value="${esc(frame.csrf)}"/><button type="submit">로그아웃</button></form></div>`
    : "";
  const bell = frame.bell
    ? `<a class="bell${frame.bell.unread > 0 ? " bell--unread" : ""}" aria-label="${frame.bell.unread > 0 ? `알림 ${frame.bell.unread}건 읽지 않음` : "알림"}" href="${esc(frame.bell.to)}"><svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>${frame.bell.unread > 0 ? `<span class="bell__count" aria-hidden="true">${frame.bell.unread}</span>` : ""}</a>`
    : "";
  const data = JSON.stringify({ csrf: frame.csrf, page: frame.data }).replace(/</g, "\\u003c");
  return `<!DOCTYPE html><html lang="ko"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${esc(frame.title)}</title><link rel="stylesheet" href="/assets/app.css"/><link rel="icon" href="data:,"/></head><body><a class="skip-link" href="#main">본문으로 건너뛰기</a><header class="shell__header"><a class="shell__title" href="/">${esc(frame.title)}</a>${nav}${bell}${user}</header><main id="main">${frame.main}</main><script type="application/json" id="page-data">${data}</script><script type="module" src="/assets/entry.client.js"></script></body></html>`;
}

function table(caption: string, headers: string[], rows: string[][]): string {
  return `<table><caption>${esc(caption)}</caption><thead><tr>${headers
    .map((header) => `<th scope="col">${esc(header)}</th>`)
    .join("")}</tr></thead><tbody>${rows
    .map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------------------
// Who asks, and in which tenant

interface User {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
  platformRole: string | null;
}

interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: string;
  timeZone: string;
}

interface Membership {
  id: string;
  roles: Role[];
  staffMemberId: string | null;
  unread: number;
}

async function userOf(cookies: Map<string, string>): Promise<User | null> {
  const token = unsign(cookies.get("session"));
  if (typeof token !== "string") return null;
  const { rows } = await pool.query<User>(
    `select u.id, u.email, u.display_name as "displayName", u.locale, u.platform_role as "platformRole"
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [hashToken(token)],
  );
  return rows[0] ?? null;
}

type Db = pg.PoolClient;

/** Runs `work` in one transaction in the tenant's row-level-security context. */
async function inTenant<T>(tenantId: string, work: (db: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

class Answer {
  constructor(
    readonly status: number,
    readonly location?: string,
  ) {}
}

interface TenantPage {
  user: User;
  tenant: Tenant;
  membership: Membership;
  db: Db;
  csrf: string;
  may(permission: Permission): boolean;
  /** The personal-data access log row the app writes for this view, in the page's transaction. */
  logAccess(view: AccessView): Promise<unknown>;
}

const navPages: { permission: Permission; path: string; label: string }[] = [
  { permission: "applications.submit", path: "recruiting", label: "모집 중인 프로그램" },
  { permission: "surveys.respond", path: "surveys", label: "설문" },
  { permission: "own_team.view", path: "team", label: "나의 팀" },
  { permission: "own_team.view", path: "certificates", label: "나의 결연증서" },
  { permission: "programs.view", path: "programs", label: "프로그램" },
  { permission: "certificates.sign", path: "signing", label: "결연증서 서명" },
  { permission: "members.view", path: "admin/members", label: "구성원" },
  { permission: "staff.view", path: "admin/directory", label: "직원 명부" },
  { permission: "tenant.settings.manage", path: "admin/settings", label: "기관 설정" },
  { permission: "tenant.settings.manage", path: "admin/sso", label: "통합 로그인" },
  { permission: "audit.view", path: "admin/audit", label: "감사 기록" },
  { permission: "billing.manage", path: "admin/billing", label: "요금제와 결제" },
];

/**
 * A tenant page: the signed-in member holding `permission` (else the app's answers: sign-in redirect,
 * 404 to outsiders, 403), its work in one tenant transaction, the frame with the roles' navigation.
 */
async function tenantPage(
  request: IncomingMessage,
  slug: string,
  permission: Permission,
  work: (page: TenantPage) => Promise<{ title: string; main: string; data: unknown }>,
): Promise<{ html: string; setCookie?: string }> {
  const cookies = cookiesOf(request);
  const csrf = csrfOf(cookies);
  const user = await userOf(cookies);
  if (!user) throw new Answer(302, `/sign-in?redirectTo=${encodeURIComponent(request.url ?? "/")}`);
  const { rows } = await pool.query<Tenant>(
    `select id, slug, name, status::text as status, time_zone as "timeZone" from tenants where slug = $1`,
    [slug],
  );
  const tenant = rows[0];
  if (!tenant || tenant.status === "closed") throw new Answer(404);
  const page = await inTenant(tenant.id, async (db) => {
    // With the unread notifications of the header's bell, as the app reads them with the membership.
    const found = await db.query<Membership>(
      `select m.id, m.roles::text[] as roles, m.staff_member_id as "staffMemberId",
              (select count(*)::int from notifications n
                where n.tenant_id = m.tenant_id and n.staff_member_id = m.staff_member_id
                  and n.read_at is null and n.in_app) as unread
         from memberships m where m.tenant_id = $1 and m.user_id = $2`,
      [tenant.id, user.id],
    );
    const membership = found.rows[0];
    if (!membership) throw new Answer(404);
    if (!can(membership.roles, permission)) throw new Answer(403);
    const may = (other: Permission) => can(membership.roles, other);
    const logAccess = (view: AccessView) =>
      recordAccess(db, {
        ...view,
        tenantId: tenant.id,
        viewerUserId: user.id,
        viewerStaffMemberId: membership.staffMemberId,
        clientAddress: clientAddressOf(request),
        requestId: randomUUID(),
      });
    return {
      content: await work({ user, tenant, membership, db, csrf: csrf.token, may, logAccess }),
      bell: membership.staffMemberId
        ? { to: `/${slug}/notifications`, unread: membership.unread }
        : undefined,
      nav: [
        { to: `/${slug}`, label: "홈" },
        ...navPages
          .filter((item) => may(item.permission))
          .map((item) => ({ to: `/${slug}/${item.path}`, label: item.label })),
      ],
    };
  });
  return {
    html: documentOf({
      title: tenant.name,
      csrf: csrf.token,
      nav: page.nav,
      userName: user.displayName,
      bell: page.bell,
      main: page.content.main,
      data: page.content.data,
    }),
    setCookie: csrf.setCookie,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The pages

const roleLabel: Record<string, string> = {
  tenant_admin: "기관 관리자",
  coordinator: "운영 담당자",
  executive: "결재권자",
  evaluator: "평가위원",
  participant: "참여자",
  mentor: "멘토",
  mentee: "멘티",
};
const statusLabel: Record<string, string> = {
  accepted: "선정",
  waitlisted: "대기",
  withdrawn: "철회",
  rejected: "반려",
};

async function home(page: TenantPage) {
  const { tenant, membership, user, db } = page;
  let summary: Record<string, string> | null = null;
  if (page.may("members.view")) {
    const { rows } = await db.query<Record<string, number>>(
      `select (select count(*) from staff_members where tenant_id = $1 and active)::int as staff,
              (select count(*) from departments where tenant_id = $1)::int as departments,
              (select count(*) from memberships where tenant_id = $1)::int as members,
              (select count(*) from invitations
                where tenant_id = $1 and accepted_at is null and revoked_at is null and expires_at > now())::int
                as "pendingInvitations"`,
      [tenant.id],
    );
    summary = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([key, n]) => [key, numbers.format(n)]));
  }
  const agenda =
    page.may("own_team.view") && membership.staffMemberId
      ? await agendaOf(db, tenant.id, membership.staffMemberId)
      : null;
  const asOf = formatDate(new Date(), tenant.timeZone);
  const cards = summary
    ? `<section aria-labelledby="summary-title"><h2 id="summary-title">한눈에 보기</h2><p>${esc(asOf)} 기준</p><ul class="card-grid">${[
        ["직원", `${summary.staff}명`],
        ["부서", `${summary.departments}개`],
        ["구성원", `${summary.members}명`],
        ["대기 중인 초대", `${summary.pendingInvitations}건`],
      ]
        .map(
          ([label, value]) =>
            `<li class="card"><p class="card__label">${esc(label)}</p><p class="card__value">${esc(value)}</p></li>`,
        )
        .join("")}</ul></section>`
    : "";
  return {
    title: tenant.name,
    main: `<h1>${esc(tenant.name)}</h1><p>${esc(user.displayName)}님, 환영합니다.</p><h2>나의 역할</h2><ul>${membership.roles
      .map((role) => `<li>${esc(roleLabel[role])}</li>`)
      .join("")}</ul>${agenda ? agendaHtml(page.tenant, agenda) : ""}${cards}`,
    data: { tenant: tenant.name, name: user.displayName, roles: membership.roles, summary, asOf, agenda },
  };
}

interface AgendaRow {
  kind: string;
  title: string;
  place: string;
  at: Date;
  cohortTitle: string;
  teamNumber: number;
  status: string | null;
}

/**
 * A participant's next assignment (not yet accepted) and next training, event or mentoring day, across
 * their published teams: the teams first, then the upcoming items of those cohorts that are for them.
 */
async function agendaOf(db: Db, tenantId: string, staffMemberId: string) {
  const teams = await db.query<{
    teamId: string;
    cohortId: string;
    role: string;
    number: number;
    title: string;
  }>(
    `select t.id as "teamId", t.cohort_id as "cohortId", m.role::text as role, t.number, c.title
       from team_members m
       join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
       join teams t on t.tenant_id = m.tenant_id and t.id = m.team_id
       join cohorts c on c.tenant_id = t.tenant_id and c.id = t.cohort_id
      where m.tenant_id = $1 and a.staff_member_id = $2 and a.status = 'accepted'`,
    [tenantId, staffMemberId],
  );
  if (teams.rows.length === 0) return null;
  // The same statement as the app's use case (get-participant-agenda.ts): the first item of each kind.
  const { rows } = await db.query<AgendaRow>(
    `with mine as (
       select * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[])
         as mine(team_id, cohort_id, audience, cohort_title, team_number)
     )
     (select i.kind::text as kind, i.title, i.place, i.due_at as at, mine.cohort_title as "cohortTitle",
             mine.team_number as "teamNumber", s.status::text as status
        from calendar_items i
        join mine on mine.cohort_id = i.cohort_id
        left join submissions s on s.tenant_id = i.tenant_id and s.item_id = i.id and s.team_id = mine.team_id
       where i.tenant_id = $1 and i.kind = 'assignment' and i.due_at >= now()
         and (i.team_id is null or i.team_id = mine.team_id) and i.audience::text in ('all', mine.audience)
         and s.status is distinct from 'accepted'
       order by i.due_at, i.id limit 1)
     union all
     (select i.kind::text, i.title, i.place, i.starts_at, mine.cohort_title, mine.team_number, null
        from calendar_items i
        join mine on mine.cohort_id = i.cohort_id
       where i.tenant_id = $1 and i.kind <> 'assignment' and i.starts_at >= now()
         and (i.team_id is null or i.team_id = mine.team_id) and i.audience::text in ('all', mine.audience)
       order by i.starts_at, i.id limit 1)`,
    [
      tenantId,
      teams.rows.map((team) => team.teamId),
      teams.rows.map((team) => team.cohortId),
      teams.rows.map((team) => (team.role === "mentor" ? "mentors" : "mentees")),
      teams.rows.map((team) => team.title),
      teams.rows.map((team) => team.number),
    ],
  );
  return {
    nextAssignment: rows.find((row) => row.kind === "assignment") ?? null,
    nextEvent: rows.find((row) => row.kind !== "assignment") ?? null,
  };
}

const kindLabel: Record<string, string> = {
  assignment: "과제",
  training: "교육",
  event: "행사",
  mentoring_day: "멘토링 데이",
};

function agendaHtml(
  tenant: Tenant,
  { nextAssignment, nextEvent }: { nextAssignment: AgendaRow | null; nextEvent: AgendaRow | null },
): string {
  const base = `/${esc(tenant.slug)}`;
  const team = (row: AgendaRow) => `${esc(row.cohortTitle)} ${row.teamNumber}팀`;
  const assignment = nextAssignment
    ? `<p class="card__value">${esc(nextAssignment.title)}</p><p>${team(nextAssignment)} · 마감 ${esc(formatDate(nextAssignment.at, tenant.timeZone))}</p>`
    : "<p>남은 과제가 없습니다.</p>";
  const event = nextEvent
    ? `<p class="card__value">${esc(nextEvent.title)}</p><p>${esc(kindLabel[nextEvent.kind] ?? "")} · ${esc(formatDate(nextEvent.at, tenant.timeZone))}</p>${nextEvent.place ? `<p>장소: ${esc(nextEvent.place)}</p>` : ""}`
    : "<p>예정된 일정이 없습니다.</p>";
  return `<section aria-labelledby="agenda-title"><h2 id="agenda-title">다음 할 일</h2><ul class="card-grid"><li class="card"><p class="card__label">다음 과제</p>${assignment}<p><a href="${base}/assignments">과제 보기와 제출</a></p></li><li class="card"><p class="card__label">다음 일정</p>${event}<p><a href="${base}/team">우리 팀 보기</a></p></li></ul><p><a href="${base}/activities" class="button-primary">활동 기록하기</a></p><p><a href="${base}/showcase">우수 과제 보기</a></p></section>`;
}

interface CohortRow {
  id: string;
  title: string;
  number: number;
  status: CohortStatus;
  statusChangedAt: Date;
  templateName: string;
  templateVersion: number;
  definition: { roles: Record<ApplicationRole, { label?: string }>; questionSets: QuestionSet[] };
  quotaMentor: number;
  quotaMentee: number;
  schedule: Record<string, string>;
}

/** The cohort with its template version's definition, or 404. Dates as the calendar days they hold. */
async function cohortOf(db: Db, tenantId: string, cohortId: string, withDefinition: boolean) {
  const days = scheduleFields
    .map((field) => `c.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}::text as "${field}"`)
    .join(", ");
  const { rows } = await db.query<CohortRow & Record<string, string>>(
    `select c.id, c.title, c.number, c.status::text as status, c.status_changed_at as "statusChangedAt",
            c.quota_mentor as "quotaMentor", c.quota_mentee as "quotaMentee", t.name as "templateName",
            v.version as "templateVersion", ${withDefinition ? "v.definition" : "null as definition"}, ${days}
       from cohorts c
       join program_templates t on t.tenant_id = c.tenant_id and t.id = c.template_id
       join program_template_versions v on v.tenant_id = c.tenant_id and v.id = c.template_version_id
      where c.tenant_id = $1 and c.id = $2`,
    [tenantId, cohortId],
  );
  const row = rows[0];
  if (!row) throw new Answer(404);
  row.schedule = Object.fromEntries(scheduleFields.map((field) => [field, row[field] as string]));
  return row as CohortRow;
}

async function placesOf(db: Db, tenantId: string, cohortId: string) {
  const { rows } = await db.query<{ role: ApplicationRole; status: "accepted" | "waitlisted"; n: number }>(
    `select role::text as role, status::text as status, count(*)::int as n from applications
      where tenant_id = $1 and cohort_id = $2 and status in ('accepted', 'waitlisted') group by role, status`,
    [tenantId, cohortId],
  );
  const counts = { mentor: { accepted: 0, waitlisted: 0 }, mentee: { accepted: 0, waitlisted: 0 } };
  for (const row of rows) counts[row.role][row.status] = row.n;
  return counts;
}

function cohortNav(slug: string, cohortId: string): string {
  const base = `/${slug}/programs/cohorts/${cohortId}`;
  return `<nav aria-label="기수 메뉴" class="cohort-nav"><ul>${[
    ["", "개요"],
    ["/applicants", "신청자"],
    ["/surveys", "설문"],
    ["/matching", "매칭"],
    ["/certificates", "결연증서"],
  ]
    .map(([path, label]) => `<li><a href="${base}${path}">${label}</a></li>`)
    .join("")}</ul></nav>`;
}

async function cohortOverview(page: TenantPage, cohortId: string) {
  const { tenant, db, csrf } = page;
  const cohort = await cohortOf(db, tenant.id, cohortId, true);
  const counts = await placesOf(db, tenant.id, cohortId);
  const facts = await db.query<{ openPre: number; teams: number }>(
    `select (select count(*) from survey_rounds
              where tenant_id = $1 and cohort_id = $2 and phase = 'pre' and closed_at is null)::int as "openPre",
            (select count(*) from teams where tenant_id = $1 and cohort_id = $2)::int as teams`,
    [tenant.id, cohortId],
  );
  const post = await db.query<{ key: string; role: ApplicationRole | null; n: number }>(
    `select r.question_set_key as key, a.role::text as role, count(a.id)::int as n
       from survey_rounds r
       left join survey_responses s
         on s.tenant_id = r.tenant_id and s.round_id = r.id and s.submitted_at is not null
       left join applications a
         on a.tenant_id = s.tenant_id and a.id = s.application_id and a.cohort_id = r.cohort_id
        and a.status = 'accepted'
      where r.tenant_id = $1 and r.cohort_id = $2 and r.phase = 'post' and r.opened_at is not null
      group by r.id, r.question_set_key, a.role`,
    [tenant.id, cohortId],
  );
  const accepted = { mentor: counts.mentor.accepted, mentee: counts.mentee.accepted };
  const postSurveys = { submitted: 0, expected: 0 };
  for (const key of new Set(post.rows.map((row) => row.key))) {
    const roles = cohort.definition.questionSets.find((set) => set.key === key)?.roles ?? [];
    postSurveys.expected += roles.reduce((sum, role) => sum + accepted[role], 0);
    for (const row of post.rows)
      if (row.key === key && row.role && roles.includes(row.role)) postSurveys.submitted += row.n;
  }
  const schedule = Object.fromEntries(
    scheduleFields.map((field) => [field, calendarDate(cohort.schedule[field] as string)]),
  ) as CohortSchedule;
  const today = calendarDateIn(new Date(), tenant.timeZone);
  const to = nextStatus(cohort.status);
  const problems =
    to === null
      ? []
      : transitionProblems(cohort.status, to, schedule, {
          today,
          accepted,
          openPreSurveys: facts.rows[0]?.openPre ?? 0,
          publishedTeams: facts.rows[0]?.teams ?? 0,
          postSurveys,
        });
  const scheduleRows = scheduleFields.map((field) => [
    esc(field),
    `<input type="date" name="${field}" value="${esc(schedule[field])}" required/>`,
  ]);
  const main = `<h1>${esc(cohort.title)}</h1>${cohortNav(tenant.slug, cohortId)}<p>${esc(cohort.templateName)} (버전 ${cohort.templateVersion}) · 상태: ${esc(cohort.status)} · ${esc(formatDate(cohort.statusChangedAt, tenant.timeZone))}</p>${table(
    "모집 현황",
    ["역할", "정원", "선정", "대기"],
    (["mentor", "mentee"] as const).map((role) => [
      esc(roleLabel[role]),
      String(role === "mentor" ? cohort.quotaMentor : cohort.quotaMentee),
      String(counts[role].accepted),
      String(counts[role].waitlisted),
    ]),
  )}<form method="post" id="schedule"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="schedule"/>${table(
    "일정",
    ["단계", "날짜"],
    scheduleRows,
  )}<button type="submit">일정 저장</button></form>${
    to
      ? `<section><h2>다음 단계: ${esc(to)}</h2><ul>${problems
          .map((problem) => `<li>${esc(problem.code)} ${esc(JSON.stringify(problem.params))}</li>`)
          .join(
            "",
          )}</ul><form method="post" id="move"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="move"/><input type="hidden" name="to" value="${esc(to)}"/><label><input type="checkbox" name="override"/> 예외로 진행</label><label>사유<textarea name="reason" maxlength="1000"></textarea></label><button type="submit">다음 단계로</button></form></section>`
      : ""
  }`;
  return {
    title: cohort.title,
    main,
    data: { cohort: { ...cohort, definition: undefined }, counts, next: to && { to, problems } },
  };
}

async function applicants(page: TenantPage, cohortId: string) {
  const { tenant, db, csrf } = page;
  const cohort = await cohortOf(db, tenant.id, cohortId, false);
  const counts = await placesOf(db, tenant.id, cohortId);
  const { rows } = await db.query(
    `select a.id, a.role::text as role, a.status::text as status, a.consent_at as "consentAt",
            a.submitted_at as "submittedAt", a.nominated_by_user_id is not null as nominated,
            a.rejection_reason as "rejectionReason", s.id as "staffMemberId", s.name,
            s.employee_number as "employeeNumber", s.grade, s.position_title as "positionTitle",
            d.name as department,
            case when a.status = 'waitlisted'
              then row_number() over (partition by a.role, a.status order by a.submitted_at, a.id) end
              as "waitlistPosition"
       from applications a
       join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_member_id
       join departments d on d.tenant_id = s.tenant_id and d.id = s.department_id
      where a.tenant_id = $1 and a.cohort_id = $2
      order by a.role, a.status, a.submitted_at, a.id`,
    [tenant.id, cohortId],
  );
  const departments = await db.query<{ id: string; name: string }>(
    `select distinct d.id, d.name from departments d
       join staff_members s on s.tenant_id = d.tenant_id and s.department_id = d.id
       join applications a on a.tenant_id = s.tenant_id and a.staff_member_id = s.id
      where d.tenant_id = $1 and a.cohort_id = $2 order by d.name`,
    [tenant.id, cohortId],
  );
  await page.logAccess({
    kind: "applicant_list",
    subjects: { applicationIds: rows.map((row) => row.id) },
    cohortId,
  });
  const mayReject = ["recruiting", "orientation", "matching"].includes(cohort.status);
  const tableRows = rows.map((row) => [
    esc(row.name),
    esc(row.employeeNumber),
    esc(row.department),
    row.grade === null ? "" : `${row.grade}급`,
    esc(row.positionTitle),
    esc(roleLabel[row.role]),
    `${esc(statusLabel[row.status])}${row.waitlistPosition ? ` (${row.waitlistPosition}번째)` : ""}`,
    esc(formatDate(row.submittedAt, tenant.timeZone)),
    esc(formatDate(row.consentAt, tenant.timeZone)),
    mayReject && row.status !== "rejected"
      ? `<form method="post"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="reject"/><input type="hidden" name="applicationId" value="${row.id}"/><input type="hidden" name="name" value="${esc(row.name)}"/><label>반려 사유<input name="reason"/></label><button type="submit">반려</button></form>`
      : esc(row.rejectionReason),
  ]);
  const options = (values: [string, string][]) =>
    `<option value="">전체</option>${values.map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`).join("")}`;
  const main = `<h1>${esc(cohort.title)} 신청자</h1>${cohortNav(tenant.slug, cohortId)}${table(
    "역할별 정원",
    ["역할", "정원", "선정", "대기"],
    (["mentor", "mentee"] as const).map((role) => [
      esc(roleLabel[role]),
      String(role === "mentor" ? cohort.quotaMentor : cohort.quotaMentee),
      String(counts[role].accepted),
      String(counts[role].waitlisted),
    ]),
  )}<form method="get" class="filters"><label>역할<select name="role">${options([
    ["mentor", "멘토"],
    ["mentee", "멘티"],
  ])}</select></label><label>상태<select name="status">${options(Object.entries(statusLabel))}</select></label><label>부서<select name="departmentId">${options(
    departments.rows.map((d) => [d.id, d.name]),
  )}</select></label><label>검색<input name="q" maxlength="100"/></label><button type="submit">찾기</button></form><p><a href="/${tenant.slug}/programs/cohorts/${cohortId}/applicants/export?format=csv">CSV</a> <a href="/${tenant.slug}/programs/cohorts/${cohortId}/applicants/export?format=xlsx">Excel</a></p>${table(
    `신청자 ${rows.length}명`,
    ["이름", "직원번호", "부서", "직급", "직위", "역할", "상태", "신청일", "동의일", ""],
    tableRows,
  )}<form method="post" id="nominate"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="nominate"/><fieldset><legend>역할</legend><label><input type="radio" name="role" value="mentor"/>멘토</label><label><input type="radio" name="role" value="mentee"/>멘티</label></fieldset><label>직원번호<textarea name="numbers"></textarea></label><button type="submit">추천</button></form>`;
  return {
    title: cohort.title,
    main,
    data: {
      cohort: { id: cohort.id, title: cohort.title, status: cohort.status },
      counts,
      rows,
      departments: departments.rows,
    },
  };
}

interface Person {
  id: string;
  role: ApplicationRole;
  status: string;
  name: string;
  grade: number | null;
  positionTitle: string;
  department: string;
}

async function matching(page: TenantPage, cohortId: string) {
  const { tenant, db, csrf } = page;
  const cohort = await cohortOf(db, tenant.id, cohortId, true);
  const runs = await db.query(
    `select id, number, status::text as status, progress, phase, objective, bound, gap, created_at as "createdAt",
            finished_at as "finishedAt", published_at as "publishedAt"
       from matching_runs where tenant_id = $1 and cohort_id = $2 order by number desc`,
    [tenant.id, cohortId],
  );
  const newest = runs.rows[0];
  const run = newest
    ? (
        await db.query<{
          problem: MatchingProblemInput;
          teams: { number: number; mentorIds: string[]; menteeIds: string[] }[] | null;
          result: { unplaced?: unknown[]; issues?: unknown[] } | null;
        }>(
          `select problem, result, teams from matching_runs where tenant_id = $1 and cohort_id = $2 and id = $3`,
          [tenant.id, cohortId, newest.id],
        )
      ).rows[0]
    : undefined;
  const ids = run?.problem.participants.map((person) => person.id) ?? [];
  const people = await db.query<Person>(
    `select a.id, a.role::text as role, a.status::text as status, s.name, s.grade,
            s.position_title as "positionTitle", d.name as department
       from applications a
       join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_member_id
       join departments d on d.tenant_id = s.tenant_id and d.id = s.department_id
      where a.tenant_id = $1 and a.cohort_id = $2 and a.id = any($3::uuid[])`,
    [tenant.id, cohortId, ids],
  );
  await page.logAccess({ kind: "survey_answers", subjects: { applicationIds: ids }, cohortId });
  const issued = await db.query<{ n: number }>(
    `select count(*)::int as n from certificates
      where tenant_id = $1 and cohort_id = $2 and signature is not null and revoked_at is null`,
    [tenant.id, cohortId],
  );
  const byId = new Map(people.rows.map((person) => [person.id, person]));
  const stored = run?.teams ?? [];
  // The same scoring the page shows (the engine's), recomputed on every read as the app does.
  const evaluation = run ? evaluateTeams(run.problem, stored) : null;
  const teams = stored.map((team, index) => {
    const evaluated = evaluation?.teams[index];
    const members = [...team.mentorIds, ...team.menteeIds].map((id) => byId.get(id));
    return {
      number: team.number,
      score: evaluated?.score ?? 0,
      breakdown: (evaluation?.criteria ?? []).map((criterion) => ({
        criterion: criterion.id,
        kind: criterion.kind,
        points: evaluated?.breakdown[criterion.id] ?? 0,
        weight: criterion.weight,
      })),
      violations: evaluated?.violations ?? [],
      members,
    };
  });
  // As the page draws them since the shared edit dialog: a button per member and per pair's pin and
  // forbid, the score table drawn in the browser when opened (its data travels with the page's data).
  const action = `/${tenant.slug}/programs/cohorts/${cohortId}/matching?run=${newest?.id ?? ""}`;
  const memberItem = (person: Person) =>
    `<li data-role="${person.role}"><span class="member__name">${esc(person.name)}</span> <span class="member__meta">${esc(person.department)} · ${person.grade === null ? "" : `${person.grade}급`} · ${esc(person.positionTitle)}</span> <button type="button" class="member-edit" aria-haspopup="dialog">${esc(person.name)} 이동·교체</button></li>`;
  const card = (team: (typeof teams)[number]) => {
    const people = team.members.filter((person): person is Person => person !== undefined);
    const mentors = people.filter((person) => person.role === "mentor");
    const mentees = people.filter((person) => person.role === "mentee");
    const pairButton = (label: string, mentor: Person, mentee: Person) =>
      `<button type="button" aria-label="${team.number}팀 멘토 ${esc(mentor.name)}, 멘티 ${esc(mentee.name)} ${label}">${label}</button>`;
    return `<li><article class="card team-card" aria-labelledby="team-${team.number}"><h3 id="team-${team.number}">${team.number}팀</h3><p class="team-card__score">점수 ${team.score}</p>${team.violations.map((v) => `<p class="warning">${esc(v.code)}</p>`).join("")}<h4 id="team-${team.number}-mentor">멘토</h4><ul class="member-list">${mentors
      .map(memberItem)
      .join("")}</ul><h4 id="team-${team.number}-mentee">멘티</h4><ul class="member-list">${mentees
      .map(memberItem)
      .join(
        "",
      )}</ul><details class="why"><summary>왜 이 팀인가요?</summary></details><h4>${team.number}팀의 짝</h4><ul class="pair-list">${mentors
      .flatMap((mentor) =>
        mentees.map(
          (mentee) =>
            `<li><span>멘토 ${esc(mentor.name)} · 멘티 ${esc(mentee.name)}</span> <span class="pair-actions">${pairButton("짝 고정", mentor, mentee)} ${pairButton("짝 금지", mentor, mentee)}</span></li>`,
        ),
      )
      .join("")}</ul></article></li>`;
  };
  const publish = `<section class="card"><h2>결과 공개</h2>${
    newest?.publishedAt
      ? `<p class="form-status"><span class="badge">공개됨</span> 이 회차의 팀을 공개했습니다 (${esc(formatDate(newest.publishedAt, tenant.timeZone))}).</p>`
      : ""
  }<p>공개하면 참가자가 자기 팀과 팀원의 이름, 연락처를 볼 수 있습니다. 다른 팀은 보이지 않습니다.</p><form method="post" action="${esc(action)}"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="publish"/><input type="hidden" name="runId" value="${newest?.id ?? ""}"/><p><input type="checkbox" id="publish-confirm" name="confirm"/> <label for="publish-confirm">팀 구성을 검토했으며 참가자에게 공개합니다</label></p><button type="submit">매칭 결과 공개</button></form></section>`;
  const main = `<h1>${esc(cohort.title)} 매칭</h1>${cohortNav(tenant.slug, cohortId)}${
    issued.rows[0]?.n ? `<p role="status">결연증서 ${issued.rows[0].n}장이 발급되어 있습니다.</p>` : ""
  }${table(
    "매칭 실행",
    ["회차", "상태", "진행", "목표값", "간극", "시작", "끝", "공개"],
    runs.rows.map((r) => [
      `<a href="?run=${r.id}">${r.number}회차</a>`,
      esc(r.status),
      `${r.progress}%`,
      r.objective === null ? "" : r.objective.toFixed(2),
      r.gap === null ? "" : `${(r.gap * 100).toFixed(2)}%`,
      esc(formatDate(r.createdAt, tenant.timeZone)),
      esc(formatDate(r.finishedAt, tenant.timeZone)),
      esc(formatDate(r.publishedAt, tenant.timeZone)),
    ]),
  )}<form method="post"><input type="hidden" name="csrf" value="${esc(csrf)}"/><input type="hidden" name="intent" value="run"/><button type="submit">다시 매칭</button></form><h2>팀 (${teams.length}) · 합계 ${(evaluation?.total ?? 0).toFixed(2)}</h2><ul class="team-cards">${teams
    .map(card)
    .join("")}</ul><dialog class="edit-dialog"></dialog>${publish}`;
  return {
    title: cohort.title,
    main,
    data: {
      cohort: { id: cohort.id, title: cohort.title, status: cohort.status },
      definition: cohort.definition,
      runs: runs.rows,
      teams,
      unplaced: run?.result?.unplaced ?? [],
      issues: run?.result?.issues ?? [],
      issuedCertificates: issued.rows[0]?.n ?? 0,
    },
  };
}

async function myTeam(page: TenantPage) {
  const { tenant, membership, db } = page;
  const staffMemberId = membership.staffMemberId;
  // Two queries, not one join of eight tables: planning that join took longer than running it.
  const mine = staffMemberId
    ? await db.query<{
        teamId: string;
        cohortId: string;
        cohortTitle: string;
        teamNumber: number;
        myRole: string;
      }>(
        `select t.id as "teamId", c.id as "cohortId", c.title as "cohortTitle", t.number as "teamNumber",
                me.role::text as "myRole"
           from team_members me
           join applications a on a.tenant_id = me.tenant_id and a.id = me.application_id
           join teams t on t.tenant_id = me.tenant_id and t.id = me.team_id
           join cohorts c on c.tenant_id = t.tenant_id and c.id = t.cohort_id
          where me.tenant_id = $1 and a.staff_member_id = $2 and a.status = 'accepted'
          order by c.created_at desc`,
        [tenant.id, staffMemberId],
      )
    : { rows: [] };
  const members = mine.rows.length
    ? await db.query(
        `select m.team_id as "teamId", m.role::text as role, s.name, s.position_title as "positionTitle", s.email,
                s.phone, d.name as department, a.staff_member_id = $2 as "isMe"
           from team_members m
           join applications a on a.tenant_id = m.tenant_id and a.id = m.application_id
           join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_member_id
           join departments d on d.tenant_id = s.tenant_id and d.id = s.department_id
          where m.tenant_id = $1 and m.team_id = any($3::uuid[])
          order by m.role, a.submitted_at`,
        [tenant.id, staffMemberId, mine.rows.map((row) => row.teamId)],
      )
    : { rows: [] };
  const teams = new Map(
    mine.rows.map((row) => [row.cohortId, { ...row, members: [] as typeof members.rows }]),
  );
  for (const team of teams.values())
    team.members = members.rows.filter((member) => member.teamId === team.teamId);
  const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
  const main =
    teams.size === 0
      ? `<h1>나의 팀</h1><section class="card"><h2>아직 팀이 없습니다</h2></section>`
      : `<h1>나의 팀</h1><p>팀원의 연락처는 이 팀의 활동에만 쓰세요.</p>${[...teams.entries()]
          .map(
            ([cohortId, team]) =>
              `<section class="card" aria-labelledby="team-${cohortId}" data-testid="my-team"><h2 id="team-${cohortId}">${esc(team.cohortTitle)} ${team.teamNumber}팀</h2><p>나의 역할: ${esc(roleLabel[team.myRole])}</p>${table(
                `${team.teamNumber}팀 구성원`,
                ["이름", "역할", "부서", "직위", "이메일", "전화"],
                team.members.map((member) => [
                  `${esc(member.name)}${member.isMe ? ' <span class="badge">나</span>' : ""}`,
                  esc(roleLabel[member.role]),
                  esc(member.department),
                  esc(member.positionTitle),
                  member.email ? `<a href="mailto:${esc(member.email)}">${esc(member.email)}</a>` : "",
                  member.phone ? `<a href="${esc(tel(member.phone))}">${esc(member.phone)}</a>` : "",
                ]),
              )}</section>`,
          )
          .join("")}`;
  return { title: "나의 팀", main, data: { teams: [...teams.values()] } };
}

/** The client's address: the benchmark stands behind a trusted proxy, as the app is told it does. */
function clientAddressOf(request: IncomingMessage): string {
  return String(request.headers["x-forwarded-for"] ?? request.socket.remoteAddress).split(",")[0] as string;
}

/** The public check of a certificate, limited per address as the app limits it (30 a minute, in Redis). */
async function verify(request: IncomingMessage, serialText: string) {
  const cookies = cookiesOf(request);
  const csrf = csrfOf(cookies);
  const address = clientAddressOf(request);
  const key = `${prefix}:raw-limit:verify:${address}`;
  const counted = await redis.multi().set(key, 0, "EX", 60, "NX").incr(key).exec();
  if (Number(counted?.[1]?.[1] ?? 0) > 30) throw new Answer(429);
  const parsed = parseSerial(serialText);
  let found: {
    serial: string;
    content: Record<string, unknown>;
    signature: string;
    publicKey: string;
    revokedAt: Date | null;
  } | null = null;
  let tenantId: string | null = null;
  if (parsed.ok) {
    const { rows } = await pool.query<{ tenantId: string | null }>(
      `select public.certificate_serial_tenant($1) as "tenantId"`,
      [parsed.serial],
    );
    tenantId = rows[0]?.tenantId ?? null;
    if (tenantId) {
      const id = tenantId;
      found = await inTenant(id, async (db) => {
        const certificate = await db.query(
          `select serial, content, signature, key_id as "keyId", revoked_at as "revokedAt" from certificates
            where tenant_id = $1 and serial = $2 and signature is not null limit 1`,
          [id, parsed.serial],
        );
        const row = certificate.rows[0];
        if (!row?.signature || !row.keyId) return null;
        const key = await db.query<{ publicKey: string }>(
          `select public_key as "publicKey" from signing_keys where tenant_id = $1 and key_id = $2 limit 1`,
          [id, row.keyId],
        );
        return { ...row, publicKey: key.rows[0]?.publicKey ?? "" };
      });
    }
  }
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const content = found?.content ?? {};
  const tenantOf = (content.tenant ?? {}) as Record<string, unknown>;
  const signer = (content.signer ?? {}) as Record<string, unknown>;
  const names = (value: unknown) =>
    Array.isArray(value) ? value.map((person) => text((person as { name?: unknown }).name)) : [];
  const status = !found
    ? "not_found"
    : text(content.serial) === found.serial && text(tenantOf.id) === tenantId
      ? certificateStatus({
          content: content as Parameters<typeof certificateStatus>[0]["content"],
          signature: found.signature,
          publicKey: found.publicKey,
          revokedAt: found.revokedAt,
        })
      : "invalid";
  const verification = found
    ? {
        status,
        serial: found.serial,
        issuer: text(tenantOf.name),
        program: text(content.program),
        cohort: text(content.cohort),
        mentors: names(content.mentors),
        mentees: names(content.mentees),
        date: text(content.date),
        signer: { name: text(signer.name), title: text(signer.title) },
      }
    : { status };
  const rows = found
    ? [
        ["일련번호", esc(found.serial)],
        ["발급 기관", esc(text(tenantOf.name))],
        ["프로그램", esc(text(content.program))],
        ["기수", esc(text(content.cohort))],
        ["멘토", esc(names(content.mentors).join(", "))],
        ["멘티", esc(names(content.mentees).join(", "))],
        ["날짜", esc(text(content.date))],
        ["서명", `${esc(text(signer.title))} ${esc(text(signer.name))}`],
      ]
    : [];
  const main = `<div class="narrow verify"><h1>결연증서 확인</h1><div role="status" class="verify-status verify-status--${status}"><p>${esc(status)}</p></div>${
    rows.length ? `<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl>` : ""
  }</div>`;
  return {
    html: documentOf({ title: "멘토링 플랫폼", csrf: csrf.token, main, data: { verification } }),
    status: status === "not_found" ? 404 : 200,
    setCookie: csrf.setCookie,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Routing

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function route(
  request: IncomingMessage,
): Promise<{ html: string; status?: number; setCookie?: string }> {
  const url = new URL(request.url ?? "/", "http://raw");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "verify" && parts.length === 2) return verify(request, parts[1] as string);
  const [slug, ...rest] = parts;
  if (!slug) throw new Answer(404);
  const path = rest.join("/");
  if (path === "") return tenantPage(request, slug, "tenant.home.view", home);
  if (path === "team") return tenantPage(request, slug, "own_team.view", myTeam);
  const cohort = /^programs\/cohorts\/([^/]+)(?:\/(applicants|matching))?$/.exec(path);
  if (cohort) {
    const cohortId = cohort[1] as string;
    if (!UUID.test(cohortId)) throw new Answer(404);
    if (cohort[2] === "applicants")
      return tenantPage(request, slug, "applications.review", (page) => applicants(page, cohortId));
    if (cohort[2] === "matching")
      return tenantPage(request, slug, "matching.run", (page) => matching(page, cohortId));
    return tenantPage(request, slug, "programs.view", (page) => cohortOverview(page, cohortId));
  }
  throw new Answer(404);
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const started = process.hrtime.bigint();
  let status = 200;
  try {
    if (request.url === "/readyz") {
      await pool.query("select 1");
      response.writeHead(200, { "content-type": "application/json" }).end('{"ready":true}');
      return;
    }
    const page = await route(request);
    status = page.status ?? 200;
    // The security headers the app's helmet sends, its per-response nonce and request id included.
    const nonce = randomBytes(16).toString("base64");
    const headers: Record<string, string> = {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-request-id": randomUUID(),
      "content-security-policy": `default-src 'self';script-src 'self' 'nonce-${nonce}';style-src 'self' 'nonce-${nonce}';img-src 'self' data:;connect-src 'self';form-action 'self';frame-ancestors 'none';object-src 'none';base-uri 'self'`,
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "permissions-policy":
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    };
    if (page.setCookie) headers["set-cookie"] = page.setCookie;
    response.writeHead(status, headers).end(page.html);
  } catch (error) {
    if (error instanceof Answer) {
      status = error.status;
      response.writeHead(status, error.location ? { location: error.location } : {}).end();
    } else {
      status = 500;
      console.error(error);
      response.writeHead(500).end();
    }
  } finally {
    // One line per request, as the app's request log writes one.
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(
      `${JSON.stringify({ level: 30, time: new Date().toISOString(), service: "raw", method: request.method, path: request.url, status, ms: Math.round(ms), msg: "request" })}\n`,
    );
  }
}

const server = createServer((request, response) => void handle(request, response));
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.RAW_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(
    `raw baseline listening on ${typeof address === "object" && address ? address.port : ""}\n`,
  );
});

async function stop() {
  server.close();
  server.closeAllConnections();
  await Promise.allSettled([pool.end(), redis.quit()]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
