import type { ErrorTable } from "./error-table";

/** Files attached to teams' submissions and activities. */
export const attachmentErrors = {
  "attachment.kind_invalid": { status: 400, message: "files.error.kindInvalid" },
  "attachment.name_invalid": { status: 400, message: "files.error.nameInvalid" },
  "attachment.too_large": { status: 413, message: "files.error.tooLarge" },
  "attachment.empty": { status: 400, message: "files.error.empty" },
  "attachment.type_refused": { status: 415, message: "files.error.typeRefused" },
  "attachment.not_found": { status: 404, message: "files.error.notFound" },
  "attachment.too_many": { status: 400, message: "files.error.tooMany" },
  "attachment.not_a_photo": { status: 400, message: "files.error.notAPhoto" },
} as const satisfies ErrorTable;
