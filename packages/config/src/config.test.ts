import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index";

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

  it("refuses to run in production with the development session secret", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(
      /SESSION_SECRET: must be set in production/,
    );
    expect(() =>
      parseConfig({ NODE_ENV: "production", SESSION_SECRET: "a-secret-of-our-own-that-is-long-enough" }),
    ).toThrow(/DATA_ENCRYPTION_KEY: must be set in production/);
    expect(() =>
      parseConfig({
        NODE_ENV: "production",
        SESSION_SECRET: "a-secret-of-our-own-that-is-long-enough",
        DATA_ENCRYPTION_KEY: "ab".repeat(32),
      }),
    ).not.toThrow();
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

  it("refuses a MAIL_FROM without an address and an APP_URL that is not a web address", () => {
    let error: unknown;
    try {
      parseConfig({ MAIL_FROM: "멘토링 플랫폼", APP_URL: "ftp://mentoring.example.kr" });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems.map((p) => p.name).sort()).toEqual(["APP_URL", "MAIL_FROM"]);
  });
});
