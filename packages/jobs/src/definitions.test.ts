import { describe, expect, it } from "vitest";
import {
  InvalidJobPayloadError,
  jobDefinitions,
  jobOptionsOf,
  parseJobPayload,
  queueNames,
  UnknownJobError,
} from "./definitions";
import { jobIdOf, jobKeyOf } from "./outbox";

describe("job definitions", () => {
  it("accepts a payload that fits its job's schema", () => {
    expect(parseJobPayload("maintenance.purge-outbox", { olderThanDays: 30 })).toEqual({ olderThanDays: 30 });
  });

  it("names every field that is wrong", () => {
    expect(() => parseJobPayload("maintenance.purge-outbox", { olderThanDays: 0 })).toThrow(
      InvalidJobPayloadError,
    );
    expect(() => parseJobPayload("maintenance.purge-outbox", {})).toThrow(/olderThanDays/);
  });

  it("sends mail by the id of its outgoing_emails row alone", () => {
    const emailId = "4f7c1a52-8d1e-4a35-9f0b-2f6f9a1c3e10";
    expect(parseJobPayload("email.send", { emailId })).toEqual({ emailId });
    expect(() => parseJobPayload("email.send", { emailId: "someone@example.kr" })).toThrow(/emailId/);
  });

  it("refuses a job kind nobody defined", () => {
    expect(() => parseJobPayload("payroll.run", {})).toThrow(UnknownJobError);
  });

  it("puts every job on a known queue", () => {
    for (const definition of Object.values(jobDefinitions)) expect(queueNames).toContain(definition.queue);
  });

  it("derives the BullMQ job id from the outbox row's random key, never from its sequence id", () => {
    const key = "0b6f1c9e-3a7d-4e2b-8c11-5d9e0f7a2b34";
    expect(jobIdOf(key)).toBe(`outbox-${key}`);
    expect(jobKeyOf(jobIdOf(key))).toBe(key);
    // Ids of the old scheme (`outbox-<sequence id>`) and of scheduled jobs name no outbox row.
    expect(jobKeyOf("outbox-42")).toBeNull();
    expect(jobKeyOf("repeat:maintenance.purge-outbox:1700000000000")).toBeNull();
    expect(jobKeyOf(undefined)).toBeNull();
  });

  it("gives mail a day of retries, and other jobs the default", () => {
    expect(jobOptionsOf("email.send")).toEqual({
      attempts: 12,
      backoff: { type: "exponential", delay: 30_000 },
    });
    expect(jobOptionsOf("maintenance.purge-outbox")).toEqual({});
  });
});
