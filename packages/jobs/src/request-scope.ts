import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request (or job) on whose behalf the code now running works, so that an outbox row written anywhere
 * below it carries that request's id, the relay hands it to the job, and the job's log lines show it: one
 * id finds a request and every job it caused (docs/operations.md, "Tracing a request through its jobs").
 *
 * Kept on globalThis: the web's server and its Remix build may each load their own copy of this module,
 * and both must see one scope.
 */
const key = Symbol.for("mentoring.request-scope");
const holder = globalThis as { [key]?: AsyncLocalStorage<string> };
const scope: AsyncLocalStorage<string> = holder[key] ?? new AsyncLocalStorage<string>();
holder[key] = scope;

/** A request id as the web accepts one (its own uuid, or a proxy's X-Request-Id of 8-64 word characters). */
const REQUEST_ID = /^[\w-]{8,64}$/;

/** Runs `work` on behalf of request `requestId`; without an id (or with a malformed one), outside any. */
export function withRequestId<T>(requestId: string | null | undefined, work: () => T): T {
  return requestId && REQUEST_ID.test(requestId) ? scope.run(requestId, work) : scope.exit(work);
}

/** The id of the request the running code works for, or null outside any request. */
export function currentRequestId(): string | null {
  return scope.getStore() ?? null;
}
