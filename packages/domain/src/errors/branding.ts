import type { ErrorTable } from "./error-table";

/** The tenant's logo and seal images. */
export const brandingErrors = {
  "branding.bad_size": { status: 400, message: "settings.branding.problem.badSize" },
  "branding.not_image": { status: 400, message: "settings.branding.problem.notImage" },
  "branding.too_large": { status: 413, message: "settings.branding.problem.tooLarge" },
  "branding.undecodable": { status: 400, message: "settings.branding.problem.undecodable" },
} as const satisfies ErrorTable;
