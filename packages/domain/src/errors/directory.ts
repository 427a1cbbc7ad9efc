import type { ErrorTable } from "./error-table";

/** Staff directory imports: uploading a file and applying what it would change. */
export const directoryErrors = {
  "directory.import_not_found": { status: 404, message: "error.notFound" },
  "directory.no_file": { status: 400, message: "directory.upload.error.noFile" },
  "directory.not_ready": { status: 409, message: "directory.apply.error.notReady" },
  "directory.too_large": { status: 413, message: "directory.upload.error.tooLarge" },
  "directory.unknown_departments": { status: 409, message: "directory.apply.error.unknownDepartments" },
  "directory.unsupported_format": { status: 415, message: "directory.upload.error.unsupported" },
} as const satisfies ErrorTable;
