import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Set-up of a database as the platform expects it: two roles, a database owned by the owner role,
 * migrations applied by the owner, and the app role granted data access only. Every step is idempotent.
 * Roles and privileges are applied through `pg` in plain SQL because Prisma's migration runner cannot
 * run blocks with function bodies and roles are cluster-level (see docs/adr/0002-prisma-offline.md).
 */

export interface DatabaseUrls {
  /** Superuser connection, used to create roles and databases. */
  admin: string;
  /** The owner role's connection to the target database. */
  owner: string;
  /** The app role's connection to the target database. */
  app: string;
  /**
   * The national insights analysts' role's connection: it reads the published aggregates (every column but
   * tenant_id) and their publications, and nothing else (grantInsightsPrivileges).
   */
  insights: string;
}

const CONNECT_TIMEOUT_MS = 3_000;
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = join(
  dirname(createRequire(import.meta.url).resolve("prisma/package.json")),
  "build/index.js",
);

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const { hostname, port } = new URL(url);
    super(
      [
        `PostgreSQL is not reachable at ${hostname}:${port || 5432} (${(cause as Error).message}).`,
        "Start it, then run the command again. On this kind of machine:",
        "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
        "With Docker: docker compose -f infra/compose.yaml up -d postgres",
        "Or point DATABASE_ADMIN_URL, DATABASE_OWNER_URL and DATABASE_URL at a server you have.",
      ].join("\n"),
    );
    this.name = "DatabaseUnreachableError";
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  }
  return client;
}

/** Answers within seconds whether PostgreSQL takes this connection, with a fix in the message if not. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = await connect(url);
  await client.end();
}

export function credentialsOf(url: string): { user: string; password: string; database: string } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates the owner, app and insights roles when missing; neither the app role nor the insights role can
 * ever bypass row-level security.
 */
