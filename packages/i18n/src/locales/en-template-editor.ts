import type { koTemplateEditor } from "./ko-template-editor";
import type { Translation } from "./translation";

export const enTemplateEditor: Translation<typeof koTemplateEditor> = {
  blank: {
    title: "Start from a blank template",
    intro:
      "When no built-in template fits, create a blank one and design it from scratch. It pairs one mentor with one mentee, anyone may apply, and it has no surveys yet.",
    name: "New template's name",
    kind: "New template's program type",
    create: "Create a blank template",
    notCreated: "The template was not created. Check what you entered.",
    created:
      "Blank template created. Check the team shape and the places, then add questions under Surveys and diagnostics.",
  },
  questions: {
    title: "Edit surveys and diagnostics",
    intro:
      "The surveys participants answer before and after the program, and the diagnostics that score them. Saving changes the surveys only and keeps the template's other settings.",
    scoringHint:
      "Scoring: the answers to the 5-point items given a dimension are added up per dimension. A reversed item counts as 6 minus the answer (an answer of 5 scores 1).",
    keyHint:
      "Keys tell surveys, dimensions, questions and options apart: a lowercase letter first, then lowercase letters, digits and _ only (e.g. communication). Matching criteria find questions and dimensions by key: check them if you change one.",
    none: "No surveys yet. Press Add a survey to start.",
    set: "Survey {{set}}",
    addSet: "Add a survey",
    removeSet: "Remove survey {{set}}",
    moveSetUp: "Move survey {{set}} up",
    moveSetDown: "Move survey {{set}} down",
    dimensionsHint:
      "For a diagnostic, add the dimensions it scores (e.g. digital skills). A survey without dimensions scores nothing.",
    addDimension: "Add a dimension to survey {{set}}",
    removeDimension: "Remove dimension {{dimension}} of survey {{set}}",
    addQuestion: "Add a question to survey {{set}}",
    removeQuestion: "Remove question {{question}} of survey {{set}}",
    moveQuestionUp: "Move question {{question}} of survey {{set}} up",
    moveQuestionDown: "Move question {{question}} of survey {{set}} down",
    optionsHint: "Give at least two options.",
    addOption: "Add an option to question {{question}} of survey {{set}}",
    removeOption: "Remove option {{option}} of question {{question}} of survey {{set}}",
    pickHintMultiple: "Leave empty to let people pick any number.",
    pickHintRanked: "Leave empty to rank every option.",
    dimensionHint: "Only 5-point items add to a dimension's score.",
    noDimension: "Not scored",
    missingDimension: "{{key}} (no such dimension)",
    save: "Save surveys",
  },
  field: {
    set: "Survey {{set}}",
    setKey: "Survey {{set}} key",
    setTitleKo: "Survey {{set}} title (Korean)",
    setTitleEn: "Survey {{set}} title (English)",
    setPhases: "Survey {{set}} timing",
    setRoles: "Survey {{set}} answered by",
    dimensions: "Survey {{set}} dimensions",
    dimension: "Survey {{set}} dimension {{dimension}}",
    dimensionKey: "Survey {{set}} dimension {{dimension}} key",
    dimensionLabelKo: "Survey {{set}} dimension {{dimension}} name (Korean)",
    dimensionLabelEn: "Survey {{set}} dimension {{dimension}} name (English)",
    questions: "Survey {{set}} questions",
    question: "Survey {{set}} question {{question}}",
    questionKey: "Survey {{set}} question {{question}} key",
    questionType: "Survey {{set}} question {{question}} type",
    promptKo: "Survey {{set}} question {{question}} wording (Korean)",
    promptEn: "Survey {{set}} question {{question}} wording (English)",
    required: "Survey {{set}} question {{question}} must be answered",
    options: "Survey {{set}} question {{question}} options",
    option: "Survey {{set}} question {{question}} option {{option}}",
    optionKey: "Survey {{set}} question {{question}} option {{option}} key",
    optionLabelKo: "Survey {{set}} question {{question}} option {{option}} (Korean)",
    optionLabelEn: "Survey {{set}} question {{question}} option {{option}} (English)",
    pick: "Survey {{set}} question {{question}} number to pick",
    questionDimension: "Survey {{set}} question {{question}} scored dimension",
    reversed: "Survey {{set}} question {{question}} reversed (6 − answer)",
  },
  issue: {
    optionsTooFew: "{{field}}: a choice question needs at least two options",
    dimensionNotLikert: "{{field}}: only 5-point items score a dimension",
    pickAboveOptions: "{{field}}: cannot be more than the number of options",
    criteriaLost_one:
      "{{field}}: this change takes away or changes the question or dimension matching criterion {{criteria}} uses. Keep that question or change the matching criterion first",
    criteriaLost_other:
      "{{field}}: this change takes away or changes the questions or dimensions matching criteria {{criteria}} use. Keep those questions or change the matching criteria first",
  },
  preview: {
    title: "Participant's view",
    intro: "What participants will see. You can try the answers; nothing is saved.",
    roles: "Role to preview",
    asRole: "As a {{role}}",
    surveys: "Surveys and diagnostics",
    noSurveys: "No survey is sent to a {{role}}.",
    setPhases: "When: {{phases}}",
    certificate: "Pairing certificate",
    certificateHint:
      "The wording filled in with example names. A real certificate carries the team's names and the pairing date.",
    exampleMentors: "Haneul Kim, Seojun Park",
    exampleMentees: "Doyun Lee",
    exampleCohort: "{{program}} cohort 1",
    signer: "{{title}}",
    assignments: "Assignments",
    noAssignments: "No assignments.",
    assignmentDue: "Due: day {{day}} of activity month {{month}}",
  },
  board: {
    unused:
      "A junior board forms no teams and recruits members alone, so it has no team shape, mentee eligibility or pairing certificate. Set its members' eligibility and quota below.",
    unusedParts:
      "A junior board cannot save a team shape, mentee eligibility or a pairing certificate: it forms no teams.",
  },
};
