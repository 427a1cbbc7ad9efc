import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the platform reads, in one schema. Defaults point at the services that run
 * locally (PostgreSQL on 5432 with trust auth, Redis on 6379), so a fresh clone works with no .env file.
 */
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), "must start with redis:// or rediss://");
const smtpUrl = z
  .string()
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://");
const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://");

/** Express's names for address ranges, accepted in TRUSTED_PROXIES beside addresses and CIDR ranges. */
const proxyRangeNames = ["loopback", "linklocal", "uniquelocal"];
const trustedProxies = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
  )
  .pipe(
    z.array(
      z.string().refine(
        (entry) =>
          proxyRangeNames.includes(entry) ||
          z.string().ip().safeParse(entry).success ||
          z.string().cidr().safeParse(entry).success,
        (entry) => ({
          message: `${JSON.stringify(entry)} is not an address, a CIDR range or one of ${proxyRangeNames.join(", ")}`,
        }),
      ),
    ),
  );

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The application role: no superuser, no BYPASSRLS. Every query of the running app uses it. */
  DATABASE_URL: postgresUrl.default("postgresql://mentoring_app:mentoring_app@127.0.0.1:5432/mentoring"),
  /** The owner role: runs migrations and owns the tables (row-level security is FORCEd on it too). */
  DATABASE_OWNER_URL: postgresUrl.default(
    "postgresql://mentoring_owner:mentoring_owner@127.0.0.1:5432/mentoring",
  ),
  /**
   * The national insights analysts' role: reads the published aggregates and nothing else (no tenant
   * table, no platform table). The /insights pages read through it, never through the app role.
   */
  DATABASE_INSIGHTS_URL: postgresUrl.default(
    "postgresql://mentoring_insights:mentoring_insights@127.0.0.1:5432/mentoring",
  ),
  /**
   * A streaming replica of DATABASE_URL's database, same role (ADR 0028). Set: the reports' and dashboards'
   * reads go there, unless the reader wrote something the replica has not replayed yet; everything else,
   * and every write, stays on DATABASE_URL. Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  /**
   * The insights role on a replica, for the /insights pages. Unset while DATABASE_REPLICA_URL is set: that
   * replica with DATABASE_INSIGHTS_URL's user and password (insightsReadUrl()).
   */
  DATABASE_INSIGHTS_REPLICA_URL: postgresUrl.optional(),
  /**
   * Connections each web or worker process keeps to DATABASE_URL (and as many to a replica). A request
   * holds one for its whole transaction, across its statements' round trips: with 10, fifty people at
   * once on one web process queued for them (docs/operations.md, "Capacity"). Connected directly, count
   * processes × this against PostgreSQL's max_connections; behind PgBouncer they are cheap.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Seconds a pooled connection may sit idle before it is closed. A new connection's first statements pay
   * PostgreSQL's cold session (catalogue caches, policies: 40-100 ms measured), so not too soon.
   */
  DATABASE_POOL_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** A superuser connection, used only by set-up to create the two roles and the database. */
  DATABASE_ADMIN_URL: postgresUrl.default("postgresql://postgres@127.0.0.1:5432/postgres"),
  REDIS_URL: redisUrl.default("redis://127.0.0.1:6379"),
  /** Prefix of every BullMQ key; a Redis cluster needs it hash-tagged, e.g. "{mentoring}". */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:{}_-]+$/, "letters, digits and : { } _ - only")
    .default("mentoring"),
  WEB_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** The address the web server listens on: loopback alone by default; 0.0.0.0 in a container. */
  WEB_HOST: z.string().ip().or(z.literal("localhost")).default("127.0.0.1"),
  /**
   * Where the web app's production build is written and served from, relative to apps/web: two browser
   * test runs in one checkout each build into a folder of their own.
   */
  WEB_BUILD_DIR: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/, "a relative folder: letters, digits and . _ / - only")
    .default("build"),
  /**
   * The reverse proxies in front of the web app whose X-Forwarded-For is believed (comma-separated
   * addresses, CIDR ranges, or loopback / linklocal / uniquelocal), e.g. "loopback" for nginx on the same
   * host. None by default: the client's address is then the connection's, and a forged header changes
   * nothing. Every limit by address counts by it.
   */
  TRUSTED_PROXIES: trustedProxies.default(""),
  /** Signs session and CSRF cookies. Must be set (32+ characters) in production. */
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .default("local-development-secret-change-me-0123456789"),
  /**
   * Where the worker hands mail over: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the
   * start), with user:password@ when the server wants them. Locally, `scripts/dev-mail-sink.ts` listens here.
   */
  SMTP_URL: smtpUrl.default("smtp://127.0.0.1:1025"),
  /** The From header of every mail: an address, optionally with a display name. */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address, or Name <address>")
    .default("멘토링 플랫폼 <no-reply@mentoring.example.kr>"),
  /** Where people reach the web app; links in mails start with it. */
  APP_URL: httpUrl.default("http://127.0.0.1:3000"),
  /**
   * Folder for generated files (certificate PDFs and their ZIPs); web and worker must both reach it. The
   * default, under the OS temporary folder, suits one machine.
   */
  STORAGE_DIR: z.string().min(1).default(path.join(os.tmpdir(), "mentoring-storage")),
  /** Stripe's API key. The default is a test-mode placeholder: calls fail until a real key is set. */
  STRIPE_SECRET_KEY: z.string().min(1).default("sk_test_local_placeholder"),
  /** Verifies that webhook requests come from Stripe (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.string().min(1).default("whsec_local_development_secret"),
  /** Only for tests: where the Stripe SDK sends its calls (a local HTTP double). Unset in production. */
  STRIPE_API_URL: httpUrl.optional(),
  /** Days a past-due subscription keeps full access before the tenant becomes read-only. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /** Encrypts secrets stored in the database (SSO client secrets): 64 hex characters (256 bits). */
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hexadecimal characters")
    .default("6d656e746f72696e672d6c6f63616c2d646576656c6f706d656e742d6b657921"),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
  /** Seconds the worker waits for active jobs on SIGTERM before it releases them and exits. */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /** 127.0.0.1 on a workstation; 0.0.0.0 in a container, so the orchestrator can probe it. */
  WORKER_HEALTH_HOST: z.string().ip().or(z.literal("localhost")).default("127.0.0.1"),
  /**
   * The bearer token Prometheus sends for `/metrics` (web and worker). Unset: no metrics are served, as
   * figures about the traffic are nobody's business but the operator's.
   */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { name: string; reason: string }[]) {
    super(
      `Invalid environment configuration:\n${problems.map((p) => `  ${p.name}: ${p.reason}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/**
 * Variables holding secrets. Their defaults let a fresh clone run, and anyone can read them here: with
 * one of them, anyone could sign a session cookie, a Stripe event (and make a city read-only) or open
 * what is sealed. Production refuses to start with any of them unset or left at its default.
 */
const productionSecrets = [
  "SESSION_SECRET",
  "DATA_ENCRYPTION_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
] as const satisfies readonly (keyof Config)[];

/** Parses an environment (process.env by default); the error names every variable that is wrong. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", so the local default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = configSchema
    .superRefine((config, context) => {
      if (config.NODE_ENV !== "production") return;
      for (const name of productionSecrets) {
        const value = present[name];
        if (value === undefined)
          context.addIssue({ code: "custom", path: [name], message: "must be set in production" });
        else if (value === configSchema.shape[name].parse(undefined))
          context.addIssue({
            code: "custom",
            path: [name],
            message: "must be set to a secret of your own in production, not the published default",
          });
      }
    })
    .safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ name: issue.path.join("."), reason: issue.message })),
  );
}

/**
 * Where the national insights pages read: DATABASE_INSIGHTS_REPLICA_URL; else, with a replica configured,
 * that replica's server and database as the insights role; else DATABASE_INSIGHTS_URL itself.
 */
export function insightsReadUrl(
  config: Pick<Config, "DATABASE_INSIGHTS_URL" | "DATABASE_REPLICA_URL" | "DATABASE_INSIGHTS_REPLICA_URL">,
): string {
  if (config.DATABASE_INSIGHTS_REPLICA_URL) return config.DATABASE_INSIGHTS_REPLICA_URL;
  if (!config.DATABASE_REPLICA_URL) return config.DATABASE_INSIGHTS_URL;
  const role = new URL(config.DATABASE_INSIGHTS_URL);
  const replica = new URL(config.DATABASE_REPLICA_URL);
  replica.username = role.username;
  replica.password = role.password;
  return replica.toString();
}

let loaded: Config | undefined;

/** The process's configuration, read once. */
export function config(): Config {
  loaded ??= parseConfig();
  return loaded;
}
