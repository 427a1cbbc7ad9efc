import { type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import { type BuiltinTemplateKey, builtinTemplate } from "@mentoring/domain";

/**
 * Copies a built-in template into the tenant: a new template whose version 1 is the built-in definition.
 * From then on it is the tenant's own data. Audited.
 */
export async function copyBuiltinTemplate(
  tx: TenantDb,
  input: { tenantId: string; builtinKey: BuiltinTemplateKey; actorUserId: string | null; requestId?: string },
): Promise<{ templateId: string }> {
  const { tenantId, builtinKey, actorUserId, requestId } = input;
  const definition = builtinTemplate(builtinKey);
  const template = await tx.programTemplate.create({
    data: {
      tenantId,
      name: definition.name,
      kind: definition.kind,
      builtinKey,
      currentVersion: 1,
      createdByUserId: actorUserId,
    },
  });
  await tx.programTemplateVersion.create({
    data: {
      tenantId,
      templateId: template.id,
      version: 1,
      definition: definition as Prisma.InputJsonValue,
      createdByUserId: actorUserId,
    },
  });
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "program_template.copy",
    entityType: "program_template",
    entityId: template.id,
    after: { builtinKey, name: definition.name, kind: definition.kind, version: 1 },
    requestId,
  });
  return { templateId: template.id };
}
