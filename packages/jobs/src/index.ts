export * from "./connection";
export * from "./definitions";
export * from "./outbox";
export * from "./queues";
export * from "./readiness";
export * from "./request-scope";
