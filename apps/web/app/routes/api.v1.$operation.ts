import { createDirectoryImport } from "@mentoring/directory";
import { LocalFileStorage } from "@mentoring/storage";
import { z } from "zod";
import { apiRoute } from "../services/guard.server";

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

/**
 * POST /api/v1/staff:import — for HR systems: the body is the directory file (CSV in UTF-8 or CP949, or
 * XLSX). Answers 202 with the import's id and the URL to follow it at; validation (and applying, with
 * ?apply=true) runs in the worker.
 *
 * The module is named for a dynamic segment ("$operation", a Google-style custom method) because a file
 * name with ":" ("api.v1.staff[:]import.ts") cannot be loaded by Vite; operations other than
 * "staff:import" answer 404. Other methods than POST answer 405; a body beyond the largest directory
 * file, 413 (the guard stops reading it there).
 */
export const action = apiRoute(
  "staff.import",
  { methods: ["POST"], body: "directoryFile" },
  async ({ request, params, context, tenant }) => {
    if (params.operation !== "staff:import") return Response.json({ error: "not_found" }, { status: 404 });
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      return Response.json(
        { error: "invalid_query", issues: parsed.error.flatten().fieldErrors },
        { status: 400 },
      );
    const { full, apply, createDepartments, deactivateMissing, fileName } = parsed.data;
    const bytes = new Uint8Array(await request.arrayBuffer());
    const { services } = context;
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
    });
    const statusUrl = new URL(`/api/v1/imports/${created.importId}`, request.url).toString();
    return Response.json(
      { id: created.importId, status: "validating", statusUrl },
      { status: 202, headers: { Location: statusUrl } },
    );
  },
);
export const loader = action;
