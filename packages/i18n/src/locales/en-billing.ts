import type { koBilling } from "./ko-billing";

export const enBilling: typeof koBilling = {};
