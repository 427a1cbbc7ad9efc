import { isUniqueViolation, recordAudit, type TenantDb } from "@mentoring/db";
import { AppError, type CalendarDate, calendarDateSchema, scheduleFromOffsets } from "@mentoring/domain";
import { z } from "zod";
import { defaultCohortTitle, nextCohortNumber } from "../records/cohort-number";
import { dateColumn, scheduleColumns } from "../records/cohort-record";
import { loadTemplate } from "../records/template-record";

/** A form's empty field is a missing value, not zero. */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) =>
      value === "" || value === null ? undefined : typeof value === "string" ? Number(value) : value,
    schema.optional(),
  );

/** The new-cohort form, the action and any API share this. Number and title default from the template. */
export const cohortCreateSchema = z.object({
  templateId: z.string().uuid(),
  number: optionalNumber(z.number().int().min(1).max(999)),
  title: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().trim().min(1).max(120).optional(),
  ),
  recruitmentStart: calendarDateSchema,
});

export type CohortCreateInput = z.input<typeof cohortCreateSchema>;

/**
 * Creates a draft cohort on the template's current version: its dates computed from the recruitment start
 * and the template's phase offsets, its quotas from the template. Invalid input is refused as input.invalid
 * (each issue with its field) and nothing is written; a number the template already has is refused (409).
 * Audited.
 */
export async function createCohort(
  tx: TenantDb,
  input: {
    tenantId: string;
    form: CohortCreateInput;
    actorUserId: string | null;
    requestId?: string;
    today: CalendarDate;
  },
): Promise<{ cohortId: string }> {
  const { tenantId, actorUserId, requestId, today } = input;
  const parsed = cohortCreateSchema.safeParse(input.form);
  if (!parsed.success) throw AppError.invalid(parsed.error);
  const { templateId, recruitmentStart } = parsed.data;
  const template = await loadTemplate(tx, tenantId, templateId);
  const version = await tx.programTemplateVersion.findFirstOrThrow({
    where: { tenantId, templateId, version: template.currentVersion },
    select: { id: true },
  });
  const number = parsed.data.number ?? (await nextCohortNumber(tx, tenantId, templateId));
  if (await tx.cohort.findFirst({ where: { tenantId, templateId, number }, select: { id: true } })) {
    throw new AppError("cohort.number_taken", { number });
  }
  const title = parsed.data.title ?? defaultCohortTitle(template.name, number);
  const schedule = scheduleFromOffsets(recruitmentStart, template.definition.phases);
  const quotas = {
    quotaMentor: template.definition.roles.mentor.quota,
    quotaMentee: template.definition.roles.mentee.quota,
  };
  let cohortId: string;
  try {
    const cohort = await tx.cohort.create({
      data: {
        tenantId,
        templateId,
        templateVersionId: version.id,
        number,
        title,
        status: "draft",
        ...scheduleColumns(schedule),
        // Dates already past when the cohort is set up are its coordinator's to act on, not the clock's.
        scheduleCheckedOn: dateColumn(today),
        ...quotas,
        createdByUserId: actorUserId,
      },
      select: { id: true },
    });
    cohortId = cohort.id;
  } catch (error) {
    // Another coordinator took the number between the check and the insert.
    if (isUniqueViolation(error)) {
      throw new AppError("cohort.number_taken", { number });
    }
    throw error;
  }
  await recordAudit(tx, {
    tenantId,
    actorUserId,
    action: "cohort.create",
    entityType: "cohort",
    entityId: cohortId,
    after: { templateId, templateVersion: template.currentVersion, number, title, ...schedule, ...quotas },
    requestId,
  });
  return { cohortId };
}
