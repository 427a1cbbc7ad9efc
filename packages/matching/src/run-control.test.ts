import { afterEach, describe, expect, it, vi } from "vitest";
import { runControl } from "./run-control";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Moves the clock that the run control reads by `ms`. */
function clockAhead(ms: number) {
  const now = performance.now.bind(performance);
  vi.spyOn(performance, "now").mockImplementation(() => now() + ms);
}

describe("run control", () => {
  it("reports no stop reason past the deadline until a phase is told to stop", () => {
    const control = runControl({ timeLimitMs: 1_000 });
    control.answerFound();
    clockAhead(5_000);
    expect(control.stopReason()).toBeNull();
    expect(control.shouldStop()).toBe(true);
    expect(control.stopReason()).toBe("time_limit");
  });

  it("lets the time limit stop work only once a complete answer exists, an abort at once", () => {
    const controller = new AbortController();
    const control = runControl({ timeLimitMs: 1_000, signal: controller.signal });
    clockAhead(5_000);
    expect(control.shouldStop()).toBe(false);
    expect(control.chunkEnd()).toBeGreaterThan(control.deadline);
    control.answerFound();
    expect(control.chunkEnd()).toBe(control.deadline);
    expect(control.shouldStop()).toBe(true);
    expect(control.stopReason()).toBe("time_limit");

    const aborted = new AbortController();
    const early = runControl({ timeLimitMs: 1_000, signal: aborted.signal });
    aborted.abort();
    expect(early.shouldStop()).toBe(true);
    expect(early.stopReason()).toBe("aborted");
  });

  it("keeps the first reason it gave for stopping", () => {
    const controller = new AbortController();
    const control = runControl({ timeLimitMs: 1_000, signal: controller.signal });
    expect(control.shouldStop()).toBe(false);
    controller.abort();
    expect(control.shouldStop()).toBe(true);
    clockAhead(5_000);
    expect(control.shouldStop()).toBe(true);
    expect(control.stopReason()).toBe("aborted");
  });
});
