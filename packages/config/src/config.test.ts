import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, insightsReadUrl, parseConfig } from "./index";

describe("configuration", () => {
  it("works on a fresh machine with no variables set, pointing at the local services", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe("postgresql://mentoring_app:mentoring_app@127.0.0.1:5432/mentoring");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.OUTBOX_BATCH_SIZE).toBe(100);
    expect(config.SMTP_URL).toBe("smtp://127.0.0.1:1025");
    expect(config.MAIL_FROM).toBe("멘토링 플랫폼 <no-reply@mentoring.example.kr>");
    expect(config.APP_URL).toBe("http://127.0.0.1:3000");
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ REDIS_URL: "" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
  });

  it("reads numbers from strings", () => {
    expect(parseConfig({ WORKER_CONCURRENCY: "25" }).WORKER_CONCURRENCY).toBe(25);
  });

  it("sizes each process's database pool, and refuses a pool of none", () => {
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(20);
    expect(parseConfig({ DATABASE_POOL_SIZE: "40", DATABASE_POOL_IDLE_SECONDS: "300" })).toMatchObject({
      DATABASE_POOL_SIZE: 40,
      DATABASE_POOL_IDLE_SECONDS: 300,
    });
    expect(() => parseConfig({ DATABASE_POOL_SIZE: "0" })).toThrow(ConfigError);
  });

  it("names every wrong variable in its message", () => {
    let error: unknown;
    try {
      parseConfig({ DATABASE_URL: "mysql://localhost/x", WORKER_CONCURRENCY: "many" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((p) => p.name).sort()).toEqual(["DATABASE_URL", "WORKER_CONCURRENCY"]);
    expect(message).toContain("DATABASE_URL: must start with postgres:// or postgresql://");
  });

  it("says which secret production lacks, and which is left at its published value", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(
      /SESSION_SECRET: must be set in production/,
    );
    expect(() =>
      parseConfig({ NODE_ENV: "production", STRIPE_WEBHOOK_SECRET: "whsec_local_development_secret" }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: must be set to a secret of your own in production/);
  });

  describe("in production, every secret", () => {
    // Found by name, not from a list kept in the code: a secret-like variable added later is checked here
    // whether or not anyone remembered to protect it.
    const secretLike = /SECRET|KEY|PASSWORD|PASSPHRASE|TOKEN|CREDENTIAL|PRIVATE/;
    const secrets = Object.keys(configSchema.shape).filter((name) => secretLike.test(name));
    const developmentDefault = (name: string) =>
      configSchema.shape[name as keyof typeof configSchema.shape].safeParse(undefined).data;
    // 64 hexadecimal characters: a value every secret's format accepts (lengths, hex keys).
    const fresh = () => randomBytes(32).toString("hex");
    const productionWith = (overrides: Record<string, string | undefined>) => ({
      NODE_ENV: "production",
      ...Object.fromEntries(secrets.map((name) => [name, fresh()])),
      ...overrides,
    });
    const problemsOf = (env: Record<string, string | undefined>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems.map((problem) => problem.name);
      }
    };

    it("is found by its name, the Stripe webhook secret among them", () => {
      expect(secrets).toEqual(
        expect.arrayContaining([
          "SESSION_SECRET",
          "DATA_ENCRYPTION_KEY",
          "STRIPE_SECRET_KEY",
          "STRIPE_WEBHOOK_SECRET",
        ]),
      );
    });

    it("runs when each is set to a value of its own", () => {
      expect(problemsOf(productionWith({}))).toEqual([]);
    });

    // A secret that only turns something on (METRICS_TOKEN: metrics are served to its holder alone) has no
    // default anyone could read: unset, the thing stays off.
    const switches = secrets.filter((name) => developmentDefault(name) === undefined);
    const required = secrets.filter((name) => !switches.includes(name));

    it.each(required)("refuses to start with %s unset", (name) => {
      expect(problemsOf(productionWith({ [name]: undefined }))).toEqual([name]);
      expect(problemsOf(productionWith({ [name]: "" }))).toEqual([name]);
    });

    it("starts with the metrics token unset, and then has none to serve metrics to", () => {
      expect(switches).toEqual(["METRICS_TOKEN"]);
      expect(problemsOf(productionWith({ METRICS_TOKEN: undefined }))).toEqual([]);
      expect(parseConfig(productionWith({ METRICS_TOKEN: undefined })).METRICS_TOKEN).toBeUndefined();
      expect(problemsOf(productionWith({ METRICS_TOKEN: "short" }))).toEqual(["METRICS_TOKEN"]);
    });

    it.each(secrets)("refuses to start with %s left at its published development value", (name) => {
      const published = developmentDefault(name);
      if (published === undefined) return;
      expect(problemsOf(productionWith({ [name]: String(published) }))).toEqual([name]);
    });
  });

  it("accepts smtp:// and smtps:// for SMTP_URL and refuses anything else", () => {
    expect(parseConfig({ SMTP_URL: "smtps://user:pw@mail.example.kr:465" }).SMTP_URL).toBe(
      "smtps://user:pw@mail.example.kr:465",
    );
    expect(() => parseConfig({ SMTP_URL: "http://127.0.0.1:1025" })).toThrow(
      /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(() => parseConfig({ SMTP_URL: "127.0.0.1:1025" })).toThrow(ConfigError);
  });

  it("believes no proxy unless TRUSTED_PROXIES names some, and refuses what is not an address or range", () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8,192.0.2.1" }).TRUSTED_PROXIES).toEqual([
      "loopback",
      "10.0.0.0/8",
      "192.0.2.1",
    ]);
    expect(() => parseConfig({ TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("refuses a MAIL_FROM without an address and an APP_URL that is not a web address", () => {
    let error: unknown;
    try {
      parseConfig({ MAIL_FROM: "멘토링 플랫폼", APP_URL: "ftp://mentoring.example.kr" });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems.map((p) => p.name).sort()).toEqual(["APP_URL", "MAIL_FROM"]);
  });

  it("reads the national insights from the replica as the insights role once a replica is configured", () => {
    expect(insightsReadUrl(parseConfig({}))).toBe(parseConfig({}).DATABASE_INSIGHTS_URL);
    const withReplica = parseConfig({
      DATABASE_REPLICA_URL: "postgresql://mentoring_app:app-secret@replica.internal:5433/mentoring",
      DATABASE_INSIGHTS_URL:
        "postgresql://mentoring_insights:insights-secret@primary.internal:5432/mentoring",
    });
    expect(insightsReadUrl(withReplica)).toBe(
      "postgresql://mentoring_insights:insights-secret@replica.internal:5433/mentoring",
    );
    const named = parseConfig({
      DATABASE_REPLICA_URL: "postgresql://mentoring_app:a@replica.internal:5433/mentoring",
      DATABASE_INSIGHTS_REPLICA_URL: "postgresql://analysts:b@analytics.internal:5434/mentoring",
    });
    expect(insightsReadUrl(named)).toBe("postgresql://analysts:b@analytics.internal:5434/mentoring");
  });
});
