import type { koEvaluations } from "./ko-evaluations";
import type { Translation } from "./translation";

/** English messages of evaluators and their evaluations of teams. */
export const enEvaluations: Translation<typeof koEvaluations> = {
  error: {
    teamNotFound: "That team could not be found in this cohort.",
    evaluatorNotFound:
      "That evaluator is not a member of the organisation. Invite an outside evaluator by e-mail first.",
    conflictMember: "A member of this team cannot evaluate it.",
    conflictSameDepartment:
      "Staff of the same department as team member {{member}} ({{department}}) cannot evaluate this team (conflict of interest rule).",
    alreadyAssigned: "This evaluator is already assigned to this team.",
    notFound: "That evaluation could not be found.",
    hasSubmission: "An evaluator who has submitted an evaluation cannot be unassigned.",
    alreadySubmitted:
      "A submitted evaluation cannot be changed. Ask the coordinators to reopen it if it needs to be.",
    notSubmitted: "This evaluation has not been submitted.",
    scoreOutOfScale: "Give a whole number from 0 to {{max}}.",
    scoreNotScored: "Evaluators do not score this criterion.",
    scoreMissing: "Give this criterion a score to submit.",
    commentTooLong: "A comment can be at most {{max}} characters.",
    commentControlCharacters: "The comment holds characters that cannot be used (control characters).",
    emailInvalid: "Enter a valid e-mail address.",
  },
  coordinator: {
    nav: "Evaluation",
    title: "Team evaluation",
    intro:
      "Assign evaluators to each team and follow their progress. A team member, and under the rule anyone from a member's department, cannot evaluate that team.",
    progress: "{{submitted}} of {{assignments}} evaluator assignments have been submitted.",
    teamsWithout_one: "{{count}} team has no evaluator yet.",
    teamsWithout_other: "{{count}} teams have no evaluator yet.",
    teamNumber: "Team {{number}}",
    outside: "outside",
    outsideTrainer: "outside evaluator",
    assign: {
      title: "Assign an evaluator",
      intro:
        "Choose an evaluator among the organisation's members and the teams they evaluate. With several teams at once, only the teams that cannot be assigned are listed, each with its reason.",
      search: "Find a member",
      searchHint_one: "By name, department or e-mail. {{count}} member to choose from",
      searchHint_other: "By name, department or e-mail. {{count}} members to choose from",
      evaluator: "Evaluator",
      choose: "Choose an evaluator",
      option: "{{name}} · {{department}} · {{email}}",
      teams: "Teams to evaluate",
      teamsHint: "Choose one team or more.",
      submit: "Assign",
      done: "{{name}} was assigned to {{teams}}.",
      refusedTitle: "{{name}} could not be assigned to these teams:",
      refusedItem: "{{team}}: {{reason}}",
      evaluatorRequired: "Choose an evaluator.",
      teamsRequired: "Choose at least one team to evaluate.",
    },
    invite: {
      title: "Invite an outside evaluator",
      intro:
        "Trainers and experts from outside the organisation are invited by e-mail. They hold the evaluator role alone and can be assigned to teams once they have accepted and joined.",
      email: "E-mail to invite",
      emailRequired: "Enter the e-mail address to invite.",
      submit: "Send the invitation",
      sent: "An invitation was sent to {{email}}. Once they join, they appear among the evaluators.",
      alreadyMember: "{{email}} already belongs to a member, who can be assigned right away.",
      pending: "Invited evaluators who have not joined yet",
      pendingItem: "{{email}} (invitation expires {{date}})",
    },
    teams: {
      title: "Evaluators by team",
      caption: "Each team's members, evaluators and their progress",
      team: "Team",
      members: "Members (department)",
      evaluators: "Evaluators and progress",
      member: "{{name}} ({{department}})",
      none: "No evaluator assigned yet.",
      empty: "This cohort has no teams yet. Evaluators can be assigned once the teams are published.",
    },
    status: {
      draft: "Draft",
      reopened: "Reopened ({{when}}), draft",
      submitted: "Submitted ({{when}})",
    },
    unassign: "Unassign",
    unassignLabel: "Unassign {{name}} from {{team}}",
    unassigned: "The assignment was removed.",
    reopen: "Reopen",
    reopenLabel: "Reopen {{name}}'s evaluation of {{team}}",
    reopenConfirm:
      "Reopen {{name}}'s evaluation of {{team}}? It leaves the results until the evaluator submits again, and the reopening is recorded in the audit log.",
    reopened: "The evaluation was reopened. It leaves the results until the evaluator submits it again.",
  },
};
