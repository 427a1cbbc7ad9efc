import { describe, expect, it } from "vitest";
import { staleWorkReason, WORK_LEASE_MS } from "./stale-work";

const now = new Date("2026-12-05T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("stale work", () => {
  it("leaves work that changed within the lease alone", () => {
    expect(
      staleWorkReason({ updatedAt: ago(WORK_LEASE_MS - 1_000), latestJobFailedAt: null }, now),
    ).toBeNull();
    expect(staleWorkReason({ updatedAt: ago(WORK_LEASE_MS), latestJobFailedAt: null }, now)).toBeNull();
  });

  it("fails work that showed no change for longer than the lease as stalled", () => {
    expect(staleWorkReason({ updatedAt: ago(WORK_LEASE_MS + 1), latestJobFailedAt: null }, now)).toBe(
      "stalled",
    );
  });

  it("fails work whose latest job failed for good at once, however recent its last change", () => {
    expect(staleWorkReason({ updatedAt: ago(1_000), latestJobFailedAt: ago(500) }, now)).toBe("job_failed");
  });

  it("takes the lease it is given", () => {
    expect(staleWorkReason({ updatedAt: ago(61_000), latestJobFailedAt: null }, now, 60_000)).toBe("stalled");
    expect(staleWorkReason({ updatedAt: ago(59_000), latestJobFailedAt: null }, now, 60_000)).toBeNull();
  });
});
