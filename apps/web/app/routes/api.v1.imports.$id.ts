import { getDirectoryImport, getDirectoryImportLimits } from "@mentoring/directory";
import { apiRoute } from "../services/guard.server";
import { id as importId } from "../services/route-params";

/**
 * GET /api/v1/imports/{id} — where a directory import stands, with its summary, its file errors, the
 * first invalid rows, why it failed if it did, and the tenant's import limits.
 */
export const loader = apiRoute(
  "staff.import",
  { methods: ["GET"], body: "none" },
  async ({ params, context, tenant }) => {
    const id = importId.safeParse(params.id);
    if (!id.success) return Response.json({ error: "directory.import_not_found" }, { status: 404 });
    const [detail, limits] = await context.services.db.withTenant(tenant.id, (tx) =>
      Promise.all([
        getDirectoryImport(tx, { tenantId: tenant.id, importId: id.data }),
        getDirectoryImportLimits(tx, { tenantId: tenant.id }),
      ]),
    );
    return Response.json({
      id: detail.id,
      status: detail.status,
      progress: detail.progress,
      full: detail.full,
      fileName: detail.fileName,
      format: detail.format,
      encoding: detail.encoding,
      totalRows: detail.totalRows,
      counts: detail.counts,
      applied: detail.applied,
      fileErrors: detail.fileErrors,
      /** The tenant's plan's limits now; a file error of too_many_rows or too_many_columns names its own. */
      limits,
      unknownDepartments: detail.unknownDepartments,
      invalidRows: detail.invalidRows.map(({ rowNumber, problems }) => ({ rowNumber, problems })),
      /**
       * Why a failed import failed, as a code (job_failed: its job gave up; stalled: no progress for 30
       * minutes), null otherwise. The raw error text stays with the operators: it can name the database's
       * internals.
       */
      failureCode: detail.failureCode,
      createdAt: detail.createdAt,
      appliedAt: detail.appliedAt,
    });
  },
);
// Posts and other methods: 405, naming GET.
export const action = loader;
