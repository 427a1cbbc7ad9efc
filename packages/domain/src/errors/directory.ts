import type { ErrorTable } from "./error-table";

/** Staff directory imports: uploading a file and applying what it would change. */
export const directoryErrors = {
  "directory.import_not_found": { status: 404, message: "error.notFound" },
  // The API's Idempotency-Key: malformed, reused for another request, or its first request still running.
  "directory.idempotency_key_invalid": {
    status: 400,
    message: "directory.upload.error.idempotencyKeyInvalid",
  },
  "directory.idempotency_key_in_flight": {
    status: 409,
    message: "directory.upload.error.idempotencyKeyInFlight",
  },
  "directory.idempotency_key_reused": { status: 422, message: "directory.upload.error.idempotencyKeyReused" },
  "directory.no_file": { status: 400, message: "directory.upload.error.noFile" },
  "directory.not_ready": { status: 409, message: "directory.apply.error.notReady" },
  "directory.too_large": { status: 413, message: "directory.upload.error.tooLarge" },
  "directory.unknown_departments": { status: 409, message: "directory.apply.error.unknownDepartments" },
  "directory.unsupported_format": { status: 415, message: "directory.upload.error.unsupported" },
} as const satisfies ErrorTable;
