import type { Locale } from "@mentoring/i18n";
import { type PersonalDataDocument, renderPersonalDataPdf } from "@mentoring/reports";
import type { PersonalDataExport } from "../my-data/export-my-data";

/** The order the PDF prints the sections in: who they are, then their programs, then the records. */
const order = [
  "staff_members",
  "users",
  "user_identities",
  "memberships",
  "invitations",
  "applications",
  "survey_responses",
  "team_members",
  "teams",
  "submissions",
  "attachments",
  "activity_participants",
  "attendance",
  "ceremony_attendance",
  "event_signups",
  "team_evaluations",
  "certificates",
  "evaluator_assignments",
  "notifications",
  "notification_preferences",
  "calendar_feeds",
  "correction_requests",
  "access_logs",
  "audit_logs",
] as const satisfies readonly (keyof PersonalDataExport["rows"] | keyof PersonalDataExport["related"])[];

/** The export as the PDF prints it: the same rows, every section in reading order. */
export function personalDataDocument(data: PersonalDataExport): PersonalDataDocument {
  const all: Record<string, PersonalDataExport["rows"][keyof PersonalDataExport["rows"]]> = {
    ...data.rows,
    ...data.related,
  };
  const missing = Object.keys(all).filter((key) => !(order as readonly string[]).includes(key));
  if (missing.length > 0) throw new Error(`sections without a place in the PDF: ${missing.join(", ")}`);
  return {
    generatedAt: data.generatedAt,
    tenant: { name: data.tenant.name, timeZone: data.tenant.timeZone },
    person: data.person,
    sections: order.map((key) => ({ key, rows: all[key] ?? [] })),
    notIncluded: data.notIncluded,
  };
}

/** The export as a readable PDF in the person's language. */
export function personalDataPdf(data: PersonalDataExport, options: { locale: Locale }): Promise<Buffer> {
  return renderPersonalDataPdf(personalDataDocument(data), options);
}
