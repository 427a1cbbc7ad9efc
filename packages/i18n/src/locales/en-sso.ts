import type { koSso } from "./ko-sso";

export const enSso: typeof koSso = {};
