import type { koDirectory } from "./ko-directory";

export const enDirectory: typeof koDirectory = {};
