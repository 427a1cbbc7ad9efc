import { type CertificateContent, fillBody } from "@mentoring/certificates";
import { type ApplicationRole, type CalendarDate, localize } from "@mentoring/domain";
import { type TemplateRecord, templateBody } from "@mentoring/programs";
import { questionView } from "./survey-answer.server";

/** The names and cohort a preview's certificate is filled in with. */
export interface CertificateExample {
  tenant: { id: string; name: string };
  mentors: string[];
  mentees: string[];
  cohort: string;
  date: CalendarDate;
}

/**
 * What a participant of `role` will see of a template: each question set they answer as its survey page
 * shows it (questions in the reader's language), the pairing certificate's wording filled in as it will
 * be printed with example names, and the assignments.
 */
export function presentTemplatePreview(
  template: TemplateRecord,
  role: ApplicationRole,
  locale: string,
  example: CertificateExample,
) {
  const { definition } = template;
  const content: CertificateContent = {
    // A preview is never issued: no serial, and fillBody does not read one.
    serial: "" as CertificateContent["serial"],
    tenant: example.tenant,
    program: definition.name,
    cohort: example.cohort,
    mentors: example.mentors,
    mentees: example.mentees,
    date: example.date,
    signer: { name: "", title: definition.certificate.signerTitle },
    issuedAt: "",
  };
  return {
    template: { id: template.id, name: template.name },
    role,
    sets: definition.questionSets
      .filter((set) => set.roles.includes(role))
      .map((set) => ({
        key: set.key,
        title: localize(set.title, locale),
        phases: set.phases,
        questions: set.questions.map((question) => questionView(question, locale)),
      })),
    certificate: {
      title: definition.certificate.title,
      body: fillBody(templateBody(definition.certificate.body), content),
      signerTitle: definition.certificate.signerTitle,
    },
    assignments: definition.assignments.map((assignment) => ({
      title: localize(assignment.title, locale),
      description: assignment.description ? localize(assignment.description, locale) : null,
      month: assignment.month,
      dueDay: assignment.dueDay,
    })),
  };
}
