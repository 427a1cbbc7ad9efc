import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index";

describe("configuration", () => {
  it("works on a fresh machine with no variables set, pointing at the local services", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe("postgresql://mentoring_app:mentoring_app@127.0.0.1:5432/mentoring");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.OUTBOX_BATCH_SIZE).toBe(100);
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
});
