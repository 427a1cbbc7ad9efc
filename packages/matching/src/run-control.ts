export type MatchingPhase = "preparing" | "first_answer" | "flow" | "pricing" | "local_search" | "done";

/** Time limit, cancellation and progress reporting shared by the solver's phases. */
export interface RunControl {
  readonly deadline: number;
  /**
   * True once aborted, or past the deadline once a complete answer exists (see `answerFound`); a phase
   * that hears true cuts its work short.
   */
  shouldStop(): boolean;
  /**
   * Says a complete answer exists. Until then the time limit does not stop the work (an abort does): a run
   * always returns an answer that places everyone it can, however short the limit, so the phases that
   * build the first one are kept fast instead.
   */
  answerFound(): void;
  /**
   * Why the run was cut short: set when `shouldStop` first answered true, so a run that ends past the
   * deadline without having had to leave any work undone reports null.
   */
  stopReason(): "aborted" | "time_limit" | null;
  /** Lets timers, I/O and abort signals run between chunks of work. */
  breathe(): Promise<void>;
  progress(fraction: number, phase: MatchingPhase): void;
  /** End of the next chunk of uninterrupted work (performance.now() milliseconds). */
  chunkEnd(): number;
}

export function runControl(options: {
  timeLimitMs: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number, phase: MatchingPhase) => void;
}): RunControl {
  const started = performance.now();
  const deadline = started + options.timeLimitMs;
  let lastBreath = started;
  let lastFraction = 0;
  let cut: "aborted" | "time_limit" | null = null;
  let answered = false;
  return {
    deadline,
    shouldStop() {
      if (cut === null)
        cut = options.signal?.aborted
          ? "aborted"
          : answered && performance.now() > deadline
            ? "time_limit"
            : null;
      return cut !== null;
    },
    answerFound() {
      answered = true;
    },
    stopReason: () => cut,
    async breathe() {
      const now = performance.now();
      if (now - lastBreath < 25) return;
      lastBreath = now;
      // A macrotask, so timers and abort events queued meanwhile run (works in Node and browsers).
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    progress(fraction, phase) {
      // Never report going backwards: phases re-run (pricing rounds) but the bar should not.
      lastFraction = Math.max(lastFraction, Math.min(1, fraction));
      options.onProgress?.(lastFraction, phase);
    },
    chunkEnd: () => (answered ? Math.min(deadline, performance.now() + 40) : performance.now() + 40),
  };
}
