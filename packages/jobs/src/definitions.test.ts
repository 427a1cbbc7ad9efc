import { describe, expect, it } from "vitest";
import {
  InvalidJobPayloadError,
  jobDefinitions,
  parseJobPayload,
  queueNames,
  UnknownJobError,
} from "./definitions";
import { jobIdOf } from "./outbox";

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

  it("refuses a job kind nobody defined", () => {
    expect(() => parseJobPayload("payroll.run", {})).toThrow(UnknownJobError);
  });

  it("puts every job on a known queue", () => {
    for (const definition of Object.values(jobDefinitions)) expect(queueNames).toContain(definition.queue);
  });

  it("derives one BullMQ job id per outbox event, never a bare integer (BullMQ refuses those)", () => {
    expect(jobIdOf(42n)).toBe("outbox-42");
    expect(jobIdOf(42n)).toBe(jobIdOf("42"));
  });
});
