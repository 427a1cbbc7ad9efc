import {
  type PhaseOffsets,
  type ProgramKind,
  type TemplateDefinition,
  templateDefinitionSchema,
} from "./program-template";

/** The places per role a blank template opens with: a coordinator sets the real number before recruiting. */
export const BLANK_TEMPLATE_QUOTA = 10;

/**
 * A blank template's phases, in days after recruitment opens: two weeks of recruitment, orientation and
 * matching a week later, the ceremony the week after, six months of activities, two weeks of evaluation.
 */
export const blankTemplatePhases: PhaseOffsets = {
  recruitmentEnd: 14,
  orientation: 21,
  matching: 21,
  ceremony: 28,
  activitiesStart: 28,
  activitiesEnd: 210,
  evaluationStart: 211,
  evaluationEnd: 225,
  close: 240,
};

/** Every placeholder a pairing certificate fills in, so that a blank template's certificate says who and where. */
const BLANK_CERTIFICATE_BODY =
  "{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort}에 참여하여 서로 배우고 성장할 것을 약속하며 이에 결연합니다.";

/**
 * The smallest valid template of `kind`, named `name`: one mentor and one mentee a team, anyone may apply
 * for either role, default phases and certificate wording, and no questions, rubric or awards yet. Throws
 * (the schema's ZodError) when the name is not a valid one.
 */
export function blankTemplate(input: { kind: ProgramKind; name: string }): TemplateDefinition {
  return templateDefinitionSchema.parse({
    kind: input.kind,
    name: input.name,
    teamShape: { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 1 } },
    roles: {
      mentor: { eligibility: {}, quota: BLANK_TEMPLATE_QUOTA },
      mentee: { eligibility: {}, quota: BLANK_TEMPLATE_QUOTA },
    },
    phases: { ...blankTemplatePhases },
    certificate: { title: "결연증서", body: BLANK_CERTIFICATE_BODY },
  });
}
