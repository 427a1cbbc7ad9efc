import type { TenantDb } from "@mentoring/db";
import { defaultCohortTitle, nextCohortNumber } from "../records/cohort-number";
import { loadTemplate } from "../records/template-record";

/** What the new-cohort form starts from: the next free number of the template and the title it gives. */
export async function getNewCohortDefaults(
  tx: TenantDb,
  { tenantId, templateId }: { tenantId: string; templateId: string },
) {
  const template = await loadTemplate(tx, tenantId, templateId);
  const number = await nextCohortNumber(tx, tenantId, templateId);
  return {
    templateId: template.id,
    templateName: template.name,
    number,
    title: defaultCohortTitle(template.name, number),
    quotas: {
      mentor: template.definition.roles.mentor.quota,
      mentee: template.definition.roles.mentee.quota,
    },
    phases: template.definition.phases,
  };
}
