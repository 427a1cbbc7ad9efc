export * from "./connection";
export * from "./definitions";
export * from "./outbox";
export * from "./queues";
export * from "./request-scope";
