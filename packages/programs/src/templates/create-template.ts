import { type Prisma, recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, blankTemplate, templateDefinitionSchema } from "@mentoring/domain";

/** What a new template is made from: its kind and name, judged by the definition's own schema. */
const blankInput = templateDefinitionSchema.innerType().pick({ kind: true, name: true });

/**
 * Creates a blank template of `kind` named `name` (domain blankTemplate: 1:1, anyone may apply, default
 * phases and certificate, no questions), its version 1, for a coordinator who starts from nothing rather
 * than from a built-in. A bad name or kind is refused as input.invalid naming the field, nothing written.
 * Audited like a copy.
 */
export async function createTemplate(
  tx: TenantDb,
  input: { tenantId: string; kind: string; name: string; actorUserId: string | null; requestId?: string },
): Promise<{ templateId: string }> {
  const { tenantId, actorUserId, requestId } = input;
  const parsed = blankInput.safeParse({ kind: input.kind, name: input.name });
  if (!parsed.success) throw AppError.invalid(parsed.error);
  const definition = blankTemplate(parsed.data);
  const template = await tx.programTemplate.create({
    data: {
      tenantId,
      name: definition.name,
      kind: definition.kind,
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
    action: "program_template.create",
    entityType: "program_template",
    entityId: template.id,
    after: { name: definition.name, kind: definition.kind, version: 1 },
    requestId,
  });
  return { templateId: template.id };
}
