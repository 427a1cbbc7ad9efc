import { createDirectoryImport, getDirectoryImportLimits, isValidIdempotencyKey } from "@mentoring/directory";
import { AppError, type DirectoryImportLimits } from "@mentoring/domain";
import { LocalFileStorage } from "@mentoring/storage";
import { z } from "zod";
import { apiRoute } from "../services/guard.server";
import { declaresMoreThan, limitedRequest, RequestBodyTooLarge } from "../services/request-body.server";

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => value === "true");
const query = z.object({
  /** A full import: people missing from it may be deactivated. */
  full: flag,
  /** Apply as soon as the file is valid. */
  apply: flag,
  /** Create departments the file names and the directory lacks (otherwise applying waits for a person). */
  createDepartments: flag,
  /** With full=true: deactivate active staff missing from the file, when applied. */
  deactivateMissing: flag,
  fileName: z.string().trim().min(1).max(255).optional(),
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const controlCharacter = /[\u0000-\u001F\u007F]/;

/** Bodies that are no directory file whatever their bytes: a form, or JSON (the file is the body itself). */
const notAFile = /^(application\/(.+\+)?json|application\/x-www-form-urlencoded|multipart\/)/i;

/**
 * POST /api/v1/staff:import — for HR systems: the body is the directory file (CSV in UTF-8 or CP949, or
 * XLSX). Answers 202 with the import's id and the URL to follow it at; validation (and applying, with
 * ?apply=true) runs in the worker.
 *
 * The module is named for a dynamic segment ("$operation", a Google-style custom method) because a file
 * name with ":" ("api.v1.staff[:]import.ts") cannot be loaded by Vite; operations other than
 * "staff:import" answer 404. Other methods than POST answer 405.
 *
 * A body sent as JSON or a form is no directory file (415 `directory.unsupported_format`), nor is a CSV
 * holding a NUL byte; a control character in the query is a 400 `invalid_query`, as a value that does not
 * parse is.
 *
 * Limits by the tenant's plan (`limits` in every answer: maxRows, maxColumns, maxBytes): a body beyond
 * maxBytes is answered 413 `{ error: "payload_too_large", maxBytes, limits }`, as soon as its
 * Content-Length says so or its bytes go beyond (the guard cuts any body at the largest plan's limit
 * first). Rows and columns are checked by validation, which stops reading at the first beyond:
 * the import then ends `invalid` with a file error `too_many_rows` or `too_many_columns` (with `row`
 * and `limit`) on GET /api/v1/imports/{id}.
 *
 * `Idempotency-Key` (optional, 1-255 visible ASCII characters, else 400 `directory.idempotency_key_invalid`):
 * a retry with the key within 24 hours writes nothing and answers the first request's 202 again, with
 * `Idempotent-Replayed: true`; the key with another file, file name or option is 422
 * `directory.idempotency_key_reused`; while the first request with it is still being written, 409
 * `directory.idempotency_key_in_flight` with Retry-After. Keys are per tenant.
 */
export const action = apiRoute(
  "staff.import",
  { methods: ["POST"], body: "directoryFile" },
  async ({ request, params, context, tenant }) => {
    if (params.operation !== "staff:import") return Response.json({ error: "not_found" }, { status: 404 });
    const search = new URL(request.url).searchParams;
    // A control character in the query (a file name with NUL) is refused before anything stores it.
    const controlled = [...search].flatMap(([name, value]) =>
      controlCharacter.test(name) || controlCharacter.test(value) ? [name] : [],
    );
    if (controlled.length > 0)
      return Response.json(
        {
          error: "invalid_query",
          issues: Object.fromEntries(
            controlled.map((name) => [name, ["control characters are not allowed"]]),
          ),
        },
        { status: 400 },
      );
    if (notAFile.test(request.headers.get("content-type") ?? ""))
      throw new AppError("directory.unsupported_format");
    const parsed = query.safeParse(Object.fromEntries(search));
    if (!parsed.success)
      return Response.json(
        { error: "invalid_query", issues: parsed.error.flatten().fieldErrors },
        { status: 400 },
      );
    const { full, apply, createDepartments, deactivateMissing, fileName } = parsed.data;
    const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
    if (idempotencyKey !== undefined && !isValidIdempotencyKey(idempotencyKey))
      throw new AppError("directory.idempotency_key_invalid");
    const { services } = context;
    const limits = await services.db.withTenant(tenant.id, (tx) =>
      getDirectoryImportLimits(tx, { tenantId: tenant.id }),
    );
    if (declaresMoreThan(request, limits.maxBytes)) return tooLarge(limits);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await limitedRequest(request, limits.maxBytes).arrayBuffer());
    } catch (error) {
      if (error instanceof RequestBodyTooLarge && error.limit === limits.maxBytes) return tooLarge(limits);
      throw error;
    }
    const created = await createDirectoryImport(services.db, {
      tenantId: tenant.id,
      userId: null,
      fileName: fileName ?? "api-upload.csv",
      bytes,
      full,
      applyWhenValid: apply,
      createMissingDepartments: createDepartments,
      deactivateMissing,
      storage: new LocalFileStorage(services.config.STORAGE_DIR),
      idempotencyKey,
    });
    const statusUrl = new URL(`/api/v1/imports/${created.importId}`, request.url).toString();
    // A replay answers as the first request did ("validating" included); statusUrl tells where it is now.
    return Response.json(
      { id: created.importId, status: "validating", statusUrl, limits },
      {
        status: 202,
        headers: created.replayed
          ? { Location: statusUrl, "Idempotent-Replayed": "true" }
          : { Location: statusUrl },
      },
    );
  },
);
export const loader = action;

/** The plan's byte limit passed: the caller learns every limit, to split the file or ask for a plan. */
function tooLarge(limits: DirectoryImportLimits): Response {
  return Response.json({ error: "payload_too_large", maxBytes: limits.maxBytes, limits }, { status: 413 });
}