export async function ensureRoles(urls: DatabaseUrls): Promise<void> {
  const owner = credentialsOf(urls.owner);
  const app = credentialsOf(urls.app);
  const insights = credentialsOf(urls.insights);
  const admin = await connect(urls.admin);
  try {
    for (const [role, attributes] of [
      [owner, "LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS"],
      [app, "LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS"],
      [insights, "LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS NOINHERIT"],
    ] as const) {
      const exists = await admin.query("select 1 from pg_roles where rolname = $1", [role.user]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      const password = role.password ? ` PASSWORD ${literal(role.password)}` : "";
      await admin.query(`${verb} ROLE ${ident(role.user)} ${attributes}${password}`);
    }
  } finally {
    await admin.end();
  }
}

export async function databaseExists(adminUrl: string, database: string): Promise<boolean> {
  const admin = await connect(adminUrl);
  try {
    const result = await admin.query("select 1 from pg_database where datname = $1", [database]);
    return result.rowCount === 1;
  } finally {
    await admin.end();
  }
}

export async function ensureDatabase(urls: DatabaseUrls): Promise<void> {
  const { database } = credentialsOf(urls.app);
  const { user: owner } = credentialsOf(urls.owner);
  if (await databaseExists(urls.admin, database)) return;
  const admin = await connect(urls.admin);
  try {
    await admin.query(
      `CREATE DATABASE ${ident(database)} OWNER ${ident(owner)} ENCODING 'UTF8' TEMPLATE template0`,
    );
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Privileges of the app role: data access to every table the owner creates, nothing on the schema.
 * Default privileges cover tables added by future migrations; the audit log is append-only.
 */
export async function grantAppPrivileges(urls: DatabaseUrls): Promise<void> {
  const { user: owner } = credentialsOf(urls.owner);
  const { user: app } = credentialsOf(urls.app);
  await runAsOwner(urls, [
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${ident(app)}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(app)}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(app)}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(app)}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(app)}`,
    `REVOKE ALL ON TABLE _prisma_migrations FROM ${ident(app)}`,
    `REVOKE UPDATE, DELETE ON TABLE audit_logs FROM ${ident(app)}`,
    // Who looked at whose personal data: added and read, never changed; purge_access_logs() ends them.
    `REVOKE UPDATE, DELETE ON TABLE access_logs, access_reviews FROM ${ident(app)}`,
    // The platform's own audit log (operators creating and disabling analysts), like a tenant's.
    `REVOKE UPDATE, DELETE ON TABLE platform_audit_logs FROM ${ident(app)}`,
  ]);
}

/**
 * Privileges of the national insights role: USAGE on the schema, SELECT on insight_publications and on every
 * column of insight_aggregates but tenant_id (column privileges: which organisation a row is about is not
 * the analysts' to know; a named organisation's name is in tenant_name). Nothing else, ever: everything it
 * holds is revoked first, and the default privileges of grantAppPrivileges name the app role alone. Its
 * policy on insight_aggregates (every row, read only) is installed by installDatabaseFunctions.
 */
export async function grantInsightsPrivileges(urls: DatabaseUrls): Promise<void> {
  const { user: insights } = credentialsOf(urls.insights);
  const role = ident(insights);
  const client = await connect(urls.owner);
  let columns: string[];
  try {
    const { rows } = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns
       where table_schema = 'public' and table_name = 'insight_aggregates' and column_name <> 'tenant_id'
       order by ordinal_position`,
    );
    columns = rows.map((row) => row.column_name);
  } finally {
    await client.end();
  }
  await runAsOwner(urls, [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT ON TABLE insight_publications TO ${role}`,
    `GRANT SELECT (${columns.map(ident).join(", ")}) ON TABLE insight_aggregates TO ${role}`,
  ]);
}

/**
 * What the migrations cannot hold (a function body), applied after them in one transaction; safe to run
 * again. certificate_serial_tenant(serial) is the public check's only way into certificate_serials, a
 * tenant table under forced row-level security: it runs as the owner, whom the serial_lookup policy lets
 * read the table, and answers a serial's tenant id and nothing else. session_membership(token hash,
 * tenant) is how a request learns, in the one statement that also reads its session, user and tenant,
 * whether the session's user is a member there: it answers only for a live session's own membership in
 * the one tenant named (the membership_lookup policy lets the owner read memberships for it).
 * session_unread_notifications(token hash, tenant) is the bell's count in that same statement: how many of
 * the session's own person's notices in that tenant are unread (the unread_count policy lets the owner
 * count them for it); a number, nothing else. These two run on every page: they are PL/pgSQL, whose
 * statements are planned once per connection, where a SQL function with SET search_path (not inlined)
 * planned its body again on every call (0.27 ms of the access statement's 0.9).
 */
export async function installDatabaseFunctions(urls: DatabaseUrls): Promise<void> {
  const { user: app } = credentialsOf(urls.app);
  const { user: insights } = credentialsOf(urls.insights);
  await runAsOwner(urls, [
    // The national insights role reads every organisation's aggregate rows (its column privileges keep
    // tenant_id from it); it writes none. The tenant_isolation policy still governs every other role.
    `DROP POLICY IF EXISTS insights_reader ON public.insight_aggregates`,
    `CREATE POLICY insights_reader ON public.insight_aggregates FOR SELECT TO ${ident(insights)} USING (true)`,
    `DROP POLICY IF EXISTS serial_lookup ON public.certificate_serials`,
    // CURRENT_USER is the owner here: the role the function below runs as.
    `CREATE POLICY serial_lookup ON public.certificate_serials FOR SELECT TO CURRENT_USER USING (true)`,
    `CREATE OR REPLACE FUNCTION public.certificate_serial_tenant(lookup_serial text) RETURNS uuid
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
         AS $$ select tenant_id from public.certificate_serials where serial = lookup_serial $$`,
    `REVOKE ALL ON FUNCTION public.certificate_serial_tenant(text) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION public.certificate_serial_tenant(text) TO ${ident(app)}`,
    `DROP POLICY IF EXISTS membership_lookup ON public.memberships`,
    `CREATE POLICY membership_lookup ON public.memberships FOR SELECT TO CURRENT_USER USING (true)`,
    `CREATE OR REPLACE FUNCTION public.session_membership(session_token_hash text, member_tenant uuid)
         RETURNS TABLE (id uuid, roles text[], staff_member_id uuid)
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = ''
         AS $$ BEGIN
               RETURN QUERY select m.id, m.roles::text[], m.staff_member_id
               from public.sessions s
               join public.memberships m on m.user_id = s.user_id and m.tenant_id = member_tenant
               where s.token_hash = session_token_hash and s.revoked_at is null and s.expires_at > now();
             END $$`,
    `REVOKE ALL ON FUNCTION public.session_membership(text, uuid) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION public.session_membership(text, uuid) TO ${ident(app)}`,
    `DROP POLICY IF EXISTS unread_count ON public.notifications`,
    `CREATE POLICY unread_count ON public.notifications FOR SELECT TO CURRENT_USER USING (true)`,
    `CREATE OR REPLACE FUNCTION public.session_unread_notifications(session_token_hash text, member_tenant uuid)
         RETURNS integer
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = ''
         AS $$ BEGIN
               RETURN (select count(*)::integer
               from public.sessions s
               join public.memberships m on m.user_id = s.user_id and m.tenant_id = member_tenant
               join public.notifications n
                 on n.tenant_id = member_tenant and n.staff_member_id = m.staff_member_id
               where s.token_hash = session_token_hash and s.revoked_at is null and s.expires_at > now()
                 and n.read_at is null and n.in_app);
             END $$`,
    `REVOKE ALL ON FUNCTION public.session_unread_notifications(text, uuid) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION public.session_unread_notifications(text, uuid) TO ${ident(app)}`,
    // The access log is kept two years, then purged: the app role may neither update nor delete its rows,
    // so the daily job asks this function, which runs as the owner. The owner's policies let it see and
    // delete only rows past two years by the database's own clock, whatever `as_of` the caller gives
    // (a test's earlier clock purges less, a later one no more than the real one allows).
    `DROP POLICY IF EXISTS access_log_purge_read ON public.access_logs`,
    `CREATE POLICY access_log_purge_read ON public.access_logs FOR SELECT TO CURRENT_USER
         USING (at < now() - interval '2 years')`,
    `DROP POLICY IF EXISTS access_log_purge ON public.access_logs`,
    `CREATE POLICY access_log_purge ON public.access_logs FOR DELETE TO CURRENT_USER
         USING (at < now() - interval '2 years')`,
    `CREATE OR REPLACE FUNCTION public.purge_access_logs(as_of timestamptz) RETURNS integer
         LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ''
         AS $$ DECLARE purged integer;
             BEGIN
               DELETE FROM public.access_logs WHERE at < least(as_of, now()) - interval '2 years';
               GET DIAGNOSTICS purged = ROW_COUNT;
               RETURN purged;
             END $$`,
    `REVOKE ALL ON FUNCTION public.purge_access_logs(timestamptz) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION public.purge_access_logs(timestamptz) TO ${ident(app)}`,
  ]);
}

/** Statements run as the owner in one transaction: all of them or none. */
async function runAsOwner(urls: DatabaseUrls, statements: string[]): Promise<void> {
  const client = await connect(urls.owner);
  try {
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The Prisma CLI, offline: it runs its WebAssembly engine, but still looks for native engines at start-up
 * unless these variables point at an existing file.
 */
export function runPrisma(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: packageRoot,
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

export async function migrate(urls: DatabaseUrls): Promise<void> {
  await runPrisma(["migrate", "deploy"], { DATABASE_OWNER_URL: urls.owner });
}

/**
 * What provisioning of this source does beyond the migrations (functions, policies, privileges), as a
 * hash of this file: kept as the database's comment, it tells a test template made by older code.
 */
export async function provisioningFingerprint(): Promise<string> {
  return createHash("sha256")
    .update(await readFile(fileURLToPath(import.meta.url)))
    .digest("hex");
}

/** Roles (owner, app, insights), database, migrations, functions and privileges, in that order; safe to run again. */
export async function provisionDatabase(urls: DatabaseUrls): Promise<void> {
  await ensureRoles(urls);
  await ensureDatabase(urls);
  await migrate(urls);
  await installDatabaseFunctions(urls);
  await grantAppPrivileges(urls);
  await grantInsightsPrivileges(urls);
  const { database } = credentialsOf(urls.app);
  const fingerprint = await provisioningFingerprint();
  await runAsOwner(urls, [`COMMENT ON DATABASE ${ident(database)} IS '${fingerprint}'`]);
}
