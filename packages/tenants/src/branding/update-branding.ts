import type { Database } from "@mentoring/db";
import { AppError, type AppErrorCode, appErrors, type FieldIssue } from "@mentoring/domain";
import type { FileStorage } from "@mentoring/storage";
import {
  type BrandingImage,
  type BrandingKeys,
  type BrandingKind,
  type BrandingProblem,
  brandingColumn,
  brandingKinds,
  checkBrandingImage,
  newBrandingKey,
} from "../records/branding-image";
import { type BrandingLog, removeReplacedFiles, saveBrandingKeys } from "../records/branding-keys";

const problemCodes = {
  notImage: "branding.not_image",
  tooLarge: "branding.too_large",
  undecodable: "branding.undecodable",
  badSize: "branding.bad_size",
} as const satisfies Record<BrandingProblem, AppErrorCode>;

/**
 * Replaces the tenant's logo and/or seal. Every file is checked before anything is written: one bad file
 * saves nothing, and the refusal's code is the first file's problem while `details.fields` holds each
 * refused file's (path "logo" or "seal"). The new files are stored, then the row and its audit entry
 * commit together; the old files are removed after that (or the new ones when the transaction fails).
 */
export async function updateBranding(
  db: Database,
  input: {
    tenantId: string;
    actorUserId: string;
    files: Partial<Record<BrandingKind, Uint8Array>>;
    requestId: string;
    storage: FileStorage;
    log?: BrandingLog;
  },
): Promise<void> {
  const { tenantId, actorUserId, files, requestId, storage, log } = input;
  const checked: [BrandingKind, Uint8Array, BrandingImage][] = [];
  const refused: { kind: BrandingKind; problem: BrandingProblem }[] = [];
  for (const kind of brandingKinds) {
    const bytes = files[kind];
    if (!bytes || bytes.length === 0) continue;
    const result = checkBrandingImage(bytes);
    if (result.ok) checked.push([kind, bytes, result.image]);
    else refused.push({ kind, problem: result.problem });
  }
  const [first] = refused;
  if (first) {
    const fields: FieldIssue[] = refused.map(({ kind, problem }) => ({
      path: kind,
      message: appErrors[problemCodes[problem]].message,
      params: {},
    }));
    throw new AppError(problemCodes[first.problem], { kind: first.kind }, { fields });
  }
  if (checked.length === 0) return;

  const next: Partial<BrandingKeys> = {};
  for (const [kind, bytes, image] of checked) {
    const key = newBrandingKey(tenantId, kind, image);
    await storage.put(key, bytes);
    next[brandingColumn[kind]] = key;
  }
  const written = Object.values(next).filter((key): key is string => typeof key === "string");
  let before: BrandingKeys;
  try {
    before = await saveBrandingKeys(db, { tenantId, actorUserId, requestId, next });
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  await removeReplacedFiles(storage, before, next, log);
}
